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
    [DataRow(HashCost.Argon2id, DisplayName = "PBKDF2 from an older configuration becomes Argon2id")]
    [DataRow(HashCost.Pbkdf2, DisplayName = "a center that keeps PBKDF2 raises its iterations")]
    public void AGoodSignInUpgradesAnOldHashAndTheJournalKeepsIt(string scheme)
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-upgrade-").FullName;
        string config = Path.Combine(folder, "center.json");
        var center = TestCenter.Config();
        HashCost inForce = scheme == HashCost.Argon2id ? TestCenter.Cheap : HashCost.Pbkdf2At(2000);
        center["core"] = inForce.ConfigKeys();
        center["agents"]![0]!["password"] = PasswordHashes.Hash("1234", HashCost.Pbkdf2At(1000));
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
            Assert.AreEqual(HashCost.Pbkdf2At(1000), PasswordHashes.CostOf(old));
            Assert.AreEqual(401, SignIn(host, "0000").Status);
            Assert.AreEqual(old, Stored(host), "a wrong password upgrades nothing");
            Assert.AreEqual(200, SignIn(host, "1234").Status);
            Assert.IsTrue(SpinWait.SpinUntil(() => Stored(host) != old, TimeSpan.FromSeconds(30)), "the hash is upgraded after the good sign-in");
            Assert.AreEqual(inForce, PasswordHashes.CostOf(Stored(host)));
            Assert.IsTrue(new PasswordHashes { Cost = inForce }.Matches(Stored(host), "1234"), "the upgraded hash is of the same password");
        }

        using (var host = new CenterHost(config, db))
        {
            Assert.AreEqual(inForce, PasswordHashes.CostOf(Stored(host)), "the upgrade was journaled: it is there after a restart");
            Assert.AreEqual(200, SignIn(host, "1234").Status, "and it opens the agent's session");
        }

        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AKnownAgentWithAnOldHashCostsWhatAnUnknownAgentCosts()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-timing-").FullName;
        string config = Path.Combine(folder, "center.json");
        var center = TestCenter.Config();
        // Agent 7001's hashes come from a configuration written before Argon2id; 7002's are current.
        center["agents"]![0]!["password"] = PasswordHashes.Hash("1234", HashCost.Pbkdf2At(1000));
        center["agents"]![0]!["pin"] = PasswordHashes.Hash("4321", HashCost.Pbkdf2At(3000));
        File.WriteAllText(config, center.ToJsonString());
        var work = new System.Collections.Concurrent.ConcurrentBag<HashCost>();
        var counted = new PasswordHashes((secret, salt, cost, bytes) =>
        {
            work.Add(cost);
            return PasswordHashes.Derive(secret, salt, cost, bytes);
        });
        // What one sign-in derived: each Argon2id cost once, PBKDF2's iterations added up.
        string Work(CenterHost host, string agentId, string password, string address)
        {
            work.Clear();
            ApiResponse r = host.ServeAsync(new ApiRequest
            {
                Method = "POST",
                Path = Routes.SignIn,
                Body = $"{{\"agentId\":\"{agentId}\",\"password\":\"{password}\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}}",
                ClientAddress = address,
            }, CancellationToken.None).Result;
            Assert.AreEqual(password == "1234" ? 200 : 401, r.Status, r.Body);
            var argon = work.Where(c => c.Scheme == HashCost.Argon2id).Select(c => $"argon2id m={c.MemoryKiB} t={c.Passes}").Order();
            int iterations = work.Where(c => c.Scheme == HashCost.Pbkdf2).Sum(c => c.Iterations);
            return string.Join(" + ", iterations == 0 ? argon : argon.Append($"pbkdf2 {iterations}"));
        }

        using (var host = new CenterHost(config, Path.Combine(folder, "center.db"), counted))
        {
            string unknown = Work(host, "7999", "0000", "127.0.0.3");
            Assert.AreEqual("argon2id m=64 t=1 + pbkdf2 3000", unknown, "an unknown agent's check pays for each kind of hash held, PBKDF2 at the dearest");
            Assert.AreEqual(unknown, Work(host, "7001", "0000", "127.0.0.2"), "a known agent's PBKDF2 hash is topped up, and Argon2id's cost paid beside it");
            Assert.AreEqual(unknown, Work(host, "7002", "0000", "127.0.0.4"), "a known agent's Argon2id hash, and PBKDF2's cost paid beside it");

            // Once 7001's password and PIN are upgraded, no PBKDF2 hash is held: checks cost Argon2id alone.
            Assert.AreEqual(unknown, Work(host, "7001", "1234", "127.0.0.5"));
            Assert.IsTrue(SpinWait.SpinUntil(() => PasswordHashes.CostOf(host.Read(s => s.FindAgent(null, "7001").PasswordSecret)) == TestCenter.Cheap, TimeSpan.FromSeconds(30)), "the password is upgraded");
            Assert.AreEqual("argon2id m=64 t=1 + pbkdf2 3000", Work(host, "7999", "0000", "127.0.0.3"), "the PIN still holds PBKDF2 at 3,000");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The server's check, held at the door until the test lets it finish.</summary>
    private sealed class GatedVerifier : ISecretVerifier
    {
        private readonly PasswordHashes _real = new() { Cost = TestCenter.Cheap };

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
