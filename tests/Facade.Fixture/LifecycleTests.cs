using nanoFramework.TestFramework;

namespace AgentPhone.Facade.Fixture
{
    [TestClass]
    public class LifecycleTests
    {
        [Setup]
        public void SetUp()
        {
            FixtureLog.Write("setup");
        }

        [TestMethod]
        public void Passes()
        {
            FixtureLog.Write("passes");
            Assert.AreEqual(4, 2 + 2);
        }

        [TestMethod]
        [DataRow(1, "one")]
        [DataRow(2, "two")]
        public void Rows(int number, string name)
        {
            FixtureLog.Write("row " + number + " " + name);
            Assert.IsTrue(number > 0);
        }

        [TestMethod]
        public void FailsOnPurpose()
        {
            FixtureLog.Write("fails");
            Assert.AreEqual(1, 2, "this test must be reported as failed");
        }

        [Cleanup]
        public void CleanUp()
        {
            FixtureLog.Write("cleanup");
        }
    }

    [TestClass]
    public class SkippedBySetupTests
    {
        [Setup]
        public void SetUp()
        {
            Assert.SkipTest("no hardware attached");
        }

        [TestMethod]
        public void NeverRuns()
        {
            FixtureLog.Write("never");
        }
    }

    [TestClass]
    public class BrokenSetupTests
    {
        [Setup]
        public void SetUp()
        {
            throw new System.InvalidOperationException("fixture is broken");
        }

        [TestMethod]
        public void ReportedAsFailed()
        {
            FixtureLog.Write("after-broken-setup");
        }
    }
}
