using System.Text.Json.Nodes;
using AgentPhone.Build.Tests;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>Passwords and PINs are Argon2id hashes in the PHC form other tools write: one made by
/// the reference implementation's command-line tool signs its agent in, and a hash the server
/// cannot check is refused with the forms it takes.</summary>
[TestClass]
public sealed class PasswordHashTests
{
    [TestMethod]
    public void AHashMadeByTheReferenceArgon2ToolSignsItsAgentIn()
    {
        string tool = DebianPackages.Require("argon2", "/usr/bin/argon2");
        // 2^10 KiB, 2 passes, one lane; the salt is 16 bytes, as libsodium takes it.
        string hash = Argon2(tool, "2468", "-id -m 10 -t 2 -p 1 -e");
        StringAssert.StartsWith(hash, "$argon2id$v=19$m=1024,t=2,p=1$");

        using var center = new TestHost(config => config["agents"]![0]!["password"] = hash);
        Assert.AreEqual(401, center.SignIn("1234").Status, "the demo's password is not this hash's");
        ApiResponse good = center.SignIn("2468");
        Assert.AreEqual(200, good.Status, good.Body);
    }

    [TestMethod]
    public void AHashTheServerCannotCheckIsRefusedWithTheFormsItTakes()
    {
        string tool = DebianPackages.Require("argon2", "/usr/bin/argon2");
        using var center = new TestHost(_ => { });

        // Four lanes: libsodium computes one.
        string fourLanes = Argon2(tool, "2468", "-id -m 10 -t 2 -p 4 -e");
        string? fault = center.Reload(config => config["agents"]![0]!["password"] = fourLanes);
        Assert.AreEqual("agent 7001: password must be a hash, $argon2id$v=19$m=…,t=…,p=1$salt$hash (16-byte salt) or pbkdf2-sha256$iterations$salt$hash (make one with --hash-password)", fault);

        fault = center.Reload(config => config["core"]!["hashScheme"] = "bcrypt");
        Assert.AreEqual("core.hashScheme: argon2id or pbkdf2-sha256", fault);
        Assert.AreEqual(200, center.SignIn("1234").Status, "nothing of the faulty files applied");
    }

    private static string Argon2(string tool, string secret, string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool, "saltsaltsaltsalt " + arguments) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(secret);
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd().Trim();
        Assert.IsTrue(process.WaitForExit(30_000) && process.ExitCode == 0, output);
        return output;
    }

    /// <summary>The test center in this process, its configuration file changed as a test says.</summary>
    private sealed class TestHost : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("agentserver-hashes-").FullName;
        private readonly string _config;
        private readonly CenterHost _host;
        private int _address;

        public TestHost(Action<JsonObject> change)
        {
            _config = Path.Combine(_folder, "center.json");
            Write(change);
            _host = new CenterHost(_config, Path.Combine(_folder, "center.db"));
        }

        public string? Reload(Action<JsonObject> change)
        {
            Write(change);
            return _host.Reload();
        }

        // Each sign-in from its own address: no address waits out another's failures.
        public ApiResponse SignIn(string password) => _host.ServeAsync(new ApiRequest
        {
            Method = Methods.Post,
            Path = Routes.SignIn,
            Body = $"{{\"agentId\":\"7001\",\"password\":\"{password}\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}}",
            ClientAddress = $"127.0.0.{++_address + 1}",
        }, CancellationToken.None).Result;

        private void Write(Action<JsonObject> change)
        {
            JsonObject config = TestCenter.Config();
            change(config);
            File.WriteAllText(_config, config.ToJsonString());
        }

        public void Dispose()
        {
            _host.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
