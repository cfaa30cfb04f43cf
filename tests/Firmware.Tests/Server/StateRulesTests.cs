using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class StateRulesTests
    {
        [TestMethod]
        public void MenusListOnlyReachableStates()
        {
            Expect.Menu("Ready, Not Ready, Logout", StateRules.Choosable(AgentState.NotReady, false, false));
            Expect.Menu("Ready, Logout", StateRules.Choosable(AgentState.NotReady, false, false, false));
            Expect.Menu("Not Ready, Logout", StateRules.Choosable(AgentState.Ready, false, false));
            Expect.Menu("Ready, Not Ready, Work, Logout", StateRules.Choosable(AgentState.Talking, false, false));
            Expect.Menu("Ready, Not Ready, Work, Logout", StateRules.Choosable(AgentState.Reserved, false, false));
            Expect.Menu("Ready, Not Ready, Work, Logout", StateRules.Choosable(AgentState.Hold, false, false));
        }

        [TestMethod]
        public void ReservedTalkingAndHoldAreNeverChosen()
        {
            AgentState[] all = { AgentState.NotReady, AgentState.Ready, AgentState.Reserved, AgentState.Talking, AgentState.Hold, AgentState.Work };
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsFalse(StateRules.CanChoose(all[i], AgentState.Reserved, true, true));
                Assert.IsFalse(StateRules.CanChoose(all[i], AgentState.Talking, true, true));
                Assert.IsFalse(StateRules.CanChoose(all[i], AgentState.Hold, true, true));
                Assert.IsTrue(StateRules.CanChoose(all[i], AgentState.Logout, true, false), "Logout from " + AgentStates.ToDisplay(all[i]));
            }
        }

        [TestMethod]
        public void TimedWrapUpOffersNotReadyAndReadyOnlyWhenEarlyEndIsAllowed()
        {
            Expect.Menu("Not Ready, Logout", StateRules.Choosable(AgentState.Work, true, false));
            Expect.Menu("Ready, Not Ready, Logout", StateRules.Choosable(AgentState.Work, true, true));
        }

        [TestMethod]
        public void WorkTheAgentChoseLastsUntilTheAgentLeavesIt()
        {
            Expect.Menu("Ready, Not Ready, Logout", StateRules.Choosable(AgentState.Work, false, false));
        }

        [TestMethod]
        public void LoggedOutAgentHasNoStateMenu()
        {
            Assert.AreEqual(0, StateRules.Choosable(AgentState.Logout, true, true).Length);
        }
    }
}
