using System.Diagnostics;

namespace AgentPhone;

/// <summary>A real component cannot be had here (no apt-get: not Debian).</summary>
internal sealed class ComponentMissingException(string message) : Exception(message);

/// <summary>
/// The real components tests and benchmarks need (Chromium, PostgreSQL, Redis) come from
/// Debian's packages: the program is asked for, and its package installed when it is missing,
/// so nothing but the .NET SDK has to be on the machine beforehand.
/// </summary>
internal static class DebianPackage
{
    private static readonly object Gate = new();

    /// <summary>The path of <paramref name="program"/>, installing <paramref name="package"/> first
    /// when it is not there. Throws <see cref="ComponentMissingException"/> where there is no
    /// apt-get, and <see cref="InvalidOperationException"/> with apt's output when the install fails.</summary>
    public static string Require(string package, string program)
    {
        lock (Gate)
        {
            if (File.Exists(program))
            {
                return program;
            }

            Install(package, $"{program} is missing");
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"Installing {package} did not bring {program}.");
            }

            return program;
        }
    }

    /// <summary>Installs Debian's <paramref name="packages"/> (space-separated), because of <paramref name="why"/>.</summary>
    public static void Install(string packages, string why)
    {
        lock (Gate)
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new ComponentMissingException($"{why}; install Debian's {packages} package.");
            }

            // Waits for another install's lock rather than failing on it.
            const string Wait = "-o DPkg::Lock::Timeout=600";
            var update = Run("apt-get", $"{Wait} update -q", TimeSpan.FromMinutes(10));
            var install = Run("apt-get", $"{Wait} install -y -q --no-install-recommends {packages}", TimeSpan.FromMinutes(15));
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"Installing {packages} failed ({install.ExitCode}):\n{update.Output}\n{install.Output}");
            }
        }
    }

    /// <summary>Runs a program to its end (bounded); its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

internal static class Loopback
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A PostgreSQL 15 server of Debian's package in a temporary folder on a free loopback port,
/// removed when disposed. PostgreSQL refuses to run as root, so as root it runs as the package's
/// own user.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;

    public ThrowawayPostgres()
    {
        DebianPackage.Require("postgresql-15", $"{Bin}/postgres");
        Port = Loopback.FreePort();
        _folder = Directory.CreateTempSubdirectory("agentphone-pg-").FullName;
        _data = Path.Combine(_folder, "data");
        if (Environment.UserName == "root")
        {
            Must("chown", $"-R postgres {_folder}");
        }

        Must($"{Bin}/initdb", $"-D {_data} --auth=trust -U postgres --no-sync");
        Start();
    }

    public int Port { get; }

    /// <summary>The connection string of a database of this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=10";

    /// <summary>Creates a database of its own for a cluster; its connection string.</summary>
    public string NewDatabase(string name)
    {
        Must($"{Bin}/psql", $"-h 127.0.0.1 -p {Port} -U postgres -c \"CREATE DATABASE {name}\"");
        return ConnectionString(name);
    }

    public void Start() =>
        Must($"{Bin}/pg_ctl", $"-D {_data} -l {_folder}/server.log -w -t 60 -o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300\" start");

    /// <summary>A fast shutdown: clients are disconnected, what committed stays.</summary>
    public void Stop() => Must($"{Bin}/pg_ctl", $"-D {_data} -m fast -w -t 60 stop");

    private static void Must(string program, string arguments)
    {
        (int exit, string output) = Environment.UserName == "root" && program.StartsWith(Bin, StringComparison.Ordinal)
            ? DebianPackage.Run("runuser", $"-u postgres -- {program} {arguments}", TimeSpan.FromMinutes(2))
            : DebianPackage.Run(program, arguments, TimeSpan.FromMinutes(2));
        if (exit != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({exit}): {output}");
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Stopped already.
        }

        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A Redis server of Debian's package on a free loopback port, nothing saved to disk.</summary>
internal sealed class ThrowawayRedis : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public ThrowawayRedis()
    {
        string program = DebianPackage.Require("redis-server", "/usr/bin/redis-server");
        Port = Loopback.FreePort();
        _folder = Directory.CreateTempSubdirectory("agentphone-redis-").FullName;
        _process = Process.Start(new ProcessStartInfo(program)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (int i = 0; i < 100 && !Listening(); i++)
        {
            Thread.Sleep(100);
        }
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    private bool Listening()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
