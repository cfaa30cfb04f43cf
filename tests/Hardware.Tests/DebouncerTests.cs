using AgentPhone.Hardware.Keypad;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class DebouncerTests
    {
        [TestMethod]
        public void BouncingContactGivesOnePressAndOneRelease()
        {
            Debouncer key = new Debouncer(20);
            // Raw contact, one reading every 5 ms: bounce, held, bounce, released.
            bool[] raw = { true, false, true, false, true, true, true, true, true, true, false, true, false, false, false, false, false, false };
            int presses = 0;
            int releases = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                KeyEdge edge = key.Update(raw[i], i * 5);
                if (edge == KeyEdge.Pressed)
                {
                    presses++;
                }
                else if (edge == KeyEdge.Released)
                {
                    releases++;
                }
            }

            Assert.AreEqual(1, presses);
            Assert.AreEqual(1, releases);
            Assert.IsFalse(key.IsDown);
        }

        [TestMethod]
        public void AGlitchShorterThanTheDebounceTimeIsIgnored()
        {
            Debouncer key = new Debouncer(20);
            Assert.IsTrue(key.Update(true, 0) == KeyEdge.None);
            Assert.IsTrue(key.Update(false, 10) == KeyEdge.None);
            Assert.IsTrue(key.Update(false, 50) == KeyEdge.None);
            Assert.IsFalse(key.IsDown);
        }
    }
}
