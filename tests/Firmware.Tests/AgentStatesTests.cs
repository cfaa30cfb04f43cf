using AgentPhone.Protocol;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests
{
    [TestClass]
    public class AgentStatesTests
    {
        [TestMethod]
        [DataRow("LOGOUT", "Logout")]
        [DataRow("NOT_READY", "Not Ready")]
        [DataRow("READY", "Ready")]
        [DataRow("RESERVED", "Reserved")]
        [DataRow("TALKING", "Talking")]
        [DataRow("HOLD", "Hold")]
        [DataRow("WORK", "Work")]
        public void WireNameParsesToTheStateShownOnTheStatusRow(string wire, string display)
        {
            AgentState state;
            Assert.IsTrue(AgentStates.TryParseWire(wire, out state), wire);
            Assert.AreEqual(display, AgentStates.ToDisplay(state));
            Assert.AreEqual(wire, AgentStates.ToWire(state));
        }

        [TestMethod]
        [DataRow("ready")]
        [DataRow("")]
        [DataRow("BUSY")]
        public void UnknownWireNamesAreRejected(string wire)
        {
            AgentState state;
            Assert.IsFalse(AgentStates.TryParseWire(wire, out state));
        }
    }
}
