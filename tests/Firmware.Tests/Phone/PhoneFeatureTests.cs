using AgentPhone.Firmware.Tests.Server;
using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Phone
{
    /// <summary>Avaya's feature codes, One Button Sign In, Expertflow-style call control, ringing
    /// and the supervisor's team view, on the phone.</summary>
    [TestClass]
    public class PhoneFeatureTests
    {
        [TestMethod]
        public void FeatureCodesSignInWithAPinAndSignOut()
        {
            PhoneRig rig = new PhoneRig();
            rig.Keys("* 3 5 * 7 0 0 1 * 4 3 2");
            Assert.AreEqual("*35*7001*432", rig.Row(4), "the code typed so far");
            Assert.AreEqual("Login|<<|Dial|", rig.Softkeys());
            rig.Keys("1 #");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("NOT_READY", rig.State());

            rig.Keys("SOFT4");
            Assert.AreEqual("Agent 7001", rig.Row(1));
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            rig.Keys("* 3 6");
            Assert.IsFalse(rig.Phone.SignedIn);
            Assert.AreEqual("No User", rig.Row(1));
            Assert.AreEqual("Ext 2101", rig.Row(2));
        }

        [TestMethod]
        public void AWrongPinOrAnUnknownCodeIsRefusedAndChangesNothing()
        {
            PhoneRig rig = new PhoneRig();
            rig.Keys("* 3 5 * 7 0 0 1 * 1 1 1 1 #");
            Assert.AreEqual("Login failed", rig.Row(1));
            Assert.IsFalse(rig.Phone.SignedIn);
            rig.Keys("SOFT1 * 9 9 #");
            Assert.AreEqual("Unknown code *99#", rig.Body());
            rig.Keys("SOFT1 # 7 0 0 1 #");
            Assert.AreEqual("No short code #7001# on this phone.", rig.Body(), "no password kept for this phone");
            Assert.IsFalse(rig.Phone.SignedIn);
        }

        [TestMethod]
        public void OneButtonSignInWithEverythingProvisionedSignsInAtOnce()
        {
            PhoneRig rig = new PhoneRig();
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, "7001", "2101", true, PhoneRig.DeviceSecret));
            rig.Boot(PhoneRig.Device, "2101");
            rig.Keys("SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("NOT_READY", rig.State());

            rig.Keys("3 1");
            Assert.IsFalse(rig.Phone.SignedIn);
            rig.Keys("# 7 0 0 1 SOFT3");
            Assert.AreEqual("Agent: 7001", rig.Row(1), "the short code signs in with the kept password");
        }

        [TestMethod]
        public void APhoneWithoutItsDeviceSecretGetsNoProfile()
        {
            PhoneRig rig = new PhoneRig();
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, "7001", "2101", true, PhoneRig.DeviceSecret));
            rig.Boot(PhoneRig.Device, "2101", null);
            rig.Keys("SOFT1");
            Assert.IsFalse(rig.Phone.SignedIn, "a device name alone signs nobody in");
            Assert.AreEqual("Agent ID: _", rig.Row(2), "nor tells the agent");
            Assert.AreEqual("Password:", rig.Row(3));

            rig.Boot(PhoneRig.Device, "2101", "not-the-secret");
            rig.Keys("SOFT1");
            Assert.IsFalse(rig.Phone.SignedIn);
            Assert.AreEqual("Agent ID: _", rig.Row(2));
            rig.Keys("SOFT3 # 7 0 0 1 #");
            Assert.IsFalse(rig.Phone.SignedIn, "no short code without the profile");
        }

        [TestMethod]
        public void OneButtonSignInAsksOnlyForWhatIsNotProvisioned()
        {
            PhoneRig rig = new PhoneRig();
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, "7001", null, false, PhoneRig.DeviceSecret));
            rig.Boot(PhoneRig.Device, "2101");
            rig.Keys("SOFT1");
            Assert.AreEqual("Password: _", rig.Row(2));
            Assert.AreEqual("Extension:", rig.Row(3));
            Assert.AreEqual("Agent 7001", rig.Row(4));
            rig.Keys("SOFT3 1 2 3 4 DOWN 2 1 0 1 SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));

            rig.Keys("2 1");
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, null, "2101", false, null));
            rig.Boot(PhoneRig.Device, "2101");
            rig.Keys("SOFT1");
            Assert.AreEqual("Agent ID: _", rig.Row(2));
            Assert.AreEqual("Password:", rig.Row(3));
            Assert.AreEqual("Ext 2101", rig.Row(4));
            rig.Keys("SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));

            rig.Keys("2 1");
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, "7001", "2101", false, PhoneRig.DeviceSecret));
            rig.Boot(PhoneRig.Device, "2101");
            rig.Keys("SOFT1");
            Assert.AreEqual("Password: _", rig.Row(2), "only the password is asked");
            Assert.AreEqual("Agent 7001", rig.Row(3));
            Assert.AreEqual("Ext 2101", rig.Row(4));
            rig.Keys("SOFT3 1 2 3 4 SELECT");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
        }

        [TestMethod]
        public void HoldResumeAndBlindTransferToAReadyAgent()
        {
            PhoneRig rig = new PhoneRig(new Center(), 26, 10);
            Agent grace = SignInReady(rig.Center, "7002", "2102");
            rig.SignIn7001();
            rig.Keys("1");
            Agent ada = rig.Center.Server.FindAgent(null, "7001");
            rig.Center.Server.SetState(grace, AgentState.NotReady, 1);
            rig.Offer("Support", "2301");
            rig.Events();
            rig.Keys("ANSWER SOFT4 SOFT2");
            Assert.AreEqual("On Hold", rig.Row(1));
            Assert.AreEqual("Release|Resume|Xfer|Conf", rig.Softkeys());
            Assert.AreEqual((int)AgentState.Hold, (int)ada.State);
            rig.Keys("SOFT2");
            Assert.AreEqual("Talking", rig.Row(1));

            rig.Keys("SOFT3");
            Assert.AreEqual("Transfer to", rig.Row(1));
            rig.Keys("2 1 0 2 SOFT1");
            Assert.AreEqual("Refused", rig.Row(1), "7002 is not Ready");
            rig.Center.Server.SetState(grace, AgentState.Ready, 0);
            rig.Keys("SOFT1 SOFT3 2 1 0 3 SOFT2 2 SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1), "the call left the phone");
            Assert.IsNull(rig.Phone.Call);
            Assert.IsNotNull(grace.Leg, "the call rings at 7002");
        }

        [TestMethod]
        public void AConferenceShowsTheAgentWhoJoined()
        {
            PhoneRig rig = new PhoneRig(new Center(), 26, 10);
            Agent grace = RingingWithAnotherAgentReady(rig);
            rig.Keys("ANSWER SOFT4 SOFT4 2 1 0 2 SELECT");
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.AreEqual(0, (int)rig.Center.Server.Answer(grace));
            rig.Events();
            Assert.Contains("With: 7002", rig.Text());
        }

        [TestMethod]
        public void AConsultOnTheSmallestBoardThenTransfer()
        {
            // esp32-ssd1306: 21 columns, 8 rows.
            PhoneRig rig = new PhoneRig(new Center(), 21, 8);
            Agent grace = RingingWithAnotherAgentReady(rig);
            rig.Keys("ANSWER SOFT4 SOFT3");
            Assert.AreEqual("Transfer to", rig.Row(1));
            Assert.AreEqual("Dial|<<|Consult|Cancel", rig.Softkeys());
            Assert.Contains("Cnsl", rig.Row(7), "the short form where the word does not fit");

            rig.Keys("2 1 0 2 SOFT3");
            Assert.AreEqual("Consult", rig.Row(1));
            Assert.Contains("Caller: 2301 held", rig.Text());
            Assert.Contains("2102 ringing", rig.Text());
            Assert.AreEqual("Resume|Xfer|Conf|Release", rig.Softkeys());
            Assert.IsNotNull(grace.Leg, "the call rings at 7002");

            Assert.AreEqual(0, (int)rig.Center.Server.Answer(grace));
            rig.Events();
            Assert.Contains("2102 talking", rig.Text());
            rig.Keys("SOFT2");
            Assert.IsNull(rig.Phone.Call, "the caller went to 7002");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.IsNotNull(grace.Leg);
            Assert.IsNull(grace.Leg.ConsultFor, "7002 has the caller now");
        }

        [TestMethod]
        public void AConsultEndsWithResumeOrBecomesAConference()
        {
            PhoneRig rig = new PhoneRig(new Center(), 26, 10);
            Agent grace = RingingWithAnotherAgentReady(rig);

            // Consulted, then back to the caller: the consult call ends at 7002.
            rig.Keys("ANSWER SOFT4 SOFT4 2 1 0 2 SOFT3");
            Assert.AreEqual("Consult", rig.Row(1));
            rig.Keys("SOFT1");
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.IsNull(grace.Leg);

            // Again, answered, then completed as a conference: all three on the call.
            rig.Keys("SOFT4 2 1 0 2 SOFT3");
            Assert.AreEqual(0, (int)rig.Center.Server.Answer(grace));
            rig.Events();
            Assert.Contains("2102 talking", rig.Text());
            rig.Keys("SOFT3");
            rig.Events();
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.Contains("With: 7002", rig.Text());
            Assert.AreEqual("Release|Hold|Xfer|Conf", rig.Softkeys());
            Assert.AreEqual(2, grace.Leg.Call.PartyCount);
        }

        [TestMethod]
        public void ADirectCallRingsWithItsOwnCadenceAndStopsWhenTheCallerHangsUp()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            Call call;
            Assert.AreEqual(0, (int)rig.Center.Server.OfferToExtension(null, "2101", "5550100", "2101", null, null, out call));
            rig.Events();
            Assert.IsTrue(rig.Ringer.IsRinging);
            Assert.IsFalse(rig.Ringer.LastRouted);
            Assert.AreEqual("ANI: 5550100", rig.Row(3));

            rig.Center.Server.HangUp(call.Id);
            rig.Events();
            Assert.IsFalse(rig.Ringer.IsRinging);
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.IsNull(rig.Phone.Call);
        }

        [TestMethod]
        public void AnUnansweredCallStopsRingingAndTheAgentGoesNotReady()
        {
            PhoneRig rig = new PhoneRig();
            rig.RingingQueueCall();
            Assert.IsTrue(rig.Ringer.IsRinging);
            rig.Wait(rig.Center.Support.RingTimeoutSeconds * 1000);
            rig.Events();
            Assert.IsFalse(rig.Ringer.IsRinging, "ring-no-answer stops the ringer");
            Assert.IsNull(rig.Phone.Call);
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
        }

        [TestMethod]
        public void OnTheSmallestPanelTheCallerDataScrollsWithUpAndDown()
        {
            // 21x8 (esp32-ssd1306): four body rows for layout, ANI, DNIS and two variables.
            PhoneRig rig = new PhoneRig(new Center(), 21, 8);
            rig.SignIn7001();
            Assert.AreEqual("State: Not Ready", rig.Row(6), "the state row shortens rather than cutting 'Not Ready'");
            Assert.AreEqual("Sel  Stat More Exit", rig.Row(7), "short forms where a softkey's word does not fit");
            rig.Keys("SERVICES 1");
            rig.Offer("Support", "2301");
            rig.Events();
            Assert.AreEqual("Caller Data", rig.Row(1));
            Assert.AreEqual("Layout: Default", rig.Row(2));
            Assert.AreEqual("FirstName: Ada", rig.Row(5));

            rig.Keys("DOWN");
            Assert.AreEqual("ANI: 2301", rig.Row(2));
            Assert.AreEqual("AccountNumberOf", rig.Row(5).Substring(0, 15), "the last variable comes into view");
            rig.Keys("DOWN DOWN");
            Assert.AreEqual("ANI: 2301", rig.Row(2), "the last page stays full");
            rig.Keys("UP");
            Assert.AreEqual("Layout: Default", rig.Row(2), "one UP goes back, however often DOWN was pressed at the end");
            Assert.IsTrue(rig.Phone.Call != null && rig.Ringer.IsRinging, "scrolling changes nothing about the call");
        }

        [TestMethod]
        public void AWrapUpReasonIsChosenFromMoreDuringWrapUp()
        {
            PhoneRig rig = new PhoneRig();
            rig.RingingQueueCall();
            rig.Keys("ANSWER HANGUP");
            Assert.AreEqual("WORK", rig.State());
            rig.Keys("SOFT3");
            Assert.AreEqual(">1 Wrap-up reason", rig.Row(2));
            rig.Keys("SELECT");
            Assert.AreEqual("Wrap-up Reason", rig.Row(1));
            Assert.AreEqual(">1 Sale", rig.Row(2));
            Assert.AreEqual(" 2 No sale", rig.Row(3));
            rig.Keys("2");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("Wrap-up reason: No sale", rig.Row(2), "the agent sees the reason was taken");
            Assert.AreEqual(21, rig.Center.Server.FindAgent(null, "7001").WrapUpReason.Code);
        }

        [TestMethod]
        [DataRow(21, 8)]
        [DataRow(53, 24)]
        public void AWrapUpReasonIsOneKeyFromTheAgentMenu(int columns, int rows)
        {
            PhoneRig rig = new PhoneRig(new Center(Strategy.Linear, 10), columns, rows);
            rig.RingingQueueCall();
            rig.Keys("ANSWER HANGUP");
            Assert.AreEqual("WORK", rig.State());
            string item = null;
            for (int r = 0; r < rows; r++)
            {
                if (rig.Row(r).IndexOf("Wrap-up reason") > 0)
                {
                    item = rig.Row(r).Substring(1).Trim();
                }
            }

            Assert.IsNotNull(item, "the agent menu lists it after the states: " + rig.Body());
            rig.Keys(item.Substring(0, 1));
            Assert.AreEqual("Wrap-up Reason", rig.Row(1));
            rig.Keys("2");
            Assert.AreEqual(21, rig.Center.Server.FindAgent(null, "7001").WrapUpReason.Code);
            Assert.Contains(columns < 23 ? "Reason: No sale" : "Wrap-up reason: No sale", rig.Body(), "the reason taken, whole on every panel");
            Assert.DoesNotContains(item, rig.Body(), "once taken it is no longer offered");
        }

        [TestMethod]
        public void AWrapUpReasonTooLateSaysTheWrapUpEndedWithoutAskingToResynchronize()
        {
            PhoneRig rig = new PhoneRig(new Center(Strategy.Linear, 10), 26, 10);
            rig.RingingQueueCall();
            rig.Keys("ANSWER HANGUP SOFT3 SELECT");
            Assert.AreEqual("Wrap-up Reason", rig.Row(1));

            // The wrap-up runs out while the agent picks.
            rig.Center.Clock.Now += 11000;
            rig.Center.Server.Tick();
            rig.Keys("1");

            Assert.AreEqual("Wrap-up reason", rig.Row(1));
            Assert.Contains("the wrap-up has ended", rig.Body());
            Assert.DoesNotContains("resynchronize", rig.Body());
            Assert.IsNull(rig.Center.Server.FindAgent(null, "7001").WrapUpReason);
        }

        [TestMethod]
        public void OutboundCallsAreDialedFromNotReady()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("SOFT3");
            Assert.AreEqual(">1 Dial", rig.Row(2));
            rig.Keys("1 5 5 5 0 1 0 0 SOFT1");
            // The call the server placed comes as an event, with no status read.
            rig.Events();
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.AreEqual("Calling: 5550100", rig.Row(2));
            Assert.AreEqual("Release|Hold|Xfer|Conf", rig.Softkeys());
            rig.Keys("HANGUP");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.IsNull(rig.Phone.Call);
        }

        [TestMethod]
        public void ASupervisorSeesTheTeamAndChangesAMembersState()
        {
            PhoneRig rig = new PhoneRig();
            SignInReady(rig.Center, "7002", "2102");
            rig.Keys("SOFT1 SOFT3 7 1 0 0 DOWN 1 2 3 4 DOWN 2 1 0 0 SOFT1 SOFT3");
            Assert.AreEqual("More", rig.Row(1));
            rig.Keys("2");
            Assert.AreEqual("Team Blue", rig.Row(1));
            Assert.Contains(" 7002 Ready", rig.Text());
            rig.Keys("DOWN SELECT");
            Assert.StartsWith("7002", rig.Row(1));
            rig.Keys("2");
            Assert.AreEqual("Team Blue", rig.Row(1));
            Assert.Contains(" 7002 Not Ready", rig.Text());
            Assert.AreEqual((int)AgentState.NotReady, (int)rig.Center.Server.FindAgent(null, "7002").State);
        }

        [TestMethod]
        public void AnAgentIsNotOfferedTheTeam()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("SOFT3");
            Assert.AreEqual("More", rig.Row(1));
            Assert.AreEqual(">1 Dial", rig.Row(2));
            Assert.AreEqual(" 2 Resynchronize", rig.Row(3), "no Team: only a supervisor has one");
            Assert.DoesNotContains("Team", rig.Text());
        }

        /// <summary>A queue call rings at 7001 (7002 kept out of its way), then 7002 at 2102 is
        /// Ready to be brought in.</summary>
        private static Agent RingingWithAnotherAgentReady(PhoneRig rig)
        {
            Agent grace = SignInReady(rig.Center, "7002", "2102");
            rig.Center.Server.SetState(grace, AgentState.NotReady, 1);
            rig.RingingQueueCall();
            rig.Center.Server.SetState(grace, AgentState.Ready, 0);
            return grace;
        }

        private static Agent SignInReady(Center center, string id, string extension)
        {
            Agent agent;
            Assert.AreEqual(0, (int)center.Server.SignIn(null, id, "1234", extension, out agent));
            Assert.AreEqual(0, (int)center.Server.SetState(agent, AgentState.Ready, 0));
            return agent;
        }
    }
}
