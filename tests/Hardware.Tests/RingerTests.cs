using AgentPhone.Hardware.Ringer;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class RingerTests
    {
        /// <summary>A clock the test moves by hand.</summary>
        private sealed class HandClock : IClock
        {
            public long Now;

            public long NowMs
            {
                get { return Now; }
            }
        }

        /// <summary>Ticks every 10 ms for <paramref name="ms"/>, as the phone's loop does.</summary>
        private static void Run(PhoneRinger ringer, HandClock clock, int ms)
        {
            for (int t = 0; t < ms; t += 10)
            {
                ringer.Tick();
                clock.Now += 10;
            }
        }

        [TestMethod]
        public void RoutedRingsTwiceAndDirectOnceAtTheirTimesOnTheVirtualClock()
        {
            RecordingTone tone = new RecordingTone();
            HandClock clock = new HandClock();
            PhoneRinger ringer = new PhoneRinger(tone, clock, 6);
            string edges = "";

            ringer.Ring(true);
            bool wasOn = true;
            for (int t = 0; t <= 3000; t += 10)
            {
                ringer.Tick();
                bool on = tone.Sounding;
                if (on != wasOn)
                {
                    edges += (on ? "on " : "off ") + clock.Now + ";";
                    wasOn = on;
                }

                clock.Now += 10;
            }

            // 0.4 on, 0.2 off, 0.4 on, 2 off, then again at 3 s.
            Assert.AreEqual("off 400;on 600;off 1000;on 3000;", edges);
            Assert.IsTrue(tone.Log.IndexOf("play 1400 100;") == 0);

            ringer.Stop();
            tone.Log = "";
            clock.Now = 0;
            ringer.Ring(false);
            Run(ringer, clock, 4010);
            Assert.AreEqual("play 1000 100;silence;play 1000 100;", tone.Log);
            Assert.IsTrue(ringer.IsRinging);
            ringer.Stop();
            Assert.IsFalse(ringer.IsRinging);
        }

        [TestMethod]
        public void AKeyClickIsAShortTickButNotWhileRinging()
        {
            RecordingTone tone = new RecordingTone();
            HandClock clock = new HandClock();
            PhoneRinger ringer = new PhoneRinger(tone, clock, 3);

            ringer.Click();
            Run(ringer, clock, 10);
            Assert.AreEqual("play 4000 35;", tone.Log);
            Run(ringer, clock, 20);
            Assert.AreEqual("play 4000 35;silence;", tone.Log);

            ringer.Ring(true);
            tone.Log = "";
            ringer.Click();
            Run(ringer, clock, 30);
            Assert.AreEqual("", tone.Log);
        }

        [TestMethod]
        public void VolumeStepsScaleTheRingAndStepZeroIsSilent()
        {
            RecordingTone tone = new RecordingTone();
            HandClock clock = new HandClock();
            PhoneRinger ringer = new PhoneRinger(tone, clock, 2);

            ringer.Louder();
            ringer.Louder();
            ringer.Ring(false);
            Assert.AreEqual("play 1000 55;", tone.Log);
            ringer.Stop();

            ringer.VolumeStep = 99;
            Assert.AreEqual(PhoneRinger.MaxStep, ringer.VolumeStep);
            for (int i = 0; i < 10; i++)
            {
                ringer.Softer();
            }

            tone.Log = "";
            ringer.Ring(true);
            ringer.Click();
            Run(ringer, clock, 1000);
            Assert.AreEqual(0, ringer.VolumeStep);
            Assert.AreEqual("", tone.Log);
            Assert.IsTrue(ringer.IsRinging);
        }
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
