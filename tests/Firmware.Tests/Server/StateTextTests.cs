using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class StateTextTests
    {
        [TestMethod]
        public void NumbersAreWrittenDigitByDigitAndReadBack()
        {
            long[] values = new long[] { 0, 7, -1, 10, 1795320156585, 999999999999999999, -100000000000000000 };
            StateWriter w = new StateWriter();
            for (int i = 0; i < values.Length; i++)
            {
                w.Long(values[i]);
            }

            w.EndRecord();
            Assert.AreEqual("0|7|-1|10|1795320156585|999999999999999999|-100000000000000000\n", w.ToString());
            StateReader r = new StateReader(w.ToString());
            for (int i = 0; i < values.Length; i++)
            {
                Assert.AreEqual(values[i], r.Long());
            }
        }

        [TestMethod]
        public void TheLargestNumbersAreWrittenWhole()
        {
            StateWriter w = new StateWriter();
            w.Long(long.MaxValue);
            w.Long(long.MinValue);
            Assert.AreEqual("9223372036854775807|-9223372036854775808", w.ToString());
        }

        [TestMethod]
        public void AClearedWriterStartsANewTextAndHandsOutParts()
        {
            StateWriter w = new StateWriter();
            w.String("first");
            w.EndRecord();
            w.Clear();
            w.String("a|b");
            w.Int(42);
            w.EndRecord();
            Assert.AreEqual("=a\\pb|42\n", w.ToString());
            Assert.AreEqual(w.ToString().Length, w.Length);
            Assert.AreEqual("=a\\p", w.Part(0, 4));
            Assert.AreEqual("b|42\n", w.Part(4, w.Length - 4));
        }
    }
}
