using System.Diagnostics;
using AgentPhone.ServerHost;

namespace AgentPhone;

/// <summary>
/// The agent server as its operator runs it: a process of its own on 127.0.0.1 (any free port
/// at first, the same port again on a restart), its configuration and database in one folder.
/// The tests and the load benchmark start it; killing it (SIGKILL) and starting it again on the
/// same folder is how the persistence tests restart it.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly string[] _options;
    private Process? _process;

    /// <summary>Writes <paramref name="configJson"/> into <paramref name="folder"/> (a new
    /// temporary one by default) unless a configuration is there already, and starts the server.</summary>
    /// <param name="options">More of the server's command-line options (e.g. snapshot settings).</param>
    public ServerProcess(string configJson, string? folder = null, params string[] options)
    {
        _options = options;
        Folder = folder ?? Directory.CreateTempSubdirectory("agentserver-").FullName;
        ConfigPath = Path.Combine(Folder, "center.json");
        if (!File.Exists(ConfigPath))
        {
            File.WriteAllText(ConfigPath, configJson);
        }

        Start();
    }

    public string Folder { get; }

    public string ConfigPath { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the server printed when it was listening.</summary>
    public string StartLine { get; private set; } = string.Empty;

    public void Start()
    {
        string dll = Path.Combine(Path.GetDirectoryName(typeof(CenterHost).Assembly.Location)!, "AgentPhone.ServerHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A restart listens where the phones already talk to.
            ArgumentList = { dll, "--config", ConfigPath, "--db", Path.Combine(Folder, "center.db"), "--port", (BaseAddress?.Port ?? 0).ToString(), "--bind", "127.0.0.1" },
        };
        foreach (string option in _options)
        {
            start.ArgumentList.Add(option);
        }

        _process = Process.Start(start)!;
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result == null || !line.Result.Contains("listening on "))
        {
            string error = _process.HasExited ? _process.StandardError.ReadToEnd() : "no start line within 60 s";
            Kill();
            throw new InvalidOperationException("The server did not start: " + error);
        }

        StartLine = line.Result;
        BaseAddress = new Uri(StartLine.Split("listening on ")[1].Split(' ')[0].TrimEnd(',') + "/");
    }

    /// <summary>The server process's working set.</summary>
    public double MemoryMb()
    {
        _process!.Refresh();
        return _process.WorkingSet64 / 1048576.0;
    }

    /// <summary>SIGTERM, as a service manager stops it; how long it took to exit, and its exit code.</summary>
    public (TimeSpan Took, int ExitCode) Terminate()
    {
        var watch = Stopwatch.StartNew();
        Signals.Terminate(_process!.Id);
        if (!_process.WaitForExit(30_000))
        {
            Kill();
            return (watch.Elapsed, -1);
        }

        int exit = _process.ExitCode;
        _process.Dispose();
        _process = null;
        return (watch.Elapsed, exit);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>POSIX signals the .NET process API does not send.</summary>
internal static class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (kill(pid, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, SIGTERM) failed: {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
