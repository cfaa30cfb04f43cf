using AgentPhone.Hardware.Display;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class DisplayTests
    {
        private const int Dc = 2;
        private const int Reset = 4;
        private const int Backlight = 32;

        // The letter A as the font draws it, written out here so the test does not read the font.
        private static readonly string[] LetterA =
        {
            ".###.",
            "#...#",
            "#...#",
            "#####",
            "#...#",
            "#...#",
            "#...#",
        };

        [TestMethod]
        public void St7735PowersUpAsItsDatasheetSays()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.St7735, 1, false, bus, bus, bus, Dc, Reset, -1);
            panel.Initialize();

            Assert.AreEqual(
                "pin 4=0;wait 10;pin 4=1;wait 120;"
                + "C:01;wait 150;C:11;wait 120;"
                + "C:B1;D:01 2C 2D;C:B2;D:01 2C 2D;C:B3;D:01 2C 2D 01 2C 2D;C:B4;D:07;"
                + "C:C0;D:A2 02 84;C:C1;D:C5;C:C2;D:0A 00;C:C3;D:8A 2A;C:C4;D:8A EE;C:C5;D:0E;"
                + "C:3A;D:05;"
                + "C:36;D:68;C:20;C:13;C:29;wait 20;",
                bus.Log);
            Assert.AreEqual(160, panel.Width);
            Assert.AreEqual(128, panel.Height);
        }

        [TestMethod]
        public void Ili9342cOfTheM5StackPowersUpInvertedWithItsBacklight()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.Ili9342C, 0, true, bus, bus, bus, Dc, -1, Backlight);
            panel.Initialize();
            panel.SetBacklight(true);

            Assert.AreEqual(
                "pin 32=0;"
                + "C:01;wait 120;C:C0;D:23;C:C1;D:10;C:C5;D:3E 28;C:C7;D:86;C:3A;D:55;C:B1;D:00 18;C:B6;D:08 82 27;"
                + "C:11;wait 120;"
                + "C:36;D:08;C:21;C:13;C:29;wait 20;pin 32=1;",
                bus.Log);
            Assert.AreEqual(320, panel.Width);
            Assert.AreEqual(240, panel.Height);
        }

        [TestMethod]
        public void RotationSetsTheMemoryAccessControlBits()
        {
            Assert.AreEqual((byte)0x08, DcsPanel.MadctlFor(0, true));
            Assert.AreEqual((byte)0x60, DcsPanel.MadctlFor(1, false));
            Assert.AreEqual((byte)0xC8, DcsPanel.MadctlFor(2, true));
            Assert.AreEqual((byte)0xA0, DcsPanel.MadctlFor(3, false));

            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel portrait = new DcsPanel(DcsPanelModel.Ili9341, 0, false, bus, bus, bus, Dc, -1, -1);
            Assert.AreEqual(240, portrait.Width);
            Assert.AreEqual(320, portrait.Height);
        }

        [TestMethod]
        public void ALetterOnTheSt7735IsOneWindowOfItsCellsPixels()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.St7735, 1, false, bus, bus, bus, Dc, Reset, -1);
            CharGrid grid = new CharGrid(26, 16);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 8);
            bus.Clear();

            grid.Put(2, 3, 'A');
            int sent = renderer.Render();

            // 26 cells of 6 px on 160 leave 4: the grid starts at x 2. Cell (row 2, column 3) is
            // x 20-25, y 16-23; white on black, high byte first.
            Assert.AreEqual("C:2A;D:00 14 00 19;C:2B;D:00 10 00 17;C:2C;D:" + ColorCell(LetterA, 6, 8, "FF FF", "00 00") + ";", bus.Log);
            Assert.AreEqual(96, sent);
            Assert.AreEqual(0, grid.DirtyCount);
        }

        [TestMethod]
        public void Ili9341TurnedToLandscapeDrawsALetterInATallCell()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.Ili9341, 1, false, bus, bus, bus, Dc, Reset, -1);
            panel.Initialize();
            Assert.IsTrue(bus.Log.IndexOf("C:11;wait 120;C:36;D:68;C:20;C:13;C:29;wait 20;") > 0, bus.Log);
            Assert.AreEqual(320, panel.Width);

            CharGrid grid = new CharGrid(53, 24);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 10);
            bus.Clear();
            grid.Put(0, 0, 'A');
            renderer.Render();

            // 53 cells of 6 px leave 2 columns: x 1-6; a 10-row cell puts the glyph one row down.
            string[] shifted = new string[8];
            shifted[0] = "";
            for (int i = 0; i < LetterA.Length; i++)
            {
                shifted[i + 1] = LetterA[i];
            }

            Assert.AreEqual("C:2A;D:00 01 00 06;C:2B;D:00 00 00 09;C:2C;D:" + ColorCell(shifted, 6, 10, "FF FF", "00 00") + ";", bus.Log);
        }

        [TestMethod]
        public void OnlyChangedCellsAreSentAndNeighboursShareAWindow()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.St7735, 1, false, bus, bus, bus, Dc, Reset, -1);
            CharGrid grid = new CharGrid(26, 16);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 8);
            grid.WriteRow(5, "Ready");
            renderer.Render();
            bus.Clear();

            grid.WriteRow(5, "Realm");
            grid.Put(9, 0, '>');
            grid.Put(9, 1, '1');
            int sent = renderer.Render();

            // "Ready" -> "Realm": cells 3 and 4 in one window; then the two cells of row 9.
            Assert.AreEqual(2 * 96 + 2 * 96, sent);
            Assert.IsTrue(bus.Log.IndexOf("C:2A;D:00 14 00 1F;C:2B;D:00 28 00 2F;") == 0);
            Assert.IsTrue(bus.Log.IndexOf("C:2A;D:00 02 00 0D;C:2B;D:00 48 00 4F;") > 0);

            bus.Clear();
            grid.WriteRow(5, "Realm");
            Assert.AreEqual(0, renderer.Render());
            Assert.AreEqual("", bus.Log);
        }

        [TestMethod]
        public void ClearFillsTheFrameThenDrawsOnlyText()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.Ili9342C, 0, true, bus, bus, bus, Dc, -1, -1);
            CharGrid grid = new CharGrid(53, 24);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 10);
            grid.WriteRow(0, "Hi");
            bus.Clear();

            int sent = renderer.Clear();

            Assert.AreEqual(320 * 240 * 2 + 2 * 6 * 10 * 2, sent);
            Assert.AreEqual(renderer.FrameBytes + 240, sent);
            // The grid (318 px) is centred: one spare column on the left.
            Assert.IsTrue(bus.Log.IndexOf("C:2A;D:00 01 00 0C;C:2B;D:00 00 00 09;") > 0);
        }

        [TestMethod]
        public void AnInvertedRowSwapsTheColours()
        {
            RecordingBus bus = new RecordingBus(Dc);
            DcsPanel panel = new DcsPanel(DcsPanelModel.St7735, 1, false, bus, bus, bus, Dc, Reset, -1);
            CharGrid grid = new CharGrid(26, 16);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 8);
            grid.Put(2, 3, 'A');
            renderer.Render();
            bus.Clear();

            renderer.SetInverted(2, true);
            int sent = renderer.Render();

            // The whole row is drawn again, its blank cells now white.
            Assert.AreEqual(26 * 96, sent);
            Assert.IsTrue(bus.Log.IndexOf("C:2A;D:00 02 00 9D;C:2B;D:00 10 00 17;C:2C;D:FF FF FF FF FF FF") == 0);
        }

        [TestMethod]
        public void Ssd1306PowersUpAsItsDatasheetSays()
        {
            RecordingBus bus = new RecordingBus(-1);
            Ssd1306 panel = new Ssd1306(bus, bus, 0);
            panel.Initialize();
            Assert.AreEqual("I2C:00 AE D5 80 A8 3F D3 00 40 8D 14 20 00 DA 12 81 CF D9 F1 DB 40 A4 A6 A1 C8 AF;wait 100;", bus.Log);

            bus.Clear();
            Ssd1306 upsideDown = new Ssd1306(bus, bus, 2);
            upsideDown.Initialize();
            Assert.IsTrue(bus.Log.IndexOf("A4 A6 A0 C0 AF;") > 0);
        }

        [TestMethod]
        public void ALetterOnTheSsd1306IsSixColumnBytesOfOnePage()
        {
            RecordingBus bus = new RecordingBus(-1);
            Ssd1306 panel = new Ssd1306(bus, bus, 0);
            CharGrid grid = new CharGrid(21, 8);
            TextRenderer renderer = new TextRenderer(grid, panel, 6, 8);

            grid.Put(1, 0, 'A');
            int sent = renderer.Render();

            // 21 cells of 6 px leave 2 columns: the grid starts at x 1. Page 1 = rows 8-15.
            // Column bytes of A, top row in bit 0: 7E 09 09 09 7E, then the gap column.
            Assert.AreEqual("I2C:00 21 01 06 22 01 01;I2C:40 7E 09 09 09 7E 00;", bus.Log);
            Assert.AreEqual(6, sent);

            bus.Clear();
            panel.SetBacklight(false);
            Assert.AreEqual("I2C:00 AE;", bus.Log);
        }

        /// <summary>The RGB565 bytes of a cell drawn from art: glyph top-left, the rest background.</summary>
        private static string ColorCell(string[] art, int width, int height, string fg, string bg)
        {
            string s = "";
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    bool on = y < art.Length && art[y] != null && x < art[y].Length && art[y][x] == '#';
                    s += (s.Length == 0 ? "" : " ") + (on ? fg : bg);
                }
            }

            return s;
        }
    }
}
