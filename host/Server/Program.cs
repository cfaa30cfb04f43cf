using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentPhone;
using AgentPhone.ServerHost;
using AgentPhone.ServerHost.Cluster;

// The agent server: dotnet run --project host/Server -- --config host/agentserver.json
return await CommandLines.InvokeAsync(HostArgs.Command(Serve), args);

static async Task<int> Serve(HostArgs options, CancellationToken cancel)
{
    if (options.HashPassword != null)
    {
        Console.WriteLine(PasswordHashes.Hash(options.HashPassword));
        return 0;
    }

    if (options.NewSecret)
    {
        // 256 random bits: a device secret is checked by one fast hash, so it must be unguessable itself.
        string secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Console.WriteLine($"secret: {secret}");
        Console.WriteLine($"hash:   {Hashes.Of(secret)}");
        return 0;
    }

    X509Certificate2? certificate = null;
    if (options.Cert != null)
    {
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Cert, options.CertPassword);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            Console.Error.WriteLine($"Cannot start: cannot read the certificate {Path.GetFullPath(options.Cert)}: {e.Message} (a PKCS#12 .pfx file with its key; --cert-password if it has one)");
            return CommandLines.BadRequest;
        }

        if (!certificate.HasPrivateKey)
        {
            Console.Error.WriteLine($"Cannot start: the certificate {Path.GetFullPath(options.Cert)} has no private key (export it as .pfx with the key)");
            return CommandLines.BadRequest;
        }
    }

    if (WebHosting.CertificateWarning(certificate, DateTime.Now) is string warning)
    {
        Console.Error.WriteLine(warning);
    }

    if (options.Postgres != null)
    {
        return await ClusterNode.RunAsync(options, certificate, cancel);
    }

    bool newDatabase = !File.Exists(options.DbPath);

    // A start that fails leaves nothing behind.
    void ForgetNew()
    {
        if (newDatabase)
        {
            foreach (string suffix in new[] { "", "-wal", "-shm", "-last" })
            {
                File.Delete(options.DbPath + suffix);
            }
        }
    }

    CenterHost center;
    try
    {
        center = new CenterHost(options.ConfigPath, options.DbPath, store: options.Store);
    }
    catch (Exception e) when (e is ConfigException or IOException or StoreException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
    {
        string what = e is Microsoft.Data.Sqlite.SqliteException ? $"cannot open the database {Path.GetFullPath(options.DbPath)}: {e.Message}" : e.Message;
        Console.Error.WriteLine($"Cannot start: {what}");
        ForgetNew();
        return CommandLines.BadRequest;
    }

    if (WebHosting.PublishedKeysRefusal(options, CenterConfig.Parse(File.ReadAllText(options.ConfigPath))) is string refusal)
    {
        Console.Error.WriteLine($"Cannot start: {refusal}");
        center.Dispose();
        ForgetNew();
        return CommandLines.BadRequest;
    }

    ConnectionLimits connections = ConnectionLimits.ForThisProcess(ConnectionLimits.Margin);
    WebApplicationBuilder builder = WebHosting.CreateBuilder(options, certificate, connections);
    builder.Services.AddAgentApi(center.Options);
    var app = builder.Build();
    app.MapDesk();
    app.MapRootToDesk();
    app.MapAgentApi(center.ServeAsync, "/{**path}");

    app.Lifetime.ApplicationStopping.Register(center.AnswerWaits);
    app.Lifetime.ApplicationStopped.Register(center.Dispose);
    try
    {
        await app.StartAsync(cancel);
    }
    catch (IOException e)
    {
        Console.Error.WriteLine(WebHosting.CannotListen(options, e));
        center.Dispose();
        ForgetNew();
        return CommandLines.BadRequest;
    }

    Console.WriteLine($"AgentPhone server listening on {WebHosting.Listening(app.Urls, options)} (database {Path.GetFullPath(options.DbPath)}, {center.ReplayedEntries} journal entries replayed)");
    connections.Started();
    Console.WriteLine(connections.Said());
    await app.WaitForShutdownAsync(cancel);
    return 0;
}
