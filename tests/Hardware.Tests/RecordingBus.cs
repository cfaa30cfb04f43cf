using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Tests
{
    /// <summary>
    /// The wires between the ESP32 and a panel, written down: each SPI transfer as <c>C:</c>
    /// (data/command pin low) or <c>D:</c> (high) and its bytes in hex, I2C transfers as
    /// <c>I2C:</c>, other pin changes and the waits a driver asks for. Counts every byte sent.
    /// A long transfer (a frame's pixels) is written down by its first <see cref="LoggedBytes"/>
    /// bytes and its length: the log of a whole 320x240 frame in hex would need more heap than
    /// an ESP32 has.
    /// </summary>
    internal sealed class RecordingBus : ISpiBus, II2cBus, IGpio, IDelay
    {
        private const string Hex = "0123456789ABCDEF";
        public const int LoggedBytes = 128;   // a character cell of the largest font
        private readonly bool[] _levels = new bool[64];
        private readonly int _dcPin;

        public string Log = "";
        public int BytesSent;
        public long SleptMs;

        /// <param name="dcPin">The data/command pin of a SPI panel, or -1 on I2C.</param>
        public RecordingBus(int dcPin)
        {
            _dcPin = dcPin;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Log += (_levels[_dcPin] ? "D:" : "C:") + HexOf(buffer, offset, count) + ";";
            BytesSent += count;
        }

        bool II2cBus.Write(byte[] buffer, int offset, int count)
        {
            Log += "I2C:" + HexOf(buffer, offset, count) + ";";
            BytesSent += count;
            return true;
        }

        public bool Read(byte[] buffer, int offset, int count)
        {
            return false;
        }

        public void SetOutput(int pin)
        {
        }

        public void SetInput(int pin, bool pullUp)
        {
        }

        void IGpio.Write(int pin, bool high)
        {
            _levels[pin] = high;
            if (pin != _dcPin)
            {
                Log += "pin " + pin + "=" + (high ? "1" : "0") + ";";
            }
        }

        bool IGpio.Read(int pin)
        {
            return _levels[pin];
        }

        public void Sleep(int milliseconds)
        {
            Log += "wait " + milliseconds + ";";
            SleptMs += milliseconds;
        }

        public void Clear()
        {
            Log = "";
            BytesSent = 0;
        }

        public static string HexOf(byte[] buffer, int offset, int count)
        {
            int shown = count > LoggedBytes ? LoggedBytes : count;
            string more = shown < count ? " …+" + (count - shown) : "";
            char[] text = new char[shown == 0 ? 0 : shown * 3 - 1];
            for (int i = 0; i < shown; i++)
            {
                byte b = buffer[offset + i];
                if (i > 0)
                {
                    text[i * 3 - 1] = ' ';
                }

                text[i * 3] = Hex[b >> 4];
                text[i * 3 + 1] = Hex[b & 0xF];
            }

            return new string(text) + more;
        }
    }
}
