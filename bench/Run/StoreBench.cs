using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentPhone.Protocol;
using AgentPhone.Server;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Bench.Run;

/// <summary>
/// The store over a long history: a center of 1,000 signed-in agents takes state changes from 64
/// clients at a time through the host (edge hashing, route table, digest, group commit, default
/// snapshot settings) until 1,000,000 and then 10,000,000 changes; at each mark it is stopped and
/// started again on its database. A restart must cost the center's size, not its history. Beside
/// it, how long a snapshot holds the lock (the copy of the state) for 1,000 and 10,000 agents.
/// </summary>
public static class StoreBench
{
    private const int Agents = 1_000;
    private const int Clients = 64;
    private static readonly long[] Marks = [1_000_000, 10_000_000];

    public static Report Run()
    {
        var report = new Report("Store: history, restart and snapshots",
            $"A center of {Agents:N0} signed-in agents in one queue, in this process, driven through the host's own request path by {Clients} concurrent clients changing state (Ready, Not Ready with a reason), default settings (a snapshot every {new StoreOptions().SnapshotEveryEntries:N0} entries or {new StoreOptions().SnapshotEverySeconds} s). At each mark the center is stopped cleanly (which snapshots what the journal holds beyond the last snapshot) and started again on its database; a killed server would also replay the entries since its last snapshot, at most the {new StoreOptions().SnapshotEveryEntries:N0} between two.");
        string folder = Directory.CreateTempSubdirectory("agentserver-store-").FullName;
        string config = Path.Combine(folder, "center.json");
        File.WriteAllText(config, Center(Agents).ToJsonString());
        string db = Path.Combine(folder, "center.db");
        var rows = new List<string[]>();
        var starts = new List<double>();
        var sizes = new List<double>();
        var host = new CenterHost(config, db);
        string[] tokens = SignIn(host);
        long done = 0;
        try
        {
            foreach (long mark in Marks)
            {
                var watch = Stopwatch.StartNew();
                long before = done;
                done = Drive(host, tokens, mark, done);
                double perSecond = (done - before) / watch.Elapsed.TotalSeconds;
                host.Dispose();
                double mb = Directory.GetFiles(folder, "center.db*").Sum(f => new FileInfo(f).Length) / 1048576.0;
                watch.Restart();
                host = new CenterHost(config, db);
                double startS = watch.Elapsed.TotalSeconds;
                starts.Add(startS);
                sizes.Add(mb);
                rows.Add([done.ToString("N0"), $"{perSecond:N0}/s", $"{mb:F1} MB", $"{startS:F2} s", host.ReplayedEntries.ToString("N0"),
                    host.LoadedSnapshot == null ? "—" : $"{host.LoadedSnapshot.State.Length / 1048576.0:F1} MB"]);
                Console.WriteLine($"  {done:N0} changes: {mb:F1} MB, start {startS:F2} s");
            }
        }
        finally
        {
            host.Dispose();
            Directory.Delete(folder, recursive: true);
        }

        report.Table(["state changes", "rate while driven", "store size", "start time", "entries replayed", "snapshot loaded"], rows);
        var copies = new[] { 1_000, 10_000 }.Select(n => (n, SnapshotCopy(n))).ToList();
        report.Table(["agents (all signed in, 32 events each)", "snapshot copy, under the lock", "the rest, off the lock", "snapshot text"],
            copies.Select(c => new[] { c.n.ToString("N0"), $"{c.Item2.CopyMs:F1} ms", $"{c.Item2.RestMs:F1} ms", $"{c.Item2.Mb:F1} MB" }));
        report.Target("start under 3 s after 1,000,000 and after 10,000,000 changes, within 20% of each other", starts.All(s => s < 3) && starts[1] <= starts[0] * 1.2 + 0.05,
            $"{starts[0]:F2} s and {starts[1]:F2} s");
        report.Target("store bounded by the center, not its history: size after 10,000,000 changes within 20% of the size after 1,000,000", sizes[1] <= sizes[0] * 1.2,
            $"{sizes[0]:F1} MB and {sizes[1]:F1} MB");
        return report;
    }

    private static JsonObject Center(int agents)
    {
        HashCost cheap = HashCost.Argon(64, 1);   // sign-in cost is not what this measures
        string secret = PasswordHashes.Hash("1234", cheap);
        var list = new JsonArray();
        for (int i = 0; i < agents; i++)
        {
            list.Add(new JsonObject { ["id"] = (100000 + i).ToString(), ["name"] = "Agent " + i, ["password"] = secret, ["extension"] = (300000 + i).ToString(), ["queues"] = new JsonArray(new JsonObject { ["name"] = "Q" }) });
        }

        return new JsonObject
        {
            ["apiKey"] = "bench-key",
            ["api"] = new JsonObject { ["signInsPerSecondPerAddress"] = 1_000_000 },
            ["core"] = cheap.ConfigKeys(),   // the hashes' own cost: no upgrades
            ["queues"] = new JsonArray(new JsonObject { ["name"] = "Q" }),
            ["agents"] = list,
            ["reasons"] = new JsonArray(new JsonObject { ["kind"] = ReasonKinds.ToWire(ReasonKind.NotReady), ["code"] = 1, ["label"] = "Break" }),
        };
    }

    private static string[] SignIn(CenterHost host) => Enumerable.Range(0, Agents).Select(i =>
    {
        ApiResponse r = host.ServeAsync(new ApiRequest
        {
            Method = "POST",
            Path = Routes.SignIn,
            Body = $"{{\"agentId\":\"{100000 + i}\",\"password\":\"1234\",\"extension\":\"{300000 + i}\",\"device\":\"SEP{i:D12}\"}}",
        }, CancellationToken.None).Result;
        return (string)JsonNode.Parse(r.Body!)!["token"]!;
    }).ToArray();

    /// <summary>State changes until <paramref name="until"/> in all; the count reached.</summary>
    private static long Drive(CenterHost host, string[] tokens, long until, long done)
    {
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            bool ready = false;
            for (int i = c; Interlocked.Increment(ref done) <= until; i = (i + Clients) % tokens.Length)
            {
                ready = !ready;
                await host.ServeAsync(new ApiRequest
                {
                    Method = "PUT",
                    Path = Routes.Agents + "me/state",
                    Authorization = Routes.BearerPrefix + tokens[i],
                    Body = ready ? "{\"state\":\"READY\"}" : "{\"state\":\"NOT_READY\",\"reasonCode\":1}",
                }, CancellationToken.None);
            }
        })).ToArray();
        Task.WaitAll(clients);
        return until;
    }

    /// <summary>How long a snapshot of n signed-in agents with full event rings takes: the copy
    /// that holds the lock and the rest, medians of five, and how big it is.</summary>
    private static (double CopyMs, double RestMs, double Mb) SnapshotCopy(int n)
    {
        var clock = new ManualClock();
        var server = new AgentServer(clock, new PlainSecrets(), new ServerOptions());
        var queue = new Queue(null, "Q", Strategy.LongestAvailable);
        server.AddQueue(queue);
        server.Reasons(null).Add(new ReasonCode(ReasonKind.NotReady, 1, "Break", null));
        var tokens = new CountingTokens();
        for (int i = 0; i < n; i++)
        {
            var agent = new Agent(null, i.ToString(), "Agent " + i) { PasswordSecret = "1234" };
            server.AddAgent(agent);
            server.AddToQueue(agent, queue, 1);
            server.AddStation(new Station(null, "x" + i, false));
            server.SignIn(null, agent.Id, "1234", "x" + i, out _);
            server.OpenSession(agent, "SEP" + i, tokens, out _);
            for (int k = 0; k < 40; k++)
            {
                clock.NowMs += 1000;
                server.SetState(agent, k % 2 == 0 ? AgentState.Ready : AgentState.NotReady, k % 2 == 0 ? 0 : 1);
            }
        }

        var copies = new List<double>();
        var rests = new List<double>();
        string text = "";
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var w = new StateWriter();
            StateCopy copy = server.CopyState(w);
            copies.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            copy.Finish();
            text = w.ToString();
            rests.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (copies.Order().ElementAt(2), rests.Order().ElementAt(2), text.Length / 1048576.0);
    }

    private sealed class ManualClock : Hardware.IClock
    {
        public long NowMs { get; set; } = 1_000_000;
    }

    private sealed class CountingTokens : ITokenSource
    {
        private long _next;

        public string NewToken() => "token-" + (++_next).ToString("D16");
    }
}
