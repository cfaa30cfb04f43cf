using AgentPhone.Hardware.Keypad;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class KeypadTests
    {
        private static readonly int[] Rows = { 13, 12, 14, 27 };
        private static readonly int[] Columns = { 26, 33, 32 };

        // A 4x3 phone pad: 1 2 3 / 4 5 6 / 7 8 9 / * 0 #.
        private static readonly Key[] Pad =
        {
            Key.D1, Key.D2, Key.D3,
            Key.D4, Key.D5, Key.D6,
            Key.D7, Key.D8, Key.D9,
            Key.Star, Key.D0, Key.Pound,
        };

        private static VirtualKeyMatrix _matrix;
        private static KeyScanner _scanner;
        private static KeyLog _log;
        private static long _now;

        private static void Fresh()
        {
            _matrix = new VirtualKeyMatrix(Rows, Columns);
            _scanner = new KeyScanner(_matrix, Rows, Columns, Pad, new int[] { 39 }, new Key[] { Key.Soft1 }, false);
            _log = new KeyLog();
            _now = 1000;
        }

        /// <summary>Scans every 5 ms for <paramref name="ms"/>, as the phone's loop does.</summary>
        private static void Run(int ms)
        {
            for (int t = 0; t < ms; t += 5)
            {
                _scanner.Scan(_now, _log);
                _now += 5;
            }
        }

        [TestMethod]
        public void BouncingContactsGiveOnePressAndOneRelease()
        {
            Fresh();
            // Key 5 chatters for 12 ms on the way down and on the way up.
            for (int i = 0; i < 3; i++)
            {
                _matrix.Set(1, 1, true);
                Run(5);
                _matrix.Set(1, 1, false);
                Run(5);
            }

            _matrix.Set(1, 1, true);
            Run(100);
            for (int i = 0; i < 2; i++)
            {
                _matrix.Set(1, 1, false);
                Run(5);
                _matrix.Set(1, 1, true);
                Run(5);
            }

            _matrix.Set(1, 1, false);
            Run(100);

            Assert.AreEqual("5 down;5 up;", _log.Text);
        }

        [TestMethod]
        public void TwoKeysAtOnceAreBothReportedAndNoOther()
        {
            Fresh();
            // 1 and 5 share neither row nor column; 2 and 3 share a row; 2 and 8 share a column.
            _matrix.Set(0, 0, true);
            _matrix.Set(1, 1, true);
            Run(50);
            Assert.AreEqual("1 down;5 down;", _log.Text);

            _matrix.Set(0, 0, false);
            _matrix.Set(1, 1, false);
            Run(50);
            _log.Text = "";
            _matrix.Set(0, 1, true);
            _matrix.Set(0, 2, true);
            Run(50);
            _matrix.Set(0, 1, false);
            _matrix.Set(0, 2, false);
            _matrix.Set(2, 1, true);
            Run(50);
            _matrix.Set(0, 1, true);
            Run(50);
            Assert.AreEqual("2 down;3 down;2 up;3 up;8 down;2 down;", _log.Text);
        }

        [TestMethod]
        public void AThirdKeyThatWouldMakeAGhostIsHeldBackUntilAKeyLifts()
        {
            Fresh();
            // 1 and 2 held; then 4: rows 0-1 x columns 0-1 would read 5 as well.
            _matrix.Set(0, 0, true);
            _matrix.Set(0, 1, true);
            Run(50);
            _matrix.Set(1, 0, true);
            Run(100);
            Assert.AreEqual("1 down;2 down;", _log.Text);

            // 2 lifts: the reading is clear again and 4 (only 4) comes through.
            _matrix.Set(0, 1, false);
            Run(50);
            Assert.AreEqual("1 down;2 down;2 up;4 down;", _log.Text);
        }

        [TestMethod]
        public void AHeldKeyRepeatsAfterTheLongPressTime()
        {
            Fresh();
            _matrix.Set(2, 1, true);
            Run(1000);
            _matrix.Set(2, 1, false);
            Run(50);

            // Down at 20 ms (debounce), repeat at 620, 770, 920; up after release.
            Assert.AreEqual("8 down;8 again;8 again;8 again;8 up;", _log.Text);
        }

        [TestMethod]
        public void DirectButtonsScanBesideTheMatrix()
        {
            Fresh();
            _matrix.SetButton(39, true);
            _matrix.Set(3, 0, true);
            Run(50);
            _matrix.SetButton(39, false);
            _matrix.Set(3, 0, false);
            Run(50);
            Assert.AreEqual("* down;SOFT1 down;* up;SOFT1 up;", _log.Text);
        }

        [TestMethod]
        public void CardKbCodesMapToPhoneKeys()
        {
            Assert.AreEqual((int)Key.D7, (int)CardKb.KeyOf((byte)'7'));
            Assert.AreEqual((int)Key.Pound, (int)CardKb.KeyOf((byte)'#'));
            Assert.AreEqual((int)Key.Up, (int)CardKb.KeyOf(0xB5));
            Assert.AreEqual((int)Key.Down, (int)CardKb.KeyOf(0xB6));
            Assert.AreEqual((int)Key.Select, (int)CardKb.KeyOf(0x0D));
            Assert.AreEqual((int)Key.Hangup, (int)CardKb.KeyOf(0x1B));
            Assert.AreEqual((int)Key.Soft4, (int)CardKb.KeyOf(0xB7));
            Assert.AreEqual((int)Key.None, (int)CardKb.KeyOf((byte)'q'));

            ScriptedI2c bus = new ScriptedI2c(new byte[] { (byte)'5', 0, 0x09 });
            CardKb keyboard = new CardKb(bus);
            KeyLog log = new KeyLog();
            keyboard.Scan(0, log);
            keyboard.Scan(10, log);
            keyboard.Scan(20, log);
            keyboard.Scan(30, log);
            Assert.AreEqual("5 down;5 up;ANSWER down;ANSWER up;", log.Text);
        }

        /// <summary>Writes keys down as the phone would receive them.</summary>
        private sealed class KeyLog : IKeySink
        {
            public string Text = "";

            public void OnKey(Key key, KeyAction action)
            {
                Text += KeyNames.ToName(key) + (action == KeyAction.Press ? " down;" : action == KeyAction.Repeat ? " again;" : " up;");
            }
        }

        /// <summary>An I2C device answering reads from a script, then silence (no device).</summary>
        private sealed class ScriptedI2c : II2cBus
        {
            private readonly byte[] _answers;
            private int _next;

            public ScriptedI2c(byte[] answers)
            {
                _answers = answers;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                return true;
            }

            public bool Read(byte[] buffer, int offset, int count)
            {
                if (_next >= _answers.Length)
                {
                    return false;
                }

                buffer[offset] = _answers[_next++];
                return true;
            }
        }
    }
}
