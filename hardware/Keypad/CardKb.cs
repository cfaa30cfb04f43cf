using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Keypad
{
    /// <summary>
    /// M5Stack's CardKB, a small I2C keyboard (address 5Fh): each read returns the character of
    /// the last key pressed, or 0. Digits, <c>*</c> and <c>#</c> dial; the arrows move up and down;
    /// Enter selects; Tab answers and Esc hangs up; Fn+1 to Fn+4 (80h-83h) and the right arrow
    /// are softkeys (the M5Stack's own three buttons are softkeys 1-3, so the right arrow is 4);
    /// the left arrow is SERVICES.
    /// The keyboard reports no release, so each key is a press and a release in one scan.
    /// </summary>
    public sealed class CardKb : IKeypad
    {
        public const int Address = 0x5F;

        private readonly II2cBus _i2c;
        private readonly byte[] _read = new byte[1];

        public CardKb(II2cBus i2c)
        {
            _i2c = i2c;
        }

        public void Scan(long nowMs, IKeySink sink)
        {
            if (!_i2c.Read(_read, 0, 1) || _read[0] == 0)
            {
                return;
            }

            Key key = KeyOf(_read[0]);
            if (key != Key.None)
            {
                sink.OnKey(key, KeyAction.Press);
                sink.OnKey(key, KeyAction.Release);
            }
        }

        /// <summary>The phone key of a CardKB code, or Key.None for keys the phone does not use.</summary>
        public static Key KeyOf(byte code)
        {
            if (code >= '0' && code <= '9')
            {
                return (Key)((int)Key.D0 + code - '0');
            }

            switch (code)
            {
                case (byte)'*': return Key.Star;
                case (byte)'#': return Key.Pound;
                case 0xB5: return Key.Up;
                case 0xB6: return Key.Down;
                case 0x0D: return Key.Select;
                case 0x09: return Key.Answer;
                case 0x1B: return Key.Hangup;
                case 0x80: return Key.Soft1;
                case 0x81: return Key.Soft2;
                case 0x82: return Key.Soft3;
                case 0x83: return Key.Soft4;
                case 0xB7: return Key.Soft4;
                case 0xB4: return Key.Services;
                default: return Key.None;
            }
        }
    }
}
