using AgentPhone.Boards;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class BoardCatalogTests
    {
        [TestMethod]
        [DataRow("esp32-ssd1306", 21, 8)]
        [DataRow("m5stack-core", 53, 24)]
        [DataRow("virtual", 53, 24)]
        [DataRow("devkitc-st7735", 26, 16)]
        public void EachBoardLaysTheScreenOutOnItsPanel(string name, int columns, int rows)
        {
            BoardProfile board = BoardCatalog.Find(name);
            Assert.IsNotNull(board, name);
            Assert.AreEqual(columns, board.Columns);
            Assert.AreEqual(rows, board.Rows);
        }

        [TestMethod]
        [DataRow("devkitc-st7735")]
        [DataRow("m5stack-core")]
        [DataRow("esp32-ssd1306")]
        public void EveryKeyThePhoneNeedsIsWired(string name)
        {
            BoardProfile board = BoardCatalog.Find(name);
            Key[] needed =
            {
                Key.D0, Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9, Key.Star, Key.Pound,
                Key.Soft1, Key.Soft2, Key.Soft3, Key.Soft4, Key.Up, Key.Down, Key.Answer, Key.Hangup,
            };

            for (int i = 0; i < needed.Length; i++)
            {
                bool wired = board.CardKb || Contains(board.MatrixKeys, needed[i]) || Contains(board.ButtonKeys, needed[i]);
                Assert.IsTrue(wired, name + " lacks " + KeyNames.ToName(needed[i]));
            }

            Assert.AreEqual(board.RowPins.Length * board.ColumnPins.Length, board.MatrixKeys.Length);
            Assert.AreEqual(board.ButtonPins.Length, board.ButtonKeys.Length);
        }

        [TestMethod]
        [DataRow("devkitc-st7735")]
        [DataRow("m5stack-core")]
        [DataRow("esp32-ssd1306")]
        public void NoPinIsWiredTwiceNorAFlashPin(string name)
        {
            BoardProfile board = BoardCatalog.Find(name);
            bool[] used = new bool[40];
            int[] single =
            {
                board.SpiMosi, board.SpiMiso, board.SpiClock, board.PanelCs, board.PanelDc, board.PanelReset,
                board.PanelBacklight, board.I2cData, board.I2cClock, board.BuzzerPin,
            };

            Use(used, single, name);
            Use(used, board.RowPins, name);
            Use(used, board.ColumnPins, name);
            Use(used, board.ButtonPins, name);
            for (int pin = 6; pin <= 11; pin++)
            {
                Assert.IsFalse(used[pin], name + " uses flash pin " + pin);
            }

            Assert.IsNotNull(board.FirmwareTarget);
        }

        [TestMethod]
        [DataRow("devkitc-st7735")]
        [DataRow("m5stack-core")]
        [DataRow("esp32-ssd1306")]
        public void EveryStrappingPinIsFreeOrAnOutputThatIdlesAtItsBootLevel(string name)
        {
            BoardProfile board = BoardCatalog.Find(name);
            int[] straps = { 0, 2, 5, 12, 15 };
            for (int i = 0; i < straps.Length; i++)
            {
                string role = RoleOf(board, straps[i]);
                Assert.IsNull(StrapMisuse(straps[i], role), name + ": " + StrapMisuse(straps[i], role));
            }
        }

        [TestMethod]
        [DataRow(0, "panel CS", "download mode")]
        [DataRow(12, "panel DC", "flash voltage")]
        [DataRow(2, "keypad column", "input")]
        [DataRow(15, "button", "input")]
        [DataRow(5, "I2C data", "pull-up")]
        [DataRow(2, "buzzer", "load")]
        public void TheStrapRuleRefusesWhatChangesTheBoot(int pin, string role, string reason)
        {
            string misuse = StrapMisuse(pin, role);
            Assert.IsNotNull(misuse, pin + " as " + role);
            Assert.IsTrue(misuse.IndexOf(reason) >= 0, misuse);
        }

        [TestMethod]
        public void TheWroverVariantOfTheDevKitCBootsWithDcAndResetOnTwoAndFifteen()
        {
            // Its README moves DC and RESET off GPIO 16/17 (PSRAM on WROVER modules) to 2 and 15.
            Assert.IsNull(StrapMisuse(2, "panel DC"));
            Assert.IsNull(StrapMisuse(15, "panel RESET"));
            Assert.IsNull(StrapMisuse(5, "panel CS"));
        }

        /// <summary>
        /// The ESP32 reads GPIO 0, 2, 5, 12 and 15 at reset. 0 low = download mode; 12 high = 1.8 V
        /// flash (a 3.3 V module then fails to boot); 2 must be low or floating for download mode;
        /// 5 and 15 set SDIO timing (15 low also silences the boot log). A strapping pin is safe only
        /// as an output to a part's high-impedance input, so that during reset nothing but the chip's
        /// own pull resistor sets its level: the panel's CS, D/C and RESET inputs (a module's pull-up on
        /// RESET keeps 15 at its boot level, high). Never 0 or 12; never a key input, whose press at
        /// power-up would set the strap; never a bus with external pull-ups; never a load like a buzzer.
        /// </summary>
        private static string StrapMisuse(int pin, string role)
        {
            if (role == null)
            {
                return null;
            }

            switch (pin)
            {
                case 0:
                    return "GPIO 0 low at reset enters download mode; it is left to the BOOT button, not " + role;
                case 12:
                    return "GPIO 12 high at reset selects 1.8 V flash voltage; it stays free, not " + role;
                case 2:
                case 5:
                case 15:
                    if (role == "panel CS" || role == "panel DC" || role == "panel RESET")
                    {
                        return null;
                    }

                    if (role == "keypad row" || role == "keypad column" || role == "button")
                    {
                        return "GPIO " + pin + " as " + role + ": a key input pressed at power-up would set the strap";
                    }

                    if (role == "I2C data" || role == "I2C clock")
                    {
                        return "GPIO " + pin + " as " + role + ": the bus's external pull-up would set the strap";
                    }

                    return "GPIO " + pin + " as " + role + ": a load that can pull the pin away from its boot level";
                default:
                    return null;
            }
        }

        private static string RoleOf(BoardProfile b, int pin)
        {
            if (pin == b.PanelCs) return "panel CS";
            if (pin == b.PanelDc) return "panel DC";
            if (pin == b.PanelReset) return "panel RESET";
            if (pin == b.PanelBacklight) return "backlight";
            if (pin == b.SpiMosi) return "SPI MOSI";
            if (pin == b.SpiMiso) return "SPI MISO";
            if (pin == b.SpiClock) return "SPI clock";
            if (pin == b.I2cData) return "I2C data";
            if (pin == b.I2cClock) return "I2C clock";
            if (pin == b.BuzzerPin) return "buzzer";
            if (IndexOf(b.RowPins, pin) >= 0) return "keypad row";
            if (IndexOf(b.ColumnPins, pin) >= 0) return "keypad column";
            if (IndexOf(b.ButtonPins, pin) >= 0) return "button";
            return null;
        }

        private static int IndexOf(int[] pins, int pin)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] == pin)
                {
                    return i;
                }
            }

            return -1;
        }

        [TestMethod]
        public void ColumnsThatNeedPullUpsAreNotOnInputOnlyPins()
        {
            for (int b = 0; b < BoardCatalog.All.Length; b++)
            {
                BoardProfile board = BoardCatalog.All[b];
                for (int i = 0; i < board.ColumnPins.Length; i++)
                {
                    Assert.IsTrue(board.ColumnPins[i] < 34, board.Name + " column on input-only pin");
                }

                for (int i = 0; i < board.ButtonPins.Length && board.ButtonPullUps; i++)
                {
                    Assert.IsTrue(board.ButtonPins[i] < 34, board.Name + " button needs a pull-up pin 34-39 lacks");
                }
            }
        }

        private static bool Contains(Key[] keys, Key key)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Use(bool[] used, int[] pins, string name)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] < 0)
                {
                    continue;
                }

                Assert.IsFalse(used[pins[i]], name + " wires GPIO " + pins[i] + " twice");
                used[pins[i]] = true;
            }
        }

        [TestMethod]
        public void AnUnknownBoardIsNotFound()
        {
            Assert.IsNull(BoardCatalog.Find("arduino-uno"));
        }
    }
}
