using System.Text.Json.Nodes;
using AgentPhone.Protocol;
using AgentPhone.Server;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>
/// Random traffic (sign-ins right and wrong, state changes with and without reasons, calls
/// offered, answered, held, consulted, transferred, conferenced, released, wrap-up, hang-ups, bad requests)
/// against the center, stopped at random points and opened again on its store, from snapshots
/// and from the journal alone: the restored center is the live one, field by field (its whole
/// snapshot text), and goes on answering the same.
/// </summary>
[TestClass]
public sealed class RestartPropertyTests
{
    [TestMethod]
    [DataRow(1, 5, DisplayName = "snapshots every 5 entries")]
    [DataRow(2, int.MaxValue, DisplayName = "journal alone")]
    [DataRow(3, 23, DisplayName = "snapshots every 23 entries")]
    public void ARestartedCenterIsTheLiveOne(int seed, int snapshotEvery)
    {
        var random = new Random(seed);
        string folder = Directory.CreateTempSubdirectory("agentserver-restart-").FullName;
        string config = Path.Combine(folder, "center.json");
        JsonObject center = TestCenter.Config();
        // Short timers, so ring-no-answer and wrap-up expiry race with the traffic.
        foreach (JsonNode? q in center["queues"]!.AsArray())
        {
            q!["ringTimeoutSeconds"] = 1;
            q["wrapUpSeconds"] = 1;
        }

        center["core"]!["directRingTimeoutSeconds"] = 1;
        File.WriteAllText(config, center.ToJsonString());
        // No snapshot at the stops: each restart replays a tail of the journal (or all of it).
        var store = new StoreOptions { SnapshotEveryEntries = snapshotEvery, SnapshotEverySeconds = 3600, SnapshotAtStop = false };
        string db = Path.Combine(folder, "center.db");
        var traffic = new Traffic(random);
        CenterHost host = new(config, db, null, store);
        int restarts = 0;
        bool fromSnapshot = false;
        try
        {
            for (int round = 0; round < 15; round++)
            {
                int steps = random.Next(5, 40);
                for (int i = 0; i < steps; i++)
                {
                    traffic.Step(host);
                    if (random.Next(8) == 0)
                    {
                        Thread.Sleep(random.Next(50, 400));   // let timers fire now and then
                    }
                }

                host.Dispose();
                string live = StateOf(host);
                string liveViews = ViewsOf(host);
                host = new CenterHost(config, db, null, store);
                restarts++;
                fromSnapshot |= host.LoadedSnapshot != null;
                Assert.AreEqual(live, StateOf(host), $"round {round}: the restored center differs from the live one");
                Assert.AreEqual(liveViews, ViewsOf(host), $"round {round}: the restored center shows its clients something else");
            }
        }
        finally
        {
            host.Dispose();
        }

        Assert.AreEqual(15, restarts);
        Assert.AreEqual(snapshotEvery != int.MaxValue, fromSnapshot, "restarts came from a snapshot exactly when snapshots were taken");
        Assert.IsTrue(traffic.Accepted > 60, $"the traffic changed things: {traffic.Accepted} accepted");
        Directory.Delete(folder, recursive: true);
    }

    private static string StateOf(CenterHost host) => host.Read(server =>
    {
        var w = new StateWriter();
        server.WriteState(w);
        return w.ToString();
    });

    /// <summary>What clients see, made from the live objects (not from a snapshot): every agent's
    /// status, every queue's figures, the newest events of every agent.</summary>
    private static string ViewsOf(CenterHost host) => host.Read(server =>
    {
        var json = new SystemTextJsonCodec();
        var views = new WireViews(server);
        var text = new System.Text.StringBuilder();
        foreach (string id in new[] { "7001", "7002", "7100" })
        {
            Agent agent = server.FindAgent(null, id);
            text.AppendLine(Timeless(json.Write(views.Status(agent))));
            var events = new ServerEvent[AgentServer.SnapshotEventsPerStream];
            int n = agent.Events.CopyAfter(agent.Events.LastSeq - events.Length, events);
            text.AppendLine(agent.Events.LastSeq + ": " + string.Join(",", events.Take(n).Select(e => json.Write(WireViews.Event(e)))));
        }

        foreach (string queue in new[] { "Support", "Sales" })
        {
            text.AppendLine(Timeless(json.Write(views.Figures(server.FindQueue(null, queue)))));
        }

        return text.ToString();
    });

    // Durations counted up to "now" differ between two reads; the moments they count from do not.
    private static string Timeless(string json)
    {
        JsonObject o = JsonNode.Parse(json)!.AsObject();
        foreach (string name in new[] { "timeInStateMs", "wrapUpRemainingMs", "oldestInQueueMs" })
        {
            o.Remove(name);
        }

        (o["call"] as JsonObject)?.Remove("connectedMs");
        return o.ToJsonString();
    }

    /// <summary>Requests picked at random, with the tokens the sign-ins gave.</summary>
    private sealed class Traffic(Random random)
    {
        private static readonly (string Agent, string Extension)[] Agents = [("7001", "2101"), ("7002", "2102"), ("7100", "2100")];
        private readonly Dictionary<string, string> _tokens = [];
        private readonly List<string> _calls = [];

        public int Accepted { get; private set; }

        public void Step(CenterHost host)
        {
            var (agent, extension) = Agents[random.Next(Agents.Length)];
            _tokens.TryGetValue(agent, out string? token);
            string other = Agents[random.Next(Agents.Length)].Extension;
            // Signed out, an agent mostly signs in first.
            ApiRequest q = (token == null && random.Next(3) > 0 ? 0 : random.Next(16)) switch
            {
                0 => Post(Routes.SignIn, $"{{\"agentId\":\"{agent}\",\"password\":\"{(random.Next(3) == 0 ? "0000" : "1234")}\",\"extension\":\"{(random.Next(4) == 0 ? other : extension)}\",\"device\":\"SEP{extension}\"}}"),
                1 => Put(token, "state", "{\"state\":\"READY\"}"),
                2 => Put(token, "state", $"{{\"state\":\"NOT_READY\",\"reasonCode\":{random.Next(0, 6)}}}"),
                3 => Put(token, "state", "{\"state\":\"WORK\"}"),
                4 => Post(Routes.Calls, $"{{\"queue\":\"{(random.Next(2) == 0 ? "Support" : "Sales")}\",\"ani\":\"{random.Next(2000, 9999)}\",\"variables\":[{{\"name\":\"FirstName\",\"value\":\"Kim\"}}]}}", key: true),
                5 => Call(token, "answer"),
                6 => Call(token, "release"),
                7 => Call(token, random.Next(2) == 0 ? "hold" : "resume"),
                // A consult, a blind transfer or conference, or the completion of a consult (no body).
                8 => random.Next(4) == 0 ? Call(token, random.Next(2) == 0 ? "transfer" : "conference")
                    : Call(token, new[] { "consult", "transfer", "conference" }[random.Next(3)], $"{{\"extension\":\"{other}\"}}"),
                9 => Call(token, "dial", $"{{\"number\":\"{random.Next(1000, 9999)}\"}}"),
                10 => Put(token, "wrapup", $"{{\"reasonCode\":{random.Next(19, 23)}}}"),
                11 => _calls.Count == 0 ? Post(Routes.Calls, "{\"extension\":\"2101\",\"ani\":\"5550\"}", key: true)
                    : Post($"{Routes.Calls}/{_calls[random.Next(_calls.Count)]}/hangup", null, key: true),
                12 => Post(Routes.SignOut, random.Next(2) == 0 ? "{\"reasonCode\":10}" : null, token),
                13 => Post(Routes.Calls, "{\"extension\":\"" + other + "\",\"ani\":\"5551\"}", key: true),
                14 => Put(token, "state", "{\"state\":"),   // malformed
                _ => Get(token),
            };
            ApiResponse r = host.ServeAsync(q, CancellationToken.None).GetAwaiter().GetResult();
            if (r.Status < 300)
            {
                Accepted++;
            }

            if (r.Status == 401 && q.Path != Routes.SignIn)
            {
                _tokens.Remove(agent);
            }

            if (q.Path == Routes.SignIn && r.Status == 200)
            {
                _tokens[agent] = (string)JsonNode.Parse(r.Body!)!["token"]!;
            }

            if (q.Path == Routes.Calls && r.Status == 201)
            {
                _calls.Add((string)JsonNode.Parse(r.Body!)!["id"]!);
            }
        }

        private static ApiRequest Post(string path, string? body, string? token = null, bool key = false) => new()
        {
            Method = "POST",
            Path = path,
            Body = body,
            Authorization = token == null ? null : Routes.BearerPrefix + token,
            ApiKey = key ? TestCenter.ApiKey : null,
            ClientAddress = "127.0.0.1",
        };

        private static ApiRequest Put(string? token, string what, string body) => new()
        {
            Method = "PUT",
            Path = Routes.Agents + "me/" + what,
            Body = body,
            Authorization = token == null ? null : Routes.BearerPrefix + token,
        };

        private static ApiRequest Call(string? token, string action, string? body = null) =>
            Post(Routes.Agents + "me/call/" + action, body, token);

        private static ApiRequest Get(string? token) => new()
        {
            Method = "GET",
            Path = Routes.Agents + "me",
            Authorization = token == null ? null : Routes.BearerPrefix + token,
        };
    }
}
