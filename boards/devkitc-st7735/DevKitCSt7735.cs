using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    public static partial class BoardCatalog
    {
        /// <summary>ESP32-DevKitC (WROOM-32) + 1.8" ST7735 TFT + 5x4 matrix keypad + passive buzzer.
        /// Wiring: boards/devkitc-st7735/README.md.</summary>
        public static readonly BoardProfile DevKitCSt7735 = new BoardProfile
        {
            Name = "devkitc-st7735",
            Description = "ESP32-DevKitC + ST7735 1.8\" TFT (160x128) + 5x4 matrix keypad + passive buzzer",
            FirmwareTarget = "ESP32_REV3",
            Panel = PanelKind.St7735,
            PanelRotation = 1,
            PanelWidth = 160,
            PanelHeight = 128,
            CellWidth = 6,
            CellHeight = 8,
            SpiMosi = 23,
            SpiClock = 18,
            PanelCs = 5,
            PanelDc = 16,
            PanelReset = 17,
            PanelBacklight = 4,
            PanelClockHz = 26000000,
            RowPins = new int[] { 13, 14, 27, 26, 22 },
            ColumnPins = new int[] { 32, 33, 19, 21 },
            MatrixKeys = new Key[]
            {
                Key.Soft1, Key.Soft2, Key.Soft3, Key.Soft4,
                Key.D1, Key.D2, Key.D3, Key.Up,
                Key.D4, Key.D5, Key.D6, Key.Down,
                Key.D7, Key.D8, Key.D9, Key.Answer,
                Key.Star, Key.D0, Key.Pound, Key.Hangup,
            },
            BuzzerPin = 25,
        };
    }
}
