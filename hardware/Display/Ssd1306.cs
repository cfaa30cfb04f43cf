using System;
using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Display
{
    /// <summary>
    /// SSD1306 128x64 OLED on I2C. Every transfer starts with a control byte: 0x00 before
    /// commands, 0x40 before display data. Horizontal addressing mode, so a window (column
    /// range 21h, page range 22h) takes its pixels page by page, one byte per column, the
    /// <see cref="PixelFormat.MonoPages"/> layout.
    /// </summary>
    public sealed class Ssd1306 : IDisplay
    {
        private const byte CommandStream = 0x00;
        private const byte DataStream = 0x40;
        private const byte DisplayOff = 0xAE;
        private const byte DisplayOn = 0xAF;

        /// <summary>
        /// The datasheet's software initialisation for a 128x64 panel with the internal charge
        /// pump: display off, clock divide 80h, multiplex 63, offset 0, start line 0, charge pump
        /// on (8D 14), horizontal addressing (20 00), COM pins alternative (DA 12), contrast CFh,
        /// pre-charge F1h, VCOMH deselect 40h, resume from RAM (A4), normal (not inverse) display
        /// (A6). Segment remap and COM scan direction follow the rotation; display on comes last.
        /// </summary>
        private static readonly byte[] PowerUp =
        {
            0xAE, 0xD5, 0x80, 0xA8, 0x3F, 0xD3, 0x00, 0x40, 0x8D, 0x14, 0x20, 0x00,
            0xDA, 0x12, 0x81, 0xCF, 0xD9, 0xF1, 0xDB, 0x40, 0xA4, 0xA6,
        };

        private readonly II2cBus _i2c;
        private readonly IDelay _delay;
        private readonly bool _upsideDown;
        private readonly byte[] _transfer = new byte[1 + 128 * 8];

        /// <param name="rotation">0, or 2 for the panel mounted upside down (a 128x64 glass does not turn 90°).</param>
        public Ssd1306(II2cBus i2c, IDelay delay, int rotation)
        {
            if (rotation != 0 && rotation != 2)
            {
                throw new ArgumentException("the SSD1306 turns 0 or 2 quarter turns");
            }

            _i2c = i2c;
            _delay = delay;
            _upsideDown = rotation == 2;
        }

        public int Width
        {
            get { return 128; }
        }

        public int Height
        {
            get { return 64; }
        }

        public PixelFormat Format
        {
            get { return PixelFormat.MonoPages; }
        }

        public void Initialize()
        {
            int n = 0;
            _transfer[n++] = CommandStream;
            for (int i = 0; i < PowerUp.Length; i++)
            {
                _transfer[n++] = PowerUp[i];
            }

            // Segment remap A1 / COM scan C8 put column 0 and row 0 top-left on the usual module.
            _transfer[n++] = _upsideDown ? (byte)0xA0 : (byte)0xA1;
            _transfer[n++] = _upsideDown ? (byte)0xC0 : (byte)0xC8;
            _transfer[n++] = DisplayOn;
            _i2c.Write(_transfer, 0, n);
            _delay.Sleep(100);
        }

        public void Write(int x, int y, int width, int height, byte[] pixels, int count)
        {
            if (y % 8 != 0 || height % 8 != 0)
            {
                throw new ArgumentException("windows start and end on 8-row pages");
            }

            _transfer[0] = CommandStream;
            _transfer[1] = 0x21;
            _transfer[2] = (byte)x;
            _transfer[3] = (byte)(x + width - 1);
            _transfer[4] = 0x22;
            _transfer[5] = (byte)(y / 8);
            _transfer[6] = (byte)((y + height) / 8 - 1);
            _i2c.Write(_transfer, 0, 7);

            _transfer[0] = DataStream;
            Array.Copy(pixels, 0, _transfer, 1, count);
            _i2c.Write(_transfer, 0, count + 1);
        }

        public void SetBacklight(bool on)
        {
            _transfer[0] = CommandStream;
            _transfer[1] = on ? DisplayOn : DisplayOff;
            _i2c.Write(_transfer, 0, 2);
        }
    }
}
