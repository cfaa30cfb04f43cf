using System;
using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Display
{
    /// <summary>
    /// A MIPI-DCS TFT on a SPI bus with a data/command line: power-up from its
    /// <see cref="DcsPanelModel"/>, rotation through the memory access control register, a window
    /// per write (column and page address set, then memory write) and the backlight on a pin.
    /// </summary>
    public sealed class DcsPanel : IDisplay
    {
        private const byte ColumnAddressSet = 0x2A;
        private const byte PageAddressSet = 0x2B;
        private const byte MemoryWrite = 0x2C;
        private const byte MemoryAccessControl = 0x36;
        private const byte InversionOff = 0x20;
        private const byte InversionOn = 0x21;
        private const byte NormalDisplayMode = 0x13;
        private const byte DisplayOn = 0x29;

        // MADCTL bits: row and column address order, row/column exchange, BGR filter order.
        private const byte MirrorY = 0x80;
        private const byte MirrorX = 0x40;
        private const byte Exchange = 0x20;
        private const byte BgrOrder = 0x08;

        private readonly DcsPanelModel _model;
        private readonly int _rotation;
        private readonly bool _inverted;
        private readonly ISpiBus _spi;
        private readonly IGpio _gpio;
        private readonly IDelay _delay;
        private readonly int _dcPin;
        private readonly int _resetPin;
        private readonly int _backlightPin;
        private readonly byte[] _command = new byte[1];
        private readonly byte[] _window = new byte[4];
        private int _dcLevel = -1;

        /// <param name="rotation">Quarter turns clockwise from the native orientation (0-3).</param>
        /// <param name="inverted">Colour inversion on (some glasses need it to show true colours).</param>
        /// <param name="resetPin">Hardware reset line, or -1 when tied high.</param>
        /// <param name="backlightPin">Backlight enable (active high), or -1 when always lit.</param>
        public DcsPanel(DcsPanelModel model, int rotation, bool inverted, ISpiBus spi, IGpio gpio, IDelay delay, int dcPin, int resetPin, int backlightPin)
        {
            if (rotation < 0 || rotation > 3)
            {
                throw new ArgumentException("rotation is 0-3 quarter turns");
            }

            _model = model;
            _rotation = rotation;
            _inverted = inverted;
            _spi = spi;
            _gpio = gpio;
            _delay = delay;
            _dcPin = dcPin;
            _resetPin = resetPin;
            _backlightPin = backlightPin;
        }

        public int Width
        {
            get { return _rotation % 2 == 0 ? _model.NativeWidth : _model.NativeHeight; }
        }

        public int Height
        {
            get { return _rotation % 2 == 0 ? _model.NativeHeight : _model.NativeWidth; }
        }

        public PixelFormat Format
        {
            get { return PixelFormat.Rgb565; }
        }

        public void Initialize()
        {
            _gpio.SetOutput(_dcPin);
            if (_backlightPin >= 0)
            {
                _gpio.SetOutput(_backlightPin);
                _gpio.Write(_backlightPin, false);
            }

            if (_resetPin >= 0)
            {
                // A low pulse of at least 10 us resets; the controller is ready 120 ms after.
                _gpio.SetOutput(_resetPin);
                _gpio.Write(_resetPin, false);
                _delay.Sleep(10);
                _gpio.Write(_resetPin, true);
                _delay.Sleep(120);
            }

            byte[] steps = _model.PowerUp;
            int i = 0;
            while (i < steps.Length)
            {
                int count = steps[i + 1];
                Command(steps[i]);
                Data(steps, i + 2, count);
                int delayMs = steps[i + 2 + count];
                if (delayMs > 0)
                {
                    _delay.Sleep(delayMs);
                }

                i += 3 + count;
            }

            _window[0] = MadctlFor(_rotation, _model.Bgr);
            Command(MemoryAccessControl);
            Data(_window, 0, 1);
            Command(_inverted ? InversionOn : InversionOff);
            Command(NormalDisplayMode);
            Command(DisplayOn);
            _delay.Sleep(20);
        }

        public void Write(int x, int y, int width, int height, byte[] pixels, int count)
        {
            SetWindow(ColumnAddressSet, x, x + width - 1);
            SetWindow(PageAddressSet, y, y + height - 1);
            Command(MemoryWrite);
            Data(pixels, 0, count);
        }

        public void SetBacklight(bool on)
        {
            if (_backlightPin >= 0)
            {
                _gpio.Write(_backlightPin, on);
            }
        }

        /// <summary>The MADCTL value for a rotation: 90° exchanges rows and columns and mirrors X,
        /// 180° mirrors both, 270° exchanges and mirrors Y.</summary>
        public static byte MadctlFor(int rotation, bool bgr)
        {
            byte value = rotation == 1 ? (byte)(MirrorX | Exchange)
                : rotation == 2 ? (byte)(MirrorX | MirrorY)
                : rotation == 3 ? (byte)(MirrorY | Exchange)
                : (byte)0;
            return bgr ? (byte)(value | BgrOrder) : value;
        }

        private void SetWindow(byte command, int start, int end)
        {
            _window[0] = (byte)(start >> 8);
            _window[1] = (byte)start;
            _window[2] = (byte)(end >> 8);
            _window[3] = (byte)end;
            Command(command);
            Data(_window, 0, 4);
        }

        private void Command(byte command)
        {
            SetDc(0);
            _command[0] = command;
            _spi.Write(_command, 0, 1);
        }

        private void Data(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return;
            }

            SetDc(1);
            _spi.Write(buffer, offset, count);
        }

        // The D/C line moves only when the kind of transfer changes.
        private void SetDc(int level)
        {
            if (_dcLevel != level)
            {
                _gpio.Write(_dcPin, level == 1);
                _dcLevel = level;
            }
        }
    }
}
