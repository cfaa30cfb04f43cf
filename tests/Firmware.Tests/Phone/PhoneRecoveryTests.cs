using AgentPhone.Firmware.Tests.Server;
using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Phone
{
    /// <summary>Server trouble: failover to the secondary and back, the Cisco guide's messages,
    /// and resynchronizing without a new sign-in.</summary>
    [TestClass]
    public class PhoneRecoveryTests
    {
        [TestMethod]
        public void ThePhoneFailsOverToTheSecondaryAndBackWithoutSigningInAgain()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.PrimaryDown = true;
            rig.Keys("1");
            Assert.AreEqual("READY", rig.State(), "the secondary took the state change");
            Assert.AreEqual(1, rig.Phone.Link.Active);
            Assert.AreEqual("Agent State: Ready", rig.Row(8));

            rig.Servers.PrimaryDown = false;
            rig.Wait(AgentClient.FailbackMs);
            rig.Keys("1 1");
            Assert.AreEqual("NOT_READY", rig.State());
            Assert.AreEqual(0, rig.Phone.Link.Active, "back on the primary once it answers again");
        }

        [TestMethod]
        public void ThePhoneMovesToTheNodeRunningItsCenterAndComesBackToItAfterAFailover()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            Assert.AreEqual(0, rig.Phone.Link.Active);

            // A cluster node answers the long-poll, naming the node that runs the center.
            rig.Options.OwnServer = InProcessServers.Secondary;
            rig.Events();
            Assert.AreEqual(1, rig.Phone.Link.Active, "the phone talks to the center's node");
            rig.Keys("1");
            Assert.AreEqual("READY", rig.State());
            Assert.AreEqual(1, rig.Phone.Link.Active);

            // That node dies: the phone fails over along its list, and later returns to it.
            rig.Servers.SecondaryDown = true;
            rig.Keys("1 1");
            Assert.AreEqual("NOT_READY", rig.State(), "the primary took the state change");
            Assert.AreEqual(0, rig.Phone.Link.Active);
            rig.Servers.SecondaryDown = false;
            rig.Wait(AgentClient.FailbackMs);
            rig.Keys("1");
            Assert.AreEqual("READY", rig.State());
            Assert.AreEqual(1, rig.Phone.Link.Active, "back on the center's node, not the primary");

            // A name the phone's list lacks moves nothing.
            rig.Options.OwnServer = "http://elsewhere:8082";
            rig.Events();
            Assert.AreEqual(1, rig.Phone.Link.Active);
        }

        [TestMethod]
        public void WithEveryServerDownAStateChangeSaysTheConnectionIsDown()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.Down(true);
            rig.Keys("1");
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body());
            Assert.AreEqual("NOT_READY", rig.State(), "nothing changed");
            rig.Keys("SOFT1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
        }

        [TestMethod]
        public void WhenTheServerReturnsThePhoneResynchronizesTheStateChangedMeanwhile()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.Down(true);
            rig.Events();

            // Meanwhile the agent's desktop makes it Ready.
            Agent agent = rig.Center.Server.FindAgent(null, "7001");
            Assert.AreEqual(0, (int)rig.Center.Server.SetState(agent, AgentState.Ready, 0));

            rig.Servers.Down(false);
            rig.Events();
            Assert.AreEqual("READY", rig.State());
            Assert.AreEqual("Agent State: Ready", rig.Row(8));
            Assert.AreEqual(">1 Not Ready", rig.Row(2));
        }

        [TestMethod]
        public void TheOutageMessageClearsItselfWhenTheServerAnswersAgainAndNothingIsReplayed()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.Down(true);
            rig.Keys("1");
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body());
            rig.Events();
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body(), "still down");

            rig.Servers.Down(false);
            rig.Events();
            Assert.AreEqual("Agent: 7001", rig.Row(1), "cleared by itself, no key pressed");
            Assert.AreEqual("Agent State: Not Ready", rig.Row(8));
            Assert.AreEqual("NOT_READY", rig.State(), "the Ready chosen during the outage was not sent later");
        }

        [TestMethod]
        public void ACallOfferedDuringTheOutageRingsWithItsCallerDataWhenTheServerReturns()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Keys("1");
            Assert.AreEqual("READY", rig.State());
            rig.Servers.Down(true);
            rig.Keys("SERVICES");
            rig.Keys("1");
            Assert.AreEqual(PhoneCore.ConnectionDown, rig.Body());
            rig.Events();

            // The server is back (the agent is still Ready there) and offers a queue call.
            rig.Servers.Down(false);
            rig.Offer("Support", "2301");
            rig.Events();
            Assert.AreEqual("Caller Data", rig.Row(1), "the call takes the screen from the outage message");
            Assert.AreEqual("ANI: 2301", rig.Row(3));
            Assert.AreEqual("FirstName: Ada", rig.Row(5));
            Assert.IsTrue(rig.Ringer.Rings > 0);
        }

        [TestMethod]
        public void ARingingCallTakesTheScreenFromARefusal()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            Agent agent = rig.Center.Server.FindAgent(null, "7001");
            rig.Center.Server.SetState(agent, AgentState.Ready, 0);
            rig.Keys("1");
            Assert.AreEqual("Agent state", rig.Row(1), "refused: Ready already");

            rig.Offer("Support", "2302");
            rig.Events();
            Assert.AreEqual("Caller Data", rig.Row(1), "the call does not wait behind the message");
            Assert.AreEqual("ANI: 2302", rig.Row(3));
        }

        [TestMethod]
        public void AStaleChoiceOffersToResynchronizeWithKeyOne()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            Agent agent = rig.Center.Server.FindAgent(null, "7001");
            rig.Center.Server.SetState(agent, AgentState.Ready, 0);

            // The phone has not heard yet: its menu still offers Ready, which is no change now.
            rig.Keys("1");
            Assert.AreEqual("Agent state", rig.Row(1));
            Assert.Contains(PhoneCore.ResyncPrompt, rig.Body());
            rig.Keys("1");
            Assert.AreEqual("Agent: 7001", rig.Row(1));
            Assert.AreEqual("Agent State: Ready", rig.Row(8));
            Assert.AreEqual(">1 Not Ready", rig.Row(2));
        }

        [TestMethod]
        public void AServiceErrorIsToldAsSuch()
        {
            PhoneRig rig = new PhoneRig();
            rig.SignIn7001();
            rig.Servers.Broken = true;
            rig.Keys("1");
            Assert.AreEqual(PhoneCore.ServiceErrorText, rig.Body());
        }
    }
}
