using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class RoutingTests
    {
        /// <summary>A queue Q with agents a0..a(n-1) in member order, all signed in (Not Ready).</summary>
        private static AgentServer Build(TestClock clock, Strategy strategy, int agents, out Queue queue)
        {
            AgentServer server = new AgentServer(clock, new PlainSecrets(), null);
            queue = new Queue(null, "Q", strategy);
            server.AddQueue(queue);
            for (int i = 0; i < agents; i++)
            {
                Member(server, "a" + i, (3000 + i).ToString(), queue, 1);
            }

            return server;
        }

        /// <summary>Adds an agent to <paramref name="queue"/> and signs it in (Not Ready).</summary>
        private static Agent Member(AgentServer server, string id, string extension, Queue queue, int priority)
        {
            Agent agent = new Agent(null, id, null);
            agent.PasswordSecret = "pw";
            server.AddAgent(agent);
            server.AddToQueue(agent, queue, priority);
            Agent signedIn;
            Expect.Ok(server.SignIn(null, id, "pw", extension, out signedIn));
            return agent;
        }

        private static Agent A(AgentServer server, int i)
        {
            return server.FindAgent(null, "a" + i);
        }

        private static void Ready(AgentServer server, int i)
        {
            Expect.Ok(server.SetState(A(server, i), AgentState.Ready, 0));
        }

        /// <summary>Offers one call, answers and releases it; returns who took it.</summary>
        private static string Handle(AgentServer server, TestClock clock)
        {
            Call call;
            Expect.Ok(server.OfferToQueue(null, "Q", "100", "200", null, null, out call));
            Assert.AreEqual(1, call.PartyCount, "rang at one agent");
            Agent agent = call.PartyAt(0);
            clock.Now += 1000;
            Expect.Ok(server.Answer(agent));
            clock.Now += 1000;
            Expect.Ok(server.Release(agent));
            clock.Now += 1000;
            return agent.Id;
        }

        [TestMethod]
        public void LinearAlwaysHuntsFromTheFirstMember()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.Linear, 3, out q);
            Ready(server, 2);
            Ready(server, 1);
            Assert.AreEqual("a1", Handle(server, clock));
            Assert.AreEqual("a1", Handle(server, clock));
            Ready(server, 0);
            Assert.AreEqual("a0", Handle(server, clock));
        }

        [TestMethod]
        public void CircularGoesRoundFromTheLastOffered()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.Circular, 3, out q);
            Ready(server, 0);
            Ready(server, 1);
            Ready(server, 2);
            Assert.AreEqual("a0", Handle(server, clock));
            Assert.AreEqual("a1", Handle(server, clock));
            Assert.AreEqual("a2", Handle(server, clock));
            Assert.AreEqual("a0", Handle(server, clock));
            server.SetState(A(server, 1), AgentState.NotReady, 0);
            Assert.AreEqual("a2", Handle(server, clock));
        }

        [TestMethod]
        public void MostIdleTakesTheAgentWhoseLastCallEndedLongestAgo()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.MostIdle, 3, out q);
            Ready(server, 0);
            Ready(server, 1);
            Ready(server, 2);
            // Signed in at the same moment: member order breaks the tie; then each call moves its agent to the back.
            Assert.AreEqual("a0", Handle(server, clock));
            Assert.AreEqual("a1", Handle(server, clock));
            Assert.AreEqual("a2", Handle(server, clock));
            Assert.AreEqual("a0", Handle(server, clock));
        }

        [TestMethod]
        public void LongestAvailableTakesTheAgentReadyTheLongest()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.LongestAvailable, 3, out q);
            Ready(server, 2);
            clock.Now += 10;
            Ready(server, 0);
            clock.Now += 10;
            Ready(server, 1);
            Assert.AreEqual("a2", Handle(server, clock));
            Assert.AreEqual("a0", Handle(server, clock));
            Assert.AreEqual("a1", Handle(server, clock));
        }

        [TestMethod]
        public void FewestCallsTakesTheAgentWithTheFewestHandled()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.FewestCalls, 3, out q);
            Ready(server, 0);
            Assert.AreEqual("a0", Handle(server, clock));
            Assert.AreEqual("a0", Handle(server, clock));
            Ready(server, 1);
            Assert.AreEqual("a1", Handle(server, clock));
            Ready(server, 2);
            Assert.AreEqual("a2", Handle(server, clock));
            Assert.AreEqual("a1", Handle(server, clock));
            Assert.AreEqual("a2", Handle(server, clock));
            Assert.AreEqual("a0", Handle(server, clock));
        }

        [TestMethod]
        public void RingAllRingsEveryReadyAgentAndTheFirstAnswerWins()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.RingAll, 3, out q);
            Ready(server, 0);
            Ready(server, 1);
            Call call;
            Expect.Ok(server.OfferToQueue(null, "Q", "100", "200", null, null, out call));
            Assert.AreEqual(2, call.PartyCount);
            Expect.State("Reserved", A(server, 0));
            Expect.State("Reserved", A(server, 1));
            Expect.Ok(server.Answer(A(server, 1)));
            Expect.State("Talking", A(server, 1));
            Expect.State("Ready", A(server, 0));
            Assert.AreEqual("CALL_ENDED STATE_CHANGED", Center.KindsAfter(A(server, 0).Events, A(server, 0).Events.LastSeq - 2));
            ServerEvent[] two = new ServerEvent[2];
            A(server, 0).Events.CopyAfter(A(server, 0).Events.LastSeq - 2, two);
            Assert.AreEqual("ANSWERED_ELSEWHERE", CallEndReasons.ToWire(two[0].EndReason));
            Assert.AreEqual(1, call.PartyCount);
        }

        [TestMethod]
        public void RingAllNoAnswerReturnsTheCallOnceEveryRingHasTimedOut()
        {
            TestClock clock = new TestClock();
            Queue q;
            AgentServer server = Build(clock, Strategy.RingAll, 2, out q);
            Ready(server, 0);
            Ready(server, 1);
            Call call;
            server.OfferToQueue(null, "Q", "100", "200", null, null, out call);
            clock.Now += 15000;
            server.Tick();
            Expect.State("Not Ready", A(server, 0));
            Expect.State("Not Ready", A(server, 1));
            Assert.IsTrue(call.State == CallState.Queued);
            Assert.AreEqual(1, server.Stats(q).CallsQueued);
        }

        [TestMethod]
        public void LowerPriorityNumberIsOfferedFirst()
        {
            TestClock clock = new TestClock();
            AgentServer server = new AgentServer(clock, new PlainSecrets(), null);
            Queue q = new Queue(null, "Q", Strategy.Linear);
            server.AddQueue(q);
            string[] ids = { "backup", "main" };
            int[] priorities = { 2, 1 };
            for (int i = 0; i < 2; i++)
            {
                Agent agent = Member(server, ids[i], "300" + i, q, priorities[i]);
                server.SetState(agent, AgentState.Ready, 0);
            }

            Assert.AreEqual("main", Handle(server, clock));
            server.SetState(server.FindAgent(null, "main"), AgentState.NotReady, 0);
            Assert.AreEqual("backup", Handle(server, clock));
        }

        [TestMethod]
        public void AFreedAgentTakesTheBestWaitingCallAcrossItsQueues()
        {
            Center c = new Center();
            Call sales = c.Offer(c.Sales, "1111");
            c.Advance(1000);
            Call support = c.Offer(c.Support, "2222");
            // 7002 is in both queues with equal priority: the call waiting longest comes first.
            Agent agent = c.Ready("7002");
            Assert.AreSame(sales, agent.Leg.Call);
            c.Server.Answer(agent);
            c.Server.Release(agent);
            Assert.AreSame(support, agent.Leg.Call);
        }

        [TestMethod]
        public void AFreedAgentPrefersItsHigherPriorityQueue()
        {
            TestClock clock = new TestClock();
            AgentServer server = new AgentServer(clock, new PlainSecrets(), null);
            Queue gold = new Queue(null, "Gold", Strategy.Linear);
            Queue basic = new Queue(null, "Basic", Strategy.Linear);
            server.AddQueue(gold);
            server.AddQueue(basic);
            Agent agent = new Agent(null, "a", null);
            agent.PasswordSecret = "pw";
            server.AddAgent(agent);
            server.AddToQueue(agent, basic, 2);
            server.AddToQueue(agent, gold, 1);
            Call call;
            server.OfferToQueue(null, "Basic", "1", "9", null, null, out call);
            clock.Now += 5000;
            Call goldCall;
            server.OfferToQueue(null, "Gold", "2", "9", null, null, out goldCall);
            Agent signedIn;
            server.SignIn(null, "a", "pw", "3000", out signedIn);
            server.SetState(agent, AgentState.Ready, 0);
            Assert.AreSame(goldCall, agent.Leg.Call);
        }

        [TestMethod]
        public void QueueCallsNeverReachNotReadyAgents()
        {
            Center c = new Center();
            Agent a1 = c.SignIn("7001");
            Call call = c.Offer(c.Support, "2301");
            Assert.IsNull(a1.Leg);
            Assert.IsTrue(call.State == CallState.Queued);
            c.Server.SetState(a1, AgentState.Ready, 0);
            Assert.AreSame(call, a1.Leg.Call);
        }

        [TestMethod]
        public void AReadyAgentAddedToAQueueTakesItsWaitingCall()
        {
            Center c = new Center();
            Call call = c.Offer(c.Sales, "1111");
            Agent agent = c.Ready("7001");
            Assert.IsNull(agent.Leg);
            c.Server.AddToQueue(agent, c.Sales, 1);
            Assert.AreSame(call, agent.Leg.Call);
        }
    }
}
