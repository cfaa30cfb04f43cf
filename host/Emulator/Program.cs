using AgentPhone;
using AgentPhone.Boards;
using AgentPhone.Emulator;

// The README's main command: dotnet run --project host/Emulator
return await CommandLines.InvokeAsync(EmulatorOptions.Command(Run), args);

static async Task<int> Run(EmulatorOptions options, CancellationToken cancel)
{
    BoardProfile? board = BoardCatalog.Find(options.Board);
    if (board is null)
    {
        Console.Error.WriteLine($"Unknown board '{options.Board}'. Boards: {string.Join(", ", BoardCatalog.All.Select(b => b.Name))}.");
        return CommandLines.BadRequest;
    }

    if (options.Screenshots != null)
    {
        // `dotnet run --project host/Emulator` runs in the project's folder: a relative folder is
        // the repository's, as the README's command means (docs/screens).
        options.Screenshots = Path.Combine(RepositoryRoot.Find(), options.Screenshots);
        // A fresh demo center of its own, so the pictures never depend on earlier use.
        options.Data = Path.Combine(Path.GetTempPath(), "agentphone-screens-" + Guid.NewGuid().ToString("N"));
        options.Phones = 1;
    }

    EmulatorApp created;
    try
    {
        created = new EmulatorApp(options, board, RepositoryRoot.Find());
    }
    catch (Exception e) when (e is AgentPhone.ServerHost.ConfigException or AgentPhone.ServerHost.StoreException)
    {
        Console.Error.WriteLine($"Cannot start: {e.Message}");
        return CommandLines.BadRequest;
    }

    await using var emulator = created;
    try
    {
        await emulator.StartAsync();
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"Cannot listen on {emulator.BaseUrl}: {e.Message} (another program has the port? try --port)");
        return CommandLines.BadRequest;
    }

    if (options.Screenshots != null)
    {
        foreach (string path in await Screenshots.Take(emulator, options.Screenshots))
        {
            Console.WriteLine($"wrote {path}");
        }

        return 0;
    }

    Console.WriteLine($"AgentPhone emulator: {emulator.BaseUrl}");
    Console.WriteLine($"  {emulator.Phones.Count} phones on the {board.Name} board: {string.Join(", ", emulator.Phones.Select(p => p.Extension))}");
    Console.WriteLine(options.Servers.Length == 0
        ? $"  embedded agent server ({Path.GetFullPath(options.Data)}{(emulator.CreatedData ? ", demo data loaded" : "")})"
        : $"  agent server {string.Join(", ", options.Servers)}");
    Console.WriteLine("  sign in: agent 7001 or 7002, password 1234 (supervisor 7100); Ctrl+C stops");
    Console.WriteLine("  " + emulator.Connections.Said());
    await emulator.WaitForShutdownAsync();
    return 0;
}
