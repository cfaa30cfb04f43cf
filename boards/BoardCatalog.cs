namespace AgentPhone.Boards
{
    /// <summary>The devboards AgentPhone runs on, and the virtual one the emulator uses.</summary>
    public static class BoardCatalog
    {
        public static readonly BoardProfile DevKitCSt7735 = new BoardProfile(
            "devkitc-st7735", "ESP32-DevKitC + ST7735 1.8\" TFT (160x128) + 5x4 matrix keypad + passive buzzer",
            160, 128, 6, 8);

        public static readonly BoardProfile M5StackCore = new BoardProfile(
            "m5stack-core", "M5Stack Core (ILI9342C 320x240) + CardKB + speaker",
            320, 240, 6, 10);

        public static readonly BoardProfile Esp32Ssd1306 = new BoardProfile(
            "esp32-ssd1306", "ESP32 + SSD1306 128x64 OLED (I2C) + 4x4 keypad + buttons",
            128, 64, 6, 8);

        public static readonly BoardProfile Virtual = new BoardProfile(
            "virtual", "The emulator's phone: a 320x240 panel in the browser",
            320, 240, 6, 10);

        public static readonly BoardProfile[] All = { DevKitCSt7735, M5StackCore, Esp32Ssd1306, Virtual };

        /// <summary>The board with this name, or null.</summary>
        public static BoardProfile Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }
    }
}
