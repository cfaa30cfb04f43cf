using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    /// <summary>A clock the tests move by hand.</summary>
    internal sealed class TestClock : IClock
    {
        public long Now = 1000000;

        public long NowMs
        {
            get { return Now; }
        }
    }

    /// <summary>
    /// A small contact center in virtual time, with the demo data: agents 7001 and 7002 (password
    /// 1234, PIN 4321/8765, extensions 2101 and 2102, queue Support; 7002 also Sales), 7003
    /// (Sales only, team Red), supervisor 7100 of team Blue. Not Ready reasons Break (1),
    /// Lunch (2); team Red also has Coaching (3); Logout reason End of shift (10); wrap-up
    /// reasons Sale (20), No sale (21).
    /// </summary>
    internal sealed class Center
    {
        public readonly TestClock Clock = new TestClock();
        public readonly CountingSecrets Secrets = new CountingSecrets();
        public readonly AgentServer Server;
        public readonly Queue Support;
        public readonly Queue Sales;

        public Center()
            : this(Strategy.Linear, 0)
        {
        }

        public Center(Strategy supportStrategy, int supportWrapUpSeconds)
        {
            Server = new AgentServer(Clock, Secrets, null);
            Server.AddTeam(new Team(null, "Blue"));
            Server.AddTeam(new Team(null, "Red"));
            Support = new Queue(null, "Support", supportStrategy);
            Support.WrapUpSeconds = supportWrapUpSeconds;
            Sales = new Queue(null, "Sales", Strategy.Linear);
            Server.AddQueue(Support);
            Server.AddQueue(Sales);

            Agent a1 = NewAgent("7001", "2101", "Blue");
            a1.PinSecret = "4321";
            Agent a2 = NewAgent("7002", "2102", "Blue");
            a2.PinSecret = "8765";
            NewAgent("7003", "2103", "Red");
            Agent boss = new Agent(null, "7100", "Supervisor");
            boss.PasswordSecret = "1234";
            boss.HomeExtension = "2100";
            boss.Role = AgentRole.Supervisor;
            boss.SupervisedTeam = "Blue";
            Server.AddAgent(boss);
            Server.AddToQueue(Server.FindAgent(null, "7001"), Support, 1);
            Server.AddToQueue(Server.FindAgent(null, "7002"), Support, 1);
            Server.AddToQueue(Server.FindAgent(null, "7002"), Sales, 1);
            Server.AddToQueue(Server.FindAgent(null, "7003"), Sales, 1);

            ReasonCatalog reasons = Server.Reasons(null);
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 1, "Break", null));
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 2, "Lunch", null));
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 3, "Coaching", "Red"));
            reasons.Add(new ReasonCode(ReasonKind.Logout, 10, "End of shift", null));
            reasons.Add(new ReasonCode(ReasonKind.WrapUp, 20, "Sale", null));
            reasons.Add(new ReasonCode(ReasonKind.WrapUp, 21, "No sale", null));
        }

        private Agent NewAgent(string id, string extension, string team)
        {
            Agent agent = new Agent(null, id, "Agent " + id);
            agent.PasswordSecret = "1234";
            agent.HomeExtension = extension;
            agent.Team = team;
            Server.AddAgent(agent);
            return agent;
        }

        public Agent Find(string id)
        {
            return Server.FindAgent(null, id);
        }

        /// <summary>Signs the agent in at its home extension (Not Ready).</summary>
        public Agent SignIn(string id)
        {
            Agent agent = Find(id);
            Agent signedIn;
            Expect.Ok(Server.SignIn(null, id, "1234", agent.HomeExtension, out signedIn));
            return signedIn;
        }

        public Agent Ready(string id)
        {
            Agent agent = SignIn(id);
            Expect.Ok(Server.SetState(agent, AgentState.Ready, 0));
            return agent;
        }

        public Call Offer(Queue queue, string ani)
        {
            Call call;
            Expect.Ok(Server.OfferToQueue(null, queue.Name, ani, "5000", null, null, out call));
            return call;
        }

        public Call Direct(string extension, string ani)
        {
            Call call;
            Expect.Ok(Server.OfferToExtension(null, extension, ani, extension, null, null, out call));
            return call;
        }

        /// <summary>The agent goes Ready and answers a Support call from <paramref name="ani"/>.</summary>
        public Agent Talking(string id, string ani, out Call call)
        {
            Agent agent = Ready(id);
            call = Offer(Support, ani);
            Expect.Ok(Server.Answer(agent));
            return agent;
        }

        /// <summary>A queue call rings at the agent, who answers and releases it.</summary>
        public Call HandleCall(Agent agent, Queue queue, string ani)
        {
            Call call = Offer(queue, ani);
            Expect.Ok(Server.Answer(agent));
            Expect.Ok(Server.Release(agent));
            return call;
        }

        /// <summary>Moves virtual time and runs what fell due.</summary>
        public void Advance(long ms)
        {
            Clock.Now += ms;
            Server.Tick();
        }

        public static ServerEvent Last(EventStream stream)
        {
            ServerEvent[] one = new ServerEvent[1];
            Assert.AreEqual(1, stream.CopyAfter(stream.LastSeq - 1, one));
            return one[0];
        }

        /// <summary>The kinds of the events after <paramref name="afterSeq"/>, space separated (wire names).</summary>
        public static string KindsAfter(EventStream stream, long afterSeq)
        {
            ServerEvent[] events = new ServerEvent[64];
            int n = stream.CopyAfter(afterSeq, events);
            string text = string.Empty;
            for (int i = 0; i < n; i++)
            {
                text += (i == 0 ? string.Empty : " ") + EventKinds.ToWire(events[i].Kind);
            }

            return text;
        }
    }

    /// <summary>Assertions in the words an agent or operator would use.</summary>
    internal static class Expect
    {
        public static void Ok(ErrorCode code)
        {
            Assert.AreEqual("NONE", ErrorCodes.ToWire(code));
        }

        public static void Error(string expected, ErrorCode code)
        {
            Assert.AreEqual(expected, ErrorCodes.ToWire(code));
        }

        public static void Error(string expected, ErrorCode code, string message)
        {
            Assert.AreEqual(expected, ErrorCodes.ToWire(code), message);
        }

        public static void State(string expected, Agent agent)
        {
            Assert.AreEqual(expected, AgentStates.ToDisplay(agent.State));
        }

        public static void Pending(string expected, Agent agent)
        {
            Assert.IsTrue(agent.HasPending, "no pending state");
            Assert.AreEqual(expected, AgentStates.ToDisplay(agent.PendingState));
        }

        public static void Reason(string expected, Agent agent)
        {
            Assert.AreEqual(expected, agent.Reason == null ? "(none)" : agent.Reason.Label);
        }

        public static void Menu(string expected, AgentState[] menu)
        {
            string text = string.Empty;
            for (int i = 0; i < menu.Length; i++)
            {
                text += (i == 0 ? string.Empty : ", ") + AgentStates.ToDisplay(menu[i]);
            }

            Assert.AreEqual(expected, text);
        }
    }

    /// <summary>Plain secrets that count how many checks the core asked for.</summary>
    internal sealed class CountingSecrets : ISecretVerifier
    {
        private readonly PlainSecrets _plain = new PlainSecrets();

        public int Checks;

        public bool Matches(string stored, string given)
        {
            Checks++;
            return _plain.Matches(stored, given);
        }
    }
}
