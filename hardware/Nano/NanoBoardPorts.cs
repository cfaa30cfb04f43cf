using AgentPhone.Boards;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>A board's buses on the ESP32: pin functions routed from the board's data, then
    /// nanoFramework's SPI, I2C, GPIO and PWM drivers.</summary>
    public sealed class NanoBoardPorts : IBoardPorts
    {
        private readonly NanoGpio _gpio = new NanoGpio();
        private readonly NanoDelay _delay = new NanoDelay();
        private bool _i2cRouted;

        public IGpio Gpio
        {
            get { return _gpio; }
        }

        public IDelay Delay
        {
            get { return _delay; }
        }

        public ISpiBus OpenPanelSpi(BoardProfile board)
        {
            Esp32Pins.UseSpi1(board.SpiMosi, board.SpiMiso, board.SpiClock);
            return new NanoSpiBus(board.SpiBus, board.PanelCs, board.PanelClockHz);
        }

        public II2cBus OpenI2c(BoardProfile board, int address)
        {
            if (!_i2cRouted)
            {
                Esp32Pins.UseI2c1(board.I2cData, board.I2cClock);
                _i2cRouted = true;
            }

            return new NanoI2cBus(board.I2cBus, address);
        }

        public ITone OpenTone(BoardProfile board)
        {
            Esp32Pins.UsePwm(board.BuzzerPin);
            return new NanoTone(board.BuzzerPin);
        }
    }
}
