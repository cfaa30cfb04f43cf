using AgentPhone.Emulator;
using AgentPhone.Flash;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>The host programs take their command lines alike: System.CommandLine's help, and a
/// line per fault, the help and exit code 2 for what they cannot take.</summary>
[TestClass]
public sealed class CommandLineTests
{
    public static IEnumerable<object[]> Programs() =>
    [
        [typeof(CenterHost).Assembly.Location, "--hash-password"],
        [typeof(EmulatorApp).Assembly.Location, "--screenshots"],
    ];

    [TestMethod]
    [DynamicData(nameof(Programs), DynamicDataSourceType.Method)]
    public void HelpListsTheOptions(string program, string option)
    {
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{program}\" --help", TimeSpan.FromMinutes(1));

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "Usage:");
        StringAssert.Contains(output, option);
        StringAssert.Contains(output, "-?, -h, --help");
    }

    [TestMethod]
    [DynamicData(nameof(Programs), DynamicDataSourceType.Method)]
    public void AnUnknownOptionIsRefusedWithExitCodeTwo(string program, string option)
    {
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{program}\" --colour blue", TimeSpan.FromMinutes(1));

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Unrecognized command or argument '--colour'.");
        StringAssert.Contains(output, option, "the help follows the fault");
    }

    [TestMethod]
    public void TheServerNeedsAConfigurationAndAPortInRange()
    {
        string server = typeof(CenterHost).Assembly.Location;
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --port 8082", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--config is required.");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --port 70000", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--port must be a number from 0 to 65535.");
    }

    [TestMethod]
    public void AnOptionWithoutItsValueOrADirectoryForTheDatabaseIsOneLineAndExitCodeTwo()
    {
        string server = typeof(CenterHost).Assembly.Location;
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --hash-password", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        Assert.AreEqual("Required argument missing for option: '--hash-password'.", output.Split('\n')[0].TrimEnd(), output);

        string folder = Directory.CreateTempSubdirectory("agentserver-dbdir-").FullName;
        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --db \"{folder}\" --port 0", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.StartsWith(output, $"--db names a directory ({folder}); give the database file", output);
        Assert.AreEqual(0, Directory.GetFileSystemEntries(folder).Length, "nothing was made in it");
        Directory.Delete(folder);
    }

    [TestMethod]
    public void TheDemoKeysStayOnThisMachineAndAnExpiredCertificateIsSaid()
    {
        string server = typeof(CenterHost).Assembly.Location;
        string folder = Directory.CreateTempSubdirectory("agentserver-demo-keys-").FullName;
        var certificates = new TestCertificates(folder, expired: true);
        string db = Path.Combine(folder, "center.db");

        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet",
            $"\"{server}\" --config host/agentserver.json --db \"{db}\" --port 0 --bind 0.0.0.0 --cert \"{certificates.Pfx}\" --cert-password {TestCertificates.Password}",
            TimeSpan.FromMinutes(1));

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Warning: the certificate CN=127.0.0.1 expired on ");
        StringAssert.Contains(output, "Cannot start: apiKey, adminKey, devices[SEP000000002101].secret, devices[SEP000000002102].secret in host/agentserver.json are the demo's published keys, and --bind 0.0.0.0 opens the server to the network");
        Assert.IsFalse(File.Exists(db), "a refused start leaves no database behind");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>On every interface the start line gives addresses phones can use, not only 0.0.0.0.</summary>
    [TestMethod]
    public void OnEveryInterfaceTheStartLineSaysWherePhonesReachIt()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-any-").FullName;
        string config = Path.Combine(folder, "center.json");
        var center = TestCenter.Config();
        center.Remove("devices");   // the demo's published device secrets keep a server to this machine
        File.WriteAllText(config, center.ToJsonString());
        string server = typeof(CenterHost).Assembly.Location;
        using (ReadmeCommandTests.Started started = ReadmeCommandTests.Running($"dotnet \"{server}\" --config \"{config}\" --port 0 --bind 0.0.0.0", "listening on "))
        {
            var line = System.Text.RegularExpressions.Regex.Match(started.StartLine, @"listening on http://0\.0\.0\.0:(\d+) \(every interface(: (http://[\d.]+:\d+(, )?)+)?\)");
            Assert.IsTrue(line.Success, started.StartLine);
            StringAssert.DoesNotMatch(started.StartLine, new System.Text.RegularExpressions.Regex(@"http://[\d.]+:0\b"), "the port as bound, not the 0 asked for");
        }

        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AClusterNodeNeedsBothItsStoreAndItsMembership()
    {
        string server = typeof(CenterHost).Assembly.Location;
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --postgres \"Host=127.0.0.1\"", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "A cluster node needs both --postgres (its journal) and --redis (its membership).");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --postgres \"Host=127.0.0.1\" --redis 127.0.0.1:6379 --db x.db", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--db is the single server's SQLite file; a cluster node keeps its journal in --postgres.");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --url http://127.0.0.1:8082", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--url names a cluster node to its phones; a single server needs none.");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --postgres \"Host=127.0.0.1\" --redis 127.0.0.1:6379 --url 127.0.0.1:8082", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--url must be an http:// or https:// URL, as the configuration's api.servers lists this node.");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --postgres \"Host=127.0.0.1\" --redis 127.0.0.1:6379 --durability process", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--durability is the single server's; a cluster node's journal is as durable as PostgreSQL's commits (synchronous_commit).");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --durability memory", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        Assert.AreEqual("--durability takes disk or process, not 'memory'.", output.Split('\n')[0].TrimEnd(), output);

        // Nothing listens there: the node says so and stops, having joined nothing.
        int closed = AgentPhone.Build.Tests.Repo.FreePort();
        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config host/agentserver.json --port 0 --postgres \"Host=127.0.0.1;Port={closed};Username=x;Timeout=2\" --redis 127.0.0.1:{closed}", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Cannot start: PostgreSQL cannot be reached");
    }

    [TestMethod]
    public void NewSecretPrintsADeviceSecretAndTheHashTheConfigurationKeeps()
    {
        string server = typeof(CenterHost).Assembly.Location;
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --new-secret", TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, exit, output);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string secret = lines.Single(l => l.StartsWith("secret:", StringComparison.Ordinal))["secret:".Length..].Trim();
        string hash = lines.Single(l => l.StartsWith("hash:", StringComparison.Ordinal))["hash:".Length..].Trim();
        Assert.AreEqual(64, secret.Length, "256 random bits as hex");
        Assert.AreEqual(Hashes.Of(secret), hash);
    }

    [TestMethod]
    public void AProfileThatNamesAnAgentWithoutADeviceSecretIsRefusedAtStart()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-device-").FullName;
        var config = TestCenter.Config();
        config["devices"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "SEP0000000070A2", ["agentId"] = "7001" });
        File.WriteAllText(Path.Combine(folder, "center.json"), config.ToJsonString());
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet",
            $"\"{typeof(CenterHost).Assembly.Location}\" --config \"{Path.Combine(folder, "center.json")}\" --port 0", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "device SEP0000000070A2: a profile that names an agent needs the phone's secret");
        Assert.AreEqual(1, Directory.GetFileSystemEntries(folder).Length, "nothing created");
        Directory.Delete(folder, true);
    }

    [TestMethod]
    public void AServerThatCannotStartCreatesNothing()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-missing-").FullName;
        string server = typeof(CenterHost).Assembly.Location;
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{server}\" --config \"{Path.Combine(folder, "center.json")}\"", TimeSpan.FromMinutes(1));

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Cannot start:");
        Assert.AreEqual(0, Directory.GetFileSystemEntries(folder).Length, "no database beside the missing configuration");
        Directory.Delete(folder);
    }

    [TestMethod]
    public void ABusyPortIsSaidInOneLineWithExitCodeTwo()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        int port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;
        string folder = Directory.CreateTempSubdirectory("agentserver-busy-").FullName;
        File.Copy(AgentPhone.Build.Tests.Repo.PathOf("host/agentserver.json"), Path.Combine(folder, "center.json"));

        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet",
            $"\"{typeof(CenterHost).Assembly.Location}\" --config \"{Path.Combine(folder, "center.json")}\" --port {port} --bind 127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"Cannot listen on 127.0.0.1:{port}");
        Assert.IsFalse(output.Contains("   at "), "no stack trace: " + output);
        CollectionAssert.AreEqual(new[] { "center.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray(), "nothing left behind");

        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet",
            $"\"{typeof(EmulatorApp).Assembly.Location}\" --port {port} --data \"{Path.Combine(folder, "data")}\"", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"Cannot listen on http://127.0.0.1:{port}");
        Assert.IsFalse(output.Contains("   at "), "no stack trace: " + output);
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void FlashHelpComesFromTheSameParserAndTakesPowerShellNames()
    {
        var output = new StringWriter();
        Assert.AreEqual(0, FlashCommand.Run(["--help"], output, AgentPhone.Build.Tests.Repo.Root, _ => null));
        StringAssert.Contains(output.ToString(), "-?, -h, --help");
        StringAssert.Contains(output.ToString(), "--wifi-ssid");

        output = new StringWriter();
        int exit = FlashCommand.Run(["-board", "devkitc-st7735", "-PORT", "COM5", "-WifiSsid", "office", "-WhatIf"], output, AgentPhone.Build.Tests.Repo.Root, _ => null);
        Assert.AreEqual(0, exit, output.ToString());
        StringAssert.Contains(output.ToString(), "\"wifiSsid\": \"office\"");
    }
}
