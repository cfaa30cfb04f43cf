using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    /// <summary>Distinct tokens, predictable for tests (real hosts use a secure random source).</summary>
    internal sealed class CountingTokens : ITokenSource
    {
        private int _next;

        public string NewToken()
        {
            _next++;
            return "token-" + _next.ToString().PadLeft(10, '0');
        }
    }

    [TestClass]
    public class SessionTests
    {
        private static Session Open(Center c, Agent agent, string device)
        {
            Session session;
            Expect.Ok(c.Server.OpenSession(agent, device, Tokens, out session));
            return session;
        }

        private static readonly CountingTokens Tokens = new CountingTokens();

        [TestMethod]
        public void PhoneAndDesktopOfOneAgentHoldSeparateTokens()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Session phone = Open(c, agent, "SEP00AABBCCDDEE");
            Session desktop = Open(c, agent, "desktop-7001");
            Assert.AreNotEqual(phone.Token, desktop.Token);
            Assert.AreSame(phone, c.Server.FindSession(phone.Token));
            Assert.AreSame(desktop, c.Server.FindSession(desktop.Token));
        }

        [TestMethod]
        public void AJoinThatCrossesThePhonesOwnSignInLeavesItsSession()
        {
            Center c = new Center();
            c.Server.SetDevice(new DeviceProfile("SEP000000002101", null, null, "2101", false, "phone-secret"));
            Agent agent = c.SignIn("7001");
            Session own = Open(c, agent, "SEP000000002101");
            Agent joined;
            Expect.Error("ALREADY_SIGNED_IN", c.Server.JoinAtStation("SEP000000002101", "phone-secret", out joined));
            Assert.IsTrue(own.Open, "the phone's own session stands");

            // Later the phone restarted and lost its token: it joins again, as it signed in.
            c.Advance(AgentServer.FreshSessionMs);
            Expect.Ok(c.Server.JoinAtStation("SEP000000002101", "phone-secret", out joined));
            Assert.AreSame(agent, joined);
        }

        [TestMethod]
        public void SigningInAgainOnADeviceReplacesItsToken()
        {
            Center c = new Center();
            Agent agent = c.SignIn("7001");
            Session first = Open(c, agent, "SEP00AABBCCDDEE");
            Session second = Open(c, agent, "SEP00AABBCCDDEE");
            Assert.IsNull(c.Server.FindSession(first.Token));
            Assert.IsFalse(first.Open);
            Assert.AreSame(second, c.Server.FindSession(second.Token));
        }

        [TestMethod]
        public void EverySignOutEndsTheAgentsSessions()
        {
            Center c = new Center();
            Agent agent = c.Ready("7001");
            Session phone = Open(c, agent, "SEP00AABBCCDDEE");
            // Logout chosen on a call is pending: the session lives until the call ends.
            c.Offer(c.Support, "2301");
            c.Server.Answer(agent);
            c.Server.SignOut(agent, 0);
            Assert.IsTrue(phone.Open);
            c.Server.Release(agent);
            Assert.IsFalse(phone.Open);
            Agent ignored;
            Expect.Error("UNAUTHORIZED", c.Server.Authorize(phone.Token, null, out ignored));
        }

        [TestMethod]
        public void OnlySignedInAgentsGetSessions()
        {
            Center c = new Center();
            Session session;
            Expect.Error("NOT_SIGNED_IN", c.Server.OpenSession(c.Find("7001"), "SEP00AABBCCDDEE", Tokens, out session));
            Expect.Error("INVALID_ARGUMENT", c.Server.OpenSession(c.SignIn("7001"), "", Tokens, out session));
        }

        [TestMethod]
        public void AnAgentActsOnlyForItselfAndASupervisorForItsTeam()
        {
            Center c = new Center();
            Session own = Open(c, c.SignIn("7001"), "SEP00AABBCCDDEE");
            Session boss = Open(c, c.SignIn("7100"), "SEP00AABBCCDD00");
            Agent agent;
            Expect.Ok(c.Server.Authorize(own.Token, null, out agent));
            Assert.AreEqual("7001", agent.Id);
            Expect.Ok(c.Server.Authorize(own.Token, "7001", out agent));
            Expect.Error("FORBIDDEN", c.Server.Authorize(own.Token, "7002", out agent));
            Assert.IsNull(agent);
            Expect.Ok(c.Server.Authorize(boss.Token, "7002", out agent));
            Assert.AreEqual("7002", agent.Id);
            // 7003 is in team Red, not the supervisor's Blue.
            Expect.Error("FORBIDDEN", c.Server.Authorize(boss.Token, "7003", out agent));
            Expect.Error("UNAUTHORIZED", c.Server.Authorize("no-such-token", null, out agent));
            Expect.Error("UNAUTHORIZED", c.Server.Authorize(null, null, out agent));
        }

        [TestMethod]
        public void NoSessionReachesAnotherTenant()
        {
            Center c = new Center();
            c.Server.AddTeam(new Team("acme", "Blue"));
            Agent acme = new Agent("acme", "7002", "Acme agent");
            acme.PasswordSecret = "pw";
            acme.Team = "Blue";
            c.Server.AddAgent(acme);
            Session boss = Open(c, c.SignIn("7100"), "SEP00AABBCCDD00");
            Agent agent;
            // Same agent ID and team name in another tenant: the supervisor still reaches only its own.
            Expect.Ok(c.Server.Authorize(boss.Token, "7002", out agent));
            Assert.AreEqual("", agent.Tenant);
            Assert.AreNotSame(acme, agent);
        }
    }
}
