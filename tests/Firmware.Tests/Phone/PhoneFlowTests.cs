using AgentPhone.Firmware.Tests.Server;
using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Phone
{
    /// <summary>The call flows of the Cisco IP Phone Agent guide, keys in and screen rows out,
    /// against the server core through the API's route table.</summary>
    [TestClass]
    public class PhoneFlowTests
    {
        [TestMethod]
        public void TheIdlePhoneShowsNoUserAndItsExtension()
        {
            PhoneRig rig = new PhoneRig();
            Assert.AreEqual(
                "14:23 12/17/02        2101\n" +
                "No User\n" +
                "Ext 2101\n" +
                "\n\n\n\n\n\n" +
                "Login\n",
                rig.Text());
        }

        [TestMethod]
        public void SignInByMultiTapLandsInNotReadyWithTheReachableStates()
        {
            PhoneRig rig = new PhoneRig();
            rig.Keys("SOFT1 7 7 7 7");
            Assert.AreEqual("Agent ID: s_", rig.Row(2), "the cycling letter shows");
            rig.Keys("7");
            Assert.AreEqual("Agent ID: 7_", rig.Row(2), "key 7 cycles p q r s 7");
            rig.Keys("0 PAUSE 0 1 DOWN 1 1 1 1");
            Assert.AreEqual("Password: __", rig.Row(3), "the character still cycling shows in the password (1 . - _)");
            rig.Keys("PAUSE");
            Assert.AreEqual("Password: *_", rig.Row(3), "committed password characters are masked");
            rig.Keys("SOFT2 SOFT3 1 2 3 4 DOWN 2 1 0 1");
            Assert.AreEqual("Password: ****", rig.Row(3));
            Assert.AreEqual("Extension: 2101_", rig.Row(4));
            rig.Keys("SOFT1");

            Assert.AreEqual(
                "14:23 12/17/02        2101\n" +
                "Agent: 7001\n" +
                ">1 Ready\n" +
                " 2 Not Ready\n" +
                " 3 Logout\n" +
                "\n\n\n" +
                "Agent State: Not Ready\n" +
                "Sel   Stats More  Exit\n",
                rig.Text());
            Assert.AreEqual("Select|Stats|More|Exit", rig.Softkeys());
        }

        [TestMethod]
        public void TheExtensionFieldTakesDigitsAtTheFirstPress()
        {
            PhoneRig rig = new PhoneRig();
            rig.Keys("SOFT1 7 7 7 7 7 0 PAUSE 0 1 DOWN 1 PAUSE 2 PAUSE 3 PAUSE 4 PAUSE DOWN");
            Assert.AreEqual("|<<||Cancel", rig.Softkeys().Substring(rig.Softkeys().IndexOf('|')), "no letters/digits switch on the extension");
            rig.Keys("2 1 0 1");
            Assert.AreEqual("Extension: 2101_", rig.Row(4), "2 gives 2, not a: an extension is digits");
            rig.Keys("UP UP 2");
            Assert.AreEqual("Agent ID: 7001a_", rig.Row(2), "the agent ID keeps multi-tap");
        }

        [TestMethod]
        public void AWrongPasswordIsRefusedAndTheFormComesBack()
        {
            PhoneRig rig = new PhoneRig();
            rig.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 9 9 9 9 DOWN 2 1 0 1 SOFT1");
            Assert.AreEqual("Login failed", rig.Row(1));
            Assert.AreEqual("Wrong agent ID or password.", rig.Body());
            Assert.IsFalse(rig.Phone.SignedIn);
            rig.Keys("SOFT1 SOFT1");
            Assert.AreEqual("Agent Login", rig.Row(1));
        }

        [TestMethod]
        public void TheTypicalCallRingsShowsCallerDataAndEndsInWrapUp()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("1");
            Assert.AreEqual("READY", rig.State());

            rig.Offer("Support", "2301");
            rig.Events();
            Assert.IsTrue(rig.Ringer.IsRinging);
            Assert.IsTrue(rig.Ringer.LastRouted, "a queue call rings with the routed cadence");
            Assert.AreEqual(
                "14:23 12/17/02        2101\n" +
                "Caller Data\n" +
                "Layout: Default\n" +
                "ANI: 2301\n" +
                "DNIS: 2101\n" +
                "FirstName: Ada\n" +
                "AccountNumberOf: 12345\n" +
                "\n" +
                "Agent State: Reserved\n" +
                "Ans         Stats Exit\n",
                rig.Text());

            rig.Keys("ANSWER");
            Assert.IsFalse(rig.Ringer.IsRinging, "answering stops the ringer");
            Assert.AreEqual("Agent State: Talking", rig.Row(8));
            rig.Keys("SOFT4");
            rig.Wait(5000);
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.AreEqual("Caller: 2301", rig.Row(2));
            Assert.AreEqual("Time: 00:00:05", rig.Row(3));
            Assert.AreEqual("Release|Hold|Xfer|Conf", rig.Softkeys());

            rig.Keys("HANGUP");
            Assert.AreEqual("WORK", rig.State());
            Assert.AreEqual("Wrap-up: 10 s left", rig.Row(2));
            rig.Wait(4000);
            Assert.AreEqual("Wrap-up: 6 s left", rig.Row(2));
            rig.Wait(6000);
            rig.Events();
            Assert.AreEqual("Agent State: Ready", rig.Row(8), "wrap-up ends in Ready");
        }

        [TestMethod]
        public void AReasonCodeChosenOnACallIsPendingUntilTheCallEnds()
        {
            PhoneRig rig = new PhoneRig(new Center(), 26, 10);
            rig.RingingQueueCall();
            rig.Keys("ANSWER SERVICES");
            Assert.AreEqual(" 2 Not Ready", rig.Row(3));
            rig.Keys("2");
            Assert.AreEqual("Not Ready Reason", rig.Row(1));
            Assert.AreEqual(">1 Break", rig.Row(2));
            Assert.AreEqual(" 2 Lunch", rig.Row(3));
            rig.Keys("DOWN SELECT");
            Assert.AreEqual("Talking", rig.Row(1));
            Assert.AreEqual("Next: Not Ready (Lunch)", rig.Row(5));
            Assert.AreEqual("Agent State: Talking", rig.Row(8), "the screen keeps showing Talking");

            rig.Center.Server.HangUp(rig.Phone.Call.Id);
            rig.Events();
            Assert.AreEqual("NOT_READY", rig.State());
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            Assert.IsFalse(rig.Ringer.IsRinging);
        }

        [TestMethod]
        public void ANotReadyAgentMovesToAnotherReasonWithoutGoingReady()
        {
            PhoneRig rig = new PhoneRig(new Center(), 26, 10);
            rig.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 DOWN 2 1 0 1 SOFT1");
            Assert.AreEqual(" 2 Not Ready", rig.Row(3), "Not Ready is offered in Not Ready: a reason can be given after sign-in");
            rig.Keys("2 1");
            Assert.AreEqual("NOT_READY", rig.State());
            Assert.AreEqual("Reason: Break", rig.Row(2), "the agent sees its reason");
            Assert.AreEqual(">1 Ready", rig.Row(3));
            Assert.AreEqual(" 2 Not Ready", rig.Row(4));

            rig.Keys("2");
            Assert.AreEqual("Not Ready Reason", rig.Row(1));
            rig.Keys("DOWN SELECT");
            Assert.AreEqual("NOT_READY", rig.State(), "never Ready in between");
            Assert.AreEqual("Reason: Lunch", rig.Row(2));
            Assert.AreEqual("Lunch", rig.Phone.Status.ReasonLabel);
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
        }

        [TestMethod]
        public void SkillStatsRefreshEveryFifteenSecondsAndOnUpdate()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("SOFT2");
            Assert.AreEqual("Skill Stats", rig.Row(1));
            Assert.AreEqual("Calls queued: 0", rig.Row(2));
            Assert.AreEqual("Oldest in queue: 00:00:00", rig.Row(3));
            Assert.AreEqual("Update|||Exit", rig.Softkeys());

            rig.Offer("Support", "2301");
            rig.Offer("Support", "2302");
            rig.Wait(14000);
            Assert.AreEqual("Calls queued: 0", rig.Row(2), "no refresh before 15 s");
            rig.Wait(1000);
            Assert.AreEqual("Calls queued: 2", rig.Row(2));
            Assert.AreEqual("Oldest in queue: 00:00:15", rig.Row(3));
            rig.Wait(5000);
            rig.Keys("SOFT1");
            Assert.AreEqual("Oldest in queue: 00:00:20", rig.Row(3));
            rig.Keys("SOFT4");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
        }

        [TestMethod]
        public void LogoutWithAReasonReturnsToNoUser()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("3");
            Assert.AreEqual("Logout Reason", rig.Row(1));
            Assert.AreEqual(">1 End of shift", rig.Row(2));
            rig.Keys("1");
            Assert.IsFalse(rig.Phone.SignedIn);
            Assert.AreEqual("No User", rig.Row(1));
            Assert.AreEqual("Ext 2101", rig.Row(2));
            Agent agent = rig.Center.Server.FindAgent(null, "7001");
            Assert.AreEqual((int)AgentState.Logout, (int)agent.State);
        }

        [TestMethod]
        public void MenusPageAndTakeNumbersAboveNine()
        {
            Center center = new Center();
            for (int code = 30; code < 40; code++)
            {
                center.Server.Reasons(null).Add(new ReasonCode(ReasonKind.NotReady, code, "Reason " + code, null));
            }

            PhoneRig rig = new PhoneRig(center, 21, 8);
            rig.SignIn7001();
            rig.Keys("1 1");
            Assert.AreEqual("Not Ready Reason", rig.Row(1));
            Assert.AreEqual(">1 Break", rig.Row(2));
            Assert.AreEqual(" 4 Reason 31", rig.Row(5));
            rig.Keys("UP");
            Assert.AreEqual(">12 Reason 39", rig.Row(5), "the last page, after wrapping up");
            rig.Keys("1");
            Assert.AreEqual("Not Ready Reason", rig.Row(1), "1 could still become 10, 11 or 12");
            rig.Keys("1");
            Assert.AreEqual("NOT_READY", rig.State());
            Assert.AreEqual(38, rig.Phone.Status.ReasonCode, "Break, Lunch, then 30 to 39: item 11 is code 38");
        }
    }
}
