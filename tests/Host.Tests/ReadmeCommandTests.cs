using System.Diagnostics;
using AgentPhone.Build.Tests;

namespace AgentPhone.Host.Tests;

/// <summary>The README's commands, run exactly as written from the repository root: the ones that
/// finish, and the servers they start until they answer.</summary>
[TestClass]
public sealed class ReadmeCommandTests
{
    [TestMethod]
    public void TheServerCommandServesTheDemoCenter()
    {
        string[] leftovers = ["host/agentserver.db", "host/agentserver.db-shm", "host/agentserver.db-wal", "host/agentserver.db-last"];
        bool hadDatabase = File.Exists(Repo.PathOf(leftovers[0]));
        try
        {
            using var server = Running("dotnet run --project host/Server -- --config host/agentserver.json", "listening on");
            using var http = new HttpClient();
            Assert.AreEqual(System.Net.HttpStatusCode.OK, http.GetAsync("http://127.0.0.1:8082/health").Result.StatusCode);
            StringAssert.Contains(server.StartLine, Repo.PathOf("host/agentserver.db"), "the database beside the configuration");
        }
        finally
        {
            foreach (string file in hadDatabase ? [] : leftovers)
            {
                File.Delete(Repo.PathOf(file));
            }
        }
    }

    [TestMethod]
    public void TheHashCommandPrintsAHash()
    {
        var (exit, output) = Repo.Run("dotnet run --project host/Server -- --hash-password s3cret");

        Assert.AreEqual(0, exit, output);
        StringAssert.StartsWith(output.Trim(), "$argon2id$v=19$m=19456,t=2,p=1$");
        Assert.IsTrue(new AgentPhone.ServerHost.PasswordHashes().Matches(output.Trim(), "s3cret"), "the hash is of the secret given");
    }

    [TestMethod]
    public void TheEmulatorCommandAndItsCurlExamplesWork()
    {
        bool hadData = Directory.Exists(Repo.PathOf("host/Emulator/data"));
        try
        {
            using var emulator = Running("dotnet run --project host/Emulator", "AgentPhone emulator:");

            // The README's two curl commands, as written: sign in on phone 2101, then offer a call.
            var (exit, output) = Repo.Run("curl -X POST --data \"SOFT1 7 7 7 7 7 0 PAUSE 0 1 DOWN SOFT3 1 2 3 4 SOFT1\" http://127.0.0.1:8080/emulator/phones/SEP000000002101/keys");
            Assert.AreEqual(0, exit, output);
            (exit, output) = Repo.Run("curl -X POST -H \"Content-Type: application/json\" --data '{\"queue\":\"Support\",\"ani\":\"2301\"}' http://127.0.0.1:8080/emulator/calls");
            Assert.AreEqual(0, exit, output);
            StringAssert.Contains(output, "\"id\"");

            using var http = new HttpClient();
            string screen = http.GetStringAsync("http://127.0.0.1:8080/emulator/phones/SEP000000002101/screen").Result;
            StringAssert.Contains(screen, "7001", "the agent signed in by the keys is on the screen");
        }
        finally
        {
            if (!hadData && Directory.Exists(Repo.PathOf("host/Emulator/data")))
            {
                Directory.Delete(Repo.PathOf("host/Emulator/data"), recursive: true);
            }
        }
    }

    [TestMethod]
    public void TheScreenshotsCommandWritesTheReadmesPictures()
    {
        // As the README writes it, but into a folder of the test's (the pictures are tracked files).
        string folder = "artifacts/screens-" + Guid.NewGuid().ToString("N");
        var (exit, output) = Repo.Run($"dotnet run --project host/Emulator -- --screenshots {folder}", TimeSpan.FromMinutes(5));

        Assert.AreEqual(0, exit, output);
        foreach (string picture in new[] { "idle", "login", "agent-state", "caller-data", "talking", "skill-stats" })
        {
            Assert.IsTrue(File.Exists(Repo.PathOf($"{folder}/{picture}.png")), $"{picture}.png in the repository's {folder}: {output}");
        }

        Assert.IsFalse(Directory.Exists(Repo.PathOf("host/Emulator/" + folder)), "not beside the emulator's project");
        Directory.Delete(Repo.PathOf(folder), recursive: true);
    }

    [TestMethod]
    public void TheConformanceCommandPasses()
    {
        var (exit, output) = Repo.Run("dotnet run --project build/Conformance");

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "Conformance build passed");
    }

    [TestMethod]
    public void TheDeviceTestCommandRunsEveryDeviceTestOnNanoClr()
    {
        // The README's command; the first run may build nanoCLR (or wait for another test building it).
        var (exit, output) = Repo.Run("dotnet run --project build/Conformance -- --device-tests", TimeSpan.FromMinutes(25));

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "AgentPhone.Firmware.Tests on nanoCLR (128 KB heap):");
        StringAssert.Contains(output, "AgentPhone.Hardware.Tests on nanoCLR (128 KB heap):");
        StringAssert.Contains(output, "  Passed  AgentPhone.Firmware.Tests.Phone.PhoneFlowTests.");
        Assert.IsFalse(output.Contains("  Failed ", StringComparison.Ordinal), output);
    }

    [TestMethod]
    public void TheDeviceDocsPeAndMemoryCommandsWork()
    {
        // docs/device.md's commands beside the README's, as written.
        var (exit, output) = Repo.Run("dotnet run --project build/Conformance -- --pe", TimeSpan.FromMinutes(25));
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "artifacts/nano/device/AgentPhone.App/AgentPhone.App.pe");

        (exit, output) = Repo.Run("dotnet run --project build/Conformance -- --memory", TimeSpan.FromMinutes(25));
        Assert.AreEqual(0, exit, output);
        foreach (string board in new[] { "devkitc-st7735", "m5stack-core", "esp32-ssd1306" })
        {
            StringAssert.Contains(output, board + " ");
        }

        Assert.IsFalse(output.Contains("not on Caller Data", StringComparison.Ordinal), output);
    }

    /// <summary>A documented command that keeps running: started through the shell from the
    /// repository root, given until it prints <paramref name="ready"/>, stopped with its whole
    /// process tree.</summary>
    internal static Started Running(string commandLine, string ready)
    {
        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", commandLine }, WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Task<string?> line = process.StandardOutput.ReadLineAsync();
            if (!line.Wait(deadline - DateTime.UtcNow) || line.Result == null)
            {
                break;
            }

            if (line.Result.Contains(ready, StringComparison.Ordinal))
            {
                return new Started(process, line.Result);
            }
        }

        process.Kill(entireProcessTree: true);
        Assert.Fail($"'{commandLine}' did not print '{ready}': {process.StandardError.ReadToEnd()}");
        return null!;
    }

    internal sealed class Started(Process process, string startLine) : IDisposable
    {
        public string StartLine => startLine;

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }
    }
}
