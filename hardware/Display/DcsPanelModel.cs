namespace AgentPhone.Hardware.Display
{
    /// <summary>
    /// A SPI TFT controller that speaks the MIPI display command set (ST7735, ILI9341, ILI9342C),
    /// as data: its native size and the power-up steps from its datasheet. Each step is
    /// <c>command, parameter count, parameters…, delay in ms</c>. Orientation, inversion and
    /// display-on are sent by <see cref="DcsPanel"/> after these steps.
    /// </summary>
    public sealed class DcsPanelModel
    {
        public DcsPanelModel(string name, int nativeWidth, int nativeHeight, bool bgr, byte[] powerUp)
        {
            Name = name;
            NativeWidth = nativeWidth;
            NativeHeight = nativeHeight;
            Bgr = bgr;
            PowerUp = powerUp;
        }

        public string Name { get; private set; }

        /// <summary>Size in pixels at rotation 0.</summary>
        public int NativeWidth { get; private set; }

        public int NativeHeight { get; private set; }

        /// <summary>Whether the glass's colour filters run blue-green-red (the MADCTL BGR bit).</summary>
        public bool Bgr { get; private set; }

        public byte[] PowerUp { get; private set; }

        /// <summary>
        /// ST7735R/S, 128x160 (the common 1.8" module). Sitronix's recommended power-up: software
        /// reset (150 ms), sleep out (120 ms before further commands), frame rates of 79 Hz in all
        /// modes (B1-B3: 01 2C 2D), column inversion (B4: 07), power control C0-C4 and VCOM (C5)
        /// as the datasheet's typical values, inversion off, 16-bit colour (3A: 05).
        /// </summary>
        public static readonly DcsPanelModel St7735 = new DcsPanelModel("ST7735", 128, 160, true, new byte[]
        {
            0x01, 0, 150,
            0x11, 0, 120,
            0xB1, 3, 0x01, 0x2C, 0x2D, 0,
            0xB2, 3, 0x01, 0x2C, 0x2D, 0,
            0xB3, 6, 0x01, 0x2C, 0x2D, 0x01, 0x2C, 0x2D, 0,
            0xB4, 1, 0x07, 0,
            0xC0, 3, 0xA2, 0x02, 0x84, 0,
            0xC1, 1, 0xC5, 0,
            0xC2, 2, 0x0A, 0x00, 0,
            0xC3, 2, 0x8A, 0x2A, 0,
            0xC4, 2, 0x8A, 0xEE, 0,
            0xC5, 1, 0x0E, 0,
            0x3A, 1, 0x05, 0,
        });

        /// <summary>
        /// ILI9341, 240x320. Software reset (5 ms, 120 ms to be safe after a sleep), power control 1
        /// (C0: 23, GVDD 4.6 V) and 2 (C1: 10), VCOM (C5: 3E 28, C7: 86), 16-bit colour (3A: 55),
        /// 79 Hz frame rate (B1: 00 18), display function (B6: 08 82 27, 320 lines), sleep out (120 ms).
        /// </summary>
        public static readonly DcsPanelModel Ili9341 = new DcsPanelModel("ILI9341", 240, 320, true, new byte[]
        {
            0x01, 0, 120,
            0xC0, 1, 0x23, 0,
            0xC1, 1, 0x10, 0,
            0xC5, 2, 0x3E, 0x28, 0,
            0xC7, 1, 0x86, 0,
            0x3A, 1, 0x55, 0,
            0xB1, 2, 0x00, 0x18, 0,
            0xB6, 3, 0x08, 0x82, 0x27, 0,
            0x11, 0, 120,
        });

        /// <summary>
        /// ILI9342C, 320x240 (landscape glass: the M5Stack Core). The ILI9341's command set and
        /// steps; only the native size differs.
        /// </summary>
        public static readonly DcsPanelModel Ili9342C = new DcsPanelModel("ILI9342C", 320, 240, true, Ili9341.PowerUp);
    }
}
