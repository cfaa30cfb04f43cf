using AgentPhone.Hardware;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class KeyNamesTests
    {
        [TestMethod]
        [DataRow("0")]
        [DataRow("9")]
        [DataRow("*")]
        [DataRow("#")]
        [DataRow("SOFT1")]
        [DataRow("SOFT4")]
        [DataRow("UP")]
        [DataRow("DOWN")]
        [DataRow("SELECT")]
        [DataRow("SERVICES")]
        [DataRow("ANSWER")]
        [DataRow("HANGUP")]
        public void EveryEmulatorKeyNameRoundTrips(string name)
        {
            Key key = KeyNames.Parse(name);
            Assert.IsFalse(key == Key.None, name);
            Assert.AreEqual(name, KeyNames.ToName(key));
        }

        [TestMethod]
        [DataRow("soft1")]
        [DataRow("PAUSE")]
        [DataRow("")]
        public void UnknownNamesAreNone(string name)
        {
            Assert.IsTrue(KeyNames.Parse(name) == Key.None);
        }

        [TestMethod]
        public void DialKeysGiveTheirCharacter()
        {
            Assert.AreEqual('7', KeyNames.ToDialChar(Key.D7));
            Assert.AreEqual('#', KeyNames.ToDialChar(Key.Pound));
            Assert.AreEqual('\0', KeyNames.ToDialChar(Key.Soft2));
        }
    }
}
