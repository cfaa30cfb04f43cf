using AgentPhone.Protocol;
using AgentPhone.Server;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>The secret check of a sign-in (tens of milliseconds by design) runs outside the lock
/// every request takes, once, so a shift start does not stall the center.</summary>
[TestClass]
public sealed class SignInLockTests
{
    [TestMethod]
    public void TheCenterAnswersWhileASecretIsBeingChecked()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-lock-").FullName;
        string config = Path.Combine(folder, "center.json");
        File.WriteAllText(config, TestCenter.Config().ToJsonString());
        var verifier = new GatedVerifier();
        using (var center = new CenterHost(config, Path.Combine(folder, "center.db"), verifier))
        {
            Task<ApiResponse> signIn = Task.Run(() => center.ServeAsync(new ApiRequest
            {
                Method = "POST",
                Path = Routes.SignIn,
                Body = "{\"agentId\":\"7001\",\"password\":\"1234\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}",
            }, CancellationToken.None));
            Assert.IsTrue(verifier.Entered.Wait(TimeSpan.FromSeconds(30)), "the check started");

            // Under the lock, this would wait for the check; a generous bound catches that.
            Task<ApiResponse> health = Task.Run(() => center.ServeAsync(new ApiRequest { Method = "GET", Path = Routes.Health }, CancellationToken.None));
            bool answered = health.Wait(TimeSpan.FromSeconds(20));
            verifier.Release.Set();

            Assert.IsTrue(answered, "another request was answered while the secret was being checked");
            Assert.AreEqual(200, signIn.Result.Status, signIn.Result.Body);
            Assert.AreEqual(1, verifier.Checks, "the secret is checked once, not again under the lock");
        }

        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AGoodSignInUpgradesAnOldHashAndTheJournalKeepsIt()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-upgrade-").FullName;
        string config = Path.Combine(folder, "center.json");
        var center = TestCenter.Config();
        center["core"]!["hashIterations"] = 2000;   // above the 1,000 the agents' hashes have
        File.WriteAllText(config, center.ToJsonString());
        string db = Path.Combine(folder, "center.db");
        string Stored(CenterHost host) => host.Read(s => s.FindAgent(null, "7001").PasswordSecret);
        ApiResponse SignIn(CenterHost host, string password) => host.ServeAsync(new ApiRequest
        {
            Method = "POST",
            Path = Routes.SignIn,
            Body = $"{{\"agentId\":\"7001\",\"password\":\"{password}\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}}",
            ClientAddress = "127.0.0.1",
        }, CancellationToken.None).Result;

        using (var host = new CenterHost(config, db))
        {
            string old = Stored(host);
            Assert.AreEqual(1000, Pbkdf2Secrets.IterationsOf(old));
            Assert.AreEqual(401, SignIn(host, "0000").Status);
            Assert.AreEqual(old, Stored(host), "a wrong password upgrades nothing");
            Assert.AreEqual(200, SignIn(host, "1234").Status);
            Assert.IsTrue(SpinWait.SpinUntil(() => Stored(host) != old, TimeSpan.FromSeconds(30)), "the hash is upgraded after the good sign-in");
            Assert.AreEqual(2000, Pbkdf2Secrets.IterationsOf(Stored(host)));
            Assert.IsTrue(new Pbkdf2Secrets { Iterations = 2000 }.Matches(Stored(host), "1234"), "the upgraded hash is of the same password");
        }

        using (var host = new CenterHost(config, db))
        {
            Assert.AreEqual(2000, Pbkdf2Secrets.IterationsOf(Stored(host)), "the upgrade was journaled: it is there after a restart");
        }

        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AKnownAgentWithAnOldHashCostsWhatAnUnknownAgentCosts()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-timing-").FullName;
        string config = Path.Combine(folder, "center.json");
        var center = TestCenter.Config();
        center["core"]!["hashIterations"] = 20_000;   // the agents' hashes are at 1,000, not yet upgraded
        File.WriteAllText(config, center.ToJsonString());
        long iterations = 0;
        var counted = new Pbkdf2Secrets((secret, salt, n, bytes) =>
        {
            Interlocked.Add(ref iterations, n);
            return System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(secret, salt, n, System.Security.Cryptography.HashAlgorithmName.SHA256, bytes);
        });
        long Cost(CenterHost host, string agentId, string address)
        {
            long before = Interlocked.Read(ref iterations);
            ApiResponse r = host.ServeAsync(new ApiRequest
            {
                Method = "POST",
                Path = Routes.SignIn,
                Body = $"{{\"agentId\":\"{agentId}\",\"password\":\"0000\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}}",
                ClientAddress = address,
            }, CancellationToken.None).Result;
            Assert.AreEqual(401, r.Status, r.Body);
            return Interlocked.Read(ref iterations) - before;
        }

        using (var host = new CenterHost(config, Path.Combine(folder, "center.db"), counted))
        {
            long known = Cost(host, "7001", "127.0.0.2");
            long unknown = Cost(host, "7999", "127.0.0.3");
            Assert.AreEqual(20_000, unknown, "an unknown agent's check runs at the cost in force");
            Assert.AreEqual(unknown, known, "a known agent's cheaper hash is topped up to the same cost");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>PBKDF2, held at the door until the test lets it finish.</summary>
    private sealed class GatedVerifier : ISecretVerifier
    {
        private readonly Pbkdf2Secrets _real = new() { Iterations = 1000 };   // the test center's cost

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Checks;

        public bool Matches(string stored, string given)
        {
            Interlocked.Increment(ref Checks);
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(60));
            return _real.Matches(stored, given);
        }
    }
}
