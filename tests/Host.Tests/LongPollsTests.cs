using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>The waits behind event long-polls: each ends once, by a change on its stream, its
/// deadline or its client going, and an ended wait leaves the others as they were.</summary>
[TestClass]
public sealed class LongPollsTests
{
    [TestMethod]
    public void AClientThatGoesEndsItsWaitAloneAndAChangeWakesTheRest()
    {
        var polls = new LongPolls<string>();
        using var gone = new CancellationTokenSource();
        Task first = polls.Until(polls.Add("agent:7001", 25), CancellationToken.None);
        Task middle = polls.Until(polls.Add("agent:7001", 25), gone.Token);
        Task last = polls.Until(polls.Add("agent:7001", 25), CancellationToken.None);
        Task other = polls.Until(polls.Add("agent:7002", 25), CancellationToken.None);

        gone.Cancel();
        Assert.IsTrue(middle.IsCompleted);
        Assert.IsFalse(first.IsCompleted || last.IsCompleted || other.IsCompleted);

        polls.Wake("agent:7001");
        Assert.IsTrue(first.IsCompleted && last.IsCompleted);
        Assert.IsFalse(other.IsCompleted);

        // The stream's next wait starts afresh: the woken ones are gone from it.
        Task next = polls.Until(polls.Add("agent:7001", 25), CancellationToken.None);
        polls.Wake("agent:7002");
        Assert.IsTrue(other.IsCompleted);
        Assert.IsFalse(next.IsCompleted);
        polls.WakeAll();
        Assert.IsTrue(next.IsCompleted);
    }

    [TestMethod]
    public void OnlyTheWaitsWhoseDeadlinePassedEnd()
    {
        var polls = new LongPolls<string>();
        Task due = polls.Until(polls.Add("agent:7001", 0), CancellationToken.None);
        Task waiting = polls.Until(polls.Add("agent:7001", 25), CancellationToken.None);
        Task dueToo = polls.Until(polls.Add("agent:7002", 0), CancellationToken.None);

        polls.EndDue();
        Assert.IsTrue(due.IsCompleted && dueToo.IsCompleted);
        Assert.IsFalse(waiting.IsCompleted);
        polls.Wake("agent:7001");
        Assert.IsTrue(waiting.IsCompleted);
    }

    [TestMethod]
    public void NewsOfASequenceAWaitBeganAfterLeavesItWaiting()
    {
        // A node's wait for events after 1, and the news of event 1 arriving only then (a message
        // between nodes overtaken by the phone's next request).
        var polls = new LongPolls<string>();
        Task afterOne = polls.Until(polls.Add("agent:7001", 25, afterSeq: 1), CancellationToken.None);
        Task afterZero = polls.Until(polls.Add("agent:7001", 25, afterSeq: 0), CancellationToken.None);

        polls.Wake("agent:7001", lastSeq: 1);
        Assert.IsTrue(afterZero.IsCompleted);
        Assert.IsFalse(afterOne.IsCompleted, "woken by news it had already seen: it would answer with no events");
        polls.Wake("agent:7001", lastSeq: 2);
        Assert.IsTrue(afterOne.IsCompleted);
    }

    [TestMethod]
    public void TheWaitsOfOneCenterWakeTogether()
    {
        var polls = new LongPolls<(string Tenant, string Stream)>();
        Task acme = polls.Until(polls.Add(("acme", "agent:7001"), 25), CancellationToken.None);
        Task acmeTeam = polls.Until(polls.Add(("acme", "team:Sales"), 25), CancellationToken.None);
        Task other = polls.Until(polls.Add(("", "agent:7001"), 25), CancellationToken.None);

        polls.WakeWhere(key => key.Tenant == "acme");
        Assert.IsTrue(acme.IsCompleted && acmeTeam.IsCompleted);
        Assert.IsFalse(other.IsCompleted);
    }

    [TestMethod]
    public void AClientGoneBeforeItsWaitBeganEndsItAtOnce()
    {
        var polls = new LongPolls<string>();
        Task gone = polls.Until(polls.Add("agent:7001", 25), new CancellationToken(canceled: true));
        Task staying = polls.Until(polls.Add("agent:7001", 25), CancellationToken.None);
        Assert.IsTrue(gone.IsCompleted);
        Assert.IsFalse(staying.IsCompleted);
        polls.Wake("agent:7001");
        Assert.IsTrue(staying.IsCompleted);
    }
}
