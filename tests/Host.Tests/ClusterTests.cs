using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentPhone.Build.Tests;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>
/// Three cluster nodes (the server in cluster mode, each its own process) over a throwaway
/// PostgreSQL and Redis, with real phone cores over HTTP in two centers: a node killed under
/// them, and PostgreSQL restarted under load.
/// </summary>
[TestClass]
public sealed class ClusterTests
{
    private const string Acme = "acme";
    private static ThrowawayPostgres _postgres = null!;
    private static ThrowawayRedis _redis = null!;

    [ClassInitialize]
    public static void StartServices(TestContext _)
    {
        // Installed from Debian's packages when missing (inconclusive where that cannot be).
        DebianPackages.Require("postgresql-15", "/usr/lib/postgresql/15/bin/postgres");
        DebianPackages.Require("redis-server", "/usr/bin/redis-server");
        _postgres = new ThrowawayPostgres();
        _redis = new ThrowawayRedis();
    }

    [ClassCleanup]
    public static void StopServices()
    {
        _redis?.Dispose();
        _postgres?.Dispose();
    }

    /// <summary>Three nodes on fixed loopback ports, every node's URL in the configuration (as
    /// the phones are provisioned), each test on a database of its own.</summary>
    private sealed class Cluster : IDisposable
    {
        public readonly ServerProcess?[] Nodes = new ServerProcess?[3];
        public readonly Uri[] Urls = new Uri[3];
        private readonly string[][] _options = new string[3][];
        private readonly string _config;

        public Cluster(string database)
        {
            string postgres = _postgres.NewDatabase(database);
            for (int i = 0; i < 3; i++)
            {
                int port = Repo.FreePort();
                Urls[i] = new Uri($"http://127.0.0.1:{port}/");
                _options[i] = ["--port", port.ToString(), "--url", Urls[i].ToString().TrimEnd('/'), "--silo-port", Repo.FreePort().ToString(), "--postgres", postgres, "--redis", _redis.Address];
            }

            _config = Config(Urls).ToJsonString();
            for (int i = 0; i < 3; i++)
            {
                Start(i);
            }

            // A center the first node up loaded moves to its home once the others joined: the
            // tests begin with both at home.
            HostOf(string.Empty);
            HostOf(Acme);
        }

        public void Start(int node) => Nodes[node] = new ServerProcess(_config, null, _options[node]);

        public void Kill(int node)
        {
            Nodes[node]!.Kill();
            Nodes[node]!.Dispose();
            Nodes[node] = null;
        }

        /// <summary>The node a center runs on now, at its home among the nodes up (bounded wait).</summary>
        public int HostOf(string tenant) => ServerProcess.CenterAtHome(tenant, Nodes, TimeSpan.FromSeconds(30));

        /// <summary>Which nodes said they loaded a center, for a failure's message.</summary>
        public string Loadings(string tenant) => string.Join(", ", Nodes.Select((node, i) =>
            $"node {i}: {node?.Output.Split($"Center \"{tenant}\" runs on this node").Length - 1}"));

        public void Dispose()
        {
            foreach (ServerProcess? node in Nodes)
            {
                node?.Dispose();
            }
        }
    }

    /// <summary>The test center (two tenants) with five phones and agents in each, a 20 s
    /// wrap-up, and rings long enough to outlast a failover.</summary>
    private static JsonObject Config(Uri[] nodes)
    {
        JsonObject config = TestCenter.Config();
        config["api"]!["servers"] = new JsonArray(nodes.Select(u => (JsonNode)u.ToString().TrimEnd('/')).ToArray());
        // Short long-polls: the phones stop soon at the end of a test.
        config["api"]!["eventWaitSeconds"] = 5;
        string hash = PasswordHashes.Hash("1234", TestCenter.Cheap);
        foreach (JsonNode? queue in config["queues"]!.AsArray())
        {
            queue!["wrapUpSeconds"] = 20;
            queue["ringTimeoutSeconds"] = 120;
        }

        JsonArray agents = config["agents"]!.AsArray();
        JsonArray devices = config["devices"]!.AsArray();
        foreach (JsonNode? agent in agents.Where(a => (string?)a!["tenant"] == Acme).ToList())
        {
            agents.Remove(agent);
        }

        for (int n = 1; n <= 5; n++)
        {
            if (n > 2)
            {
                agents.Add(new JsonObject
                {
                    ["id"] = $"700{n}", ["name"] = $"Agent {n}", ["password"] = hash, ["extension"] = $"210{n}",
                    ["team"] = "Support Team", ["queues"] = new JsonArray(new JsonObject { ["name"] = "Support" }),
                });
                devices.Add(new JsonObject { ["name"] = $"SEP00000000210{n}", ["extension"] = $"210{n}" });
            }

            agents.Add(new JsonObject
            {
                ["tenant"] = Acme, ["id"] = $"700{n}", ["name"] = $"Acme Agent {n}", ["password"] = hash, ["extension"] = $"310{n}",
                ["team"] = "Acme Team", ["queues"] = new JsonArray(new JsonObject { ["name"] = "Support" }),
            });
            devices.Add(new JsonObject { ["tenant"] = Acme, ["name"] = $"SEP00000000310{n}", ["extension"] = $"310{n}" });
        }

        return config;
    }

    /// <summary>One center's five phones: Ready, ringing, talking, on hold, in wrap-up.</summary>
    private sealed class Center : IDisposable
    {
        public readonly string Tenant;
        public readonly LivePhone[] Phones = new LivePhone[5];
        public readonly Client[] Desks = new Client[5];
        private readonly Uri _pbxNode;

        public Center(string tenant, Cluster cluster)
        {
            Tenant = tenant;
            _pbxNode = cluster.Urls[1];
            string digit = tenant == Acme ? "3" : "2";
            for (int n = 1; n <= 5; n++)
            {
                // Provisioning gives every phone the nodes in the same order, as an operator lists them.
                Phones[n - 1] = new LivePhone($"SEP00000000{digit}10{n}", $"{digit}10{n}", cluster.Urls[0]);
                Phones[n - 1].Keys($"SOFT1 SOFT3 7 0 0 {n} DOWN 1 2 3 4 SOFT1");
                Phones[n - 1].WaitFor("Agent State: Not Ready");
                // The agent's desktop, beside the phone, on another node.
                Desks[n - 1] = new Client(cluster.Urls[2], null);
                Desks[n - 1].SignIn($"700{n}", $"{digit}10{n}", $"DESK-{n}", tenant: tenant == Acme ? Acme : null);
            }

            Talking(Phone.Talking);
            Talking(Phone.Held);
            Phones[(int)Phone.Held].Keys("SOFT2");
            Phones[(int)Phone.Held].WaitFor("On Hold");
            Talking(Phone.WrapUp);
            Phones[(int)Phone.WrapUp].Keys("HANGUP");
            Phones[(int)Phone.WrapUp].WaitFor("Agent State: Work");
            Ring(Phone.Ringing);
            Phones[(int)Phone.Ready].Keys("1");
            Phones[(int)Phone.Ready].WaitFor("Agent State: Ready");
        }

        public LivePhone this[Phone p] => Phones[(int)p];

        private void Ring(Phone p)
        {
            this[p].Keys("1");
            this[p].WaitFor("Agent State: Ready");
            Offer();
            this[p].WaitFor("Caller Data");
        }

        private void Talking(Phone p)
        {
            Ring(p);
            this[p].Keys("ANSWER");
            this[p].WaitFor("Agent State: Talking");
        }

        /// <summary>The PBX offers a queue call, through its node or <paramref name="via"/> another.</summary>
        public void Offer(Uri? via = null)
        {
            using var pbx = new Client(via ?? _pbxNode, null) { ApiKey = Tenant == Acme ? TestCenter.AcmePbxKey : TestCenter.ApiKey };
            pbx.Ok("POST", "api/v1/calls", new JsonObject
            {
                ["tenant"] = Tenant.Length == 0 ? null : Tenant, ["queue"] = "Support", ["ani"] = "2301", ["dnis"] = "2101",
            }.ToJsonString(), 201);
        }

        /// <summary>What each agent's desktop reads: state and the newest event's number.</summary>
        public (string State, long LastSeq)[] Read(int node, Cluster cluster) => Desks.Select(d =>
        {
            using var reader = new Client(cluster.Urls[node], d.Token);
            JsonNode me = reader.Ok("GET", "api/v1/agents/me");
            return ((string)me["state"]!, (long)me["lastSeq"]!);
        }).ToArray();

        /// <summary>Waits until every phone talks to <paramref name="node"/>, the one running the
        /// center, as its event answers name it (a long-poll comes back within 5 s here).</summary>
        public void PhonesOn(int node, Cluster cluster, string why)
        {
            string url = cluster.Urls[node].ToString().TrimEnd('/');
            var waited = Stopwatch.StartNew();
            while (!Phones.All(p => p.Core.Link.Server(p.Core.Link.Active) == url))
            {
                Assert.IsTrue(waited.Elapsed < TimeSpan.FromSeconds(15),
                    $"{why}: phones on {string.Join(", ", Phones.Select(p => p.Core.Link.Server(p.Core.Link.Active)))}, not {url}");
                Thread.Sleep(100);
            }
        }

        /// <summary>Every agent's events from the first: numbered 1, 2, 3… with none missing or repeated.</summary>
        public void EventsNumberedWithoutGaps(Uri node)
        {
            foreach (Client desk in Desks)
            {
                using var reader = new Client(node, desk.Token);
                JsonArray events = reader.Ok("GET", "api/v1/agents/me/events?after=0&wait=0")["events"]!.AsArray();
                long[] seqs = events.Select(e => (long)e!["seq"]!).ToArray();
                CollectionAssert.AreEqual(Enumerable.Range(1, seqs.Length).Select(i => (long)i).ToArray(), seqs, $"{Tenant}: {string.Join(",", seqs)}");
            }
        }

        public void Dispose()
        {
            Parallel.ForEach(Phones.Where(p => p != null), phone => phone.Dispose());

            foreach (Client desk in Desks)
            {
                desk?.Dispose();
            }
        }
    }

    private enum Phone
    {
        Ready,
        Ringing,
        Talking,
        Held,
        WrapUp,
    }

    [TestMethod]
    public void ANodeKilledUnderItsCenterEveryPhoneCarriesOnWithin5Seconds()
    {
        using var cluster = new Cluster("killed_node");
        using var main = new Center(string.Empty, cluster);
        using var acme = new Center(Acme, cluster);
        int host = cluster.HostOf(string.Empty);
        int reader = (host + 1) % 3;
        main.PhonesOn(host, cluster, "signed in through the first node, the phones move to the center's");
        (string State, long LastSeq)[] before = main.Read(reader, cluster);
        (string State, long LastSeq)[] acmeBefore = acme.Read(reader, cluster);
        string[] screens = main.Phones.Select(p => p.Text()).ToArray();

        cluster.Kill(host);
        var sinceKill = Stopwatch.StartNew();

        // Each phone does what its agent would do next; a refusal while the center moves is
        // tried again, as the agent would after "Service error".
        Acted(main, Phone.Ringing, "ANSWER", screen => screen.Contains("Agent State: Talking"), sinceKill);
        Acted(main, Phone.Talking, "SOFT2", screen => screen.Contains("On Hold"), sinceKill);
        Acted(main, Phone.Held, "SOFT2", screen => !screen.Contains("On Hold"), sinceKill);
        main.Offer(via: cluster.Urls[reader]);
        main[Phone.Ready].WaitFor("Caller Data", 5);
        Assert.IsTrue(sinceKill.Elapsed < TimeSpan.FromSeconds(5), $"every phone worked again {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");
        Assert.IsTrue(main.Phones.All(p => p.Core.SignedIn), "no phone signed in again");
        StringAssert.Contains(screens[(int)Phone.WrapUp], "Agent State: Work");
        StringAssert.Contains(main[Phone.WrapUp].Text(), "Agent State: Work", "the wrap-up goes on");

        // Nothing acknowledged was lost: the desktops read what they read before, plus the new actions.
        (string State, long LastSeq)[] after = main.Read(reader, cluster);
        Assert.AreEqual("TALKING", after[(int)Phone.Ringing].State);
        Assert.AreEqual(before[(int)Phone.WrapUp].State, after[(int)Phone.WrapUp].State);
        Assert.AreEqual(before[(int)Phone.WrapUp].LastSeq, after[(int)Phone.WrapUp].LastSeq, "no event was made or lost for the agent in wrap-up");
        for (int i = 0; i < 5; i++)
        {
            Assert.IsTrue(after[i].LastSeq >= before[i].LastSeq, "sequence numbers continue");
        }

        // The other center, wherever it ran, is as it was.
        CollectionAssert.AreEqual(acmeBefore.Select(a => a.State).ToArray(), acme.Read(reader, cluster).Select(a => a.State).ToArray());

        // The wrap-up still ends, on the node that now runs the center.
        main[Phone.WrapUp].WaitFor("Agent State: Ready", 30);
        main.PhonesOn(cluster.HostOf(string.Empty), cluster, "after the failover the phones follow the center");
        main.EventsNumberedWithoutGaps(cluster.Urls[reader]);
        acme.EventsNumberedWithoutGaps(cluster.Urls[reader]);

        // The node comes back and serves again, and the center, whose home it is, moves back to
        // it: the phones work on, nothing is lost, no event is numbered twice.
        (string State, long LastSeq)[] beforeReturn = main.Read(reader, cluster);
        cluster.Start(host);
        Assert.AreEqual(host, cluster.HostOf(string.Empty), "the center went back to its home node");
        using var desk = new Client(cluster.Urls[host], main.Desks[(int)Phone.Ringing].Token);
        Assert.AreEqual("TALKING", (string)desk.Ok("GET", "api/v1/agents/me")["state"]!);
        CollectionAssert.AreEqual(beforeReturn, main.Read(host, cluster), "every agent as before the move");
        Acted(main, Phone.Talking, "SOFT2", screen => !screen.Contains("On Hold"), Stopwatch.StartNew());
        main.PhonesOn(host, cluster, "the center back home, its phones follow it");
        main.EventsNumberedWithoutGaps(cluster.Urls[host]);
    }

    [TestMethod]
    public void ALongPollOnEveryNodeWakesWithTheChangeMadeOnAnother()
    {
        using var cluster = new Cluster("long_polls");
        using var desk = new Client(cluster.Urls[1], null);
        desk.SignIn("7002", "2102", "DESK-7002");
        long last = (long)desk.Ok("GET", "api/v1/agents/me")["lastSeq"]!;

        // A long-poll on each node, the center running on one of them; the waits are the
        // configuration's 5 s, so an answer well within them came with the change, not at the end.
        var polls = cluster.Urls.Select(url => Task.Run(() =>
        {
            using var reader = new Client(url, desk.Token);
            var took = Stopwatch.StartNew();
            JsonNode answer = reader.Ok("GET", $"api/v1/agents/me/events?after={last}&wait=5");
            return (answer, took.Elapsed);
        })).ToArray();
        Thread.Sleep(1000);
        desk.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");

        foreach (var poll in polls)
        {
            var (answer, took) = poll.Result;
            JsonArray events = answer["events"]!.AsArray();
            Assert.AreEqual(1, events.Count(e => (string?)e!["kind"] == "STATE_CHANGED" && (string?)e["state"] == "READY"), $"{answer.ToJsonString()} after {took.TotalSeconds:F1} s; loadings of the center: {cluster.Loadings("")}");
            Assert.IsTrue(took < TimeSpan.FromSeconds(4), $"answered after {took.TotalSeconds:F1} s: woken by the change, not by the wait's end");
        }
    }

    [TestMethod]
    public void PostgreSqlRestartedUnderLoadRefusesCleanlyAndLosesNothing()
    {
        using var cluster = new Cluster("restarted_store");
        using var phone = new LivePhone("SEP000000002101", "2101", cluster.Urls[0]);
        phone.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        phone.WaitFor("Agent State: Not Ready");

        // The load: a desktop changes its agent's state as fast as the answers come.
        using var desk = new Client(cluster.Urls[1], null);
        desk.SignIn("7002", "2102", "DESK-7002");
        string? acknowledged = null;
        int changes = 0;
        var refusals = new List<string>();
        bool stop = false;
        Task load = Task.Run(() =>
        {
            bool ready = false;
            while (!Volatile.Read(ref stop))
            {
                var (status, json) = desk.Send("PUT", "api/v1/agents/me/state", ready ? "{\"state\":\"NOT_READY\",\"reasonCode\":1}" : "{\"state\":\"READY\"}");
                if (status == 200)
                {
                    ready = !ready;
                    acknowledged = (string)json["state"]!;
                    Interlocked.Increment(ref changes);
                }
                else
                {
                    lock (refusals)
                    {
                        refusals.Add($"{status} {json["error"]?["code"]}");
                    }

                    Thread.Sleep(50);
                }
            }
        });

        SpinWait.SpinUntil(() => Volatile.Read(ref changes) > 20, 10_000);
        _postgres.Stop();
        // The outage felt: a change refused (bounded: a store that never refused fails below).
        SpinWait.SpinUntil(() => { lock (refusals) { return refusals.Count > 0; } }, 30_000);
        int duringOutage = Volatile.Read(ref changes);
        _postgres.Start();
        // Service resumes by itself once the store takes writes again.
        Assert.IsTrue(SpinWait.SpinUntil(() => Volatile.Read(ref changes) > duringOutage + 20, 30_000), "changes are accepted again after PostgreSQL is back");
        Volatile.Write(ref stop, true);
        load.Wait();

        Assert.IsTrue(refusals.Count > 0, "the outage was felt");
        CollectionAssert.AreEquivalent(new[] { "503 STORAGE_FAILED" }, refusals.Distinct().ToArray(), "a store outage is a clean 503 with its JSON error");
        Assert.AreEqual(acknowledged, desk.State(), "the last acknowledged change stands");
        using var reader = new Client(cluster.Urls[2], desk.Token);
        // The events around the outage: a stream holds at least the last ones a snapshot keeps,
        // more than the changes made after PostgreSQL came back.
        long lastSeq = (long)reader.Ok("GET", "api/v1/agents/me")["lastSeq"]!;
        long after = Math.Max(0, lastSeq - AgentPhone.Server.AgentServer.SnapshotEventsPerStream);
        JsonArray events = reader.Ok("GET", $"api/v1/agents/me/events?after={after}&wait=0")["events"]!.AsArray();
        long[] seqs = events.Select(e => (long)e!["seq"]!).ToArray();
        Assert.AreEqual(seqs.Length - 1, seqs[^1] - seqs[0], "event numbers run without a gap or repeat: " + string.Join(",", seqs));

        Assert.IsTrue(phone.Core.SignedIn);
        phone.Keys("1");
        phone.WaitFor("Agent State: Ready");
    }

    private static JournalEntry Entry(long id, string body) =>
        new() { Id = id, AtMs = 1000 + id, Method = "PUT", Path = "/api/v1/agents/me/state", Body = body, Digest = "d" + id };

    /// <summary>A center run twice on two nodes (the case the journal's keys guard): the second
    /// writer's batch meets an entry the first committed and fails whole, so its other entry is
    /// not kept either.</summary>
    [TestMethod]
    public void AJournalWriteThatMeetsACommittedEntryKeepsNoneOfItsEntries()
    {
        using var postgres = AgentPhone.ServerHost.Cluster.ClusterNode.DataSource(_postgres.NewDatabase("journal_atomic"));
        using var node1 = new AgentPhone.ServerHost.Cluster.PostgresCommits(postgres);
        using var node2 = new AgentPhone.ServerHost.Cluster.PostgresCommits(postgres);
        using var first = new AgentPhone.ServerHost.Cluster.PostgresJournalStore(node1, "center/");
        using var second = new AgentPhone.ServerHost.Cluster.PostgresJournalStore(node2, "center/");
        for (int commit = 1; commit <= 10; commit++)
        {
            // Enough commits for the statement to be prepared on the connection.
            first.Write([Entry(commit, "first")], null, 0, 0);
        }

        Assert.ThrowsException<Npgsql.PostgresException>(() => second.Write([Entry(11, "second"), Entry(10, "second")], null, 0, 0));

        List<JournalEntry> kept = second.After(0);
        Assert.AreEqual(10, kept.Count, "entry 11 of the failed batch is not kept");
        Assert.IsTrue(kept.All(e => e.Body == "first"));
        first.Write([Entry(11, "first")], null, 0, 0);
        Assert.AreEqual(11, first.MaxId());
    }

    /// <summary>Six centers on one node commit at once, their commits grouped into shared
    /// transactions, while a second copy of one of them keeps meeting its committed entry: only
    /// the copy's commits fail, and every other center keeps all it wrote.</summary>
    [TestMethod]
    public void ACenterRefusedByPostgreSqlFailsAloneAmongTheCommitsOfItsNode()
    {
        using var postgres = AgentPhone.ServerHost.Cluster.ClusterNode.DataSource(_postgres.NewDatabase("journal_grouped"));
        using var node = new AgentPhone.ServerHost.Cluster.PostgresCommits(postgres);
        var stores = Enumerable.Range(0, 6).Select(c => new AgentPhone.ServerHost.Cluster.PostgresJournalStore(node, "center/c" + c)).ToArray();
        using var twin = new AgentPhone.ServerHost.Cluster.PostgresJournalStore(node, "center/c0");
        stores[0].Write([Entry(1, "c0")], null, 0, 0);
        const int Commits = 60;
        int twinRefused = 0;
        var writers = stores.Select((store, c) => Task.Run(() =>
        {
            for (long id = c == 0 ? 2 : 1; id <= Commits; id++)
            {
                store.Write([Entry(id, "c" + c)], null, 0, 0);
            }
        })).Append(Task.Run(() =>
        {
            for (int i = 0; i < Commits; i++)
            {
                Assert.ThrowsException<Npgsql.PostgresException>(() => twin.Write([Entry(1, "twin")], null, 0, 0));
                twinRefused++;
            }
        })).ToArray();
        Task.WaitAll(writers, TimeSpan.FromMinutes(2));

        Assert.AreEqual(Commits, twinRefused);
        for (int c = 0; c < stores.Length; c++)
        {
            List<JournalEntry> kept = stores[c].After(0);
            Assert.AreEqual(Commits, kept.Count, $"center c{c} keeps every commit");
            Assert.IsTrue(kept.All(e => e.Body == "c" + c));
            stores[c].Dispose();
        }
    }

    /// <summary>SIGTERM with the cluster's Redis gone: the node leaves within seconds (it waited
    /// out Redis's timeouts for two minutes), saying why, and its journal is PostgreSQL's.</summary>
    [TestMethod]
    public void ANodeLeavesSoonAfterSigtermWithRedisGone()
    {
        var redis = new ThrowawayRedis();
        int port = Repo.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var node = new ServerProcess(Config([url]).ToJsonString(), null,
            "--port", port.ToString(), "--url", url.ToString().TrimEnd('/'), "--silo-port", Repo.FreePort().ToString(), "--postgres", _postgres.NewDatabase("redisgone"), "--redis", redis.Address);
        ServerProcess.CenterAtHome(string.Empty, [node], TimeSpan.FromSeconds(30));
        using (Client desk = new(url, null))
        {
            desk.SignIn("7001", "2101", "DESK");
        }

        redis.Dispose();
        var (took, exit) = node.Terminate();
        Assert.IsTrue(took < TimeSpan.FromSeconds(8), $"the node left {took.TotalSeconds:F1} s after SIGTERM (it leaves after 4.5 s at the latest):\n{node.Output}");
        Assert.IsTrue(exit is 0 or AgentPhone.ServerHost.Cluster.ClusterNode.LateStop, $"exit code {exit}:\n{node.Output}");
    }

    /// <summary>docs/cluster.md's try-out command, exactly as written, from the repository root:
    /// three nodes with the demo center answer, and it stops cleanly on SIGTERM.</summary>
    [TestMethod]
    public void TheTryOutCommandRunsAClusterAndStopsIt()
    {
        StringAssert.Contains(File.ReadAllText(Path.Combine(Repo.Root, "docs", "cluster.md")), "bash host/cluster-tryout.sh\n");
        var output = new System.Text.StringBuilder();
        using var script = new Process { StartInfo = new ProcessStartInfo("bash", "host/cluster-tryout.sh") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true } };
        script.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        script.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        script.Start();
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        string Printed() { lock (output) { return output.ToString(); } }
        try
        {
            Assert.IsTrue(SpinWait.SpinUntil(() => Printed().Split("cluster node listening on").Length == 4 || script.HasExited, TimeSpan.FromMinutes(5)), "three nodes within 5 minutes:\n" + Printed());
            Assert.IsFalse(script.HasExited, Printed());
            using var desk = new Client(new Uri("http://127.0.0.1:8083/"), null);
            desk.SignIn("7001", "2101", "DESK-TRYOUT", "1234");
            using var elsewhere = new Client(new Uri("http://127.0.0.1:8084/"), desk.Token);
            Assert.AreEqual("NOT_READY", elsewhere.State());
            Assert.AreEqual("http://127.0.0.1:8082", (string?)elsewhere.Ok("GET", "api/v1/devices/SEP000000002101")["servers"]![0], "the phones learn every node");

            // The emulator's phones against the three nodes, by the command the page gives.
            const string Emulator = "dotnet run --project host/Emulator -- --port 8080 --server http://127.0.0.1:8082 http://127.0.0.1:8083 http://127.0.0.1:8084";
            StringAssert.Contains(File.ReadAllText(Path.Combine(Repo.Root, "docs", "cluster.md")), Emulator);
            using (ReadmeCommandTests.Started emulator = ReadmeCommandTests.Running(Emulator, "agent server "))
            {
                StringAssert.Contains(emulator.StartLine, "agent server http://127.0.0.1:8082, http://127.0.0.1:8083, http://127.0.0.1:8084");
                using var control = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8080/") };
                control.PostAsync("emulator/phones/" + PhoneId(control) + "/keys", new StringContent("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1")).Result.EnsureSuccessStatusCode();
                Assert.IsTrue(SpinWait.SpinUntil(() => control.GetStringAsync("emulator/phones/" + PhoneId(control) + "/screen").Result.Contains("Agent State: Not Ready"), 20_000),
                    "an emulated phone signs in on the cluster");
            }

            // The failover the page asks for: kill -9 of one node leaves the other two serving.
            string said = Printed().Split('\n').First(l => l.StartsWith("node http://127.0.0.1:8082 is process ", StringComparison.Ordinal));
            int first = int.Parse(said.Split(' ')[4]);
            Process.GetProcessById(first).Kill();
            Assert.IsTrue(SpinWait.SpinUntil(() => Printed().Contains("node http://127.0.0.1:8082 (process " + first + ") ended", StringComparison.Ordinal), 30_000), "the script says the node ended:\n" + Printed());
            Assert.IsTrue(SpinWait.SpinUntil(() => Answers(elsewhere), TimeSpan.FromMinutes(1)), "the other nodes carry on after one is killed:\n" + Printed());
            Assert.IsFalse(script.HasExited, "the cluster runs on with two nodes:\n" + Printed());
            Assert.IsFalse(Printed().Contains("cluster stopped", StringComparison.Ordinal), Printed());
            using var second = new Client(new Uri("http://127.0.0.1:8083/"), desk.Token);
            Assert.AreEqual("NOT_READY", second.State(), "the agent's session survives on the second node");
        }
        finally
        {
            if (!script.HasExited)
            {
                Signals.Terminate(script.Id);
            }

            bool stopped = script.WaitForExit(60_000);
            if (!stopped)
            {
                script.Kill(entireProcessTree: true);
            }

            Assert.IsTrue(stopped, "stopped within 60 s of SIGTERM:\n" + Printed());
        }

        StringAssert.Contains(Printed(), "cluster stopped");
    }

    private static bool Answers(Client client)
    {
        try
        {
            return client.Send("GET", "api/v1/agents/me").Status == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string PhoneId(HttpClient control) =>
        (string)JsonNode.Parse(control.GetStringAsync("emulator/phones").Result)!.AsArray()[0]!["id"]!;

    private static void Acted(Center center, Phone phone, string keys, Func<string, bool> done, Stopwatch since)
    {
        while (!done(center[phone].Text()))
        {
            Assert.IsTrue(since.Elapsed < TimeSpan.FromSeconds(5), $"{phone} did not carry on within 5 s:\n{center[phone].Text()}");
            center[phone].Keys(keys);
            if (!done(center[phone].Text()))
            {
                Thread.Sleep(200);
            }
        }
    }
}
