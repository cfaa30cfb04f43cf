using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Keypad
{
    /// <summary>
    /// Scans a key matrix and direct buttons. One row at a time is driven low while the others
    /// float, and the columns (pulled up) read low where a key of that row is down; buttons
    /// pull their own pin low. Every key is debounced; a held key repeats after the long-press
    /// time. A reading where two rows share two pressed columns cannot be told from a ghost
    /// (three keys at the corners of a rectangle make the fourth read down), so no new press
    /// is taken from it until a key lifts. No allocation after construction.
    /// </summary>
    public sealed class KeyScanner : IKeypad
    {
        public const int DefaultDebounceMs = 20;
        public const int DefaultLongPressMs = 600;
        public const int DefaultRepeatMs = 150;

        private readonly IGpio _gpio;
        private readonly int[] _rows;
        private readonly int[] _columns;
        private readonly int[] _buttons;
        private readonly Key[] _keys;
        private readonly Debouncer[] _debouncers;
        private readonly bool[] _raw;
        private readonly long[] _nextRepeatMs;
        private readonly int _matrixKeys;

        /// <param name="rowPins">Matrix rows (driven); empty for no matrix.</param>
        /// <param name="columnPins">Matrix columns (read, pulled up).</param>
        /// <param name="matrixKeys">The key at each row and column, row by row; Key.None where nothing is fitted.</param>
        /// <param name="buttonPins">Buttons wired from a pin to ground.</param>
        /// <param name="buttonKeys">The key of each button.</param>
        /// <param name="buttonPullUps">Whether the ESP32 pulls the buttons up (false where the board
        /// has its own resistors, as on pins 34-39, which have none).</param>
        public KeyScanner(IGpio gpio, int[] rowPins, int[] columnPins, Key[] matrixKeys, int[] buttonPins, Key[] buttonKeys, bool buttonPullUps)
        {
            _gpio = gpio;
            _rows = rowPins;
            _columns = columnPins;
            _buttons = buttonPins;
            _matrixKeys = rowPins.Length * columnPins.Length;
            int total = _matrixKeys + buttonPins.Length;
            _keys = new Key[total];
            for (int i = 0; i < _matrixKeys; i++)
            {
                _keys[i] = matrixKeys[i];
            }

            for (int i = 0; i < buttonPins.Length; i++)
            {
                _keys[_matrixKeys + i] = buttonKeys[i];
            }

            _debouncers = new Debouncer[total];
            for (int i = 0; i < total; i++)
            {
                _debouncers[i] = new Debouncer(DefaultDebounceMs);
            }

            _raw = new bool[total];
            _nextRepeatMs = new long[total];
            LongPressMs = DefaultLongPressMs;
            RepeatMs = DefaultRepeatMs;

            for (int r = 0; r < _rows.Length; r++)
            {
                _gpio.SetInput(_rows[r], false);
            }

            for (int c = 0; c < _columns.Length; c++)
            {
                _gpio.SetInput(_columns[c], true);
            }

            for (int b = 0; b < _buttons.Length; b++)
            {
                _gpio.SetInput(_buttons[b], buttonPullUps);
            }
        }

        public int LongPressMs { get; set; }

        public int RepeatMs { get; set; }

        public void Scan(long nowMs, IKeySink sink)
        {
            ReadMatrix();
            for (int b = 0; b < _buttons.Length; b++)
            {
                _raw[_matrixKeys + b] = !_gpio.Read(_buttons[b]);
            }

            bool ambiguous = HasRectangle();
            for (int i = 0; i < _keys.Length; i++)
            {
                Debouncer key = _debouncers[i];
                bool down = _raw[i];
                if (ambiguous && i < _matrixKeys && down && !key.IsDown)
                {
                    down = false;
                }

                KeyEdge edge = key.Update(down, nowMs);
                if (_keys[i] == Key.None)
                {
                    continue;
                }

                if (edge == KeyEdge.Pressed)
                {
                    _nextRepeatMs[i] = nowMs + LongPressMs;
                    sink.OnKey(_keys[i], KeyAction.Press);
                }
                else if (edge == KeyEdge.Released)
                {
                    sink.OnKey(_keys[i], KeyAction.Release);
                }
                else if (key.IsDown && nowMs >= _nextRepeatMs[i])
                {
                    _nextRepeatMs[i] = nowMs + RepeatMs;
                    sink.OnKey(_keys[i], KeyAction.Repeat);
                }
            }
        }

        private void ReadMatrix()
        {
            int columns = _columns.Length;
            for (int r = 0; r < _rows.Length; r++)
            {
                _gpio.SetOutput(_rows[r]);
                _gpio.Write(_rows[r], false);
                for (int c = 0; c < columns; c++)
                {
                    _raw[r * columns + c] = !_gpio.Read(_columns[c]);
                }

                // Back to floating, so a key shared with another row's column cannot short two drivers.
                _gpio.SetInput(_rows[r], false);
            }
        }

        /// <summary>Whether two rows have two pressed columns in common.</summary>
        private bool HasRectangle()
        {
            int columns = _columns.Length;
            for (int a = 0; a < _rows.Length; a++)
            {
                for (int b = a + 1; b < _rows.Length; b++)
                {
                    int shared = 0;
                    for (int c = 0; c < columns; c++)
                    {
                        if (_raw[a * columns + c] && _raw[b * columns + c] && ++shared == 2)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
