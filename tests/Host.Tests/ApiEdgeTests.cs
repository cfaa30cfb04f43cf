using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentPhone.Host.Tests;

/// <summary>What a stranger or a broken client sends: hidden characters, bytes that are not
/// UTF-8, bodies Kestrel refuses. Every answer is the JSON error body with the right status, and
/// nothing changes.</summary>
[TestClass]
public sealed class ApiEdgeTests
{
    private static ServerProcess _server = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _server = TestCenter.Start();

    [ClassCleanup]
    public static void Stop() => _server.Dispose();

    [TestMethod]
    [DataRow("{\"queue\":\"Support\",\"ani\":\"23\\u000001\"}", "ani")]
    [DataRow("{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"Note\",\"value\":\"a\\nb\"}]}", "variables.value")]
    [DataRow("{\"queue\":\"Support\",\"ani\":\"\u202E1032\"}", "ani")]                   // right-to-left override: shows as 2301
    [DataRow("{\"queue\":\"Support\",\"ani\":\"2301\u2028Bank\"}", "ani")]              // line separator
    [DataRow("{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"First\u200BName\",\"value\":\"Ada\"}]}", "variables.name")]   // zero-width space
    [DataRow("{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"Note\",\"value\":\"a\\u2066b\"}]}", "variables.value")]   // left-to-right isolate
    public void HiddenCharactersAreRefusedNamingTheField(string body, string field)
    {
        using Client pbx = _server.NewClient();
        pbx.ApiKey = TestCenter.ApiKey;
        int queued = Queued();

        var (status, json) = pbx.Send("POST", "api/v1/calls", body);

        Assert.AreEqual(400, status, json.ToJsonString());
        Assert.AreEqual("INVALID_ARGUMENT", (string?)json["error"]!["code"]);
        StringAssert.StartsWith((string?)json["error"]!["message"], field + " holds a character a screen would not show as itself");
        Assert.AreEqual(queued, Queued(), "nothing was offered");
    }

    [TestMethod]
    public void AMemberGivenTwiceIsRefused()
    {
        using Client pbx = _server.NewClient();
        pbx.ApiKey = TestCenter.ApiKey;
        int queued = Queued();

        var (status, json) = pbx.Send("POST", "api/v1/calls", "{\"queue\":\"Support\",\"ani\":\"2301\",\"queue\":\"Sales\"}");

        Assert.AreEqual(400, status, json.ToJsonString());
        Assert.AreEqual("MALFORMED_JSON", (string?)json["error"]!["code"], json.ToJsonString());
        Assert.AreEqual(queued, Queued(), "nothing was offered");
    }

    [TestMethod]
    [DataRow("/api/v1/devices/%FF", 400)]           // not UTF-8
    [DataRow("/api/v1/devices/SEP%E2%82", 400)]     // a sequence cut short
    [DataRow("/api/v1/devices/SEP%4", 400)]         // one hex digit
    [DataRow("/api/v1/devices/SEP%zz41", 400)]      // no hex digits
    [DataRow("/api/v1/devices/SEP000000002101?x=%C0%AF", 400)]   // an overlong '/' in the query
    [DataRow("/api/v1/devices/SEP%30%30%30000002101", 200)]      // well formed
    public void ABadPercentEncodingIsRefused(string target, int expected)
    {
        var (status, json) = Raw($"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", []);

        Assert.AreEqual(expected, status, json);
        if (expected == 400)
        {
            StringAssert.Contains(json, "\"BAD_REQUEST\"");
            StringAssert.Contains(json, "bad percent-encoding");
        }
    }

    [TestMethod]
    public void EveryWrongSignInGetsTheSameAnswer()
    {
        // Unknown agent, wrong password, wrong PIN, malformed PIN: byte for byte one answer.
        string[] bodies =
        [
            "{\"agentId\":\"9999\",\"password\":\"1234\",\"extension\":\"2101\",\"device\":\"SEP0000000000E1\"}",
            "{\"agentId\":\"7002\",\"password\":\"0000\",\"extension\":\"2102\",\"device\":\"SEP0000000000E1\"}",
            "{\"agentId\":\"7002\",\"pin\":\"0000\",\"extension\":\"2102\",\"device\":\"SEP0000000000E1\"}",
            "{\"agentId\":\"7002\",\"pin\":\"1\",\"extension\":\"2102\",\"device\":\"SEP0000000000E1\"}",
            "{\"agentId\":\"9999\",\"pin\":\"1\",\"extension\":\"2102\",\"device\":\"SEP0000000000E1\"}",
        ];
        using Client c = _server.NewClient();
        var answers = bodies.Select(b => c.Send("POST", "api/v1/signin", b)).Select(a => $"{a.Status} {a.Body.ToJsonString()}").ToList();

        Assert.AreEqual(1, answers.Distinct().Count(), string.Join("\n", answers));
        StringAssert.StartsWith(answers[0], "401 ");
        StringAssert.Contains(answers[0], "BAD_CREDENTIALS");
    }

    [TestMethod]
    public void TheSampleConfigurationNeverRepeatsAHash()
    {
        // The same hash twice would tell that two secrets are equal (an agent's PIN and password).
        var config = JsonNode.Parse(File.ReadAllText(AgentPhone.Build.Tests.Repo.PathOf("host/agentserver.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var hashes = config["agents"]!.AsArray().SelectMany(a => new[] { (string?)a!["password"], (string?)a["pin"] }).OfType<string>().ToList();

        Assert.IsTrue(hashes.Count >= 4);
        Assert.AreEqual(hashes.Count, hashes.Distinct().Count(), "a hash stands twice in host/agentserver.json");
    }

    [TestMethod]
    public void BytesThatAreNotUtf8AreRefused()
    {
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"queue\":\"Support\",\"ani\":\"23"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("01\"}")];
        var (status, json) = Raw("POST /api/v1/calls HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + TestCenter.ApiKey +
            "\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n", body);

        Assert.AreEqual(400, status, json);
        StringAssert.Contains(json, "ani holds a character a screen would not show as itself (a control, format or line-separator character) or a byte that is not UTF-8");
    }

    [TestMethod]
    public void ADeviceNameWithAControlCharacterIsRefused()
    {
        using Client c = _server.NewClient();
        var (status, json) = c.Send("GET", "api/v1/devices/SEP%1B");

        Assert.AreEqual(400, status, json.ToJsonString());
        StringAssert.StartsWith((string?)json["error"]!["message"], "device holds a character a screen would not show as itself");
    }

    [TestMethod]
    [DataRow("Content-Length: 104857600\r\n", "{\"a\":1}", 413, "BODY_TOO_LARGE")]
    [DataRow("Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n", 400, "BAD_REQUEST")]
    [DataRow("Transfer-Encoding: chunked\r\n", "ffffffffffffffff\r\n{}\r\n0\r\n\r\n", 400, "BAD_REQUEST")]
    public void BodiesKestrelRefusesGetTheJsonError(string header, string body, int expected, string code)
    {
        var (status, json) = Raw("POST /api/v1/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + header + "Connection: close\r\n\r\n", Encoding.ASCII.GetBytes(body));

        Assert.AreEqual(expected, status, json);
        Assert.AreEqual(code, (string?)JsonNode.Parse(json)!["error"]!["code"], json);
    }

    [TestMethod]
    [DataRow("long URL", 414, "URI_TOO_LONG")]
    [DataRow("long headers", 431, "HEADERS_TOO_LARGE")]
    [DataRow("garbage request line", 400, "BAD_REQUEST")]
    [DataRow("NUL in the path", 400, "BAD_REQUEST")]
    [DataRow("unreadable Content-Length", 400, "BAD_REQUEST")]
    [DataRow("HTTP/1.0 POST without a length", 400, "BAD_REQUEST")]
    public void RequestsKestrelRefusesBeforeTheApplicationGetTheJsonError(string what, int expected, string code)
    {
        string head = what switch
        {
            "long URL" => "GET /api/v1/devices/" + new string('a', 20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "long headers" => "GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: " + new string('a', 40_000) + "\r\n\r\n",
            "garbage request line" => "HELLO THERE\r\n\r\n",
            "NUL in the path" => "GET /api/v1/\0 HTTP/1.1\r\nHost: x\r\n\r\n",
            "unreadable Content-Length" => "POST /api/v1/signin HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            _ => "POST /api/v1/signin HTTP/1.0\r\nHost: x\r\n\r\n",
        };
        var (status, answerHead, body) = Raw(head, [], _server, "127.0.0.1");

        Assert.AreEqual(expected, status, answerHead + "\n" + body);
        StringAssert.Contains(answerHead, "Content-Type: application/json");
        JsonNode error = JsonNode.Parse(body)!["error"]!;
        Assert.AreEqual(code, (string?)error["code"], body);
        Assert.IsFalse(string.IsNullOrEmpty((string?)error["message"]));
        Assert.AreEqual(200, _server.NewClient().Send("GET", "health").Status, "the server goes on");
    }

    private static int Queued()
    {
        using Client agent = _server.NewClient();
        agent.SignIn("7002", "2102", "SEP0000000EDGE");
        int n = (int)agent.Ok("GET", "api/v1/queues/Support/stats")["queues"]![0]!["callsQueued"]!;
        agent.Ok("POST", "api/v1/signout");
        return n;
    }

    [TestMethod]
    public void SignInsAreRateLimitedPerAddress()
    {
        // One sign-in a second, bursts of two: a stranger on 127.0.0.2 runs out; the agent's own
        // phone on 127.0.0.1 does not notice.
        var config = TestCenter.Config();
        config["api"]!["signInsPerSecondPerAddress"] = 1;
        using var server = new ServerProcess(config.ToJsonString());
        var answers = Enumerable.Range(0, 4).Select(_ => StrangerSignsIn(server, "0000")).ToList();

        Assert.AreEqual(401, answers[0].Status, answers[0].Body);
        var limited = answers.Last();
        Assert.AreEqual(429, limited.Status, limited.Body);
        Assert.AreEqual("TOO_MANY_REQUESTS", (string?)JsonNode.Parse(limited.Body)!["error"]!["code"]);
        StringAssert.Contains(limited.Head, "Retry-After: ");

        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        Assert.AreEqual("NOT_READY", phone.State());
    }

    [TestMethod]
    public void AStrangersFailuresDoNotStopTheAgentsPhone()
    {
        using var server = TestCenter.Start();
        for (int i = 0; i < 5; i++)
        {
            Assert.AreEqual(401, StrangerSignsIn(server, "0000").Status);
        }

        // From that address even the right password now waits; the answer says how long.
        var waiting = StrangerSignsIn(server, "1234");
        Assert.AreEqual(429, waiting.Status, waiting.Body);
        Assert.AreEqual("LOCKED_OUT", (string?)JsonNode.Parse(waiting.Body)!["error"]!["code"]);
        StringAssert.Contains(waiting.Head, "Retry-After: 15");

        // The agent's own phone, at its own address, signs in.
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        Assert.AreEqual("NOT_READY", phone.State());
    }

    /// <summary>Agent 7001's sign-in with <paramref name="password"/>, sent from 127.0.0.2.</summary>
    private static (int Status, string Head, string Body) StrangerSignsIn(ServerProcess server, string password)
    {
        byte[] body = Encoding.ASCII.GetBytes("{\"agentId\":\"7001\",\"password\":\"" + password + "\",\"extension\":\"2101\",\"device\":\"STRANGER\"}");
        string head = "POST /api/v1/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n";
        return Raw(head, body, server, "127.0.0.2");
    }

    /// <summary>Bytes on a socket, as a client that does not follow the rules sends them; the status
    /// and body of the answer.</summary>
    private static (int Status, string Body) Raw(string head, byte[] body)
    {
        var (status, _, text) = Raw(head, body, _server, "127.0.0.1");
        return (status, text);
    }

    private static (int Status, string Head, string Body) Raw(string head, byte[] body, ServerProcess server, string from)
    {
        using var client = new TcpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(from), 0));
        client.Connect("127.0.0.1", server.BaseAddress.Port);
        client.ReceiveTimeout = 30_000;
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(head));
        stream.Write(body);
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                answer.Write(buffer, 0, n);
            }
        }
        catch (IOException)
        {
            // The server may close the connection once it has answered.
        }

        string text = Encoding.UTF8.GetString(answer.ToArray());
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.IsTrue(split > 0, "an HTTP answer: " + text);
        return (int.Parse(text.Split(' ')[1]), text[..split], text[(split + 4)..]);
    }
}
