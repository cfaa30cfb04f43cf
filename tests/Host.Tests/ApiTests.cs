using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AgentPhone.Host.Tests;

/// <summary>Every route of the agent API over real HTTP on 127.0.0.1, as a phone, a desktop,
/// a supervisor and the PBX use it, with each kind of bad input.</summary>
[TestClass]
public sealed class ApiTests
{
    private const string Phone1 = "SEP000000002101";
    private const string Phone2 = "SEP000000002102";

    [TestMethod]
    public void HealthUnknownRoutesAndWrongMethods()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        Assert.AreEqual("ok", (string?)c.Ok("GET", "health")["status"]);
        c.Refused(404, "NOT_FOUND", "GET", "api/v1/nothing");
        c.Refused(404, "NOT_FOUND", "GET", "elsewhere");
        c.Refused(404, "NOT_FOUND", "POST", "api/v1/calls/1/answer");
        c.Refused(405, "METHOD_NOT_ALLOWED", "GET", "api/v1/signin");
        c.Refused(405, "METHOD_NOT_ALLOWED", "DELETE", "api/v1/agents/me/state");

        // Someone who types just the server's address finds the desk.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = c.BaseAddress() };
        using HttpResponseMessage root = browser.GetAsync("/").Result;
        Assert.AreEqual(System.Net.HttpStatusCode.Redirect, root.StatusCode);
        Assert.AreEqual("/desk/", root.Headers.Location?.ToString());
    }

    [TestMethod]
    public void SignInStatesReasonsAndSignOutWithAReason()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        JsonNode signIn = c.Ok("POST", "api/v1/signin", "{\"agentId\":\"7001\",\"password\":\"1234\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}");
        c.Token = (string)signIn["token"]!;
        Assert.AreEqual(32, c.Token.Length, "128-bit token as hex");
        Assert.AreEqual("NOT_READY", (string?)signIn["agent"]!["state"]);
        CollectionAssert.AreEqual(new[] { "READY", "NOT_READY", "LOGOUT" }, signIn["agent"]!["allowed"]!.AsArray().Select(s => (string)s!).ToArray(),
            "Not Ready again, to give or change its reason");

        JsonNode reasons = c.Ok("GET", "api/v1/reasons?kind=NOT_READY");
        CollectionAssert.AreEqual(new[] { "Break", "Lunch", "Meeting", "Training" }, reasons["reasons"]!.AsArray().Select(r => (string)r!["label"]!).ToArray());
        Assert.AreEqual("End of shift", (string?)c.Ok("GET", "api/v1/reasons?kind=LOGOUT")["reasons"]![0]!["label"]);
        c.Refused(400, "INVALID_ARGUMENT", "GET", "api/v1/reasons?kind=LUNCH");

        Assert.AreEqual("READY", (string?)c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}")["state"]);
        c.Refused(400, "UNKNOWN_REASON", "PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":99}");
        JsonNode notReady = c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":2}");
        Assert.AreEqual("NOT_READY", (string?)notReady["state"]);
        Assert.AreEqual("Lunch", (string?)notReady["reasonLabel"]);
        c.Refused(409, "INVALID_TRANSITION", "PUT", "api/v1/agents/me/state", "{\"state\":\"TALKING\"}");
        Assert.AreEqual("Lunch", (string?)c.Ok("GET", "api/v1/agents/me")["reasonLabel"], "refusals changed nothing");
        Assert.AreEqual("Break", (string?)c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":1}")["reasonLabel"],
            "from one Not Ready reason to another");

        JsonNode signedOut = c.Ok("POST", "api/v1/signout", "{\"reasonCode\":10}");
        Assert.AreEqual("LOGOUT", (string?)signedOut["state"]);
        Assert.AreEqual("End of shift", (string?)signedOut["reasonLabel"]);
        c.Refused(401, "UNAUTHORIZED", "GET", "api/v1/agents/me");
    }

    [TestMethod]
    public void BadInputGetsAClearErrorAndChangesNothing()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        c.SignIn("7001", "2101", Phone1);
        long seq = (long)c.Ok("GET", "api/v1/agents/me")["lastSeq"]!;

        c.Refused(400, "MALFORMED_JSON", "PUT", "api/v1/agents/me/state", "{\"state\":");
        c.Refused(400, "MALFORMED_JSON", "PUT", "api/v1/agents/me/state", "{\"state\":\"READY\",\"reasonCode\":\"x\"}");
        c.Refused(400, "MALFORMED_JSON", "PUT", "api/v1/agents/me/state", "[\"READY\"]");
        c.Refused(400, "MALFORMED_JSON", "PUT", "api/v1/agents/me/state");
        c.Refused(400, "INVALID_ARGUMENT", "PUT", "api/v1/agents/me/state", "{\"state\":\"SLEEPING\"}");
        c.Refused(413, "BODY_TOO_LARGE", "PUT", "api/v1/agents/me/state", "{\"state\":\"READY\",\"pad\":\"" + new string('x', 20_000) + "\"}");
        c.Refused(400, "INVALID_ARGUMENT", "GET", "api/v1/agents/me/events?after=abc");
        c.Refused(400, "INVALID_ARGUMENT", "GET", "api/v1/agents/me/events?after=0&wait=99");

        using Client other = server.NewClient();
        other.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/signin", "{\"agentId\":\"7002\",\"password\":\"1234\",\"extension\":\"2102\"}");
        other.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/signin", "{\"agentId\":\"" + new string('7', 200) + "\",\"password\":\"1234\",\"extension\":\"2102\",\"device\":\"d\"}");
        other.Refused(400, "MALFORMED_JSON", "POST", "api/v1/signin", "not json");

        JsonNode me = c.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("NOT_READY", (string?)me["state"]);
        Assert.AreEqual(seq, (long)me["lastSeq"]!, "no event from any refused request");
    }

    [TestMethod]
    public void RepeatedWrongPasswordsFromOneAddressMakeItWait()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        const string wrong = "{\"agentId\":\"7001\",\"password\":\"9999\",\"extension\":\"2101\",\"device\":\"d1\"}";
        for (int i = 0; i < 5; i++)
        {
            c.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", wrong);
        }

        c.Refused(429, "LOCKED_OUT", "POST", "api/v1/signin", wrong.Replace("9999", "1234"));
        c.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", wrong.Replace("7001", "7999"));
    }

    [TestMethod]
    public void ARoutedCallFromOfferToWrapUp()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        c.SignIn("7001", "2101", Phone1);
        c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        string id = c.Offer("Support");

        JsonNode ringing = c.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("RESERVED", (string?)ringing["state"]);
        Assert.AreEqual(id, (string?)ringing["call"]!["id"]);
        Assert.AreEqual("RINGING", (string?)ringing["call"]!["state"]);
        Assert.AreEqual("2301", (string?)ringing["call"]!["ani"]);
        Assert.AreEqual("Customer", (string?)ringing["call"]!["layout"]);
        Assert.AreEqual("First name", (string?)ringing["call"]!["variables"]![0]!["name"]);
        Assert.AreEqual("Ada", (string?)ringing["call"]!["variables"]![0]!["value"]);
        JsonNode offered = c.Ok("GET", "api/v1/agents/me/events?after=2&wait=0")["events"]!.AsArray().Single(e => (string?)e!["kind"] == "CALL_OFFERED")!;
        Assert.AreEqual(id, (string?)offered["call"]!["id"]);

        Assert.AreEqual("TALKING", (string?)c.Ok("POST", "api/v1/agents/me/call/answer")["state"]);
        c.Refused(409, "CALL_NOT_RINGING", "POST", "api/v1/agents/me/call/answer");
        Assert.AreEqual("HOLD", (string?)c.Ok("POST", "api/v1/agents/me/call/hold")["state"]);
        Assert.AreEqual("TALKING", (string?)c.Ok("POST", "api/v1/agents/me/call/resume")["state"]);
        JsonNode pending = c.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":1}");
        Assert.AreEqual("TALKING", (string?)pending["state"]);
        Assert.AreEqual("NOT_READY", (string?)pending["pendingState"]);
        Assert.AreEqual("Break", (string?)pending["pendingReasonLabel"]);
        c.Ok("PUT", "api/v1/agents/me/wrapup", "{\"reasonCode\":20}");
        JsonNode released = c.Ok("POST", "api/v1/agents/me/call/release");
        Assert.AreEqual("WORK", (string?)released["state"], "10 s wrap-up on Support");
        Assert.AreEqual("Resolved", (string?)released["reasonLabel"], "the wrap-up reason given on the call");
        Assert.IsTrue((long)released["wrapUpRemainingMs"]! is > 8000 and <= 10000);
        Assert.AreEqual("NOT_READY", (string?)released["pendingState"], "Not Ready waits for the wrap-up");
        Assert.AreEqual("Break", (string?)released["pendingReasonLabel"]);
        Assert.IsNull(released["call"]);

        // The events carry what the phone shows, so it reads no status per event: the release's
        // state change says Work, its wrap-up's end, the pending choice with its label, and the
        // states the agent may choose now.
        JsonNode work = c.Ok("GET", "api/v1/agents/me/events?after=2&wait=0")["events"]!.AsArray()
            .Last(e => (string?)e!["kind"] == "STATE_CHANGED")!;
        Assert.AreEqual("WORK", (string?)work["state"]);
        Assert.AreEqual("Resolved", (string?)work["reasonLabel"]);
        Assert.AreEqual("NOT_READY", (string?)work["pendingState"]);
        Assert.AreEqual("Break", (string?)work["pendingReasonLabel"]);
        Assert.AreEqual(10_000, (long)work["wrapUpEndsMs"]! - (long)work["atMs"]!);
        CollectionAssert.AreEqual((string[])["NOT_READY", "LOGOUT"], work["allowed"]!.AsArray().Select(a => (string?)a).ToArray());
        JsonNode answered = c.Ok("GET", "api/v1/agents/me/events?after=2&wait=0")["events"]!.AsArray()
            .Single(e => (string?)e!["kind"] == "CALL_ANSWERED")!;
        Assert.AreEqual("TALKING", (string?)answered["state"]);
        Assert.AreEqual("CONNECTED", (string?)answered["call"]!["state"]);
        CollectionAssert.AreEqual((string[])["READY", "NOT_READY", "WORK", "LOGOUT"], answered["allowed"]!.AsArray().Select(a => (string?)a).ToArray());
        c.Refused(409, "NO_CALL", "POST", "api/v1/agents/me/call/release");

        JsonNode stats = c.Ok("GET", "api/v1/stats");
        Assert.AreEqual("Support", (string?)stats["queues"]![0]!["queue"]);
        Assert.AreEqual(1, (int)stats["queues"]![0]!["answered"]!);
        Assert.AreEqual(1, (int)stats["callsHandled"]!);
        Assert.AreEqual(1, (int)c.Ok("GET", "api/v1/queues/Support/stats")["queues"]![0]!["agentsWork"]!);
        c.Refused(404, "UNKNOWN_QUEUE", "GET", "api/v1/queues/Nope/stats");
    }

    [TestMethod]
    public void TransferDialAndTheCallerHangingUp()
    {
        using var server = TestCenter.Start();
        using Client a = server.NewClient();
        using Client b = server.NewClient();
        a.SignIn("7001", "2101", Phone1);
        b.SignIn("7002", "2102", Phone2);
        a.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        string id = a.Offer("Support");
        a.Ok("POST", "api/v1/agents/me/call/answer");
        a.Refused(409, "TARGET_NOT_READY", "POST", "api/v1/agents/me/call/transfer", "{\"extension\":\"2102\"}");
        b.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        a.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/agents/me/call/transfer", "{}");
        a.Ok("POST", "api/v1/agents/me/call/transfer", "{\"extension\":\"2102\"}");
        Assert.IsNull(a.Ok("GET", "api/v1/agents/me")["call"]);
        Assert.AreEqual(id, (string?)b.Ok("GET", "api/v1/agents/me")["call"]!["id"]);
        b.Ok("POST", "api/v1/agents/me/call/answer");

        b.ApiKey = TestCenter.ApiKey;
        Assert.AreEqual(id, (string?)b.Ok("POST", $"api/v1/calls/{id}/hangup")["id"]);
        JsonNode ended = b.Ok("GET", "api/v1/agents/me/events?after=0&wait=0")["events"]!.AsArray().Last(e => (string?)e!["kind"] == "CALL_ENDED")!;
        Assert.AreEqual("CALLER_HUNG_UP", (string?)ended["endReason"]);
        b.Refused(404, "UNKNOWN_CALL", "POST", "api/v1/calls/999/hangup");

        using Client boss = server.NewClient();
        boss.SignIn("7100", "2100", "SEP000000002100");
        JsonNode dialled = boss.Ok("POST", "api/v1/agents/me/call/dial", "{\"number\":\"5551234\"}", 201);
        Assert.AreEqual((int.Parse(id) + 1).ToString(), (string?)dialled["id"]);
        Assert.AreEqual("CONNECTED", (string?)boss.Ok("GET", "api/v1/agents/me")["call"]!["state"]);
    }

    [TestMethod]
    public void PbxRoutesNeedTheApiKeyAndValidCalls()
    {
        using var server = TestCenter.Start();
        using Client pbx = server.NewClient();
        const string call = "{\"queue\":\"Support\",\"ani\":\"2301\"}";
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", call);
        pbx.ApiKey = "wrong";
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", call);
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls/1/hangup");
        pbx.ApiKey = TestCenter.ApiKey;
        pbx.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/calls", "{\"ani\":\"2301\"}");
        pbx.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/calls", "{\"queue\":\"Support\",\"extension\":\"2101\",\"ani\":\"2301\"}");
        pbx.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/calls", "{\"queue\":\"Support\"}");
        pbx.Refused(404, "UNKNOWN_QUEUE", "POST", "api/v1/calls", "{\"queue\":\"Nope\",\"ani\":\"2301\"}");
        string eleven = string.Join(",", Enumerable.Range(1, 11).Select(i => $"{{\"name\":\"V{i}\",\"value\":\"x\"}}"));
        pbx.Refused(400, "TOO_MANY_VARIABLES", "POST", "api/v1/calls", "{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[" + eleven + "]}");
        pbx.Refused(404, "UNKNOWN_EXTENSION", "POST", "api/v1/calls", "{\"extension\":\"2101\",\"ani\":\"2301\"}");
        Assert.AreEqual("1", (string?)pbx.Ok("POST", "api/v1/calls", call, 201)["id"], "refused offers made no call");
    }

    [TestMethod]
    public void EachTenantsPbxHasItsOwnKeyAndNoneAdministers()
    {
        using var server = TestCenter.Start();
        using Client acmeAgent = server.NewClient();
        acmeAgent.SignIn("7001", "2101", "SEPACME0002101", password: "abcd", tenant: "acme");
        acmeAgent.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        using Client pbx = server.NewClient();
        const string ToAcme = "{\"tenant\":\"acme\",\"queue\":\"Support\",\"ani\":\"5550\"}";
        const string ToDefault = "{\"queue\":\"Support\",\"ani\":\"5551\"}";

        pbx.ApiKey = TestCenter.ApiKey;
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", ToAcme);
        string ours = (string)pbx.Ok("POST", "api/v1/calls", ToDefault, 201)["id"]!;
        pbx.ApiKey = TestCenter.AcmePbxKey;
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", ToDefault);
        pbx.Refused(401, "UNAUTHORIZED", "POST", $"api/v1/calls/{ours}/hangup");
        string theirs = (string)pbx.Ok("POST", "api/v1/calls", ToAcme, 201)["id"]!;
        Assert.AreEqual("RESERVED", acmeAgent.State(), "acme's call rings at acme's agent");
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/admin/reload");

        pbx.ApiKey = TestCenter.ApiKey;
        pbx.Refused(401, "UNAUTHORIZED", "POST", $"api/v1/calls/{theirs}/hangup");
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/admin/reload");
        pbx.Refused(404, "UNKNOWN_CALL", "POST", "api/v1/calls/99999/hangup");
        pbx.ApiKey = TestCenter.AdminKey;
        pbx.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", ToDefault);
        pbx.Ok("POST", "api/v1/admin/reload");
        pbx.ApiKey = TestCenter.AcmePbxKey;
        pbx.Ok("POST", $"api/v1/calls/{theirs}/hangup");
        Assert.AreEqual("READY", acmeAgent.State(), "the caller hung up");
    }

    [TestMethod]
    public void NoAgentActsForAnotherOrAcrossTenants()
    {
        using var server = TestCenter.Start();
        using Client ada = server.NewClient();
        using Client alan = server.NewClient();
        using Client boss = server.NewClient();
        using Client acme = server.NewClient();
        ada.SignIn("7001", "2101", Phone1);
        alan.SignIn("7002", "2102", Phone2);
        boss.SignIn("7100", "2100", "SEP000000002100");
        acme.SignIn("7001", "2101", "SEPACME0002101", password: "abcd", tenant: "acme");
        Assert.AreEqual("Acme Agent", (string?)acme.Ok("GET", "api/v1/agents/me")["name"], "same ID and extension, other tenant");

        ada.Refused(403, "FORBIDDEN", "GET", "api/v1/agents/7002");
        ada.Refused(403, "FORBIDDEN", "PUT", "api/v1/agents/7002/state", "{\"state\":\"READY\"}");
        ada.Refused(403, "FORBIDDEN", "GET", "api/v1/agents/7002/events?after=0&wait=0");
        ada.Refused(403, "NOT_SUPERVISOR", "GET", "api/v1/team");
        acme.Refused(403, "FORBIDDEN", "GET", "api/v1/agents/7002");
        acme.Refused(403, "FORBIDDEN", "GET", "api/v1/agents/7100");
        Assert.AreEqual("NOT_READY", alan.State());

        JsonNode team = boss.Ok("GET", "api/v1/team");
        CollectionAssert.AreEquivalent(new[] { "7001", "7002" }, team["agents"]!.AsArray().Select(a => (string)a!["agentId"]!).ToArray());
        Assert.AreEqual("READY", (string?)boss.Ok("PUT", "api/v1/agents/7002/state", "{\"state\":\"READY\"}")["state"]);
        Assert.AreEqual("READY", alan.State(), "the supervisor changed Alan's state");
        Assert.AreEqual("Ada Lovelace", (string?)boss.Ok("GET", "api/v1/agents/7001")["name"]);
        boss.Refused(403, "FORBIDDEN", "POST", "api/v1/agents/7002/call/answer");
        Assert.AreEqual("NOT_READY", acme.State(), "the default tenant's supervisor cannot reach acme's 7001");

        using Client nobody = server.NewClient("0123456789abcdef0123456789abcdef");
        nobody.Refused(401, "UNAUTHORIZED", "GET", "api/v1/agents/me");
        nobody.Token = null;
        nobody.Refused(401, "UNAUTHORIZED", "GET", "api/v1/stats");
    }

    [TestMethod]
    public void APhoneJoinsTheAgentADesktopSignedInAtItsExtension()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.DeviceSecret = "demo-device-2102";
        phone.Refused(409, "NOT_SIGNED_IN", "POST", "api/v1/devices/SEP000000002102/session");

        using Client desk = server.NewClient();
        desk.SignIn("7002", "2102", "DESK-1");
        JsonNode joined = phone.Ok("POST", "api/v1/devices/SEP000000002102/session");
        Assert.AreEqual("7002", (string?)joined["agent"]!["agentId"]);
        Assert.AreEqual("2102", (string?)joined["agent"]!["extension"]);
        phone.DeviceSecret = null;
        phone.Token = (string)joined["token"]!;
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        Assert.AreEqual("READY", desk.State(), "one agent, two sessions: the desk's and the phone's");
        server.Kill();
        server.Start();
        Assert.AreEqual("READY", phone.State(), "the joined session survives a kill");

        // Only the phone's own secret opens it, for its own extension; nothing else changes.
        using Client stranger = server.NewClient();
        stranger.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/devices/SEP000000002102/session");
        stranger.DeviceSecret = "demo-device-2101";
        stranger.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/devices/SEP000000002102/session");
        stranger.Refused(409, "NOT_SIGNED_IN", "POST", "api/v1/devices/SEP000000002101/session");
        stranger.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/devices/SEPFFFFFFFFFFFF/session");
        stranger.Refused(405, "METHOD_NOT_ALLOWED", "GET", "api/v1/devices/SEP000000002102/session");
        Assert.AreEqual("READY", desk.State());
    }

    [TestMethod]
    public void AnIdlePhonesJoinWaitsForTheDeskSignIn()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.DeviceSecret = "demo-device-2102";
        // Nobody signs in: the question is held the wait, then refused as before.
        var took = Stopwatch.StartNew();
        phone.Refused(409, "NOT_SIGNED_IN", "POST", "api/v1/devices/SEP000000002102/session?wait=1");
        Assert.IsTrue(took.Elapsed >= TimeSpan.FromSeconds(0.9), $"held {took.Elapsed.TotalSeconds:F1} s");

        // Held until the desk signs in at the phone's extension, then answered with the session.
        took.Restart();
        var join = Task.Run(() => phone.Ok("POST", "api/v1/devices/SEP000000002102/session?wait=20"));
        Assert.IsFalse(join.Wait(TimeSpan.FromSeconds(0.5)), "the join waits while nobody is signed in");
        using Client desk = server.NewClient();
        desk.SignIn("7002", "2102", "DESK-1");
        Assert.IsTrue(join.Wait(TimeSpan.FromSeconds(30)), "the join was answered");
        Assert.AreEqual("7002", (string?)join.Result["agent"]!["agentId"]);
        Assert.IsTrue(took.Elapsed < TimeSpan.FromSeconds(15), $"answered after {took.Elapsed.TotalSeconds:F1} s: by the sign-in, not the wait's end");
        phone.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/devices/SEP000000002102/session?wait=x");
    }

    [TestMethod]
    public void TheTeamPageReadsTheTeamItsQueuesAndItsEventStream()
    {
        using var server = TestCenter.Start();
        using Client boss = server.NewClient();
        boss.SignIn("7100", "2100", "DESK-BOSS");
        using Client ada = server.NewClient();
        ada.SignIn("7001", "2101", Phone1);
        ada.Refused(403, "NOT_SUPERVISOR", "GET", "api/v1/team/events?after=0&wait=0");

        long after = (long)boss.Ok("GET", "api/v1/team/events?after=0&wait=0")["lastSeq"]!;
        boss.Ok("PUT", "api/v1/agents/7001/state", "{\"state\":\"READY\"}");
        JsonNode changed = boss.Ok("GET", $"api/v1/team/events?after={after}&wait=0")["events"]!.AsArray().Last()!;
        Assert.AreEqual("STATE_CHANGED", (string?)changed["kind"]);
        Assert.AreEqual("7001", (string?)changed["agentId"]);
        Assert.AreEqual("READY", (string?)changed["state"]);
        Assert.IsNull(changed["allowed"], "a member's choices are the member's own business");

        JsonNode team = boss.Ok("GET", "api/v1/team");
        JsonNode member = team["agents"]!.AsArray().Single(a => (string?)a!["agentId"] == "7001")!;
        Assert.AreEqual(0, (int)member["callsHandled"]!);
        CollectionAssert.AreEqual(new[] { "Support", "Sales" }, team["queues"]!.AsArray().Select(q => (string?)q!["queue"]).ToArray(),
            "the queues the members serve, for the queue figures");
    }

    [TestMethod]
    public void ProvisioningByDeviceNameAndOneButtonSignIn()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        JsonNode plain = phone.Ok("GET", "api/v1/devices/SEP000000002101");
        Assert.AreEqual("2101", (string?)plain["extension"]);
        Assert.IsNull(plain["agentId"]);
        Assert.IsFalse((bool)plain["passwordStored"]!);
        Assert.AreEqual(15, (int)plain["statsPollSeconds"]!);
        Assert.AreEqual(25, (int)plain["eventWaitSeconds"]!);
        Assert.AreEqual("http://127.0.0.1:8082", (string?)plain["servers"]![0]);
        Assert.IsNull(phone.Ok("GET", "api/v1/devices/SEPFFFFFFFFFFFF")["extension"], "unknown phones get settings only");

        // A device name is no secret: without the phone's own secret, its profile reads as absent.
        JsonNode guarded = phone.Ok("GET", "api/v1/devices/SEP0000000070A1");
        Assert.IsNull(guarded["agentId"]);
        Assert.IsFalse((bool)guarded["passwordStored"]!);
        phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"device\":\"SEP0000000070A1\"}");
        phone.DeviceSecret = "not-" + TestCenter.DeviceSecret;
        phone.Refused(401, "BAD_CREDENTIALS", "GET", "api/v1/devices/SEP0000000070A1");
        phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"device\":\"SEP0000000070A1\"}");
        phone.DeviceSecret = TestCenter.DeviceSecret;
        Assert.AreEqual("2102", (string?)phone.Ok("GET", "api/v1/devices/SEP000000002102")["extension"], "an open profile ignores a secret");
        phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"device\":\"SEP000000002101\"}");

        JsonNode full = phone.Ok("GET", "api/v1/devices/SEP0000000070A1");
        Assert.AreEqual("7002", (string?)full["agentId"]);
        Assert.IsTrue((bool)full["passwordStored"]!);
        JsonNode signedIn = phone.Ok("POST", "api/v1/signin", "{\"device\":\"SEP0000000070A1\"}");
        Assert.AreEqual("7002", (string?)signedIn["agent"]!["agentId"]);
        Assert.AreEqual("2102", (string?)signedIn["agent"]!["extension"]);
        phone.DeviceSecret = null;
        phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"agentId\":\"2101\",\"pin\":\"0000\",\"device\":\"x\",\"extension\":\"2101\"}");
        JsonNode byPin = phone.Ok("POST", "api/v1/signin", "{\"agentId\":\"2101\",\"pin\":\"4321\",\"device\":\"x\",\"extension\":\"2101\"}");
        Assert.AreEqual("7001", (string?)byPin["agent"]!["agentId"], "*35*2101*4321#: the agent named by its extension");
    }

    [TestMethod]
    public void ALongPollWaitsThenReturnsAtOnceWhenEventsCome()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        c.SignIn("7001", "2101", Phone1);
        long seq = (long)c.Ok("GET", "api/v1/agents/me")["lastSeq"]!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JsonNode empty = c.Ok("GET", $"api/v1/agents/me/events?after={seq}&wait=1");
        Assert.AreEqual(0, empty["events"]!.AsArray().Count);
        Assert.AreEqual(seq, (long)empty["lastSeq"]!);
        Assert.IsTrue(watch.ElapsedMilliseconds >= 900, "held for the wait");

        Assert.AreEqual(1, c.Ok("GET", "api/v1/agents/me/events?after=0")["events"]!.AsArray().Count, "events already there come at once");
        JsonNode resync = c.Ok("GET", $"api/v1/agents/me/events?after={seq + 5}");
        Assert.IsTrue((bool)resync["resync"]!, "a client counting past the stream resynchronizes");
    }

    [TestMethod]
    public void TwoClientsOfOneAgentSeeTheSameEventsInTheSameOrder()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        using Client desktop = server.NewClient();
        phone.SignIn("7001", "2101", Phone1);
        desktop.SignIn("7001", "2101", "DESKTOP-ADA");
        Assert.AreNotEqual(phone.Token, desktop.Token, "one session per device");
        long seq = (long)phone.Ok("GET", "api/v1/agents/me")["lastSeq"]!;

        // Each client long-polls with the longest wait (25 s): answers well before that show the
        // change woke the polls (or was there already when they came).
        var received = new List<string>();
        Task[] polls = new[] { phone, desktop }.Select(client => Task.Run(() =>
        {
            var events = new JsonArray();
            long after = seq;
            while (events.Count < 3)
            {
                JsonNode answer = client.Ok("GET", $"api/v1/agents/me/events?after={after}&wait=25");
                Assert.AreNotEqual(0, answer["events"]!.AsArray().Count, "a long-poll ran out its wait instead of waking");
                foreach (JsonNode? e in answer["events"]!.AsArray())
                {
                    events.Add(e!.DeepClone());
                }

                after = (long)answer["lastSeq"]!;
            }

            lock (received)
            {
                received.Add(events.ToJsonString());
            }
        })).ToArray();

        desktop.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        phone.Offer("Support");
        Assert.IsTrue(Task.WaitAll(polls, TimeSpan.FromSeconds(20)), "the polls were woken by the change, not by their wait running out");

        Assert.AreEqual(received[0], received[1], "same events, same order");
        StringAssert.Contains(received[0], "\"CALL_OFFERED\"");
    }

    [TestMethod]
    public void AReloadAddsWhatTheFileAddsAndRefusesAFaultyFile()
    {
        using var server = TestCenter.Start();
        using Client c = server.NewClient();
        c.SignIn("7001", "2101", Phone1);
        JsonObject config = JsonNode.Parse(File.ReadAllText(server.ConfigPath))!.AsObject();
        config["reasons"]!.AsArray().Add(new JsonObject { ["kind"] = "NOT_READY", ["code"] = 5, ["label"] = "Coaching" });
        File.WriteAllText(server.ConfigPath, config.ToJsonString());
        c.Refused(401, "UNAUTHORIZED", "POST", "api/v1/admin/reload");
        c.ApiKey = TestCenter.ApiKey;
        c.Refused(401, "UNAUTHORIZED", "POST", "api/v1/admin/reload");   // a PBX key is not the administration key
        c.ApiKey = TestCenter.AdminKey;
        c.Ok("POST", "api/v1/admin/reload");
        Assert.AreEqual("Coaching", (string?)c.Ok("GET", "api/v1/reasons?kind=NOT_READY")["reasons"]![4]!["label"]);

        config["queues"]!.AsArray().Add(new JsonObject { ["name"] = "Broken", ["strategy"] = "RANDOMLY" });
        config["reasons"]!.AsArray().Add(new JsonObject { ["kind"] = "NOT_READY", ["code"] = 6, ["label"] = "Never" });
        File.WriteAllText(server.ConfigPath, config.ToJsonString());
        c.Refused(400, "INVALID_ARGUMENT", "POST", "api/v1/admin/reload");
        Assert.AreEqual(5, c.Ok("GET", "api/v1/reasons?kind=NOT_READY")["reasons"]!.AsArray().Count, "nothing of the faulty file applied");
        Assert.AreEqual("NOT_READY", c.State(), "the signed-in agent is untouched");
    }
}
