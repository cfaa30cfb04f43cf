using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Phone
{
    /// <summary>The keypad never waits for the network: requests go out on the worker while keys
    /// go on, a second change waits for nobody (it is refused on the screen), and an event costs
    /// no request. In the center's virtual time.</summary>
    [TestClass]
    public class PhoneNetworkTests
    {
        [TestMethod]
        public void KeysStayLiveWhileTheServerTakesThreeSecondsToAnswer()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Press("1");
            PhoneRequest ready = rig.Worker.Take();
            Assert.IsNotNull(ready);
            Assert.AreEqual("Sending: Ready", rig.Row(8), "the state row shows the change is on its way");

            int sent = rig.Servers.AllRequests;
            for (int i = 0; i < 20; i++)
            {
                // The menu's selection moves with every key, at once.
                rig.Press(i % 2 == 0 ? "DOWN" : "UP");
                Assert.AreEqual(i % 2 == 0 ? ">2 Not Ready" : ">1 Ready", i % 2 == 0 ? rig.Row(3) : rig.Row(2), "key " + (i + 1));
                rig.Wait(150);
            }

            Assert.AreEqual(sent, rig.Servers.AllRequests, "no key waited on a request");
            Assert.AreEqual("Sending: Ready", rig.Row(8));

            // Three seconds on, the server answers.
            rig.Worker.Send(ready);
            rig.Worker.Finish(ready);
            rig.Draw();
            Assert.AreEqual("READY", rig.State());
            Assert.AreEqual("Agent State: Ready", rig.Row(8));
            Assert.AreEqual(">1 Not Ready", rig.Row(2));
            Assert.AreEqual(AgentState.Ready, rig.Center.Server.FindAgent(null, "7001").State);
        }

        [TestMethod]
        public void ASignInWaitsForABusyServerWhereAStateChangeWouldNot()
        {
            PhoneRig rig = new PhoneRig();
            rig.Servers.AnswerMs = 8000;   // a shift start: the secret checks are queued
            rig.SignIn7001();
            Assert.IsTrue(rig.Phone.SignedIn, "the sign-in waited for its answer");
            Assert.AreEqual("Agent: 7001", rig.Row(1));

            rig.Keys("1");
            Assert.AreEqual("Connection to server is down", rig.Body(), "a state change gives up sooner");
        }

        [TestMethod]
        public void AServerThatNeverAnswersIsToldWhenTheRequestGivesUpAndKeysStayLive()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.Down(true);
            rig.Press("1");
            PhoneRequest ready = rig.Worker.Take();
            rig.Press("DOWN");
            Assert.AreEqual(">2 Not Ready", rig.Row(3));
            rig.Press("UP");
            Assert.AreEqual(">1 Ready", rig.Row(2));

            // Every server tried, none answered.
            rig.Worker.Send(ready);
            rig.Worker.Finish(ready);
            rig.Draw();
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body());
            Assert.IsTrue(rig.Row(8).IndexOf("Down, retrying primary") == 0, rig.Row(8));

            // Keys that need no server work; a choice that needs one is refused at once.
            rig.Keys("SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            int sent = rig.Servers.AllRequests;
            rig.Keys("1");
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body());
            Assert.AreEqual(sent, rig.Servers.AllRequests, "refused without a request");
            Assert.IsFalse(rig.Phone.Waiting, "nothing kept to be sent later");

            rig.Servers.Down(false);
            rig.Events();
            Assert.AreEqual("Agent: 7001", rig.Row(1), "the outage clears itself");
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            Assert.AreEqual(AgentState.NotReady, rig.Center.Server.FindAgent(null, "7001").State, "no choice replayed");
        }

        [TestMethod]
        public void ASecondChangeWhileTheFirstIsOutstandingIsRefusedOnTheScreen()
        {
            PhoneRig rig = new PhoneRig();
            rig.RingingQueueCall();
            rig.Keys("ANSWER");
            rig.Events();
            Assert.AreEqual("Release|Hold|Stats|Exit", rig.Softkeys());

            rig.Press("SOFT2");
            Assert.AreEqual("Sending: Hold", rig.Row(8));
            rig.Press("SOFT1");
            Assert.AreEqual("Busy: Hold", rig.Row(8), "the release is refused, not queued");
            rig.Answer();
            rig.Events();
            Assert.AreEqual("On Hold", rig.Row(1));
            Assert.AreEqual("Release|Resume|Xfer|Conf", rig.Softkeys());
            Assert.IsNotNull(rig.Phone.Call, "the call was not released");
            Assert.AreEqual(AgentState.Hold, rig.Center.Server.FindAgent(null, "7001").State);
        }

        [TestMethod]
        public void AnAgentSignedInAtThePhonesExtensionElsewhereSignsThePhoneIn()
        {
            PhoneRig rig = new PhoneRig();
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, null, "2101", false, PhoneRig.DeviceSecret));
            Assert.AreEqual(EventPump.JoinEveryMs, rig.Pump.PollOnce(0), "refused at once (no wait asked): the next look after the pause");
            Assert.AreEqual("No User", rig.Row(1), "nobody to join yet");

            // The desktop signs 7001 in at 2101: the phone joins at its next look.
            Agent ada;
            Assert.AreEqual(0, (int)rig.Center.Server.SignIn(null, "7001", "1234", "2101", out ada));
            Assert.AreEqual(0, rig.Pump.PollOnce(0), "joined: the events at once");
            rig.Answer();
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            rig.Keys("1");
            Assert.AreEqual(AgentState.Ready, ada.State, "the phone works the agent with its own session");
        }

        [TestMethod]
        public void APhoneWhoseSecretOpensNoProfileStopsAskingToJoin()
        {
            PhoneRig rig = new PhoneRig();
            rig.Center.Server.SetDevice(new DeviceProfile(PhoneRig.Device, null, null, "2101", false, "another-secret"));
            rig.Events();
            int asked = rig.Servers.AllRequests;
            rig.Events();
            rig.Events();
            Assert.AreEqual(asked, rig.Servers.AllRequests, "refused once, it asks no more");
        }

        [TestMethod]
        public void TheTypicalCallCostsNineRequestsAndAnEventNone()
        {
            PhoneRig rig = new PhoneRig();
            rig.Servers.Requests = 0;
            rig.SignIn7001();
            rig.Keys("1");
            rig.Events();
            int beforeEvents = rig.Servers.Requests;

            // Offered, answered, released into wrap-up, and the wrap-up's end: events only.
            rig.Offer("Support", "2301");
            rig.Events();
            Assert.AreEqual("ANI: 2301", rig.Row(3));
            Assert.AreEqual(beforeEvents, rig.Servers.Requests, "the offer came with its caller data");
            rig.Keys("ANSWER");
            rig.Events();
            rig.Wait(30000);
            rig.Keys("HANGUP");
            rig.Events();
            Assert.AreEqual("Agent State: Work", rig.Row(8));
            Assert.Contains("Wrap-up: 10 s left", rig.Text());
            int afterCall = rig.Servers.Requests;
            rig.Wait(11000);
            rig.Events();
            Assert.AreEqual("Agent State: Ready", rig.Row(8), "the wrap-up's end, told by an event");
            Assert.AreEqual(afterCall, rig.Servers.Requests);

            rig.Keys("SOFT2");
            Assert.AreEqual("Skill Stats", rig.Row(1));
            rig.Keys("SOFT4 1 1");
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            rig.Keys("3 1");
            Assert.IsFalse(rig.Phone.SignedIn);

            // Sign-in, Ready, Answer, Release, Stats, the Not Ready reasons, Not Ready, the Logout
            // reasons, Logout (docs/phone.md).
            Assert.AreEqual(9, rig.Servers.Requests, "requests from sign-in to logout");
        }
    }
}
