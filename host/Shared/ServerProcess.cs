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
    private readonly int? _openFileLimit;
    private Process? _process;

    /// <summary>Writes <paramref name="configJson"/> into <paramref name="folder"/> (a new
    /// temporary one by default) unless a configuration is there already, and starts the server.</summary>
    /// <param name="options">More of the server's command-line options (e.g. snapshot settings).</param>
    public ServerProcess(string configJson, string? folder = null, params string[] options)
        : this(configJson, folder, null, options)
    {
    }

    /// <param name="openFileLimit">Started under <c>ulimit -n</c> of this many files, as an operator's shell may.</param>
    public ServerProcess(string configJson, string? folder, int? openFileLimit, params string[] options)
    {
        _options = options;
        _openFileLimit = openFileLimit;
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
        lock (_output)
        {
            _centers.Clear();
        }

        string dll = Path.Combine(Path.GetDirectoryName(typeof(CenterHost).Assembly.Location)!, "AgentPhone.ServerHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A restart listens where the phones already talk to.
            ArgumentList = { dll, "--config", ConfigPath, "--bind", "127.0.0.1" },
        };
        if (!_options.Contains("--port"))
        {
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add((BaseAddress?.Port ?? 0).ToString());
        }

        if (!_options.Contains("--postgres"))
        {
            // A cluster node keeps its journal in PostgreSQL.
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(Path.Combine(Folder, "center.db"));
        }

        foreach (string option in _options)
        {
            start.ArgumentList.Add(option);
        }

        if (_openFileLimit is int files)
        {
            // The shell sets the limit, then becomes the server: `bash -c 'ulimit -n N && exec "$0" "$@"' dotnet …`.
            string[] server = [start.FileName, .. start.ArgumentList];
            start.FileName = "bash";
            start.ArgumentList.Clear();
            foreach (string word in (string[])["-c", $"ulimit -n {files} && exec \"$0\" \"$@\"", .. server])
            {
                start.ArgumentList.Add(word);
            }
        }

        // Everything it prints is read as it comes (a pipe left full would stop it), the start
        // line awaited, the rest kept for a failure's message.
        var started = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _output.Clear();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Printed(e.Data, started);
        process.ErrorDataReceived += (_, e) => Printed(e.Data, started);
        process.Exited += (_, _) => started.TrySetResult(null);
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Task<string?> line = started.Task;
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result == null)
        {
            Kill();
            throw new InvalidOperationException("The server did not start: " + (line.IsCompleted ? Output : "no start line within 60 s. " + Output));
        }

        StartLine = line.Result;
        BaseAddress = new Uri(StartLine.Split("listening on ")[1].Split(' ')[0].TrimEnd(',') + "/");
    }

    private readonly System.Text.StringBuilder _output = new();

    /// <summary>What the process printed (the newest 64 KB).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    // As a cluster node: per center (tenant), whether this node runs it, as it said last.
    private readonly Dictionary<string, bool> _centers = [];

    /// <summary>As a cluster node: whether it runs <paramref name="tenant"/>'s center now (it
    /// said it loaded the center, and has not said since that it stopped it).</summary>
    public bool RunsCenter(string tenant)
    {
        lock (_output)
        {
            return _centers.GetValueOrDefault(tenant);
        }
    }

    /// <summary>As a cluster node: its silo's endpoint (address:port), as centers' homes name nodes.</summary>
    public string SiloEndpoint => Array.IndexOf(_options, "--silo-port") is int at and >= 0
        ? "127.0.0.1:" + _options[at + 1]
        : throw new InvalidOperationException("Not a cluster node: it was started without --silo-port.");

    /// <summary>The node of <paramref name="nodes"/> (null: down) that runs
    /// <paramref name="tenant"/>'s center at its home among the nodes up, once it does and no
    /// other node runs it (waits up to <paramref name="within"/>).</summary>
    public static int CenterAtHome(string tenant, IReadOnlyList<ServerProcess?> nodes, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var up = Enumerable.Range(0, nodes.Count).Where(i => nodes[i] != null).ToArray();
            int home = AgentPhone.ServerHost.Cluster.CenterPlacement.Home(AgentPhone.ServerHost.Cluster.CenterRouting.Key(tenant), up, i => nodes[i]!.SiloEndpoint);
            if (nodes[home]!.RunsCenter(tenant) && up.All(i => i == home || !nodes[i]!.RunsCenter(tenant)))
            {
                return home;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"center \"{tenant}\" did not come to run at its home, node {home}, alone within {within.TotalSeconds} s; runs on: "
                    + string.Join(", ", up.Where(i => nodes[i]!.RunsCenter(tenant))));
            }

            Thread.Sleep(100);
        }
    }

    private void Printed(string? line, TaskCompletionSource<string?> started)
    {
        if (line == null)
        {
            return;
        }

        lock (_output)
        {
            if (line.StartsWith("Center \"", StringComparison.Ordinal) && line.IndexOf('"', 8) is int end and > 0)
            {
                string tenant = line[8..end];
                if (line.AsSpan(end).StartsWith("\" runs on this node", StringComparison.Ordinal))
                {
                    _centers[tenant] = true;
                }
                else if (line.AsSpan(end).StartsWith("\" stops on this node", StringComparison.Ordinal))
                {
                    _centers[tenant] = false;
                }
            }

            _output.AppendLine(line);
            if (_output.Length > 65536)
            {
                _output.Remove(0, _output.Length - 65536);
            }
        }

        if (line.Contains("listening on ", StringComparison.Ordinal))
        {
            started.TrySetResult(line);
        }
    }

    /// <summary>The server process's id (while it runs).</summary>
    public int ProcessId => _process!.Id;

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
