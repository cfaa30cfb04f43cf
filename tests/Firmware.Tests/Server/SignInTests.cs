using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class SignInTests
    {
        [TestMethod]
        public void SignInWithPasswordPutsTheAgentNotReadyAtTheExtension()
        {
            Center c = new Center();
            Agent agent;
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            Expect.State("Not Ready", agent);
            Assert.AreEqual("2101", agent.Extension);
            Assert.AreSame(agent, c.Server.SignedInAt(null, "2101"));
            ServerEvent e = Center.Last(agent.Events);
            Assert.AreEqual("STATE_CHANGED", EventKinds.ToWire(e.Kind));
            Assert.AreEqual("NOT_READY", AgentStates.ToWire(e.State));
        }

        [TestMethod]
        public void WrongPasswordOrUnknownAgentIsRefusedAndChangesNothing()
        {
            Center c = new Center();
            Agent agent;
            Expect.Error("BAD_CREDENTIALS", c.Server.SignIn(null, "7001", "9999", "2101", out agent));
            Expect.Error("UNKNOWN_AGENT", c.Server.SignIn(null, "7777", "1234", "2101", out agent));
            Expect.State("Logout", c.Find("7001"));
            Assert.IsNull(c.Server.SignedInAt(null, "2101"));
            Assert.AreEqual(0L, c.Find("7001").Events.LastSeq);
        }

        [TestMethod]
        public void PinSignInNamesTheAgentByIdOrByItsOwnExtension()
        {
            Center c = new Center();
            Agent agent;
            // *35*2101*4321# typed at station 2105: the agent of extension 2101 signs in there.
            Expect.Ok(c.Server.SignInWithPin(null, "2101", "4321", "2105", out agent));
            Assert.AreEqual("7001", agent.Id);
            Assert.AreEqual("2105", agent.Extension);
            Expect.Ok(c.Server.SignInWithPin(null, "7002", "8765", "2102", out agent));
            Expect.State("Not Ready", agent);
        }

        [TestMethod]
        public void APinIsAtLeastFourDigitsWhateverIsStored()
        {
            Center c = new Center();
            Agent agent;
            c.Find("7001").PinSecret = "123";
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInWithPin(null, "7001", "123", "2101", out agent));
            c.Find("7001").PinSecret = "12ab";
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInWithPin(null, "7001", "12ab", "2101", out agent));
            Assert.IsFalse(c.Find("7001").SignedIn, "nobody signed in with a PIN the rule does not allow");
            c.Find("7001").PinSecret = "1234";
            Expect.Ok(c.Server.SignInWithPin(null, "7001", "1234", "2101", out agent));
        }

        [TestMethod]
        [DataRow("7001", "0000", false)]
        [DataRow("7001", "432", false)]
        [DataRow("7001", "43a1", false)]
        [DataRow("9999", "4321", false)]
        [DataRow("7001", "0000", true)]
        [DataRow("9999", "1234", true)]
        public void EveryWrongSignInCostsOneSecretCheck(string agentId, string secret, bool password)
        {
            // Unknown agent, wrong password, wrong or malformed PIN: one check each, so neither
            // the answer (the API says BAD_CREDENTIALS for all) nor its time tells them apart.
            Center c = new Center();
            Agent agent;
            ErrorCode error = password
                ? c.Server.SignIn(null, agentId, secret, "2101", out agent)
                : c.Server.SignInWithPin(null, agentId, secret, "2101", out agent);

            Assert.AreEqual(1, c.Secrets.Checks);
            Assert.IsTrue(error == ErrorCode.BadCredentials || error == ErrorCode.UnknownAgent, ErrorCodes.ToWire(error));
            Expect.State("Logout", c.Find("7001"));
        }

        [TestMethod]
        public void RepeatedFailuresLockTheAgentOutForAWhile()
        {
            Center c = new Center();
            Agent agent;
            for (int i = 0; i < 5; i++)
            {
                Expect.Error("BAD_CREDENTIALS", c.Server.SignIn(null, "7001", "0000", "2101", out agent));
            }

            Expect.Error("LOCKED_OUT", c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            c.Advance(299000);
            Expect.Error("LOCKED_OUT", c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            c.Advance(1000);
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", "2101", out agent));
        }

        [TestMethod]
        public void AnExtensionTakesOneAgentAndAnAgentOneExtension()
        {
            Center c = new Center();
            c.SignIn("7001");
            Agent agent;
            Expect.Error("EXTENSION_IN_USE", c.Server.SignIn(null, "7002", "1234", "2101", out agent));
            Expect.Error("ALREADY_SIGNED_IN", c.Server.SignIn(null, "7001", "1234", "2102", out agent));
            long seq = c.Find("7001").Events.LastSeq;
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            Assert.AreEqual(seq, agent.Events.LastSeq, "signing in again where already signed in changes nothing");
        }

        [TestMethod]
        public void ARefusedSignInWithTheRightPasswordKeepsTheFailures()
        {
            // A refused sign-in is not journaled, so it must change nothing a restart would miss.
            Center c = new Center();
            c.SignIn("7001");
            Agent agent;
            Expect.Error("BAD_CREDENTIALS", c.Server.SignIn(null, "7001", "0000", "2101", out agent));
            Agent ada = c.Find("7001");
            Assert.AreEqual(1, ada.FailedSignIns);
            Expect.Error("ALREADY_SIGNED_IN", c.Server.SignIn(null, "7001", "1234", "2102", out agent));
            Expect.Error("INVALID_ARGUMENT", c.Server.SignIn(null, "7001", "1234", "21a1", out agent));
            Assert.AreEqual(1, ada.FailedSignIns, "refused for another reason: the failure stands");
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            Assert.AreEqual(0, ada.FailedSignIns, "a sign-in that succeeds clears it");
        }

        [TestMethod]
        public void ExtensionMustBeDigits()
        {
            Center c = new Center();
            Agent agent;
            Expect.Error("INVALID_ARGUMENT", c.Server.SignIn(null, "7001", "1234", "21a1", out agent));
            c.Find("7002").HomeExtension = null;
            Expect.Error("INVALID_ARGUMENT", c.Server.SignIn(null, "7002", "1234", "", out agent));
        }

        [TestMethod]
        public void NoExtensionSignsInAtTheAgentsOwn()
        {
            Center c = new Center();
            Agent agent;
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", null, out agent));
            Assert.AreEqual("2101", agent.Extension);
            Assert.AreSame(agent, c.Server.FindStation(null, "2101").Agent);
        }

        [TestMethod]
        public void ForcedLoginStationShowsNoUserUntilSomeoneSignsIn()
        {
            Center c = new Center();
            c.Server.AddStation(new Station(null, "2101", true));
            Station station = c.Server.FindStation(null, "2101");
            Assert.IsTrue(station.ForcedLogin);
            Assert.IsNull(station.Agent);
            Agent agent = c.SignIn("7001");
            Assert.AreSame(agent, station.Agent);
            Expect.Ok(c.Server.SignOut(agent, 10));
            Assert.IsNull(station.Agent);
            Expect.Reason("End of shift", agent);
        }

        [TestMethod]
        public void TenantsAreSeparate()
        {
            Center c = new Center();
            Agent other = new Agent("acme", "7001", "Acme agent");
            other.PasswordSecret = "abcd";
            c.Server.AddAgent(other);
            Agent agent;
            Expect.Error("BAD_CREDENTIALS", c.Server.SignIn("acme", "7001", "1234", "2101", out agent));
            Expect.Ok(c.Server.SignIn("acme", "7001", "abcd", "2101", out agent));
            Assert.AreSame(other, agent);
            // Same extension number in the default tenant is a different station.
            Expect.Ok(c.Server.SignIn(null, "7001", "1234", "2101", out agent));
            Assert.AreNotSame(other, agent);
        }

        [TestMethod]
        public void OneButtonSignInProfilesHoldAnySubset()
        {
            Center c = new Center();
            c.Server.SetDevice(new DeviceProfile("SEP00AABBCCDDEE", null, "7001", "2101", true, "secret-1"));
            c.Server.SetDevice(new DeviceProfile("SEP001122334455", null, null, "2102", false, null));
            DeviceProfile full = c.Server.FindDevice("SEP00AABBCCDDEE");
            Assert.AreEqual("7001", full.AgentId);
            Assert.AreEqual("2101", full.Extension);
            Assert.IsTrue(full.PasswordStored);
            DeviceProfile extOnly = c.Server.FindDevice("SEP001122334455");
            Assert.IsNull(extOnly.AgentId);
            Assert.AreEqual("2102", extOnly.Extension);
            Assert.IsNull(c.Server.FindDevice("SEPFFFFFFFFFFFF"));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new DeviceProfile("SEP1", null, "7001", null, false, null));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new DeviceProfile("SEP1", null, null, null, true, ""));
        }

        [TestMethod]
        public void AProfileThatNamesAnAgentOpensOnlyWithItsDeviceSecret()
        {
            Center c = new Center();
            c.Server.SetDevice(new DeviceProfile("SEP00AABBCCDDEE", null, "7001", "2101", true, "secret-1"));
            c.Server.SetDevice(new DeviceProfile("SEP001122334455", null, null, "2102", false, null));
            DeviceProfile profile;
            Expect.Ok(c.Server.OpenDevice("SEP00AABBCCDDEE", "secret-1", out profile));
            Assert.AreEqual("7001", profile.AgentId);
            Expect.Ok(c.Server.OpenDevice("SEP00AABBCCDDEE", null, out profile));
            Assert.IsNull(profile, "without the secret the profile reads as absent");
            Expect.Error("BAD_CREDENTIALS", c.Server.OpenDevice("SEP00AABBCCDDEE", "secret-2", out profile));
            Assert.IsNull(profile);
            Expect.Ok(c.Server.OpenDevice("SEPFFFFFFFFFFFF", "secret-1", out profile));
            Assert.IsNull(profile, "an unknown device has no profile, secret or not");
            Expect.Ok(c.Server.OpenDevice("SEP001122334455", "secret-1", out profile));
            Assert.AreEqual("2102", profile.Extension, "an open profile ignores a secret");
            Expect.Ok(c.Server.OpenDevice("SEP001122334455", null, out profile));
            Assert.AreEqual("2102", profile.Extension);
        }

        [TestMethod]
        public void APhoneWithAStoredPasswordSignsInWithItsDeviceSecret()
        {
            Center c = new Center();
            c.Server.SetDevice(new DeviceProfile("SEP00AABBCCDDEE", null, "7001", "2101", true, "secret-1"));
            c.Server.SetDevice(new DeviceProfile("SEP001122334455", null, "7002", "2102", false, "secret-2"));
            Agent agent;
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInFromDevice("SEP001122334455", "secret-2", null, out agent), "no password kept for this one");
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInFromDevice("SEPFFFFFFFFFFFF", "secret-1", null, out agent));
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInFromDevice("SEP00AABBCCDDEE", null, null, out agent), "the device name alone");
            Expect.Error("BAD_CREDENTIALS", c.Server.SignInFromDevice("SEP00AABBCCDDEE", "secret-2", null, out agent), "another phone's secret");
            Assert.IsFalse(c.Find("7001").SignedIn);
            Assert.IsFalse(c.Find("7002").SignedIn);
            Expect.Ok(c.Server.SignInFromDevice("SEP00AABBCCDDEE", "secret-1", null, out agent));
            Assert.AreEqual("7001", agent.Id);
            Assert.AreEqual("2101", agent.Extension);
            Assert.AreEqual(AgentState.NotReady, agent.State);
        }
    }
}
