using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    [TestClass]
    public class StatsTests
    {
        [TestMethod]
        public void QueueStatsCountCallsAgentsAndServiceLevel()
        {
            Center c = new Center();
            Agent a1 = c.Ready("7001");
            c.SignIn("7002");

            // Answered after 5 s: within the 20 s service level.
            c.Offer(c.Support, "1");
            c.Advance(5000);
            c.Server.Answer(a1);
            // Two wait behind it; the oldest has waited 40 s when answered.
            c.Offer(c.Support, "2");
            c.Advance(10000);
            Call third = c.Offer(c.Support, "3");
            c.Advance(30000);

            QueueStats busy = c.Server.Stats(c.Support);
            Assert.AreEqual(2, busy.CallsQueued);
            Assert.AreEqual(40000L, busy.OldestInQueueMs);
            Assert.AreEqual(1, busy.AgentsByState[(int)AgentState.Talking]);
            Assert.AreEqual(1, busy.AgentsByState[(int)AgentState.NotReady]);

            c.Server.Release(a1);
            c.Server.Answer(a1);
            c.Server.HangUp(third.Id);

            QueueStats stats = c.Server.Stats(c.Support);
            Assert.AreEqual(0, stats.CallsQueued);
            Assert.AreEqual(0L, stats.OldestInQueueMs);
            Assert.AreEqual(3, stats.Offered);
            Assert.AreEqual(2, stats.Answered);
            Assert.AreEqual(1, stats.Abandoned);
            Assert.AreEqual(1, stats.AnsweredInServiceLevel);
            Assert.AreEqual(33, stats.ServiceLevelPercent);
            Assert.AreEqual(22500L, stats.AverageSpeedOfAnswerMs);
        }

        [TestMethod]
        public void QueueStatsChangesAreEventsOfTheQueue()
        {
            Center c = new Center();
            long before = c.Support.Events.LastSeq;
            c.Offer(c.Support, "1");
            ServerEvent e = Center.Last(c.Support.Events);
            Assert.AreEqual("QUEUE_STATS", EventKinds.ToWire(e.Kind));
            Assert.AreEqual("Support", e.Queue);
            Assert.AreEqual(1, e.CallsQueued);
            Assert.IsTrue(c.Support.Events.LastSeq > before);
            // Sales saw nothing of it.
            Assert.AreEqual(0L, c.Sales.Events.LastSeq);
        }

        [TestMethod]
        public void AgentCallsHandledAndTimeTalking()
        {
            Center c = new Center();
            Agent a1 = c.Ready("7001");
            for (int i = 0; i < 3; i++)
            {
                c.Offer(c.Support, "1");
                c.Server.Answer(a1);
                c.Advance(20000);
                c.Server.Release(a1);
            }

            Assert.AreEqual(3, a1.CallsHandled);
            Assert.AreEqual(60000L, c.Server.TimeInStateMs(a1, AgentState.Talking));
        }
    }

    [TestClass]
    public class EventStreamTests
    {
        private static ServerEvent Event()
        {
            return new ServerEvent();
        }

        [TestMethod]
        public void ReadsAfterASequenceAndReportsWhatWasMissed()
        {
            EventStream stream = new EventStream(StreamOwner.Agent, string.Empty, "7001", 4);
            Assert.IsFalse(stream.Missed(0));
            for (int i = 0; i < 10; i++)
            {
                stream.Append(Event());
            }

            Assert.AreEqual(10L, stream.LastSeq);
            Assert.AreEqual(7L, stream.FirstSeq);
            Assert.IsTrue(stream.Missed(5), "event 6 is gone");
            Assert.IsFalse(stream.Missed(6));
            Assert.IsFalse(stream.Missed(10));
            Assert.IsTrue(stream.Missed(11), "a client ahead of the stream must resynchronize");
            ServerEvent[] into = new ServerEvent[8];
            Assert.AreEqual(4, stream.CopyAfter(0, into));
            Assert.AreEqual(7L, into[0].Seq);
            Assert.AreEqual(10L, into[3].Seq);
            Assert.AreEqual(2, stream.CopyAfter(8, into));
            Assert.AreEqual(9L, into[0].Seq);
            Assert.AreEqual(0, stream.CopyAfter(10, into));
        }

        [TestMethod]
        public void ContinuesNumberingAfterARestart()
        {
            EventStream stream = new EventStream(StreamOwner.Agent, string.Empty, "7001", 4);
            stream.ContinueAfter(41);
            Assert.IsFalse(stream.Missed(41));
            Assert.IsTrue(stream.Missed(40));
            stream.Append(Event());
            Assert.AreEqual(42L, stream.LastSeq);
            Assert.IsFalse(stream.Missed(41));
        }
    }

    [TestClass]
    public class NameMapTests
    {
        [TestMethod]
        public void HoldsRemovesAndGrowsWithoutLosingKeys()
        {
            NameMap map = new NameMap();
            for (int i = 0; i < 500; i++)
            {
                map.Set("k" + i, i);
            }

            for (int i = 0; i < 500; i += 2)
            {
                Assert.IsTrue(map.Remove("k" + i));
            }

            Assert.AreEqual(250, map.Count);
            for (int i = 0; i < 500; i++)
            {
                Assert.AreEqual(i % 2 == 1, map.Contains("k" + i), "k" + i);
            }

            Assert.AreEqual(499, (int)map.Get("k499"));
            Assert.IsFalse(map.Remove("k0"));
            map.Set("k1", 7);
            Assert.AreEqual(7, (int)map.Get("k1"));
            Assert.AreEqual(250, map.Count);
        }

        [TestMethod]
        public void KeysWithTheSameHashCodeAreKeptApart()
        {
            // "0MJX9" and "0Q5D6" have the same 32-bit FNV-1a hash, NameMap's: one home slot at
            // every size, so the second waits one slot further along the probe run.
            NameMap map = new NameMap();
            map.Set("0MJX9", 1);
            map.Set("0Q5D6", 2);
            Assert.AreEqual(1, (int)map.Get("0MJX9"));
            Assert.AreEqual(2, (int)map.Get("0Q5D6"));

            // Removing the first must not strand the second behind an empty slot.
            Assert.IsTrue(map.Remove("0MJX9"));
            Assert.IsNull(map.Get("0MJX9"));
            Assert.AreEqual(2, (int)map.Get("0Q5D6"));
            map.Set("0Q5D6", 3);
            Assert.AreEqual(1, map.Count);
            Assert.AreEqual(3, (int)map.Get("0Q5D6"));
        }
    }
}
