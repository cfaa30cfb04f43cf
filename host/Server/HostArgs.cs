using System.CommandLine;

namespace AgentPhone.ServerHost;

/// <summary>The server's command line.</summary>
public sealed record HostArgs(string ConfigPath, string DbPath, int Port, string Bind, string? HashPassword, StoreOptions Store)
{
    /// <summary>Print a new device secret and its hash, and exit.</summary>
    public bool NewSecret { get; init; }

    /// <summary>A PKCS#12 (.pfx) certificate with its key: serve HTTPS instead of HTTP.</summary>
    public string? Cert { get; init; }

    public string? CertPassword { get; init; }

    /// <summary>Cluster mode: the PostgreSQL connection string of the cluster's journal.</summary>
    public string? Postgres { get; init; }

    /// <summary>Cluster mode: the Redis server (host:port) that keeps the cluster's membership.</summary>
    public string? Redis { get; init; }

    /// <summary>Cluster mode: the port the nodes talk to each other on.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>Cluster mode: the address other nodes reach this one at (null: the bind address,
    /// or this machine's first address when binding every interface).</summary>
    public string? NodeAddress { get; init; }

    /// <summary>Cluster mode: the URL phones reach this node at, as the configuration's
    /// api.servers names it (null: phones are not told which node runs their center).</summary>
    public string? Url { get; init; }

    public const int DefaultSiloPort = 11111;

    /// <summary>The address of <see cref="Bind"/> (checked when the command line is read).</summary>
    public System.Net.IPAddress BindAddress => System.Net.IPAddress.Parse(Bind);

    public const int DefaultPort = 8082;

    /// <summary>The command: <paramref name="run"/> gets what it asked for.</summary>
    public static RootCommand Command(Func<HostArgs, CancellationToken, Task<int>> run)
    {
        var config = new Option<string>("--config") { Description = "the contact center: agents, teams, queues, reason codes, layouts, devices (JSON)" };
        var db = new Option<string>("--db") { Description = "the SQLite database (default: agentserver.db beside the configuration)" };
        var port = new Option<int>("--port") { Description = "the HTTP port (0: any free port)", DefaultValueFactory = _ => DefaultPort };
        var bind = new Option<string>("--bind") { Description = "the address to listen on (0.0.0.0: every interface, for phones on the network; refused with the demo's published keys)", DefaultValueFactory = _ => "127.0.0.1" };
        var hash = new Option<string>("--hash-password") { Description = "print an Argon2id hash of a secret (a password or PIN) for the configuration, and exit" };
        var newSecret = new Option<bool>("--new-secret") { Description = "print a new device secret (for the phone) and its hash (for the configuration), and exit" };
        var cert = new Option<string>("--cert") { Description = "serve HTTPS with this PKCS#12 (.pfx) certificate and its key" };
        var certPassword = new Option<string>("--cert-password") { Description = "the password of the --cert file" };
        var postgres = new Option<string>("--postgres") { Description = "cluster mode: run as one node of a cluster, the journal in this PostgreSQL database (a connection string, e.g. \"Host=10.0.0.9;Username=agentphone;Password=…;Database=agentphone\")" };
        var redis = new Option<string>("--redis") { Description = "cluster mode: the Redis server (host:port) that keeps the cluster's membership" };
        var siloPort = new Option<int>("--silo-port") { Description = "cluster mode: the port the nodes talk to each other on", DefaultValueFactory = _ => DefaultSiloPort };
        var nodeAddress = new Option<string>("--node-address") { Description = "cluster mode: the address the other nodes reach this one at (default: the --bind address; with 0.0.0.0, this machine's first address)" };
        var url = new Option<string>("--url") { Description = "cluster mode: the URL phones reach this node at, as the configuration's api.servers lists it; phones then talk to the node that runs their center" };
        url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out Uri? u) || (u.Scheme != "http" && u.Scheme != "https"))
            {
                r.AddError("--url must be an http:// or https:// URL, as the configuration's api.servers lists this node.");
            }
        });
        var store = new StoreOptions();
        var snapshotEntries = new Option<int>("--snapshot-entries") { Description = "take a snapshot after this many journal entries", DefaultValueFactory = _ => store.SnapshotEveryEntries };
        var snapshotSeconds = new Option<int>("--snapshot-seconds") { Description = "…or after this many seconds with a change since the last", DefaultValueFactory = _ => store.SnapshotEverySeconds };
        var durability = new Option<string>("--durability")
        {
            Description = "where a change must be before it is answered: disk (fsync, once a batch: a power cut keeps it) or process (handed to the OS: a killed server keeps it, a power cut may not)",
            DefaultValueFactory = _ => "disk",
        };
        durability.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not ("disk" or "process"))
            {
                r.AddError($"--durability takes disk or process, not '{r.GetValueOrDefault<string>()}'.");
            }
        });
        foreach (Option<int> option in new[] { snapshotEntries, snapshotSeconds })
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{option.Name} must be at least 1.");
                }
            });
        }

        db.Validators.Add(r =>
        {
            if (Directory.Exists(r.GetValueOrDefault<string>()))
            {
                r.AddError($"--db names a directory ({r.GetValueOrDefault<string>()}); give the database file, e.g. {Path.Combine(r.GetValueOrDefault<string>()!, "agentserver.db")}.");
            }
        });
        bind.Validators.Add(r =>
        {
            if (!System.Net.IPAddress.TryParse(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--bind takes an IP address (0.0.0.0 for every interface, 127.0.0.1 for this machine only).");
            }
        });
        nodeAddress.Validators.Add(r =>
        {
            if (!System.Net.IPAddress.TryParse(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--node-address takes an IP address.");
            }
        });
        siloPort.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                r.AddError("--silo-port must be a number from 1 to 65535.");
            }
        });
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be a number from 0 to 65535.");
            }
        });

        var command = new RootCommand("The AgentPhone agent server: the contact center's API on Kestrel, journaled to SQLite; or one node of a cluster (--postgres, --redis).") { config, db, port, bind, snapshotEntries, snapshotSeconds, durability, hash, newSecret, cert, certPassword, postgres, redis, siloPort, nodeAddress, url };
        // Presence is read from each option's result, never its value: an option given without
        // its value is a parse error of its own, and reading the value would throw.
        command.Validators.Add(r =>
        {
            if (r.GetResult(hash) is null && !r.GetValue(newSecret) && r.GetResult(config) is null)
            {
                r.AddError("--config is required.");
            }

            if ((r.GetResult(postgres) is null) != (r.GetResult(redis) is null))
            {
                r.AddError("A cluster node needs both --postgres (its journal) and --redis (its membership).");
            }

            if (r.GetResult(postgres) is not null && r.GetResult(db) is not null)
            {
                r.AddError("--db is the single server's SQLite file; a cluster node keeps its journal in --postgres.");
            }

            if (r.GetResult(durability) is { Implicit: false } && r.GetResult(postgres) is not null)
            {
                r.AddError("--durability is the single server's; a cluster node's journal is as durable as PostgreSQL's commits (synchronous_commit).");
            }

            if (r.GetResult(url) is not null && r.GetResult(postgres) is null)
            {
                r.AddError("--url names a cluster node to its phones; a single server needs none.");
            }

            if (r.GetResult(certPassword) is not null && r.GetResult(cert) is null)
            {
                r.AddError("--cert-password needs --cert.");
            }
        });
        command.SetAction((r, cancel) =>
        {
            string? file = r.GetValue(config);
            string database = r.GetValue(db) ?? (file is null ? string.Empty : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "agentserver.db"));
            var kept = store with
            {
                SnapshotEveryEntries = r.GetValue(snapshotEntries),
                SnapshotEverySeconds = r.GetValue(snapshotSeconds),
                Durability = r.GetValue(durability) == "process" ? Durability.Process : Durability.Disk,
            };
            return run(new HostArgs(file ?? string.Empty, database, r.GetValue(port), r.GetValue(bind)!, r.GetValue(hash), kept)
            {
                NewSecret = r.GetValue(newSecret),
                Cert = r.GetValue(cert),
                CertPassword = r.GetValue(certPassword),
                Postgres = r.GetValue(postgres),
                Redis = r.GetValue(redis),
                SiloPort = r.GetValue(siloPort),
                NodeAddress = r.GetValue(nodeAddress),
                Url = r.GetValue(url)?.TrimEnd('/'),
            }, cancel);
        });
        return command;
    }
}
