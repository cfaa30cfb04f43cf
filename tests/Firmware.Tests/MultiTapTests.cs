using AgentPhone.Phone;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests
{
    [TestClass]
    public class MultiTapTests
    {
        private const int Timeout = MultiTap.DefaultTimeoutMs;

        // Presses one key <paramref name="times"/> times, 100 ms apart, starting at <paramref name="t"/>.
        private static long Tap(MultiTap entry, char key, int times, long t)
        {
            for (int i = 0; i < times; i++)
            {
                entry.Press(key, t);
                t += 100;
            }

            return t;
        }

        [TestMethod]
        [DataRow(1, "g")]
        [DataRow(3, "i")]
        [DataRow(4, "4")]
        [DataRow(5, "G")]
        [DataRow(7, "I")]
        [DataRow(8, "g")]
        public void KeyFourCyclesLowercaseDigitUppercase(int presses, string expected)
        {
            MultiTap entry = new MultiTap(16, Timeout);
            Tap(entry, '4', presses, 0);
            Assert.AreEqual(expected, entry.ToString());
        }

        [TestMethod]
        public void AnotherKeyCommitsThePendingCharacter()
        {
            MultiTap entry = new MultiTap(16, Timeout);
            long t = Tap(entry, '7', 4, 0);
            Tap(entry, '2', 1, t);
            Assert.AreEqual("sa", entry.ToString());
        }

        [TestMethod]
        public void TheTimeoutCommitsSoTheSameKeyStartsANewCharacter()
        {
            MultiTap entry = new MultiTap(16, Timeout);
            long t = Tap(entry, '2', 2, 0);
            entry.Tick(t + Timeout);
            Assert.IsFalse(entry.HasPending);
            Tap(entry, '2', 1, t + Timeout);
            Assert.AreEqual("ba", entry.ToString());
        }

        [TestMethod]
        public void KeysOneAndZeroCycleSymbolsAndSpace()
        {
            MultiTap entry = new MultiTap(16, Timeout);
            long t = Tap(entry, '1', 5, 0);
            t = Tap(entry, '0', 2, t);
            Assert.AreEqual("@ ", entry.ToString());
        }

        [TestMethod]
        public void BackspaceDropsPendingThenCommitted()
        {
            MultiTap entry = new MultiTap(16, Timeout);
            long t = Tap(entry, '7', 1, 0);
            t = Tap(entry, '0', 1, t);
            t = Tap(entry, '0', 1, t);
            entry.Backspace();
            Assert.AreEqual("p", entry.ToString());
            entry.Backspace();
            Assert.AreEqual("", entry.ToString());
            entry.Backspace();
            Assert.AreEqual(0, entry.Length);
        }

        [TestMethod]
        public void AFullFieldRefusesMoreCharacters()
        {
            MultiTap entry = new MultiTap(2, Timeout);
            long t = Tap(entry, '7', 1, 0);
            t = Tap(entry, '0', 1, t);
            Assert.IsFalse(entry.Press('2', t));
            Assert.AreEqual("p0", entry.ToString());
        }

        [TestMethod]
        public void NonDialKeysAreIgnored()
        {
            MultiTap entry = new MultiTap(4, Timeout);
            Assert.IsFalse(entry.Press('*', 0));
            Assert.AreEqual(0, entry.Length);
        }
    }
}
