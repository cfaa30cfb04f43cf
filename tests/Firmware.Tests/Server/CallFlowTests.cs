using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    /// <summary>The call flows of the reference guides, driven as the phone and the PBX would.</summary>
    [TestClass]
    public class CallFlowTests
    {
        [TestMethod]
        public void CiscoTypicalCallWithWorkChosenDuringTheCall()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            long seq = agent.Events.LastSeq;
            Call call = c.Offer(c.Support, "2301");

            Expect.State("Reserved", agent);
            ServerEvent offered = Center.Last(agent.Events);
            Assert.AreEqual("CALL_OFFERED", EventKinds.ToWire(offered.Kind));
            Assert.AreEqual("2301", offered.Ani);
            Assert.AreEqual(call.Id, offered.CallId);

            Expect.Ok(c.Server.Answer(agent));
            Expect.State("Talking", agent);
            Expect.Ok(c.Server.SetState(agent, AgentState.Work, 0));
            Expect.State("Talking", agent);
            Expect.Pending("Work", agent);

            c.Advance(60000);
            Expect.Ok(c.Server.Release(agent));
            Expect.State("Work", agent);
            Assert.IsFalse(agent.HasPending);
            Assert.AreEqual(0L, agent.WrapUpEndsMs, "Work the agent chose has no timer");
            c.Advance(600000);
            Expect.State("Work", agent);
            Expect.Error("NO_CALL", c.Server.Release(agent));

            Expect.Ok(c.Server.SetState(agent, AgentState.Ready, 0));
            Expect.State("Ready", agent);
            Assert.AreEqual(1, agent.CallsHandled);
            // Reserved, offer, Talking, answer, Work pending, call end, Work, Ready.
            Assert.AreEqual(
                "STATE_CHANGED CALL_OFFERED STATE_CHANGED CALL_ANSWERED STATE_CHANGED CALL_ENDED STATE_CHANGED STATE_CHANGED",
                Center.KindsAfter(agent.Events, seq));
            c.Offer(c.Support, "2302");
            Expect.State("Reserved", agent);
        }

        [TestMethod]
        public void CiscoReasonCodeFlowNotReadyChosenDuringTheCall()
        {
            Center c = new Center();
            c.Server.Reasons(null).SetRequired(ReasonKind.NotReady, true);
            Agent agent = c.Ready("7001");
            Call call = c.Offer(c.Support, "2301");
            c.Server.Answer(agent);
            Expect.Error("REASON_REQUIRED", c.Server.SetState(agent, AgentState.NotReady, 0));
            Assert.IsFalse(agent.HasPending);
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 1));
            Expect.Pending("Not Ready", agent);
            ServerEvent pending = Center.Last(agent.Events);
            Assert.IsTrue(pending.HasPending);
            Assert.AreEqual("TALKING", AgentStates.ToWire(pending.State));
            Assert.AreEqual("Break", pending.PendingReason.Label);

            Expect.Ok(c.Server.HangUp(call.Id));
            Expect.State("Not Ready", agent);
            Expect.Reason("Break", agent);
            c.Offer(c.Support, "2302");
            Expect.State("Not Ready", agent);
        }

        [TestMethod]
        public void ExpertflowWrapUpWithPendingNotReady()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.Ready("7001");
            c.HandleCall(agent, c.Support, "2301");

            Expect.State("Work", agent);
            Assert.AreEqual(c.Server.NowMs + 10000, agent.WrapUpEndsMs);
            Expect.Menu("Not Ready, Logout", c.Server.Choosable(agent));
            Expect.Error("INVALID_TRANSITION", c.Server.SetState(agent, AgentState.Ready, 0));
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 1));
            Expect.State("Work", agent);
            Expect.Pending("Not Ready", agent);

            c.Advance(9999);
            Expect.State("Work", agent);
            c.Advance(1);
            Expect.State("Not Ready", agent);
            Expect.Reason("Break", agent);
            Assert.IsFalse(agent.HasPending);
        }

        [TestMethod]
        public void WrapUpExpiresToReadyAndTheNextCallRings()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.Ready("7001");
            c.HandleCall(agent, c.Support, "2301");
            c.Offer(c.Support, "2302");
            Expect.State("Work", agent);
            Assert.AreEqual(1, c.Server.Stats(c.Support).CallsQueued);
            c.Advance(10000);
            Expect.State("Reserved", agent);
            Assert.AreEqual("2302", agent.Leg.Call.Ani);
        }

        [TestMethod]
        public void WrapUpTimeOfTheAgentOverridesTheQueue()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.Ready("7001");
            agent.WrapUpSeconds = 0;
            c.HandleCall(agent, c.Support, "2301");
            Expect.State("Ready", agent);

            agent.WrapUpSeconds = 30;
            c.HandleCall(agent, c.Support, "2302");
            c.Advance(29000);
            Expect.State("Work", agent);
            c.Advance(1000);
            Expect.State("Ready", agent);
        }

        [TestMethod]
        public void AgentAllowedToEndWrapUpEarlyMayGoReady()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.Ready("7001");
            agent.MayEndWrapUpEarly = true;
            c.HandleCall(agent, c.Support, "2301");
            Expect.Menu("Ready, Not Ready, Logout", c.Server.Choosable(agent));
            Expect.Ok(c.Server.SetState(agent, AgentState.Ready, 0));
            Expect.State("Ready", agent);
            Assert.AreEqual(0L, agent.WrapUpEndsMs);
            c.Advance(10000);
            Expect.State("Ready", agent);
        }

        [TestMethod]
        public void WrapUpReasonIsKeptAndCanBeRequired()
        {
            Center c = new Center();
            c.Server.Reasons(null).SetRequired(ReasonKind.WrapUp, true);
            Agent agent = c.Ready("7001");
            c.Offer(c.Support, "2301");
            c.Server.Answer(agent);
            c.Server.SetState(agent, AgentState.Work, 0);
            c.Server.Release(agent);
            Expect.Error("REASON_REQUIRED", c.Server.SetState(agent, AgentState.Ready, 0));
            Expect.Error("UNKNOWN_REASON", c.Server.SetWrapUpReason(agent, 1));
            Expect.Ok(c.Server.SetWrapUpReason(agent, 20));
            Expect.Reason("Sale", agent);
            Expect.Ok(c.Server.SetState(agent, AgentState.Ready, 0));
        }

        [TestMethod]
        public void NoWrapUpAfterDirectOrOutboundCalls()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.SignIn("7001");
            c.Direct("2101", "0301");
            c.Server.Answer(agent);
            c.Server.Release(agent);
            Expect.State("Not Ready", agent);
            Call call;
            Expect.Ok(c.Server.Dial(agent, "0044123", out call));
            c.Server.Release(agent);
            Expect.State("Not Ready", agent);
        }

        [TestMethod]
        public void DirectCallTakesAReadyAgentNotReadyAndBackAfterwards()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Direct("2101", "0301");
            Expect.State("Not Ready", agent);
            Expect.Reason("Direct call", agent);
            ServerEvent offered = Center.Last(agent.Events);
            Assert.AreEqual("CALL_OFFERED", EventKinds.ToWire(offered.Kind));
            Assert.IsFalse(offered.Routed);
            // Not Ready now: a queue call waits.
            c.Offer(c.Support, "2301");
            Expect.State("Not Ready", agent);
            c.Server.Answer(agent);
            Assert.IsTrue(agent.Leg.State == LegState.Connected);
            c.Server.Release(agent);
            // Back to Ready, which takes the waiting queue call at once.
            Expect.State("Reserved", agent);
        }

        [TestMethod]
        public void DirectCallReachesANotReadyAgentWhoStaysNotReady()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            c.Server.SetState(agent, AgentState.Ready, 0);
            c.Server.SetState(agent, AgentState.NotReady, 2);
            Call call = c.Direct("2101", "0301");
            c.Server.Answer(agent);
            Expect.Ok(c.Server.HangUp(call.Id));
            Expect.State("Not Ready", agent);
            Expect.Reason("Lunch", agent);
        }

        [TestMethod]
        public void StateChosenDuringADirectCallAppliesAfterIt()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Direct("2101", "0301");
            c.Server.Answer(agent);
            Expect.Ok(c.Server.SetState(agent, AgentState.Logout, 10));
            Expect.Pending("Logout", agent);
            c.Server.Release(agent);
            Expect.State("Logout", agent);
            Expect.Reason("End of shift", agent);
        }

        [TestMethod]
        public void DirectCallToABusyOrUnknownExtensionIsRefused()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Offer(c.Support, "2301");
            Call call;
            Expect.Error("BUSY", c.Server.OfferToExtension(null, "2101", "0301", "2101", null, null, out call));
            Expect.Error("UNKNOWN_EXTENSION", c.Server.OfferToExtension(null, "2999", "0301", "2999", null, null, out call));
            Expect.State("Reserved", agent);
        }

        [TestMethod]
        public void RingNoAnswerReturnsTheCallToTheHeadOfTheQueue()
        {
            Center c = new Center();
            Agent a1 = c.Ready("7001");
            Call first = c.Offer(c.Support, "2301");
            Call second = c.Offer(c.Support, "2302");
            Expect.State("Reserved", a1);
            Assert.AreEqual(1, c.Server.Stats(c.Support).CallsQueued);

            c.Advance(15000);
            Expect.State("Not Ready", a1);
            Expect.Reason("Ring no answer", a1);
            ServerEvent ended = Center.Last(a1.Events);
            Assert.AreEqual("STATE_CHANGED", EventKinds.ToWire(ended.Kind));
            Assert.AreEqual(2, c.Server.Stats(c.Support).CallsQueued);

            Agent a2 = c.Ready("7002");
            Assert.AreSame(first, a2.Leg.Call, "the returned call is first in line");
            Assert.IsTrue(second.State == CallState.Queued);
        }

        [TestMethod]
        public void RingNoAnswerWithLogoutPendingSignsTheAgentOut()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Offer(c.Support, "2301");
            c.Server.SignOut(agent, 10);
            c.Advance(15000);
            Expect.State("Logout", agent);
        }

        [TestMethod]
        public void CallerHangsUpWhileQueuedRingingOrTalking()
        {
            Center c = new Center();
            Call queued = c.Offer(c.Support, "2301");
            Expect.Ok(c.Server.HangUp(queued.Id));
            Assert.AreEqual(0, c.Server.Stats(c.Support).CallsQueued);

            Agent agent = c.Ready("7001");
            Expect.State("Ready", agent);
            Call ringing = c.Offer(c.Support, "2302");
            Expect.Ok(c.Server.HangUp(ringing.Id));
            Expect.State("Ready", agent);
            ServerEvent ended = Center.Last(agent.Events);
            Assert.AreEqual("STATE_CHANGED", EventKinds.ToWire(ended.Kind));

            Call talking = c.Offer(c.Support, "2303");
            c.Server.Answer(agent);
            long seq = agent.Events.LastSeq;
            Expect.Ok(c.Server.HangUp(talking.Id));
            Expect.State("Ready", agent);
            Assert.AreEqual("CALL_ENDED STATE_CHANGED", Center.KindsAfter(agent.Events, seq));
            ServerEvent[] two = new ServerEvent[2];
            agent.Events.CopyAfter(seq, two);
            Assert.AreEqual("CALLER_HUNG_UP", CallEndReasons.ToWire(two[0].EndReason));

            QueueStats stats = c.Server.Stats(c.Support);
            Assert.AreEqual(3, stats.Offered);
            Assert.AreEqual(2, stats.Abandoned);
            Assert.AreEqual(1, stats.Answered);
            Expect.Error("UNKNOWN_CALL", c.Server.HangUp(talking.Id));
        }

        [TestMethod]
        public void HoldAndResume()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Offer(c.Support, "2301");
            Expect.Error("CALL_NOT_CONNECTED", c.Server.Hold(agent));
            c.Server.Answer(agent);
            Expect.Error("INVALID_TRANSITION", c.Server.Resume(agent));
            Expect.Ok(c.Server.Hold(agent));
            Expect.State("Hold", agent);
            Assert.AreEqual("CALL_HELD", EventKinds.ToWire(Center.Last(agent.Events).Kind));
            Expect.Error("INVALID_TRANSITION", c.Server.Hold(agent));
            Expect.Ok(c.Server.Resume(agent));
            Expect.State("Talking", agent);
            Expect.Ok(c.Server.Hold(agent));
            Expect.Ok(c.Server.Release(agent));
            Expect.State("Ready", agent);
        }

        [TestMethod]
        public void CallControlWithoutACallIsRefused()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            Expect.Error("NO_CALL", c.Server.Answer(agent));
            Expect.Error("NO_CALL", c.Server.Hold(agent));
            Expect.Error("NO_CALL", c.Server.Release(agent));
            Expect.Error("NO_CALL", c.Server.Transfer(agent, "2102"));
            Expect.Error("NO_CALL", c.Server.Conference(agent, "2102"));
        }

        [TestMethod]
        public void TransferToANotReadyAgentIsRefused()
        {
            Center c = new Center();
            Agent a1 = c.Ready("7001");
            Agent a2 = c.SignIn("7002");
            c.Offer(c.Support, "2301");
            c.Server.Answer(a1);
            Expect.Error("TARGET_NOT_READY", c.Server.Transfer(a1, "2102"));
            Expect.Error("UNKNOWN_EXTENSION", c.Server.Transfer(a1, "2999"));
            Expect.Error("INVALID_ARGUMENT", c.Server.Transfer(a1, "2101"));
            Expect.State("Talking", a1);
            Expect.State("Not Ready", a2);
            Assert.IsNull(a2.Leg);
        }

        [TestMethod]
        public void BlindTransferToAReadyAgent()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent a1 = c.Ready("7001");
            Call call = c.Offer(c.Support, "2301");
            c.Server.Answer(a1);
            // 7003 is not in Support, so the only way it gets this call is the transfer.
            Agent a3 = c.Ready("7003");
            Expect.Ok(c.Server.Transfer(a1, "2103"));

            Assert.IsNull(a1.Leg);
            Expect.State("Work", a1);
            Assert.AreEqual("TRANSFERRED", CallEndReasons.ToWire(LastEnd(a1)));
            Assert.AreSame(call, a3.Leg.Call);
            Expect.State("Not Ready", a3);
            ServerEvent offered = Center.Last(a3.Events);
            Assert.AreEqual("CALL_OFFERED", EventKinds.ToWire(offered.Kind));
            Assert.AreEqual("7001", offered.Party);
            Assert.AreEqual("2301", offered.Ani);

            c.Server.Answer(a3);
            c.Server.Release(a3);
            Expect.State("Ready", a3);
            Assert.IsTrue(call.State == CallState.Ended);
        }

        [TestMethod]
        public void ConferenceEveryPartySeesJoinsAndDrops()
        {
            Center c = new Center();
            Agent a1 = c.Ready("7001");
            Call call = c.Offer(c.Support, "2301");
            c.Server.Answer(a1);
            Agent a3 = c.SignIn("7003");
            Expect.Error("TARGET_NOT_READY", c.Server.Conference(a1, "2103"));
            c.Server.SetState(a3, AgentState.Ready, 0);
            Expect.Ok(c.Server.Conference(a1, "2103"));
            Assert.AreEqual(2, call.PartyCount);

            long seq1 = a1.Events.LastSeq;
            Expect.Ok(c.Server.Answer(a3));
            ServerEvent joined = Center.Last(a1.Events);
            Assert.AreEqual("PARTY_JOINED", EventKinds.ToWire(joined.Kind));
            Assert.AreEqual("7003", joined.Party);
            Assert.AreEqual("PARTY_JOINED", EventKinds.ToWire(Center.Last(a3.Events).Kind));
            Assert.AreEqual("7001", Center.Last(a3.Events).Party);
            Assert.AreEqual("PARTY_JOINED", Center.KindsAfter(a1.Events, seq1));

            // The first agent drops; the second stays with the caller and is told.
            Expect.Ok(c.Server.Release(a1));
            Expect.State("Ready", a1);
            ServerEvent left = Center.Last(a3.Events);
            Assert.AreEqual("PARTY_LEFT", EventKinds.ToWire(left.Kind));
            Assert.AreEqual("7001", left.Party);
            Assert.AreSame(call, a3.Leg.Call);
            Assert.AreEqual(1, call.PartyCount);

            Expect.Ok(c.Server.HangUp(call.Id));
            Expect.State("Ready", a3);
        }

        [TestMethod]
        public void AConsultThenTransferHandsTheCallerToTheConsultedAgent()
        {
            Center c = new Center(Strategy.Linear, 10);
            Call call;
            Agent a1 = c.Talking("7001", "2301", out call);
            Agent a3 = c.SignIn("7003");
            Expect.Error("TARGET_NOT_READY", c.Server.Consult(a1, "2103"));
            c.Server.SetState(a3, AgentState.Ready, 0);
            long seq1 = a1.Events.LastSeq;
            Expect.Ok(c.Server.Consult(a1, "2103"));

            // The caller waits on hold; the consulted agent's phone rings with who consults.
            Expect.State("Hold", a1);
            ServerEvent held = Center.Last(a1.Events);
            Assert.AreEqual("STATE_CHANGED CALL_HELD", Center.KindsAfter(a1.Events, seq1), "Hold, then the call held");
            Assert.AreEqual("2103", held.ConsultTo);
            Assert.IsFalse(held.ConsultConnected);
            ServerEvent offered = Center.Last(a3.Events);
            Assert.AreEqual("CALL_OFFERED", EventKinds.ToWire(offered.Kind));
            Assert.AreEqual("2101", offered.ConsultFrom);
            Assert.AreEqual("7001", offered.Party);
            Expect.Error("CONSULT_IN_PROGRESS", c.Server.Consult(a1, "2103"));
            Expect.Error("CONSULT_IN_PROGRESS", c.Server.Transfer(a1, "2102"));
            Expect.Ok(c.Server.Answer(a3));
            Expect.Error("CONSULT_IN_PROGRESS", c.Server.Transfer(a3, "2102"), "the consulted agent brings nobody in meanwhile");

            // The two agents talk; the consulting one heard that the other answered.
            ServerEvent joined = Center.Last(a1.Events);
            Assert.AreEqual("PARTY_JOINED", EventKinds.ToWire(joined.Kind));
            Assert.AreEqual("7003", joined.Party);
            Assert.IsTrue(joined.ConsultConnected);
            Expect.State("Hold", a1);

            // Completed: the first agent goes to wrap-up, the second keeps the caller.
            long seq3 = a3.Events.LastSeq;
            Expect.Ok(c.Server.Transfer(a1, null));
            Assert.IsNull(a1.Leg);
            Expect.State("Work", a1);
            Assert.AreEqual("TRANSFERRED", CallEndReasons.ToWire(LastEnd(a1)));
            Assert.AreSame(call, a3.Leg.Call);
            Assert.AreEqual(1, call.PartyCount);
            ServerEvent left = Center.Last(a3.Events);
            Assert.AreEqual("PARTY_LEFT", Center.KindsAfter(a3.Events, seq3));
            Assert.AreEqual("7001", left.Party);
            Assert.IsNull(left.ConsultFrom, "no longer a consult: the caller is on this agent's call");
            Expect.Ok(c.Server.Release(a3));
            Assert.IsTrue(call.State == CallState.Ended);
        }

        [TestMethod]
        public void AConsultThenConferenceBringsAllThreeTogether()
        {
            Center c = new Center();
            Call call;
            Agent a1 = c.Talking("7001", "2301", out call);
            Agent a3 = c.Ready("7003");
            Expect.Ok(c.Server.Consult(a1, "2103"));
            Expect.Ok(c.Server.Answer(a3));
            Expect.Error("CONSULT_IN_PROGRESS", c.Server.Conference(a1, "2102"));

            long seq1 = a1.Events.LastSeq;
            long seq3 = a3.Events.LastSeq;
            Expect.Ok(c.Server.Conference(a1, "2103"));
            Expect.State("Talking", a1);
            Assert.AreEqual("STATE_CHANGED CALL_RESUMED PARTY_JOINED", Center.KindsAfter(a1.Events, seq1));
            Assert.IsNull(Center.Last(a1.Events).ConsultTo);
            Assert.AreEqual("PARTY_JOINED", Center.KindsAfter(a3.Events, seq3));
            Assert.IsNull(Center.Last(a3.Events).ConsultFrom);
            Assert.AreEqual(2, call.PartyCount);
            Assert.IsNull(a1.Leg.OpenConsult);

            Expect.Ok(c.Server.Release(a1));
            Assert.AreSame(call, a3.Leg.Call);
            Expect.Ok(c.Server.HangUp(call.Id));
            Expect.State("Ready", a3);
        }

        [TestMethod]
        public void AConsultEndsByResumeReleaseOrNoAnswerAndTheCallerStays()
        {
            Center c = new Center();
            Call call;
            Agent a1 = c.Talking("7001", "2301", out call);
            Agent a3 = c.Ready("7003");

            // Resume: the consult call ends and the caller is back.
            Expect.Ok(c.Server.Consult(a1, "2103"));
            Expect.Ok(c.Server.Answer(a3));
            long seq1 = a1.Events.LastSeq;
            Expect.Ok(c.Server.Resume(a1));
            Assert.AreEqual("PARTY_LEFT STATE_CHANGED CALL_RESUMED", Center.KindsAfter(a1.Events, seq1));
            Expect.State("Talking", a1);
            Assert.IsNull(a3.Leg);
            Expect.State("Ready", a3);
            Assert.AreEqual("RELEASED", CallEndReasons.ToWire(LastEnd(a3)));

            // Release during a consult hangs up on the consulted agent only.
            Expect.Ok(c.Server.Consult(a1, "2103"));
            Expect.Ok(c.Server.Answer(a3));
            Expect.Ok(c.Server.Release(a1));
            Assert.IsNull(a3.Leg);
            Assert.AreSame(call, a1.Leg.Call);
            Expect.State("Hold", a1);

            // From hold, unanswered: the ring times out and the caller is still on hold.
            seq1 = a1.Events.LastSeq;
            Expect.Ok(c.Server.Consult(a1, "2103"));
            Assert.AreEqual("CALL_HELD", Center.KindsAfter(a1.Events, seq1), "the agent's stream hears of the consult even from hold");
            c.Advance(31000);
            ServerEvent left = Center.Last(a1.Events);
            Assert.AreEqual("PARTY_LEFT", EventKinds.ToWire(left.Kind));
            Assert.AreEqual("NO_ANSWER", CallEndReasons.ToWire(left.EndReason));
            Assert.IsNull(left.ConsultTo);
            Expect.State("Hold", a1);
            Expect.State("Ready", a3);

            // The caller hangs up during a consult: both agents are off the call.
            Expect.Ok(c.Server.Consult(a1, "2103"));
            Expect.Ok(c.Server.HangUp(call.Id));
            Assert.IsNull(a1.Leg);
            Assert.IsNull(a3.Leg);
            Expect.State("Ready", a3);
        }

        [TestMethod]
        public void OutboundOnlyFromNotReady()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            Call call;
            Expect.Error("INVALID_TRANSITION", c.Server.Dial(agent, "0044123", out call));
            c.Server.SetState(agent, AgentState.NotReady, 1);
            Expect.Error("INVALID_ARGUMENT", c.Server.Dial(agent, "", out call));
            Expect.Ok(c.Server.Dial(agent, "0044123", out call));
            Expect.State("Not Ready", agent);
            Assert.AreEqual("0044123", call.Dnis);
            Assert.AreEqual("2101", call.Ani);
            Assert.AreEqual("CALL_ANSWERED", EventKinds.ToWire(Center.Last(agent.Events).Kind));
            // Not Ready with a call: queue calls do not reach the agent.
            c.Offer(c.Support, "2301");
            Assert.AreSame(call, agent.Leg.Call);
            c.Server.Release(agent);
            Expect.State("Not Ready", agent);
            Expect.Reason("Break", agent);
        }

        [TestMethod]
        public void OutboundToAnotherAgentRingsThereOnlyIfReady()
        {
            Center c = new Center();
            Agent a1 = c.SignIn("7001");
            Agent a3 = c.SignIn("7003");
            Call call;
            Expect.Error("TARGET_NOT_READY", c.Server.Dial(a1, "2103", out call));
            c.Server.SetState(a3, AgentState.Ready, 0);
            Expect.Ok(c.Server.Dial(a1, "2103", out call));
            Assert.AreEqual("CALL_OFFERED", EventKinds.ToWire(Center.Last(a3.Events).Kind));
            c.Server.Answer(a3);
            Assert.AreEqual("PARTY_JOINED", EventKinds.ToWire(Center.Last(a1.Events).Kind));
            c.Server.Release(a1);
            c.Server.Release(a3);
            Expect.State("Ready", a3);
            Expect.State("Not Ready", a1);
        }

        [TestMethod]
        public void CallVariablesAreLimitedToTenAndShownThroughTheLayout()
        {
            Center c = new Center();
            c.Support.Layout = new Layout("Billing", new string[] { "AccountNumber", "FirstName" }, new string[] { "Account", "Name" });
            Agent agent = c.Ready("7001");
            Call call;
            string[] eleven = new string[11];
            for (int i = 0; i < eleven.Length; i++)
            {
                eleven[i] = "V" + i;
            }

            Expect.Error("TOO_MANY_VARIABLES", c.Server.OfferToQueue(null, "Support", "2301", "5000", eleven, eleven, out call));
            Expect.Error("INVALID_ARGUMENT", c.Server.OfferToQueue(null, "Support", "2301", "5000", new string[] { "A" }, new string[0], out call));
            Expect.Error("UNKNOWN_QUEUE", c.Server.OfferToQueue(null, "Nope", "2301", "5000", null, null, out call));
            Expect.State("Ready", agent);
            Assert.AreEqual(0, c.Server.Stats(c.Support).Offered);

            Expect.Ok(c.Server.OfferToQueue(null, "Support", "2301", "5000",
                new string[] { "FirstName", "Ignored", "AccountNumber" }, new string[] { "Ada", "x", "42" }, out call));
            ServerEvent offered = Center.Last(agent.Events);
            Assert.AreEqual("Billing", offered.Layout);
            Assert.AreEqual(2, offered.Labels.Length);
            Assert.AreEqual("Account", offered.Labels[0]);
            Assert.AreEqual("42", offered.Values[0]);
            Assert.AreEqual("Name", offered.Labels[1]);
            Assert.AreEqual("Ada", offered.Values[1]);
        }

        [TestMethod]
        public void DefaultLayoutShowsEveryVariable()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            Call call;
            Expect.Ok(c.Server.OfferToQueue(null, "Support", "2301", "5000", new string[] { "FirstName" }, new string[] { "Ada" }, out call));
            ServerEvent offered = Center.Last(agent.Events);
            Assert.AreEqual("Default", offered.Layout);
            Assert.AreEqual("FirstName", offered.Labels[0]);
            Assert.AreEqual("Ada", offered.Values[0]);
        }

        [TestMethod]
        public void LogoutDuringACallIsPendingUntilItEnds()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            c.Offer(c.Support, "2301");
            c.Server.Answer(agent);
            Expect.Ok(c.Server.SignOut(agent, 10));
            Expect.State("Talking", agent);
            Expect.Pending("Logout", agent);
            c.Server.Release(agent);
            Expect.State("Logout", agent);
            Assert.IsNull(c.Server.SignedInAt(null, "2101"));
        }

        [TestMethod]
        public void LogoutDuringWrapUpIsImmediate()
        {
            Center c = new Center(Strategy.Linear, 10);
            Agent agent = c.Ready("7001");
            c.HandleCall(agent, c.Support, "2301");
            Expect.State("Work", agent);
            Expect.Ok(c.Server.SignOut(agent, 10));
            Expect.State("Logout", agent);
            Assert.AreEqual(0L, agent.WrapUpEndsMs);
            c.Advance(10000);
            Expect.State("Logout", agent);
        }

        private static CallEndReason LastEnd(Agent agent)
        {
            ServerEvent[] events = new ServerEvent[64];
            int n = agent.Events.CopyAfter(0, events);
            for (int i = n - 1; i >= 0; i--)
            {
                if (events[i].Kind == EventKind.CallEnded)
                {
                    return events[i].EndReason;
                }
            }

            return CallEndReason.None;
        }
    }
}
