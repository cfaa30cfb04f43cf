using AgentPhone;
using AgentPhone.ServerHost;

// The agent server: dotnet run --project host/Server -- --config host/agentserver.json
return await CommandLines.InvokeAsync(HostArgs.Command(Serve), args);

static async Task<int> Serve(HostArgs options, CancellationToken cancel)
{
    if (options.HashPassword != null)
    {
        Console.WriteLine(Pbkdf2Secrets.Hash(options.HashPassword));
        return 0;
    }

    bool newDatabase = !File.Exists(options.DbPath);
    CenterHost center;
    try
    {
        center = new CenterHost(options.ConfigPath, options.DbPath, store: options.Store);
    }
    catch (Exception e) when (e is ConfigException or IOException or StoreException)
    {
        Console.Error.WriteLine($"Cannot start: {e.Message}");
        return CommandLines.BadRequest;
    }

    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // A start that fails is said in one line below, not as the host's stack trace.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 << 20);
    builder.WebHost.UseUrls($"http://{options.Bind}:{options.Port}");
    builder.Services.AddAgentApi(center);
    var app = builder.Build();
    app.MapAgentApi(center, "/{**path}");

    app.Lifetime.ApplicationStopped.Register(center.Dispose);
    try
    {
        await app.StartAsync(cancel);
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"Cannot listen on {options.Bind}:{options.Port}: {e.Message} (another program has the port? try --port)");
        center.Dispose();
        if (newDatabase)
        {
            // A start that fails leaves nothing behind.
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(options.DbPath + suffix);
            }
        }

        return CommandLines.BadRequest;
    }

    Console.WriteLine($"AgentPhone server listening on {string.Join(", ", app.Urls)} (database {Path.GetFullPath(options.DbPath)}, {center.ReplayedEntries} journal entries replayed)");
    await app.WaitForShutdownAsync(cancel);
    return 0;
}
