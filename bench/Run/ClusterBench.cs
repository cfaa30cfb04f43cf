using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentPhone.ServerHost;

namespace AgentPhone.Bench.Run;

/// <summary>
/// The server in cluster mode: three node processes on this machine over a throwaway PostgreSQL
/// and Redis. The failover time with 2,000 signed-in agents (the node running their center
/// killed; each agent's next state change, tried again as an agent would, until it is
/// acknowledged), the closed-loop state-change throughput of three nodes against one, and 20
/// centers of 500 phones each on three nodes under the load bench's phones.
/// </summary>
public static class ClusterBench
{
    private const int FailoverAgents = 2_000;
    private const int ComebackAgents = 100;
    private const int Centers = 20;
    private const int AgentsPerCenter = 500;
    private const int WindowSeconds = 30;
    // Three nodes' tiered JIT on two shared cores still compiled about a hundred methods a second
    // 75 s after start (a sixth of the nodes' CPU): the window starts once that has settled, as
    // on a node that has run for a while.
    private const int WarmUpSeconds = 60;
    private const int ThroughputCenters = 6;
    private const int ThroughputClientsPerCenter = 16;
    private const int RetryMs = 250;

    public static Report Run()
    {
        var report = new Report("Cluster", $"The server in cluster mode: three node processes (Orleans silo + Kestrel each) on this machine, over a PostgreSQL 15 and a Redis of Debian's packages started for the run, all on the same {Environment.ProcessorCount} cores as this load generator. Failure detection as shipped (probes every 1 s, a node declared dead after 2 missed, by 2 votes). Agents sign in against a cheap hash (1,000 iterations); no sign-in is measured here.");
        using var postgres = new ThrowawayPostgres();
        using var redis = new ThrowawayRedis();

        FailoverResult failover = Failover(postgres, redis);
        double[] recover = failover.RecoverMs;
        report.Table(["signed-in agents", "kill to first acknowledged change", "p50 of the agents", "p99", "last agent"],
            [[FailoverAgents.ToString("N0"), LoadBench.Ms(recover[0]), LoadBench.Ms(recover[recover.Length / 2]), LoadBench.Ms(recover[(int)(recover.Length * 0.99)]), LoadBench.Ms(recover[^1])]]);
        report.Note($"{FailoverAgents:N0} agents of one center hold their event long-polls, their phones spread over the three nodes. The node running the center is killed (SIGKILL); at once every agent asks for Ready and asks again every {RetryMs} ms while refused (a phone whose node is gone moves to its next node), as an agent presses again after \"Service error\". Measured from the kill to each agent's change acknowledged. Cisco Finesse takes 120-150 s to recover 2,000 agents after a CTI failover, its desktops a few minutes more.");
        report.Target("failover with 2,000 signed-in agents: every agent's change acknowledged within 5 s of the kill", recover[^1] < 5000, $"last agent after {recover[^1] / 1000:F1} s");
        report.Table(["the killed node started again", "center back on it", "slowest change meanwhile", "refused"],
            [[$"{ComebackAgents} agents changing state", $"{failover.HomeAfterMs / 1000:F1} s after the start", LoadBench.Ms(failover.SlowestChangeMs), failover.Refused.ToString()]]);
        report.Note($"Then the killed node is started again at its address, and the center, whose home it is, moves back to it (two checks 5 s apart, then a snapshot at the stop and a load from it there), while {ComebackAgents} of the agents change state in a closed loop through the nodes until 3 s after the center runs there. Measured from the node's start.");

        var (one, three) = (Throughput(postgres, redis, 1), Throughput(postgres, redis, 3));
        report.Table(["closed loop, state changes", "1 node", "3 nodes", "ratio"],
            [[$"{ThroughputCenters} centers, {ThroughputCenters * ThroughputClientsPerCenter} clients", $"{one:F0}/s", $"{three:F0}/s", $"{three / one:F2}"]]);
        report.Note($"The same {ThroughputCenters} centers on a cluster of one node and of three, each client changing its agent's state again as soon as the last change returned, the clients spread over the nodes. A center runs on one node, so three nodes add capacity only with cores to add: here the three share the machine's {Environment.ProcessorCount} cores with PostgreSQL and this generator, and a request that lands on a node not running its center costs a hop between nodes.");

        (LoadBench.LoadResult alone, _) = CentersUnderLoad(postgres, redis, 1);
        (LoadBench.LoadResult r, string spread) = CentersUnderLoad(postgres, redis, 3);
        report.Table(["centers × phones", "nodes", "centers per node", "state changes", "change p50", "change p99", "event delivery p50", "p99", "errors"],
            [Row(alone, "1", Centers.ToString()), Row(r, "3", spread)]);
        report.Note($"Each center a tenant of its own ({AgentsPerCenter} agents, a queue, a PBX key); the phones as in the load runs (the phone core's requests; calls answered and released into wrap-up), phone i signed in on node i mod 3, then talking to the node its event answers name, the one running its center (docs/cluster.md); the PBXs of the {Centers} centers take turns offering 5 calls a second; {WindowSeconds} s measured after {WarmUpSeconds} s of warm-up. The same on one node, in the row above it, for the cost of three nodes sharing this machine: the one node serves every phone with no hop between nodes and no second or third process. One run each.");
        report.Note("Cut so far: (1) a waiting long-poll kept about 1.7 KB alive (five nested async frames, a list per stream, a key string per wait, ended waits held until their deadline); now about 0.8 KB besides the request's own strings. (2) News that a stream reached sequence N, arriving at a node after one of its phones' long-polls had already begun after N, woke that poll for nothing; now it wakes only the waits that began before N. (3) A center told every node of every commit (each node heard about 345 messages a second, a third of them needed); now it tells only the nodes that wait on a changed stream, once per wait. (4) The centers spread: before, the first node up ran nearly all of them until a node died (17 / 3 / 0 typical); now each runs at its home (docs/cluster.md). (5) A phone talked to the node it signed in on, so two requests in three took a hop to the node running their center; now the center names its node in its event answers and the phone talks to that node. Runs of this size on one day: before (1) and (2) p99 33.0 and 60.9 ms, after them 17.9 to 31.0 ms over four runs; on noisier days (3) and (4) moved nothing beyond the noise between runs (44.7 to 67.5 ms). (5), on the day it was built: 37.5 to 80.5 ms in runs before it, 32.9 and 49.2 ms in the first two runs after it.");
        report.Note("Where the tail was before (5), measured in separate runs of this size on one day with timing added to the nodes for the purpose: not the collectors. A node collects its young generation every 10 to 15 s (four collections of 30 to 46 ms in a 30 s window on the three nodes), and the changes slower than 20 ms are spread over the whole window, not gathered at the collections. It is the handoffs of a request on two oversubscribed cores: a change passes a socket, the node's thread pool, the hop to the node running its center for two phones in three (phone i on node i mod 3), the center's journal thread, a PostgreSQL backend and back, and each waits for a core among seven to seventeen runnable threads (100,000 to 165,000 context switches a second, 45 % of the time in the kernel). Inside the nodes a change took p50 2.0 to 3.0 ms and p99 33 to 63 ms; a Skill Stats read, which writes nothing, p99 19 to 39 ms; the journal's commit of an entry, queued to durable, p99 35 to 43 ms, of which PostgreSQL's write p99 25 to 35 ms (14 ms with PostgreSQL's fsync off: the backends wait for a core, not the disk). With the phones sent to the node that runs their center (the generator told where each center ran, before (5) was built), two runs gave 38.2 and 37.5 ms against 68.7 in the run between them (43.6 to 55.0 in the runs before), the Stats read p99 inside the nodes 5 to 8 ms, the change 26 to 27 ms. What remains after (5): the journal's commit (queued to durable p99 20 to 26 ms in those runs) and this generator's own share (about 10 ms at p99 between the node's time and the phone's). Tried in turn, three runs each: thread-pool workers that never spin (a third of each node's CPU samples were their spinning; context switches fell to 26,000 a second) 53.2 / 46.7 / 47.2 ms against 55.0 / 43.6 / 46.1 as shipped; socket completions run inline 48.1 / 38.8 / 40.3 ms, left since they run request code on the socket's event thread. Tried and left earlier: server-collector threads not bound to cores; one collector heap per node; a young generation capped at 16 MB or at 256 MB; Orleans' activation rebalancer (experimental); tiered PGO off; the server collector without its dynamic adaptation.");
        report.Note("Tried after (5), runs of this size on one later day taken in turn: the spread of the centers is not it (7 / 8 / 5 and 7 / 7 / 6 gave 45.2 and 42.3 ms, 2 / 5 / 13 the day before 49.2); a node's commits on two or three PostgreSQL connections at once instead of one, so no center waits for another's write, 54.2 / 56.0 and 57.5 / 52.3 ms against 48.4 / 36.0 with one, and one connection per center 63.1 / 72.2; a center's calls from its own node served without Orleans' messaging, 42.2 / 41.8 against 72.6 / 39.5; the nodes' thread-pool workers never spinning, 38.7 / 46.4 against 37.8 / 38.8. None was kept. One node serving all twenty centers gave 29.3 and 34.3 ms against 42.7 and 42.3 on three (the row for one node above measures it in this run; the single server, without Orleans and PostgreSQL, is under Load with as many phones): on these two cores the tail is the handoffs to the journal's writer and to PostgreSQL and back, each waiting for a core, more than anything one node does.");
        report.Target($"{Centers} centers of {AgentsPerCenter} agents on three nodes: state change p99 < 25 ms, no errors", r.Change.P99 < 25 && r.Errors == 0,
            $"state change p99 {LoadBench.Ms(r.Change.P99)}, {r.Errors} errors");
        return report;
    }

    /// <summary>Three nodes (or <paramref name="nodes"/>) on a database of their own.</summary>
    private sealed class Nodes : IDisposable
    {
        public readonly ServerProcess?[] Processes;
        public readonly string[] Urls;

        public Nodes(ThrowawayPostgres postgres, ThrowawayRedis redis, string database, JsonObject config, int nodes = 3)
        {
            string connection = postgres.NewDatabase(database);
            var ports = Enumerable.Range(0, nodes).Select(_ => Loopback.FreePort()).ToArray();
            Urls = ports.Select(p => $"http://127.0.0.1:{p}/").ToArray();
            config["api"]!["servers"] = new JsonArray(Urls.Select(u => (JsonNode)u.TrimEnd('/')).ToArray());
            Processes = ports.Select(p => (ServerProcess?)new ServerProcess(config.ToJsonString(), null,
                "--port", p.ToString(), "--url", $"http://127.0.0.1:{p}", "--silo-port", Loopback.FreePort().ToString(), "--postgres", connection, "--redis", redis.Address)).ToArray();
        }

        public int HostOf(string tenant) => ServerProcess.CenterAtHome(tenant, Processes, TimeSpan.FromSeconds(60));

        public void Dispose()
        {
            foreach (ServerProcess? p in Processes)
            {
                p?.Dispose();
            }
        }
    }

    private static FailoverResult Failover(ThrowawayPostgres postgres, ThrowawayRedis redis)
    {
        using var nodes = new Nodes(postgres, redis, "bench_failover", Config([""], FailoverAgents));
        string[] tokens = SignIn(nodes.Urls, [""], FailoverAgents);
        HttpClient[] clients = nodes.Urls.Select(u => LoadBench.NewClient(u)).ToArray();
        using var stop = new CancellationTokenSource();

        // Every agent's phone holds its long-poll, moving to its next node when one is gone.
        Task[] polls = tokens.Select((token, i) => Task.Run(async () =>
        {
            int node = i % clients.Length;
            long seq = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var request = LoadBench.Request(HttpMethod.Get, $"api/v1/agents/me/events?after={seq}&wait=25", token);
                    using var response = await clients[node].SendAsync(request, stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        seq = (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["lastSeq"]!;
                    }
                    else
                    {
                        await Task.Delay(RetryMs, stop.Token);
                    }
                }
                catch (Exception e) when (NodeGone(e))
                {
                    node = (node + 1) % clients.Length;
                }
                catch (OperationCanceledException)
                {
                }
            }
        })).ToArray();
        Thread.Sleep(3000);

        int host = nodes.HostOf("");
        nodes.Processes[host]!.Kill();
        var sinceKill = Stopwatch.StartNew();
        var recovered = new double[tokens.Length];
        Task[] changes = tokens.Select((token, i) => Task.Run(async () =>
        {
            int node = i % clients.Length;
            while (sinceKill.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var request = LoadBench.Request(HttpMethod.Put, "api/v1/agents/me/state", token, "{\"state\":\"READY\"}");
                    using var response = await clients[node].SendAsync(request);
                    if (response.IsSuccessStatusCode)
                    {
                        recovered[i] = sinceKill.Elapsed.TotalMilliseconds;
                        return;
                    }

                    await Task.Delay(RetryMs);
                }
                catch (Exception e) when (NodeGone(e))
                {
                    node = (node + 1) % clients.Length;
                }
            }

            recovered[i] = double.PositiveInfinity;
        })).ToArray();
        Task.WaitAll(changes);

        // The killed node comes back at its address, and the center, whose home it is, moves
        // back to it, while agents go on changing state: the move costs them their slowest
        // change and any refusal.
        var sinceStart = Stopwatch.StartNew();
        nodes.Processes[host]!.Start();
        using var moved = new CancellationTokenSource();
        var slowest = new double[ComebackAgents];
        int refused = 0;
        Task[] movers = tokens.Take(ComebackAgents).Select((token, i) => Task.Run(async () =>
        {
            int node = i % clients.Length;
            bool ready = true;
            while (!moved.IsCancellationRequested)
            {
                var took = Stopwatch.StartNew();
                try
                {
                    using var request = LoadBench.Request(HttpMethod.Put, "api/v1/agents/me/state", token, ready ? "{\"state\":\"NOT_READY\"}" : "{\"state\":\"READY\"}");
                    using var response = await clients[node].SendAsync(request);
                    if (response.IsSuccessStatusCode)
                    {
                        ready = !ready;
                        slowest[i] = Math.Max(slowest[i], took.Elapsed.TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                        await Task.Delay(RetryMs);
                    }
                }
                catch (Exception e) when (NodeGone(e))
                {
                    node = (node + 1) % clients.Length;
                }
            }
        })).ToArray();
        nodes.HostOf("");
        double homeAfterMs = sinceStart.Elapsed.TotalMilliseconds;
        Thread.Sleep(3000);
        moved.Cancel();
        Task.WaitAll(movers);
        stop.Cancel();
        Task.WaitAll(polls, TimeSpan.FromSeconds(60));
        foreach (HttpClient c in clients)
        {
            c.Dispose();
        }

        Array.Sort(recovered);
        return new(recovered, homeAfterMs, slowest.Max(), refused);
    }

    /// <summary>The failover's figures: each agent's recovery, and the move back to the node
    /// that came back (when the center ran there again, the slowest change meanwhile, refusals).</summary>
    private sealed record FailoverResult(double[] RecoverMs, double HomeAfterMs, double SlowestChangeMs, int Refused);

    // A phone's node is gone: it refused the connection, or reset it mid-answer.
    private static bool NodeGone(Exception e) => e is HttpRequestException or IOException or System.Net.Sockets.SocketException;

    private static double Throughput(ThrowawayPostgres postgres, ThrowawayRedis redis, int nodeCount)
    {
        string[] tenants = Enumerable.Range(0, ThroughputCenters).Select(c => $"c{c:D2}").ToArray();
        using var nodes = new Nodes(postgres, redis, $"bench_throughput_{nodeCount}", Config(tenants, ThroughputClientsPerCenter), nodeCount);
        string[] tokens = SignIn(nodes.Urls, tenants, ThroughputClientsPerCenter);
        return LoadBench.Throughput(nodes.Urls, tokens);
    }

    private static string[] Row(LoadBench.LoadResult r, string nodes, string spread) =>
        [$"{Centers} × {AgentsPerCenter}", nodes, spread, $"{r.ChangesPerSecond:F0}/s", LoadBench.Ms(r.Change.P50), LoadBench.Ms(r.Change.P99), LoadBench.Ms(r.Delivery.P50), LoadBench.Ms(r.Delivery.P99), r.Errors.ToString()];

    /// <summary>The phones' figures on <paramref name="nodeCount"/> nodes, and how many centers
    /// each node ran (e.g. "9 / 7 / 4").</summary>
    private static (LoadBench.LoadResult Result, string Spread) CentersUnderLoad(ThrowawayPostgres postgres, ThrowawayRedis redis, int nodeCount)
    {
        string[] tenants = Enumerable.Range(0, Centers).Select(c => $"c{c:D2}").ToArray();
        using var nodes = new Nodes(postgres, redis, $"bench_centers_{nodeCount}", Config(tenants, AgentsPerCenter), nodeCount);
        string[] tokens = SignIn(nodes.Urls, tenants, AgentsPerCenter);
        LoadBench.LoadResult result = LoadBench.Phones(nodes.Urls, tokens, WarmUpSeconds, WindowSeconds, [], tenants.Select(t => ((string?)t, PbxKey(t))).ToArray());
        return (result, string.Join(" / ", nodes.Processes.Select(p => tenants.Count(t => p!.RunsCenter(t)))));
    }

    private static string PbxKey(string tenant) => "bench-key-" + tenant;

    /// <summary>Every agent of every center signed in, through the nodes in turn: their tokens.</summary>
    private static string[] SignIn(string[] urls, string[] tenants, int perCenter)
    {
        HttpClient[] clients = urls.Select(u => LoadBench.NewClient(u, 16)).ToArray();
        var tokens = new string[tenants.Length * perCenter];
        Parallel.For(0, tokens.Length, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i =>
        {
            string tenant = tenants[i / perCenter];
            string at = tenant.Length == 0 ? "" : $"\"tenant\":\"{tenant}\",";
            string body = $"{{{at}\"agentId\":\"{100000 + i}\",\"password\":\"1234\",\"extension\":\"{300000 + i}\",\"device\":\"SEP{i:D12}\"}}";
            for (int attempt = 0; ; attempt++)
            {
                using var request = LoadBench.Request(HttpMethod.Post, "api/v1/signin", null, body);
                using var response = clients[i % clients.Length].Send(request);
                string text = response.Content.ReadAsStringAsync().Result;
                if (response.IsSuccessStatusCode)
                {
                    tokens[i] = (string)JsonNode.Parse(text)!["token"]!;
                    return;
                }

                if (attempt == 20)
                {
                    throw new InvalidOperationException($"sign-in {i} refused: {text}");
                }

                Thread.Sleep(500);   // a center still loading
            }
        });
        foreach (HttpClient c in clients)
        {
            c.Dispose();
        }

        return tokens;
    }

    /// <summary>Centers (tenants; "" the default one) of agents numbered from 100000 in order, each
    /// center with its queue Q, its PBX key and a Not Ready reason.</summary>
    private static JsonObject Config(string[] tenants, int perCenter)
    {
        HashCost cheap = HashCost.Argon(64, 1);   // sign-in cost is not what this measures
        string secret = PasswordHashes.Hash("1234", cheap);
        var agents = new JsonArray();
        var queues = new JsonArray();
        var keys = new JsonArray();
        var reasons = new JsonArray();
        for (int c = 0; c < tenants.Length; c++)
        {
            string? tenant = tenants[c].Length == 0 ? null : tenants[c];
            queues.Add(new JsonObject { ["tenant"] = tenant, ["name"] = "Q", ["ringTimeoutSeconds"] = 15, ["wrapUpSeconds"] = 10 });
            keys.Add(new JsonObject { ["tenant"] = tenant, ["key"] = PbxKey(tenants[c]) });
            reasons.Add(new JsonObject { ["tenant"] = tenant, ["kind"] = Protocol.ReasonKinds.ToWire(Protocol.ReasonKind.NotReady), ["code"] = 1, ["label"] = "Break" });
            for (int a = 0; a < perCenter; a++)
            {
                int i = c * perCenter + a;
                agents.Add(new JsonObject
                {
                    ["tenant"] = tenant, ["id"] = (100000 + i).ToString(), ["name"] = "Agent " + i, ["password"] = secret,
                    ["extension"] = (300000 + i).ToString(), ["queues"] = new JsonArray(new JsonObject { ["name"] = "Q" }),
                });
            }
        }

        return new JsonObject
        {
            ["pbxKeys"] = keys,
            ["api"] = new JsonObject { ["statsPollSeconds"] = 15, ["eventWaitSeconds"] = 25, ["signInsPerSecondPerAddress"] = 1_000_000 },
            ["core"] = cheap.ConfigKeys(),
            ["queues"] = queues,
            ["agents"] = agents,
            ["reasons"] = reasons,
        };
    }
}
