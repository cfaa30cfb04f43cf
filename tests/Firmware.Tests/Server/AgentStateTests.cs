using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class AgentStateTests
    {
        [TestMethod]
        public void ReadyAndNotReadyAlternateAndTheMenuFollows()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Expect.Menu("Ready, Not Ready, Logout", c.Server.Choosable(agent));
            Expect.Ok(c.Server.SetState(agent, AgentState.Ready, 0));
            Expect.State("Ready", agent);
            Expect.Menu("Not Ready, Logout", c.Server.Choosable(agent));
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 1));
            Expect.State("Not Ready", agent);
            Expect.Reason("Break", agent);
        }

        [TestMethod]
        public void InvalidTransitionsAreRefusedAndChangeNothing()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            long seq = agent.Events.LastSeq;
            Expect.Error("INVALID_TRANSITION", c.Server.SetState(agent, AgentState.Talking, 0));
            Expect.Error("INVALID_TRANSITION", c.Server.SetState(agent, AgentState.Reserved, 0));
            Expect.Error("INVALID_TRANSITION", c.Server.SetState(agent, AgentState.Work, 0));
            Expect.Error("UNKNOWN_REASON", c.Server.SetState(agent, AgentState.NotReady, 77));
            Expect.State("Not Ready", agent);
            Assert.AreEqual(seq, agent.Events.LastSeq);
        }

        [TestMethod]
        public void NotReadyAgainChangesTheReasonAndTheSameReasonChangesNothing()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 1));
            Expect.Reason("Break", agent);
            long seq = agent.Events.LastSeq;

            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 1));
            Assert.AreEqual(seq, agent.Events.LastSeq, "the same state and reason again: nothing changes, nothing is told");
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 2));
            Expect.State("Not Ready", agent);
            Expect.Reason("Lunch", agent);
            Assert.AreEqual(seq + 1, agent.Events.LastSeq, "one state event tells the new reason");
        }

        [TestMethod]
        public void WithoutNotReadyReasonsNotReadyIsNotOfferedAgain()
        {
            AgentServer server = new AgentServer(new TestClock(), new CountingSecrets(), null);
            Agent agent = new Agent(null, "7001", "Agent 7001");
            agent.PasswordSecret = "1234";
            agent.HomeExtension = "2101";
            server.AddAgent(agent);
            Agent signedIn;
            Expect.Ok(server.SignIn(null, "7001", "1234", "2101", out signedIn));
            Expect.Menu("Ready, Logout", server.Choosable(signedIn));
        }

        [TestMethod]
        public void SignedOutAgentCannotChangeState()
        {
            Center c = new Center();
            Expect.Error("NOT_SIGNED_IN", c.Server.SetState(c.Find("7001"), AgentState.Ready, 0));
        }

        [TestMethod]
        public void RequiredReasonMustBeGivenAndMustApplyToTheAgent()
        {
            Center c = new Center();
            c.Server.Reasons(null).SetRequired(ReasonKind.NotReady, true);
            Agent agent = c.Ready("7001");
            Assert.IsTrue(c.Server.ReasonRequired(agent, AgentState.NotReady));
            Expect.Error("REASON_REQUIRED", c.Server.SetState(agent, AgentState.NotReady, 0));
            Expect.Error("UNKNOWN_REASON", c.Server.SetState(agent, AgentState.NotReady, 99));
            // Coaching belongs to team Red; 7001 is in Blue.
            Expect.Error("UNKNOWN_REASON", c.Server.SetState(agent, AgentState.NotReady, 3));
            // A Logout code is not a Not Ready code.
            Expect.Error("UNKNOWN_REASON", c.Server.SetState(agent, AgentState.NotReady, 10));
            Expect.State("Ready", agent);
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 2));
            Expect.Reason("Lunch", agent);
        }

        [TestMethod]
        public void ReadyTakesNoReason()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Expect.Error("UNKNOWN_REASON", c.Server.SetState(agent, AgentState.Ready, 1));
        }

        [TestMethod]
        public void TeamCodesAreListedAfterGlobalOnesForThatTeamOnly()
        {
            Center c = new Center();
            ReasonCode[] blue = c.Server.Reasons(null).Applicable(ReasonKind.NotReady, "Blue");
            ReasonCode[] red = c.Server.Reasons(null).Applicable(ReasonKind.NotReady, "Red");
            Assert.AreEqual(2, blue.Length);
            Assert.AreEqual(3, red.Length);
            Assert.AreEqual("Coaching", red[2].Label);
            Agent agent = c.Ready("7003");
            Expect.Ok(c.Server.SetState(agent, AgentState.NotReady, 3));
            Expect.Reason("Coaching", agent);
        }

        [TestMethod]
        public void MoreThanAHundredCodesAreAllowedAndTheFirstHundredListed()
        {
            Center c = new Center();
            ReasonCatalog reasons = c.Server.Reasons(null);
            for (int i = 0; i < 150; i++)
            {
                reasons.Add(new ReasonCode(ReasonKind.Logout, 100 + i, "Reason " + i, null));
            }

            ReasonCode[] listed = reasons.Applicable(ReasonKind.Logout, "Blue");
            Assert.AreEqual(100, listed.Length);
            Assert.AreEqual("End of shift", listed[0].Label);
            Assert.AreEqual("Reason 98", listed[99].Label);
            // Codes past the first hundred still work when given by number.
            Agent agent = c.SignIn("7001");
            Expect.Ok(c.Server.SignOut(agent, 249));
            Expect.Reason("Reason 149", agent);
        }

        [TestMethod]
        public void DuplicateReasonCodeIsRejected()
        {
            Center c = new Center();
            Assert.ThrowsException(typeof(System.ArgumentException), () =>
                c.Server.Reasons(null).Add(new ReasonCode(ReasonKind.NotReady, 1, "Again", null)));
        }

        [TestMethod]
        public void LogoutWithRequiredReasonFreesTheExtension()
        {
            Center c = new Center();
            c.Server.Reasons(null).SetRequired(ReasonKind.Logout, true);
            Agent agent = c.Ready("7001");
            Expect.Error("REASON_REQUIRED", c.Server.SignOut(agent, 0));
            Expect.Ok(c.Server.SignOut(agent, 10));
            Expect.State("Logout", agent);
            Expect.Reason("End of shift", agent);
            Assert.IsNull(agent.Extension);
            Assert.IsNull(c.Server.SignedInAt(null, "2101"));
        }

        [TestMethod]
        public void TimeInStateAccumulatesPerState()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            c.Advance(5000);
            c.Server.SetState(agent, AgentState.Ready, 0);
            c.Advance(7000);
            c.Server.SetState(agent, AgentState.NotReady, 1);
            c.Advance(2000);
            c.Server.SetState(agent, AgentState.Ready, 0);
            c.Advance(1000);
            Assert.AreEqual(7000L, c.Server.TimeInStateMs(agent, AgentState.NotReady));
            Assert.AreEqual(8000L, c.Server.TimeInStateMs(agent, AgentState.Ready));
        }

        [TestMethod]
        public void EveryChangeIsANumberedEventInTheAgentsAndTeamsStreams()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            Assert.AreEqual(2L, agent.Events.LastSeq);
            Assert.AreEqual("STATE_CHANGED STATE_CHANGED", Center.KindsAfter(agent.Events, 0));
            Team blue = c.Server.FindTeam(null, "Blue");
            Assert.AreEqual(2L, blue.Events.LastSeq);
            Assert.AreEqual("7001", Center.Last(blue.Events).AgentId);
            Assert.AreEqual("READY", AgentStates.ToWire(Center.Last(blue.Events).State));
            // A client that saw event 1 reads only event 2.
            ServerEvent[] after = new ServerEvent[8];
            Assert.AreEqual(1, agent.Events.CopyAfter(1, after));
            Assert.AreEqual(2L, after[0].Seq);
            Assert.IsFalse(agent.Events.Missed(1));
        }

        [TestMethod]
        public void SupervisorSeesTheTeamAndChangesAMembersState()
        {
            Center c = new Center();
            Agent boss = c.SignIn("7100");
            Agent a1 = c.Ready("7001");
            c.Advance(3000);
            Agent[] team;
            Expect.Ok(c.Server.TeamView(boss, out team));
            Assert.AreEqual(2, team.Length);
            Assert.AreEqual("7001", team[0].Id);
            Expect.State("Ready", team[0]);
            Assert.AreEqual(3000L, c.Server.NowMs - team[0].StateSinceMs);
            Expect.State("Logout", team[1]);

            Expect.Ok(c.Server.SetStateBySupervisor(boss, "7001", AgentState.NotReady, 2));
            Expect.State("Not Ready", a1);
            Expect.Reason("Lunch", a1);
            Expect.Error("NOT_IN_TEAM", c.Server.SetStateBySupervisor(boss, "7003", AgentState.NotReady, 0));
            Expect.Error("UNKNOWN_AGENT", c.Server.SetStateBySupervisor(boss, "9999", AgentState.NotReady, 0));
            Expect.Error("INVALID_TRANSITION", c.Server.SetStateBySupervisor(boss, "7001", AgentState.Talking, 0));
        }

        [TestMethod]
        public void AgentsAreNotSupervisors()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Agent[] team;
            Expect.Error("NOT_SUPERVISOR", c.Server.TeamView(agent, out team));
            Expect.Error("NOT_SUPERVISOR", c.Server.SetStateBySupervisor(agent, "7002", AgentState.Ready, 0));
        }
    }
}
