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
        public void NoPinIsWiredTwiceAndNoneIsAStrappingOrFlashPin(string name)
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

            Assert.IsFalse(used[0] || used[2] || used[12], name + " uses a boot strapping pin");
            Assert.IsNotNull(board.FirmwareTarget);
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
