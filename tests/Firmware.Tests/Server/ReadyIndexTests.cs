using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class ReadyIndexTests
    {
        private static uint _seed;

        private static int Next(int bound)
        {
            // A small LCG: the same sequence on the device and on the host.
            _seed = _seed * 1664525 + 1013904223;
            return (int)((_seed >> 8) % (uint)bound);
        }

        /// <summary>Random adds, removals and range queries against a plain scan of the same data.</summary>
        [TestMethod]
        public void AgreesWithAScanOfEveryMember()
        {
            _seed = 12345;
            const int members = 300;
            ReadyIndex index = new ReadyIndex();
            bool[] on = new bool[members];
            int[] priority = new int[members];
            long[] key = new long[members];
            for (int step = 0; step < 5000; step++)
            {
                int p = Next(members);
                if (Next(3) == 0)
                {
                    index.Clear(p);
                    on[p] = false;
                }
                else
                {
                    on[p] = true;
                    priority[p] = Next(3);
                    key[p] = Next(50);
                    index.Set(p, priority[p], key[p]);
                }

                int from = Next(members);
                int to = from + Next(members - from);
                Assert.AreEqual(Scan(on, priority, key, 0, members - 1), index.Best(), "best at step " + step);
                Assert.AreEqual(Scan(on, priority, key, from, to), index.BestIn(from, to), "range at step " + step);
            }
        }

        [TestMethod]
        public void EmptyRangesAndEmptyIndexHaveNoBest()
        {
            ReadyIndex index = new ReadyIndex();
            Assert.AreEqual(-1, index.Best());
            index.Set(2, 1, 0);
            Assert.AreEqual(2, index.Best());
            Assert.AreEqual(-1, index.BestIn(3, 1000));
            Assert.AreEqual(-1, index.BestIn(0, 1));
            index.Clear(2);
            Assert.AreEqual(0, index.Count);
            Assert.AreEqual(-1, index.Best());
        }

        private static int Scan(bool[] on, int[] priority, long[] key, int from, int to)
        {
            int best = -1;
            for (int i = from; i <= to; i++)
            {
                if (on[i] && (best < 0 || priority[i] < priority[best] || (priority[i] == priority[best] && key[i] < key[best])))
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
