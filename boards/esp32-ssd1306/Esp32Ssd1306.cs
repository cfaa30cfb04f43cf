using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    public static partial class BoardCatalog
    {
        /// <summary>Any ESP32 devboard + 0.96" SSD1306 OLED (I2C) + 4x4 membrane keypad + four softkey
        /// buttons + passive buzzer. Wiring: boards/esp32-ssd1306/README.md.</summary>
        public static readonly BoardProfile Esp32Ssd1306 = new BoardProfile
        {
            Name = "esp32-ssd1306",
            Description = "ESP32 + SSD1306 128x64 OLED (I2C) + 4x4 keypad + buttons",
            FirmwareTarget = "ESP32_REV3",
            Panel = PanelKind.Ssd1306,
            PanelWidth = 128,
            PanelHeight = 64,
            CellWidth = 6,
            CellHeight = 8,
            I2cData = 21,
            I2cClock = 22,
            PanelI2cAddress = 0x3C,
            RowPins = new int[] { 13, 14, 27, 26 },
            ColumnPins = new int[] { 33, 32, 19, 23 },
            MatrixKeys = new Key[]
            {
                Key.D1, Key.D2, Key.D3, Key.Up,
                Key.D4, Key.D5, Key.D6, Key.Down,
                Key.D7, Key.D8, Key.D9, Key.Answer,
                Key.Star, Key.D0, Key.Pound, Key.Hangup,
            },
            ButtonPins = new int[] { 16, 17, 4, 18 },
            ButtonKeys = new Key[] { Key.Soft1, Key.Soft2, Key.Soft3, Key.Soft4 },
            BuzzerPin = 25,
        };
    }
}
