using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    /// <summary>The display controller a board carries.</summary>
    public enum PanelKind
    {
        St7735 = 0,
        Ili9341 = 1,
        Ili9342C = 2,
        Ssd1306 = 3
    }

    /// <summary>
    /// A devboard as data: its panel and how it is wired, its keys, its buzzer, and the
    /// nanoFramework firmware it runs. Boards differ in these values only, never in code paths.
    /// Pins are ESP32 GPIO numbers; -1 means not wired.
    /// </summary>
    public sealed class BoardProfile
    {
        public BoardProfile()
        {
            SpiBus = 1;
            SpiMosi = -1;
            SpiMiso = -1;
            SpiClock = -1;
            PanelCs = -1;
            PanelDc = -1;
            PanelReset = -1;
            PanelBacklight = -1;
            PanelClockHz = 26000000;
            I2cBus = 1;
            I2cData = -1;
            I2cClock = -1;
            PanelI2cAddress = 0x3C;
            RowPins = new int[0];
            ColumnPins = new int[0];
            MatrixKeys = new Key[0];
            ButtonPins = new int[0];
            ButtonKeys = new Key[0];
            ButtonPullUps = true;
            BuzzerPin = -1;
            RingVolumeStep = 5;
        }

        /// <summary>The id used on the command line (flash --board, emulator --board).</summary>
        public string Name { get; set; }

        public string Description { get; set; }

        /// <summary>The nanoFramework firmware image for <c>nanoff --target</c>; null for the virtual board.</summary>
        public string FirmwareTarget { get; set; }

        // ---- panel ----

        public PanelKind Panel { get; set; }

        /// <summary>Quarter turns clockwise from the controller's native orientation.</summary>
        public int PanelRotation { get; set; }

        /// <summary>Colour inversion on, for glasses that need it to show true colours.</summary>
        public bool PanelInverted { get; set; }

        /// <summary>Panel size in pixels, in the orientation the phone uses.</summary>
        public int PanelWidth { get; set; }

        public int PanelHeight { get; set; }

        /// <summary>Font cell size in pixels.</summary>
        public int CellWidth { get; set; }

        public int CellHeight { get; set; }

        public int Columns
        {
            get { return PanelWidth / CellWidth; }
        }

        public int Rows
        {
            get { return PanelHeight / CellHeight; }
        }

        // ---- SPI panel wiring ----

        public int SpiBus { get; set; }

        public int SpiMosi { get; set; }

        public int SpiMiso { get; set; }

        public int SpiClock { get; set; }

        public int PanelCs { get; set; }

        /// <summary>The panel's data/command select line.</summary>
        public int PanelDc { get; set; }

        public int PanelReset { get; set; }

        public int PanelBacklight { get; set; }

        public int PanelClockHz { get; set; }

        // ---- I2C (OLED panel, CardKB) ----

        public int I2cBus { get; set; }

        public int I2cData { get; set; }

        public int I2cClock { get; set; }

        public int PanelI2cAddress { get; set; }

        // ---- keys ----

        /// <summary>Matrix rows (driven low one at a time).</summary>
        public int[] RowPins { get; set; }

        /// <summary>Matrix columns (read, pulled up).</summary>
        public int[] ColumnPins { get; set; }

        /// <summary>The key at each row and column, row by row.</summary>
        public Key[] MatrixKeys { get; set; }

        /// <summary>Buttons from a pin to ground.</summary>
        public int[] ButtonPins { get; set; }

        public Key[] ButtonKeys { get; set; }

        /// <summary>False where the board has its own pull-up resistors (pins 34-39 have no internal ones).</summary>
        public bool ButtonPullUps { get; set; }

        /// <summary>An M5Stack CardKB on the I2C bus.</summary>
        public bool CardKb { get; set; }

        // ---- sound ----

        public int BuzzerPin { get; set; }

        /// <summary>Ring and click loudness at power-up, 0 (silent) to 6.</summary>
        public int RingVolumeStep { get; set; }
    }
}
