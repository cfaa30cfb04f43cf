using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Firmware.Tests.Phone;
using AgentPhone.Firmware.Tests.Server;
using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Server.Api;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Device
{
    /// <summary>
    /// The whole phone as the app wires it: a board's drivers on bench ports, the phone core, and
    /// the on-device demo server reached through the route table, stepped like the device loop.
    /// </summary>
    [TestClass]
    public class PhoneDeviceTests
    {
        private const string DeviceName = "SEP240AC4000001";
        private const string Local = "http://127.0.0.1";

        private static TestPorts _ports;
        private static TestClock _clock;
        private static TestWall _wall;
        private static DemoCenter _demo;
        private static PhoneDevice _phone;

        /// <summary>The last test's device (a panel's buffers, a demo center) is let go: the tests
        /// after this class run in the same device-sized heap.</summary>
        [Cleanup]
        public void ReleaseTheDevice()
        {
            _phone = null;
            _demo = null;
            _ports = null;
            _clock = null;
            _wall = null;
        }

        private static void Boot(BoardProfile board)
        {
            _ports = new TestPorts();
            _clock = new TestClock();
            _clock.Now = 1000;
            _wall = new TestWall();
            _demo = new DemoCenter(_clock, new CountingTokens(), DeviceName);
            PhoneSettings settings = new PhoneSettings();
            settings.DeviceName = DeviceName;
            settings.Servers = new string[] { Local };
            settings.DeviceSecret = _demo.DeviceSecret;
            _phone = new PhoneDevice(board, _ports, settings, new LocalHttp(_demo.Service, Local), _clock, _wall, -1, _demo);
            _phone.Start(false);
        }

        /// <summary>The device loop for <paramref name="ms"/>, with the demo server's timers.</summary>
        private static void Run(int ms)
        {
            for (int t = 0; t < ms; t += PhoneDevice.LoopMs)
            {
                _clock.Now += PhoneDevice.LoopMs;
                _wall.Ms += PhoneDevice.LoopMs;
                _demo.Service.Tick();
                _phone.Step();
            }
        }

        private static void Keys(string names)
        {
            string[] keys = names.Split(' ');
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == "PAUSE")
                {
                    Run(MultiTap.DefaultTimeoutMs + 100);
                }
                else
                {
                    _phone.OnKey(KeyNames.Parse(keys[i]), KeyAction.Press);
                    _phone.OnKey(KeyNames.Parse(keys[i]), KeyAction.Release);
                    Run(20);
                }
            }
        }

        private static void Events()
        {
            _phone.PollEvents();
            Run(PhoneDevice.DrawMs);
        }

        private static string Screen()
        {
            string text = "";
            lock (_phone.Lock)
            {
                for (int r = 0; r < _phone.Grid.Rows; r++)
                {
                    for (int c = 0; c < _phone.Grid.Columns; c++)
                    {
                        text += _phone.Grid[r, c];
                    }

                    text += "\n";
                }
            }

            return text;
        }

        [TestMethod]
        public void PowerUpWakesThePanelAndShowsTheProvisionedSignIn()
        {
            Boot(BoardCatalog.DevKitCSt7735);

            // The ST7735's software reset is the first command on the bus.
            Assert.IsTrue(_ports.FirstBytes.IndexOf("01 ") == 0, _ports.FirstBytes);
            // One cleared frame plus the text of the first screen; far from a second frame.
            long frame = 160 * 128 * 2;
            Assert.IsTrue(_ports.PanelBytes > frame && _ports.PanelBytes < 2 * frame, "bytes " + _ports.PanelBytes);
            Assert.AreEqual((int)PhoneView.Idle, (int)_phone.Core.View);
            Assert.IsTrue(Screen().IndexOf("2101") >= 0, Screen());
        }

        [TestMethod]
        public void TheDemoCallRingsOnAHeldAnswerKeyAndIsAnsweredOnTheDevice()
        {
            Boot(BoardCatalog.Esp32Ssd1306);
            Assert.AreEqual(1, _ports.OpenedI2c);

            // Sign in: the demo provisions agent 7001 at 2101, so only the password is asked.
            Keys("SOFT1 SOFT3 1 2 3 4 SOFT1");
            Assert.IsTrue(_phone.Core.SignedIn, Screen());
            Keys("1");
            Assert.AreEqual("READY", _phone.Core.Status.State);

            // Hold ANSWER: the first repeat offers one demo call, however long the key stays down.
            _phone.OnKey(Key.Answer, KeyAction.Repeat);
            _phone.OnKey(Key.Answer, KeyAction.Repeat);
            _phone.OnKey(Key.Answer, KeyAction.Release);
            Events();
            Assert.IsTrue(_phone.Ringer.IsRinging);
            Assert.IsTrue(Screen().IndexOf("2301") >= 0, Screen());
            Assert.IsTrue(_ports.Tones.IndexOf("1400;") >= 0, _ports.Tones);

            Keys("ANSWER");
            Assert.IsFalse(_phone.Ringer.IsRinging);
            Assert.AreEqual("TALKING", _phone.Core.Status.State);
            Keys("HANGUP");
            Events();
            Assert.AreEqual("WORK", _phone.Core.Status.State);
        }

        [TestMethod]
        public void KeysClickAndAHeldDownKeyScrolls()
        {
            Boot(BoardCatalog.M5StackCore);
            _ports.Tones = "";
            Keys("SOFT1");
            Assert.AreEqual("4000;", _ports.Tones);

            Keys("SOFT3 1 2 3 4 SOFT1");
            string before = Screen();
            _phone.OnKey(Key.Down, KeyAction.Press);
            string pressed = Screen();
            _phone.OnKey(Key.Down, KeyAction.Repeat);
            string repeated = Screen();
            _phone.OnKey(Key.Down, KeyAction.Release);
            Assert.AreNotEqual(before, pressed);
            Assert.AreNotEqual(pressed, repeated);
        }

        [TestMethod]
        public void TheConfigurationFileIsReadAndItsMistakesNamed()
        {
            string error;
            DeviceConfig config = DeviceConfig.Parse(
                "{\"board\":\"m5stack-core\",\"wifiSsid\":\"office\",\"wifiPassword\":\"pw\",\"servers\":[\"http://10.0.0.5:8082\"],\"extension\":\"2102\",\"utcOffsetMinutes\":60,\"future\":1}",
                out error);
            Assert.IsNull(error);
            Assert.AreEqual("m5stack-core", config.Board);
            Assert.AreEqual("office", config.WifiSsid);
            Assert.AreEqual("http://10.0.0.5:8082", config.Servers[0]);
            Assert.AreEqual(60, config.UtcOffsetMinutes);
            Assert.AreEqual(-1, config.RingVolume);
            Assert.IsFalse(config.Demo);

            Assert.IsNull(DeviceConfig.Parse("{\"board\":", out error));
            Assert.AreEqual("agentphone.json is not valid JSON", error);
            Assert.IsNull(DeviceConfig.Parse("{\"board\":\"virtual\"}", out error));
            Assert.AreEqual("agentphone.json names no server (or set \"demo\": true)", error);
            Assert.IsNotNull(DeviceConfig.Parse("{\"board\":\"virtual\",\"demo\":true}", out error));
            Assert.IsNull(DeviceConfig.Parse("{\"demo\":true}", out error));
            Assert.AreEqual("agentphone.json names no board", error);
            Assert.IsNull(DeviceConfig.Parse("{\"board\":\"virtual\",\"servers\":[\"https://10.0.0.5:8443\"]}", out error));
            Assert.AreEqual("agentphone.json: https://10.0.0.5:8443 needs the CA certificate to check it (caCertificate)", error);
        }
    }
}
