namespace AgentPhone.ServerHost;

/// <summary>The server's command line.</summary>
public sealed record HostArgs(string ConfigPath, string DbPath, int Port, string Bind, string? HashPassword)
{
    public const int DefaultPort = 8082;

    public const string Usage = """
        usage: AgentPhone.ServerHost --config <file.json> [--db <file.db>] [--port 8082] [--bind 0.0.0.0]
               AgentPhone.ServerHost --hash-password <secret>   (prints a hash for the configuration)
          --config  the contact center (agents, teams, queues, reason codes, layouts, devices)
          --db      the SQLite database (default: agentserver.db beside the configuration)
          --port    the HTTP port (0: any free port)
          --bind    the address to listen on (127.0.0.1 for this machine only)
        """;

    public static HostArgs Parse(string[] args)
    {
        string? config = null, db = null, hash = null, bind = "0.0.0.0";
        int port = DefaultPort;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--config": config = Value(); break;
                case "--db": db = Value(); break;
                case "--bind": bind = Value(); break;
                case "--hash-password": hash = Value(); break;
                case "--port":
                    string p = Value();
                    if (!int.TryParse(p, out port) || port < 0 || port > 65535)
                    {
                        throw new ArgumentException($"--port must be a number from 0 to 65535, not {p}.");
                    }

                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (hash != null)
        {
            return new HostArgs(string.Empty, string.Empty, port, bind, hash);
        }

        if (config == null)
        {
            throw new ArgumentException("--config is required.");
        }

        db ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config))!, "agentserver.db");
        return new HostArgs(config, db, port, bind, null);
    }
}
