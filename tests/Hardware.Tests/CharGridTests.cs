using AgentPhone.Hardware.Display;
using nanoFramework.TestFramework;

namespace AgentPhone.Hardware.Tests
{
    [TestClass]
    public class CharGridTests
    {
        [TestMethod]
        public void WritingARowMarksOnlyChangedCellsDirty()
        {
            CharGrid grid = new CharGrid(21, 8);
            grid.WriteRow(0, "Ready");
            Assert.AreEqual(5, grid.DirtyCount);
            grid.MarkClean();

            grid.WriteRow(0, "Reads");
            Assert.AreEqual(1, grid.DirtyCount);
            Assert.IsTrue(grid.IsDirty(0, 4));
            Assert.IsFalse(grid.IsDirty(0, 3));
        }

        [TestMethod]
        public void LongTextIsCutToTheWidthAndShortTextBlanksTheRest()
        {
            CharGrid grid = new CharGrid(5, 2);
            grid.WriteRow(1, "Not Ready");
            Assert.AreEqual('R', grid[1, 4]);
            grid.WriteRow(1, "Hi");
            Assert.AreEqual(' ', grid[1, 2]);
            Assert.AreEqual(' ', grid[1, 4]);
        }

        [TestMethod]
        public void RewritingTheSameTextSendsNothing()
        {
            CharGrid grid = new CharGrid(10, 1);
            grid.WriteRow(0, "2101");
            grid.MarkClean();
            grid.WriteRow(0, "2101");
            Assert.AreEqual(0, grid.DirtyCount);
        }
    }
}
