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
        public void AnUnknownBoardIsNotFound()
        {
            Assert.IsNull(BoardCatalog.Find("arduino-uno"));
        }
    }
}
