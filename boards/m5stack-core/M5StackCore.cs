using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    public static partial class BoardCatalog
    {
        /// <summary>M5Stack Core (Basic/Gray): ILI9342C 320x240, buttons A-C as softkeys 1-3, a CardKB
        /// on Port A for the other keys, the built-in speaker. Wiring: boards/m5stack-core/README.md.</summary>
        public static readonly BoardProfile M5StackCore = new BoardProfile
        {
            Name = "m5stack-core",
            Description = "M5Stack Core (ILI9342C 320x240) + CardKB + speaker",
            FirmwareTarget = "M5Core",
            Panel = PanelKind.Ili9342C,
            PanelRotation = 0,
            PanelInverted = true,
            PanelWidth = 320,
            PanelHeight = 240,
            CellWidth = 6,
            CellHeight = 10,
            SpiMosi = 23,
            SpiMiso = 19,
            SpiClock = 18,
            PanelCs = 14,
            PanelDc = 27,
            PanelReset = 33,
            PanelBacklight = 32,
            PanelClockHz = 40000000,
            I2cData = 21,
            I2cClock = 22,
            ButtonPins = new int[] { 39, 38, 37 },
            ButtonKeys = new Key[] { Key.Soft1, Key.Soft2, Key.Soft3 },
            ButtonPullUps = false,
            CardKb = true,
            BuzzerPin = 25,
            RingVolumeStep = 3,
        };
    }
}
