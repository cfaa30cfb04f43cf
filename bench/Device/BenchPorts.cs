using AgentPhone.Boards;
using AgentPhone.Hardware;
using AgentPhone.Server;

namespace AgentPhone.Bench.Device
{
    /// <summary>A board's ports that keep nothing, as the device's (its buses and pins live in
    /// native code); waits take no time.</summary>
    internal sealed class BenchPorts : IBoardPorts, IGpio, IDelay, ISpiBus, II2cBus, ITone
    {
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
        }

        bool II2cBus.Write(byte[] buffer, int offset, int count)
        {
            return true;
        }

        bool II2cBus.Read(byte[] buffer, int offset, int count)
        {
            return false;
        }

        public void Play(int frequencyHz, int volumePercent)
        {
        }

        public void Silence()
        {
        }
    }

    /// <summary>A clock the bench moves by hand.</summary>
    internal sealed class BenchClock : IClock, IWallClock
    {
        public long Now = 1000000;

        public long NowMs
        {
            get { return Now; }
        }

        public long UnixMs
        {
            get { return 1040134980000 + Now; }
        }
    }

    /// <summary>Session tokens as long as the server's.</summary>
    internal sealed class BenchTokens : ITokenSource
    {
        private int _next;

        public string NewToken()
        {
            _next++;
            return "bench-token-" + _next.ToString().PadLeft(20, '0');
        }
    }
}
