using AgentPhone.Hardware.Ringer;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class RingerTests
    {
        [TestMethod]
        public void RoutedCadenceIsADoubleRing()
        {
            Cadence c = Cadence.Routed;
            Assert.IsTrue(c.IsOnAt(0));
            Assert.IsTrue(c.IsOnAt(399));
            Assert.IsFalse(c.IsOnAt(400));
            Assert.IsTrue(c.IsOnAt(600));
            Assert.IsFalse(c.IsOnAt(1000));
            Assert.IsTrue(c.IsOnAt(c.PeriodMs));
        }

        [TestMethod]
        public void PlayerSwitchesTheToneOnlyOnCadenceEdges()
        {
            RecordingTone tone = new RecordingTone();
            RingPlayer player = new RingPlayer(tone);
            player.Start(Cadence.Direct, 5000);
            for (long t = 5000; t < 5000 + 8000; t += 50)
            {
                player.Tick(t);
            }

            // Two 4 s periods of "1 s on, 3 s off": on, off, on, off.
            Assert.AreEqual("play 1000 80;silence;play 1000 80;silence;", tone.Log);
            player.Stop();
            Assert.IsFalse(player.IsRinging);
        }

        [TestMethod]
        public void StopWhileSoundingSilencesAtOnce()
        {
            RecordingTone tone = new RecordingTone();
            RingPlayer player = new RingPlayer(tone);
            player.VolumePercent = 40;
            player.Start(Cadence.Routed, 0);
            player.Stop();
            Assert.AreEqual("play 1400 40;silence;", tone.Log);
        }
    }
}
