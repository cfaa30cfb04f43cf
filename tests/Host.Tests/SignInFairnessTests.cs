using System.Text.Json.Nodes;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>Secret checks are costly by design and a machine serves only so many: one address
/// cannot keep everyone else's sign-ins waiting, many addresses together cannot guess one
/// agent's secret faster than its budget, and the agent's own phone is never kept out.</summary>
[TestClass]
public sealed class SignInFairnessTests
{
    [TestMethod]
    public void TheLaneServesAddressesInTurnAndRefusesWhatItCannotHold()
    {
        using var lane = new BackgroundLane(threads: 1, capacity: 6);
        using var gate = new SemaphoreSlim(0);
        using var running = new ManualResetEventSlim();
        var order = new List<string>();
        Func<bool> Check(string name) => () =>
        {
            running.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
            lock (order)
            {
                order.Add(name);
            }

            return true;
        };

        // The flooding address: one check running, four waiting, the fifth refused at once.
        var flood = new List<Task<bool>?> { lane.TryRun("10.0.0.66", Check("flood1")) };
        Assert.IsTrue(running.Wait(TimeSpan.FromSeconds(30)), "the first check runs");
        flood.AddRange(Enumerable.Range(2, 4).Select(i => lane.TryRun("10.0.0.66", Check("flood" + i))));
        Assert.IsTrue(flood.All(t => t != null));
        Assert.IsNull(lane.TryRun("10.0.0.66", Check("flood6")), "an address with four checks waiting is refused more");
        Task<bool>? phone = lane.TryRun("10.0.0.21", Check("phone"));
        Task<bool>? desk = lane.TryRun("10.0.0.22", Check("desk"));
        Assert.IsNotNull(phone);
        Assert.IsNotNull(desk);
        Assert.IsNull(lane.TryRun("10.0.0.23", Check("late")), "six waiting in all: the lane is full");

        gate.Release(7);
        Task.WaitAll([.. flood!, phone, desk], TimeSpan.FromSeconds(30));
        CollectionAssert.AreEqual(new[] { "flood1", "flood2", "phone", "desk", "flood3", "flood4", "flood5" }, order,
            "after the check already taken, the addresses take turns");
    }

    [TestMethod]
    public void ManyAddressesSpendOneAgentsBudgetButNotItsOwnPhones()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-budget-").FullName;
        string config = Path.Combine(folder, "center.json");
        File.WriteAllText(config, TestCenter.Config().ToJsonString());
        int checks = 0;
        var counted = new PasswordHashes((secret, salt, cost, bytes) =>
        {
            Interlocked.Increment(ref checks);   // one derivation a check: every hash held is of one cost
            return PasswordHashes.Derive(secret, salt, cost, bytes);
        });
        ApiResponse Send(CenterHost host, string path, string body, string address, string? token = null) => host.ServeAsync(new ApiRequest
        {
            Method = "POST",
            Path = path,
            Body = body,
            ClientAddress = address,
            Authorization = token == null ? null : Routes.BearerPrefix + token,
        }, CancellationToken.None).Result;
        string SignIn(string password) => $"{{\"agentId\":\"7001\",\"password\":\"{password}\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}}";

        using (var host = new CenterHost(config, Path.Combine(folder, "center.db"), counted))
        {
            // The agent's phone signs in and out once: its address is known for the agent.
            ApiResponse first = Send(host, Routes.SignIn, SignIn("1234"), "10.0.0.21");
            Assert.AreEqual(200, first.Status, first.Body);
            Assert.AreEqual(200, Send(host, Routes.SignOut, "{}", "10.0.0.21", (string)JsonNode.Parse(first.Body!)!["token"]!).Status);

            // 30 addresses, 5 guesses each: none reaches its own address's limit.
            checks = 0;
            var answers = new List<ApiResponse>();
            for (int address = 1; address <= 30; address++)
            {
                for (int guess = 0; guess < 5; guess++)
                {
                    answers.Add(Send(host, Routes.SignIn, SignIn($"{address:D2}{guess:D2}"), $"192.0.2.{address}"));
                }
            }

            Assert.AreEqual(SignInThrottle.AgentBudget, checks, "only the agent's budget of guesses was checked");
            Assert.AreEqual(SignInThrottle.AgentBudget, answers.Count(a => a.Error == ErrorCode.BadCredentials));
            ApiResponse refused = answers.Last();
            Assert.AreEqual(429, refused.Status, refused.Body);
            Assert.AreEqual(ErrorCode.LockedOut, refused.Error);
            Assert.IsTrue(refused.RetryAfterSeconds is > 0 and <= SignInThrottle.AgentRefillSeconds, $"Retry-After {refused.RetryAfterSeconds}");
            StringAssert.Contains(refused.Body, "Too many failed sign-ins for this agent: try again in");

            Assert.AreEqual(429, Send(host, Routes.SignIn, SignIn("1234"), "192.0.2.99").Status, "a new address waits for the budget too");
            ApiResponse own = Send(host, Routes.SignIn, SignIn("1234"), "10.0.0.21");
            Assert.AreEqual(200, own.Status, "the agent's own phone signs in at once: " + own.Body);
        }

        Directory.Delete(folder, recursive: true);
    }
}
