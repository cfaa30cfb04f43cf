using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests
{
    [TestClass]
    public class StateRulesTests
    {
        [TestMethod]
        public void NotReadyAgentMayGoReadyOrLogOut()
        {
            AgentState[] menu = StateRules.Choosable(AgentState.NotReady, false);
            Assert.AreEqual(2, menu.Length);
            Assert.AreEqual((int)AgentState.Ready, (int)menu[0]);
            Assert.AreEqual((int)AgentState.Logout, (int)menu[1]);
        }

        [TestMethod]
        public void TalkingIsNeverChosenByTheAgent()
        {
            Assert.IsFalse(StateRules.CanChoose(AgentState.Ready, AgentState.Talking, true));
            Assert.IsFalse(StateRules.CanChoose(AgentState.NotReady, AgentState.Reserved, true));
        }

        [TestMethod]
        public void DuringWrapUpOnlyNotReadyUnlessEarlyEndIsAllowed()
        {
            Assert.IsFalse(StateRules.CanChoose(AgentState.Work, AgentState.Ready, false));
            Assert.IsTrue(StateRules.CanChoose(AgentState.Work, AgentState.NotReady, false));
            Assert.IsTrue(StateRules.CanChoose(AgentState.Work, AgentState.Ready, true));
        }

        [TestMethod]
        public void ChoicesDuringACallArePending()
        {
            Assert.IsTrue(StateRules.CanChoose(AgentState.Talking, AgentState.Work, false));
            Assert.IsTrue(StateRules.ChoiceIsPending(AgentState.Talking));
            Assert.IsFalse(StateRules.ChoiceIsPending(AgentState.Ready));
        }

        [TestMethod]
        public void LoggedOutAgentHasNoStateMenu()
        {
            Assert.AreEqual(0, StateRules.Choosable(AgentState.Logout, true).Length);
        }
    }
}
