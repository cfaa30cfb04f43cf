using System.Text.Json.Nodes;

namespace AgentPhone.Host.Tests;

/// <summary>The server killed with SIGKILL in the middle of traffic and started again on the same
/// database has every acknowledged state, session, call and event.</summary>
[TestClass]
public sealed class PersistenceTests
{
    [TestMethod]
    public void AKilledServerRestartsWithEverythingItAcknowledged()
    {
        using var server = TestCenter.Start();
        using Client ada = server.NewClient();
        using Client alan = server.NewClient();
        using Client grace = server.NewClient();
        ada.SignIn("7001", "2101", "SEP000000002101");
        alan.SignIn("7002", "2102", "SEP000000002102");
        grace.SignIn("7100", "2100", "SEP000000002100");
        ada.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        string adaCall = ada.Offer("Support");
        ada.Ok("POST", "api/v1/agents/me/call/answer");
        string waiting = alan.Offer("Sales"); // Alan is Not Ready: the call waits in Sales

        // Traffic until the kill: Grace (in no queue) Ready and Not Ready with a reason, back and
        // forth, and PBX calls to Support (queued: Ada is talking, Alan Not Ready). Each acknowledged answer is recorded with what it said.
        var acknowledged = new List<(string State, int Reason)>();
        var offered = new List<string>();
        (string State, int Reason)? inFlight = null;
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(() =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                (string, int) wanted = i % 2 == 0 ? ("READY", 0) : ("NOT_READY", 1 + i / 2 % 4);
                inFlight = wanted;
                try
                {
                    grace.Ok("PUT", "api/v1/agents/me/state", $"{{\"state\":\"{wanted.Item1}\",\"reasonCode\":{wanted.Item2}}}");
                    acknowledged.Add(wanted);
                    inFlight = null;
                    offered.Add(alan.Offer("Support", ani: (3000 + i).ToString()));
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        });

        SpinWait.SpinUntil(() => acknowledged.Count >= 30, TimeSpan.FromSeconds(30));
        JsonNode before = grace.Ok("GET", "api/v1/agents/me/events?after=0&wait=0");
        stop.Cancel();
        server.Kill();
        Assert.IsTrue(traffic.Wait(TimeSpan.FromSeconds(70)), "traffic stops once the server is gone");
        Assert.IsTrue(acknowledged.Count >= 30, $"traffic ran: {acknowledged.Count} state changes");

        server.Start();
        StringAssert.Contains(server.StartLine, "journal entries replayed");

        // Sessions: both phones carry on with their tokens, no new sign-in.
        JsonNode adaNow = ada.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("TALKING", (string?)adaNow["state"]);
        Assert.AreEqual(adaCall, (string?)adaNow["call"]!["id"], "the answered call is still connected");
        Assert.AreEqual("NOT_READY", alan.State());
        JsonNode graceNow = grace.Ok("GET", "api/v1/agents/me");
        var last = acknowledged[^1];
        bool isLast = (string?)graceNow["state"] == last.State && (int)graceNow["reasonCode"]! == last.Reason;
        bool isInFlight = inFlight is { } f && (string?)graceNow["state"] == f.State && (int)graceNow["reasonCode"]! == f.Reason;
        Assert.IsTrue(isLast || isInFlight, $"Grace's state is the last acknowledged one (or the one in flight): {graceNow.ToJsonString()}");

        // Calls: every acknowledged call still waits in its queue.
        JsonNode support = ada.Ok("GET", "api/v1/queues/Support/stats")["queues"]![0]!;
        Assert.IsTrue((int)support["callsQueued"]! >= offered.Count, $"{offered.Count} acknowledged calls, {support["callsQueued"]} queued");
        Assert.AreEqual(1, (int)ada.Ok("GET", "api/v1/queues/Sales/stats")["queues"]![0]!["callsQueued"]!, "call " + waiting + " waits in Sales");
        using Client pbx = server.NewClient();
        pbx.ApiKey = TestCenter.ApiKey;
        foreach (string id in offered.Append(waiting))
        {
            Assert.AreEqual(id, (string?)pbx.Ok("POST", $"api/v1/calls/{id}/hangup")["id"], $"call {id} is known");
        }

        // Call IDs continue; the event stream continues from the same sequence, same events.
        string next = ada.Offer("Sales");
        Assert.IsTrue(int.Parse(next) > offered.Select(int.Parse).Append(int.Parse(waiting)).Max(), $"new call {next} after the old ones");
        JsonNode after = grace.Ok("GET", "api/v1/agents/me/events?after=0&wait=0");
        JsonArray seen = before["events"]!.AsArray();
        JsonArray now = after["events"]!.AsArray();
        Assert.IsFalse((bool)after["resync"]!);
        Assert.IsTrue(now.Count >= seen.Count);
        for (int i = 0; i < seen.Count; i++)
        {
            Assert.IsTrue(JsonNode.DeepEquals(seen[i], now[i]), $"event {i}: {seen[i]!.ToJsonString()} vs {now[i]!.ToJsonString()}");
        }

        // A change after the restart: the long-poll from the last sequence seen before the kill
        // gets every event since, numbered on without a gap, ending with that change.
        bool ready = (string?)grace.Ok("GET", "api/v1/agents/me")["state"] == "READY";
        string changed = ready ? "NOT_READY" : "READY";
        grace.Ok("PUT", "api/v1/agents/me/state", ready ? "{\"state\":\"NOT_READY\",\"reasonCode\":1}" : "{\"state\":\"READY\"}");
        long resumeFrom = (long)before["lastSeq"]!;
        JsonNode resumed = grace.Ok("GET", $"api/v1/agents/me/events?after={resumeFrom}&wait=0");
        Assert.IsFalse((bool)resumed["resync"]!, "the phone's long-poll resumes from its last sequence");
        long[] seqs = resumed["events"]!.AsArray().Select(e => (long)e!["seq"]!).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, seqs.Length).Select(i => resumeFrom + 1 + i).ToArray(), seqs, "no sequence number skipped or repeated");
        Assert.IsTrue(seqs.Length > 0);
        Assert.AreEqual(changed, (string?)resumed["events"]!.AsArray()[^1]!["state"], "the change after the restart comes last");
    }

    [TestMethod]
    public void RefusedSignInsDoNotCostAnAcknowledgedChangeAfterAKill()
    {
        // Wrong passwords, a right one refused at another extension, one more wrong, then a
        // sign-in on a desk device, Ready, a call answered; SIGKILL; everything acknowledged is back.
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        const string Wrong = "{\"agentId\":\"7001\",\"password\":\"0000\",\"extension\":\"2101\",\"device\":\"DESK\"}";
        for (int i = 0; i < 4; i++)
        {
            phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", Wrong);
        }

        phone.Refused(409, "ALREADY_SIGNED_IN", "POST", "api/v1/signin", Wrong.Replace("0000", "1234").Replace("2101", "2102"));
        phone.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", Wrong);
        using Client desk = server.NewClient();
        string token = desk.Token = (string)desk.Ok("POST", "api/v1/signin", Wrong.Replace("0000", "1234"))["token"]!;
        desk.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        string call = desk.Offer("Support");
        desk.Ok("POST", "api/v1/agents/me/call/answer");

        server.Kill();
        server.Start();

        using Client again = server.NewClient(token);
        JsonNode me = again.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("TALKING", (string?)me["state"], me.ToJsonString());
        Assert.AreEqual(call, (string?)me["call"]!["id"]);
        Assert.AreEqual(0, (int)again.Ok("GET", "api/v1/queues/Support/stats")["queues"]![0]!["callsQueued"]!, "the answered call is not back in the queue");
        using Client later = server.NewClient();
        later.SignIn("7001", "2101", "SEP000000002101");
    }
}
