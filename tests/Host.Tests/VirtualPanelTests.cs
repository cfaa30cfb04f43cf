using System.Buffers.Binary;
using System.IO.Compression;
using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Display;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Phone;
using AgentPhone.Server.Api;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The emulator's panels: models of the controllers that turn the real driver's bus traffic
/// into the picture. A whole phone runs on each board's virtual ports, and every pixel of the
/// decoded picture must be what the font draws for the characters on the phone's screen.
/// </summary>
[TestClass]
public sealed class VirtualPanelTests
{
    private sealed class Clock : IClock, IWallClock
    {
        public long NowMs { get; set; } = 1_000;

        public long UnixMs => 1_040_134_980_000 + NowMs;
    }

    private static (PhoneDevice Phone, VirtualBoardPorts Ports) Boot(BoardProfile board)
    {
        var clock = new Clock();
        var ports = new VirtualBoardPorts();
        var demo = new DemoCenter(clock, new AgentPhone.ServerHost.SecureTokens(), "SEP000000002101");
        var settings = new PhoneSettings { DeviceName = "SEP000000002101", Servers = ["http://demo"], DeviceSecret = demo.DeviceSecret };
        var phone = new PhoneDevice(board, ports, settings, new LocalHttp(demo.Service, "http://demo"), clock, clock, -1, demo);
        phone.Start(false);
        return (phone, ports);
    }

    [TestMethod]
    [DataRow("virtual")]
    [DataRow("devkitc-st7735")]
    [DataRow("m5stack-core")]
    [DataRow("esp32-ssd1306")]
    public void ThePictureDecodedFromTheBusIsTheScreensText(string name)
    {
        BoardProfile board = BoardCatalog.Find(name)!;
        var (phone, ports) = Boot(board);
        foreach (Key k in new[] { Key.Soft1, Key.Soft3, Key.D1, Key.D2, Key.D3, Key.D4, Key.Soft1, Key.D1 })
        {
            phone.Press(k);
        }

        Assert.AreEqual("READY", phone.Core.Status?.State);
        IFramebuffer frame = ports.Panel!;
        Assert.AreEqual(board.PanelWidth, frame.Width);
        Assert.AreEqual(board.PanelHeight, frame.Height);
        AssertPictureShows(frame, phone.Grid, board);
    }

    [TestMethod]
    public void PngCarriesThePictureScaledUp()
    {
        var (_, ports) = Boot(BoardCatalog.Esp32Ssd1306);
        byte[] png = Png.Encode(ports.Panel!, 2);

        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.AreEqual("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.AreEqual(256, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.AreEqual(128, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        // Every PNG ends with the empty IEND chunk, whose CRC-32 is AE 42 60 82.
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);

        // The image data inflates to rows of a filter byte and RGB triples, each pixel doubled.
        int idat = IndexOf(png, "IDAT");
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat - 4));
        using var inflate = new ZLibStream(new MemoryStream(png, idat + 4, length), CompressionMode.Decompress);
        var rows = new MemoryStream();
        inflate.CopyTo(rows);
        byte[] raw = rows.ToArray();
        Assert.AreEqual(128 * (1 + 256 * 3), raw.Length);
        for (int y = 0; y < 128; y++)
        {
            for (int x = 0; x < 256; x++)
            {
                int at = y * (1 + 256 * 3) + 1 + x * 3;
                int rgb = raw[at] << 16 | raw[at + 1] << 8 | raw[at + 2];
                Assert.AreEqual(ports.Panel!.RgbAt(x / 2, y / 2), rgb, $"pixel {x},{y}");
            }
        }
    }

    /// <summary>Every cell: glyph pixels in the text colour, the rest in the background; the title
    /// and softkey rows inverted.</summary>
    private static void AssertPictureShows(IFramebuffer frame, CharGrid grid, BoardProfile board)
    {
        int originX = (board.PanelWidth - board.Columns * board.CellWidth) / 2;
        int originY = (board.PanelHeight - board.Rows * board.CellHeight) / 2;
        int glyphTop = (board.CellHeight - Font5x7.GlyphHeight) / 2;
        int lit = frame.RgbAt(originX, originY); // the title row's background is the text colour
        int dark = frame.RgbAt(originX, originY + board.CellHeight);
        Assert.AreNotEqual(lit, dark);
        for (int row = 0; row < grid.Rows; row++)
        {
            bool inverted = row == 0 || row == grid.Rows - 1;
            for (int column = 0; column < grid.Columns; column++)
            {
                for (int y = 0; y < board.CellHeight; y++)
                {
                    int glyphRow = y - glyphTop;
                    int bits = glyphRow >= 0 && glyphRow < Font5x7.GlyphHeight ? Font5x7.RowBits(grid[row, column], glyphRow) : 0;
                    for (int x = 0; x < board.CellWidth; x++)
                    {
                        bool on = x < Font5x7.GlyphWidth && (bits & (0x10 >> x)) != 0;
                        int expected = on != inverted ? lit : dark;
                        int px = originX + column * board.CellWidth + x, py = originY + row * board.CellHeight + y;
                        if (frame.RgbAt(px, py) != expected)
                        {
                            Assert.Fail($"{board.Name}: pixel {px},{py} of '{grid[row, column]}' at row {row}, column {column}");
                        }
                    }
                }
            }
        }
    }

    private static int IndexOf(byte[] data, string tag)
    {
        byte[] t = System.Text.Encoding.ASCII.GetBytes(tag);
        return data.AsSpan().IndexOf(t);
    }
}
