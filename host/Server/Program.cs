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

    CenterHost center;
    try
    {
        center = new CenterHost(options.ConfigPath, options.DbPath);
    }
    catch (Exception e) when (e is ConfigException or IOException)
    {
        Console.Error.WriteLine($"Cannot start: {e.Message}");
        return CommandLines.BadRequest;
    }

    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 << 20);
    builder.WebHost.UseUrls($"http://{options.Bind}:{options.Port}");
    var app = builder.Build();
    app.MapAgentApi(center, "/{**path}");

    app.Lifetime.ApplicationStopped.Register(center.Dispose);
    await app.StartAsync(cancel);
    Console.WriteLine($"AgentPhone server listening on {string.Join(", ", app.Urls)} (database {Path.GetFullPath(options.DbPath)}, {center.ReplayedEntries} journal entries replayed)");
    await app.WaitForShutdownAsync(cancel);
    return 0;
}
