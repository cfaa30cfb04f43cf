using System.Diagnostics;
using AgentPhone.Build.Tests;

namespace AgentPhone.Host.Tests;

/// <summary>
/// A PostgreSQL 15 server of Debian's package, started for one test class in a temporary folder
/// on a free loopback port and removed after. PostgreSQL refuses to run as root, so as root it
/// runs as the package's own user.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;

    public ThrowawayPostgres()
    {
        DebianPackages.Require("postgresql-15", $"{Bin}/postgres");
        Port = Repo.FreePort();
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

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";

    public void Start() =>
        Must($"{Bin}/pg_ctl", $"-D {_data} -l {_folder}/server.log -w -t 60 -o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1\" start");

    /// <summary>A fast shutdown: clients are disconnected, what committed stays.</summary>
    public void Stop() => Must($"{Bin}/pg_ctl", $"-D {_data} -m fast -w -t 60 stop");

    private static void Must(string program, string arguments)
    {
        (int exit, string output) = Environment.UserName == "root" && program.StartsWith(Bin, StringComparison.Ordinal)
            ? Repo.Run("runuser", $"-u postgres -- {program} {arguments}", TimeSpan.FromMinutes(2))
            : Repo.Run(program, arguments, TimeSpan.FromMinutes(2));
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

/// <summary>A Redis 7 server of Debian's package on a free loopback port, nothing saved to disk.</summary>
internal sealed class ThrowawayRedis : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public ThrowawayRedis()
    {
        string program = DebianPackages.Require("redis-server", "/usr/bin/redis-server");
        Port = Repo.FreePort();
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
