using System.Net;
using System.Net.Sockets;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Server;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The single-agent demo as the device serves it: the shared route table with the device's JSON
/// codec and lock-and-poll service, behind an HttpListener (System.Net's here, nanoFramework's
/// on the ESP32), exercised over HTTP on 127.0.0.1.
/// </summary>
[TestClass]
public sealed class DeviceApiTests
{
    private static HttpListenerApi? _listener;
    private static Client? _client;

    [ClassInitialize]
    public static void StartDemo(TestContext _)
    {
        var server = new AgentServer(new WallClock(), new PlainSecrets(), null);
        var support = new Queue(null, "Support", Strategy.Linear) { WrapUpSeconds = 10 };
        server.AddQueue(support);
        var agent = new Agent(null, "7001", "Ada Lovelace") { PasswordSecret = "1234", HomeExtension = "2101" };
        server.AddAgent(agent);
        server.AddToQueue(agent, support, 1);
        var fast = new Queue(null, "Fast", Strategy.Linear) { WrapUpSeconds = 1 };
        server.AddQueue(fast);
        var grace = new Agent(null, "7002", "Grace Hopper") { PasswordSecret = "1234", HomeExtension = "2102" };
        server.AddAgent(grace);
        server.AddToQueue(grace, fast, 1);
        server.Reasons(null).Add(new ReasonCode(ReasonKind.NotReady, 1, "Break", null));
        var options = new ApiOptions { EventWaitSeconds = 5 };
        options.SetPbxKey(null, TestCenter.ApiKey);
        var handler = new ApiHandler(server, new WireJson(), new SecureTokens(), options);
        int port = AgentPhone.Build.Tests.Repo.FreePort();
        _listener = new HttpListenerApi(new ApiService(server, handler), port, handler.Options.MaxBodyChars);
        _client = new Client(new Uri($"http://127.0.0.1:{port}/"), null);
    }

    [ClassCleanup]
    public static void StopDemo()
    {
        _client?.Dispose();
        _listener?.Dispose();
    }

    [TestMethod]
    public void TheDemoServesSignInStateACallAndTheLongPoll()
    {
        Client c = _client!;
        c.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"agentId\":\"7001\",\"password\":\"9\",\"extension\":\"2101\",\"device\":\"SEP1\"}");
        c.SignIn("7001", "2101", "SEP1");
        long seq = (long)c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}")["lastSeq"]!;

        var poll = Task.Run(() => c.Ok("GET", $"api/v1/agents/me/events?after={seq}&wait=5"));
        Thread.Sleep(200);
        Assert.IsFalse(poll.IsCompleted, "the long-poll waits for events");
        string id = c.Offer("Support");
        Assert.IsTrue(poll.Wait(TimeSpan.FromSeconds(3)), "an offered call ends the wait");
        var offered = poll.Result["events"]!.AsArray().Single(e => (string?)e!["kind"] == "CALL_OFFERED")!;
        Assert.AreEqual(id, (string?)offered["call"]!["id"]);
        Assert.AreEqual("TALKING", (string?)c.Ok("POST", "api/v1/agents/me/call/answer")["state"]);
        Assert.AreEqual("WORK", (string?)c.Ok("POST", "api/v1/agents/me/call/release")["state"]);
    }

    [TestMethod]
    public void TheDemoEndsWrapUpOnItsOwnTimer()
    {
        using Client c = new(_client!.BaseAddress(), null);
        c.SignIn("7002", "2102", "SEP2");
        c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        c.Offer("Fast");
        c.Ok("POST", "api/v1/agents/me/call/answer");
        Assert.AreEqual("WORK", (string?)c.Ok("POST", "api/v1/agents/me/call/release")["state"]);

        // One second of wrap-up on this queue; nothing but the listener's timer can end it.
        string state = "WORK";
        for (int i = 0; i < 40 && state == "WORK"; i++)
        {
            Thread.Sleep(100);
            state = c.State();
        }

        Assert.AreEqual("READY", state);
    }

    [TestMethod]
    public void TheDemoRefusesBadInputLikeThePcServer()
    {
        using Client c = new(_client!.BaseAddress(), null);
        c.Refused(404, "NOT_FOUND", "GET", "api/v1/nothing");
        c.Refused(401, "UNAUTHORIZED", "GET", "api/v1/agents/me");
        c.Refused(400, "MALFORMED_JSON", "POST", "api/v1/signin", "{\"agentId\":");
        c.Refused(413, "BODY_TOO_LARGE", "POST", "api/v1/signin", "{\"x\":\"" + new string('x', 20_000) + "\"}");
        c.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", "{\"queue\":\"Support\",\"ani\":\"1\"}");
    }
}
