namespace AgentPhone.Hardware.Virtual;

/// <summary>A panel's picture as the glass shows it, in the orientation the phone uses.</summary>
public interface IFramebuffer
{
    int Width { get; }

    int Height { get; }

    /// <summary>Counts every pixel write; the emulator redraws a phone when it moves.</summary>
    long Version { get; }

    /// <summary>The colour at (x, y) as 0xRRGGBB.</summary>
    int RgbAt(int x, int y);
}

/// <summary>
/// A MIPI-DCS TFT (ST7735, ILI9341, ILI9342C) as its controller behaves on the SPI bus: bytes
/// sent with the D/C line low are commands, high are their parameters; column and page address
/// set (2Ah, 2Bh) open a window, memory write (2Ch) fills it with RGB565 pixels left to right,
/// top to bottom. Windows are in the rotated (logical) space, as the driver sends them, so the
/// framebuffer is the picture the user sees. Other commands are taken and ignored.
/// </summary>
public sealed class VirtualTft : ISpiBus, IFramebuffer
{
    private readonly VirtualPins _pins;
    private readonly int _dcPin;
    private readonly ushort[] _pixels;
    private readonly byte[] _parameters = new byte[4];
    private readonly object _gate = new();
    private int _command;
    private int _count;
    private int _x0, _x1, _y0, _x, _y;
    private int _highByte = -1;
    private long _version;

    public VirtualTft(int width, int height, VirtualPins pins, int dcPin)
    {
        Width = width;
        Height = height;
        _pins = pins;
        _dcPin = dcPin;
        _pixels = new ushort[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Commands received, for tests that check the panel was woken.</summary>
    public int Commands { get; private set; }

    public void Write(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            bool data = _pins.Level(_dcPin);
            for (int i = 0; i < count; i++)
            {
                if (data)
                {
                    Data(buffer[offset + i]);
                }
                else
                {
                    _command = buffer[offset + i];
                    _count = 0;
                    _highByte = -1;
                    Commands++;
                    if (_command == 0x2C)
                    {
                        _x = _x0;
                        _y = _y0;
                    }
                }
            }
        }
    }

    public int RgbAt(int x, int y)
    {
        ushort p;
        lock (_gate)
        {
            p = _pixels[y * Width + x];
        }

        // RGB565 to 8 bits a channel, the top bits repeated into the bottom ones.
        int r = (p >> 11) & 0x1F, g = (p >> 5) & 0x3F, b = p & 0x1F;
        return ((r << 3 | r >> 2) << 16) | ((g << 2 | g >> 4) << 8) | (b << 3 | b >> 2);
    }

    private void Data(byte value)
    {
        switch (_command)
        {
            case 0x2A:
            case 0x2B:
                if (_count < 4)
                {
                    _parameters[_count++] = value;
                }

                if (_count == 4)
                {
                    int start = _parameters[0] << 8 | _parameters[1], end = _parameters[2] << 8 | _parameters[3];
                    if (_command == 0x2A)
                    {
                        (_x0, _x1) = (start, end);
                    }
                    else
                    {
                        _y0 = start;   // rows run on until the frame's end: the last row is not needed
                    }
                }

                break;
            case 0x2C:
                if (_highByte < 0)
                {
                    _highByte = value;
                    break;
                }

                if (_x < Width && _y < Height)
                {
                    _pixels[_y * Width + _x] = (ushort)(_highByte << 8 | value);
                    Interlocked.Increment(ref _version);
                }

                _highByte = -1;
                if (++_x > _x1)
                {
                    _x = _x0;
                    _y++;
                }

                break;
        }
    }
}

/// <summary>
/// An SSD1306 as it behaves on I2C: after a 00h control byte the bytes are commands (21h column
/// range and 22h page range take two parameters each), after 40h they are display data filling
/// the window page by page, one byte per column, bit 0 on top.
/// </summary>
public sealed class VirtualOled : II2cBus, IFramebuffer
{
    private const int Lit = 0x9FE6FF;
    private readonly bool[] _on = new bool[128 * 64];
    private readonly object _gate = new();
    private int _c0, _c1 = 127, _p0, _p1 = 7, _c, _p;
    private long _version;

    public int Width => 128;

    public int Height => 64;

    public long Version => Interlocked.Read(ref _version);

    public bool Write(byte[] buffer, int offset, int count)
    {
        if (count == 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (buffer[offset] == 0x40)
            {
                for (int i = 1; i < count; i++)
                {
                    byte b = buffer[offset + i];
                    for (int bit = 0; bit < 8; bit++)
                    {
                        _on[(_p * 8 + bit) * 128 + _c] = (b & (1 << bit)) != 0;
                    }

                    if (++_c > _c1)
                    {
                        _c = _c0;
                        _p = _p >= _p1 ? _p0 : _p + 1;
                    }
                }

                Interlocked.Increment(ref _version);
                return true;
            }

            for (int i = offset + 1; i < offset + count; i++)
            {
                if (buffer[i] == 0x21 && i + 2 < offset + count)
                {
                    (_c0, _c1) = (buffer[i + 1], buffer[i + 2]);
                    _c = _c0;
                    i += 2;
                }
                else if (buffer[i] == 0x22 && i + 2 < offset + count)
                {
                    (_p0, _p1) = (buffer[i + 1], buffer[i + 2]);
                    _p = _p0;
                    i += 2;
                }
            }

            return true;
        }
    }

    public bool Read(byte[] buffer, int offset, int count) => false;

    public int RgbAt(int x, int y)
    {
        lock (_gate)
        {
            return _on[y * 128 + x] ? Lit : 0;
        }
    }
}

/// <summary>Pins that remember their levels; inputs read high (pulled up, nothing pressed).</summary>
public sealed class VirtualPins : IGpio
{
    private readonly bool[] _levels = new bool[64];

    public void SetOutput(int pin)
    {
    }

    public void SetInput(int pin, bool pullUp)
    {
        _levels[pin] = true;
    }

    public void Write(int pin, bool high) => _levels[pin] = high;

    public bool Read(int pin) => _levels[pin];

    public bool Level(int pin) => pin >= 0 && _levels[pin];
}
