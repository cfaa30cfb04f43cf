using AgentPhone.Hardware.Virtual;

namespace AgentPhone.Host.Tests;

[TestClass]
public class VirtualClockTests
{
    [TestMethod]
    public void TimeMovesOnlyWhenAdvanced()
    {
        var clock = new VirtualClock(1_000);
        Assert.AreEqual(1_000, clock.NowMs);

        clock.Advance(15_000);

        Assert.AreEqual(16_000, clock.NowMs);
    }

    [TestMethod]
    public void TimeNeverRunsBackwards()
    {
        var clock = new VirtualClock();

        Assert.ThrowsException<ArgumentOutOfRangeException>(() => clock.Advance(-1));
        Assert.AreEqual(0, clock.NowMs);
    }
}
