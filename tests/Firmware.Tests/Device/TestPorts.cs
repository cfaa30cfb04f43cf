using AgentPhone.Boards;
using AgentPhone.Hardware;

namespace AgentPhone.Firmware.Tests.Device
{
    /// <summary>
    /// A board's ports on the bench: the panel's bus counts bytes and keeps the first commands,
    /// pins read high (no key down), the buzzer writes down its tones, waits take no time.
    /// </summary>
    internal sealed class TestPorts : IBoardPorts, IGpio, IDelay, ISpiBus, II2cBus, ITone
    {
        public long PanelBytes;
        public string FirstBytes = "";
        public string Tones = "";
        public bool Sounding;
        public int OpenedI2c;

        public IGpio Gpio
        {
            get { return this; }
        }

        public IDelay Delay
        {
            get { return this; }
        }

        public ISpiBus OpenPanelSpi(BoardProfile board)
        {
            return this;
        }

        public II2cBus OpenI2c(BoardProfile board, int address)
        {
            OpenedI2c++;
            return this;
        }

        public ITone OpenTone(BoardProfile board)
        {
            return this;
        }

        public void SetOutput(int pin)
        {
        }

        public void SetInput(int pin, bool pullUp)
        {
        }

        void IGpio.Write(int pin, bool high)
        {
        }

        public bool Read(int pin)
        {
            return true;
        }

        public void Sleep(int milliseconds)
        {
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Count(buffer, offset, count);
        }

        bool II2cBus.Write(byte[] buffer, int offset, int count)
        {
            Count(buffer, offset, count);
            return true;
        }

        bool II2cBus.Read(byte[] buffer, int offset, int count)
        {
            return false;
        }

        public void Play(int frequencyHz, int volumePercent)
        {
            Tones += frequencyHz + ";";
            Sounding = true;
        }

        public void Silence()
        {
            Sounding = false;
        }

        private void Count(byte[] buffer, int offset, int count)
        {
            PanelBytes += count;
            for (int i = 0; i < count && FirstBytes.Length < 24; i++)
            {
                byte b = buffer[offset + i];
                FirstBytes += "0123456789ABCDEF"[b >> 4] + "" + "0123456789ABCDEF"[b & 0xF] + " ";
            }
        }
    }
}
