using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server.Api;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;
using ErrorCode = AgentPhone.Protocol.ErrorCode;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>
/// A node of a cluster: an Orleans silo with Kestrel in the same process, serving the same API as
/// the single server. Any node takes any request and hands it to its center's grain, wherever
/// Orleans runs it; membership (who is alive, who hosts what) is Orleans' over Redis, the
/// centers' journals are in PostgreSQL. When a node dies, Orleans declares it dead within a few
/// seconds and its centers are loaded again on the nodes that remain.
/// </summary>
public static class ClusterNode
{
    /// <summary>The cluster's name in Redis: the nodes that share a journal database are one
    /// cluster, so it is named after that database.</summary>
    public static string ClusterIdOf(NpgsqlDataSource postgres) =>
        "agentphone-" + (new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Database ?? "postgres");

    // Failure detection: a node is probed every second and declared dead after two missed probes
    // (with the default two votes, by two nodes): about 3 s from a kill to its centers moving.
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    public const int MissedProbesLimit = 2;

    // A long-poll waits inside its center for up to its wait (25 s by default): room above that.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(45);

    // A request that finds its center moving is tried again meanwhile, for this long: a read or
    // long-poll whatever the failure, a change only if it never reached a center (its node could
    // not be connected to), since one that did may have been applied before its node died.
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);
    private const int RetryEveryMs = 250;

    public static async Task<int> RunAsync(HostArgs options, X509Certificate2? certificate, CancellationToken cancel)
    {
        CenterConfig config;
        NpgsqlDataSource postgres;
        PostgresCommits commits;
        try
        {
            config = CenterConfig.Parse(File.ReadAllText(options.ConfigPath));
            if (WebHosting.PublishedKeysRefusal(options, config) is string refusal)
            {
                throw new ConfigException(refusal);
            }

            postgres = DataSource(options.Postgres!);
            commits = new PostgresCommits(postgres);
            // The schema is made (or its format checked) before the node joins.
            new PostgresJournalStore(commits, CenterRouting.Key(string.Empty)).Dispose();
            using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(RedisOptions(options.Redis!));
        }
        catch (Exception e) when (e is ConfigException or IOException or StoreException or ArgumentException or RedisException)
        {
            Console.Error.WriteLine($"Cannot start: {e.Message}");
            return CommandLines.BadRequest;
        }

        var routing = new CenterRouting(config);
        ConnectionLimits connections = ConnectionLimits.ForThisProcess(ConnectionLimits.ClusterMargin);
        WebApplicationBuilder builder = WebHosting.CreateBuilder(options, certificate, connections);
        // What membership says (a node suspected, declared dead, joined); not a stack trace per
        // call that finds its center moving: the centers say where they run.
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.Logging.AddFilter("Orleans.Runtime.MembershipService", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterIdOf(postgres);
                o.ServiceId = o.ClusterId;
            });
            IPAddress bind = options.BindAddress;
            IPAddress? advertised = options.NodeAddress != null ? IPAddress.Parse(options.NodeAddress)
                : bind.Equals(IPAddress.Any) ? null : bind;
            silo.Configure<EndpointOptions>(o =>
            {
                if (advertised != null)
                {
                    o.AdvertisedIPAddress = advertised;
                }

                o.SiloPort = options.SiloPort;
                o.GatewayPort = 0;
                o.SiloListeningEndpoint = new IPEndPoint(bind, options.SiloPort);
            });
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(options.Redis!));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = ProbeTimeout;
                o.NumMissedProbesLimit = MissedProbesLimit;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
            silo.Services.AddPlacementDirector<CenterPlacement, CenterPlacementDirector>();
        });
        using var closeCommits = commits;   // the node's one connection for commits, closed when it stops
        builder.Services.AddSingleton(new ClusterSettings(options.ConfigPath, commits, options.Store, options.Url));
        using var waits = new NodeWaits();
        builder.Services.AddSingleton(services => new Centers(services.GetRequiredService<IGrainFactory>()));
        builder.Services.AddHostedService(services => new CenterKeeper(services.GetRequiredService<Centers>(), routing, options.ConfigPath, waits));
        builder.Services.AddAgentApi(config.ApiOptions());
        WebApplication app = builder.Build();
        var centers = app.Services.GetRequiredService<Centers>();
        app.MapDesk();
        app.MapRootToDesk();
        app.MapAgentApi((request, aborted) => Serve(centers, waits, routing, request, aborted), "/{**path}");
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine(WebHosting.CannotListen(options, e));
            return CommandLines.BadRequest;
        }

        Console.WriteLine($"AgentPhone cluster node listening on {WebHosting.Listening(app.Urls, options)} (cluster {ClusterIdOf(postgres)}: nodes meet on port {options.SiloPort}, journal in PostgreSQL, membership in Redis {options.Redis})");
        connections.Started();
        Console.WriteLine(connections.Said());
        app.Lifetime.ApplicationStopping.Register(() => LeaveWithin(StopWithin));
        await app.WaitForShutdownAsync(cancel);
        await postgres.DisposeAsync();
        return 0;
    }

    /// <summary>PostgreSQL as the connection string says; unless it says otherwise, the statements
    /// the journal repeats on every commit are prepared once per connection, so PostgreSQL stops
    /// parsing and planning them each time.</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }

    /// <summary>How long a stop may take: a service manager or a container runtime kills what takes longer.</summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(4.5);

    // A graceful stop hands the node's centers over and says goodbye in the membership; with Redis
    // or PostgreSQL not answering that waits on their timeouts for minutes. Every change the node
    // acknowledged is committed in PostgreSQL already, so past the deadline the node just leaves:
    // the others take its centers over as after a kill.
    private static void LeaveWithin(TimeSpan deadline) => _ = Task.Delay(deadline).ContinueWith(_ =>
    {
        Console.Error.WriteLine($"The node did not stop within {deadline.TotalSeconds:0.#} s (Redis or PostgreSQL not answering?): leaving now; the other nodes take its centers over, every acknowledged change is in PostgreSQL.");
        Console.Error.Flush();
        ExitNow(LateStop);
    }, TaskScheduler.Default);

    /// <summary>The exit code of a stop that ran out of time.</summary>
    public const int LateStop = 3;

    // Out at once: no shutdown handler runs (they are what hangs).
    private static void ExitNow(int code)
    {
        if (OperatingSystem.IsWindows())
        {
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }

        _exit(code);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void _exit(int code);

    private static ConfigurationOptions RedisOptions(string redis)
    {
        ConfigurationOptions o = ConfigurationOptions.Parse(redis);
        o.AbortOnConnectFail = false;
        o.ConnectTimeout = 5000;
        return o;
    }

    private static Task<ApiResponse> Serve(Centers centers, NodeWaits waits, CenterRouting routing, ApiRequest request, CancellationToken aborted)
    {
        CenterCall call = CenterCall.Of(request, waits.Reference(centers.Grains));
        return CenterRouting.ForEveryCenter(request)
            ? EveryCenter(centers, waits, routing, call, aborted)
            : Call(centers, waits, routing.TenantOf(request), call, retry: !request.Changes, aborted);
    }

    // The administration's reload, in every center; the first refusal is the answer.
    private static async Task<ApiResponse> EveryCenter(Centers centers, NodeWaits waits, CenterRouting routing, CenterCall call, CancellationToken aborted)
    {
        ApiResponse? answer = null;
        foreach (string tenant in routing.Tenants)
        {
            ApiResponse one = await Call(centers, waits, tenant, call, retry: false, aborted);
            if (answer == null || (answer.Status < 300 && one.Status >= 300))
            {
                answer = one;
            }
        }

        return answer!;
    }

    private static async Task<ApiResponse> Call(Centers centers, NodeWaits waits, string tenant, CenterCall call, bool retry, CancellationToken aborted)
    {
        ICenterGrain center = centers.Of(tenant);
        DateTime giveUp = DateTime.UtcNow + RetryFor;
        while (true)
        {
            try
            {
                CenterAnswer answer = await center.Serve(call);
                long moves = waits.Saw(tenant, answer.Activation);
                if (answer.WaitKey == null)
                {
                    return answer.ToResponse();
                }

                // A long-poll with nothing yet waits on this node, then asks again for what came;
                // woken because its center moved, it asks the center where it runs now, which may
                // have nothing yet either and let it wait there.
                await waits.Until(tenant, answer, aborted);
                call = call with { AskingAgain = waits.Moves(tenant) == moves };
                giveUp = DateTime.UtcNow + RetryFor;
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!(retry || NeverDelivered(e)) || DateTime.UtcNow >= giveUp || aborted.IsCancellationRequested)
                {
                    return CenterDown(e);
                }
            }

            await Task.Delay(RetryEveryMs, aborted);
        }
    }

    // Orleans could not connect to the node it sent the call to: the call never ran.
    private static bool NeverDelivered(Exception e) =>
        e is OrleansMessageRejectionException && (e.InnerException is ConnectionFailedException || e.Message.Contains(nameof(ConnectionFailedException), StringComparison.Ordinal));

    // The node is up but the center did not answer (its node died and it is being loaded
    // elsewhere, or its store cannot be read): 502, as a proxy whose server did not answer.
    private static ApiResponse CenterDown(Exception e) => new()
    {
        Status = ErrorCodes.HttpStatus(ErrorCode.ServerDown),
        RetryAfterSeconds = 1,
        Body = new SystemTextJsonCodec().Write(ErrorResponse.For(ErrorCode.ServerDown,
            $"The contact center did not answer ({e.GetType().Name}); it may be moving to another node. Try again shortly.")),
    };

    /// <summary>The centers' grains, one reference each, made once: a reference made per request
    /// cost each request a proxy and its codecs.</summary>
    private sealed class Centers(IGrainFactory grains)
    {
        private readonly ConcurrentDictionary<string, ICenterGrain> _references = new();

        public IGrainFactory Grains => grains;

        public ICenterGrain Of(string tenant) => _references.GetOrAdd(tenant, static (t, g) => g.GetGrain<ICenterGrain>(CenterRouting.Key(t)), grains);
    }

    /// <summary>Keeps every center of the configuration active somewhere in the cluster, so its
    /// timed work (rings, wrap-up) runs even while no phone asks; after a node dies, the next
    /// touch loads its centers on a node that remains. Routes by the configuration file as it
    /// is now: a file changed for a reload is read again here.</summary>
    private sealed class CenterKeeper(Centers centers, CenterRouting routing, string configPath, NodeWaits waits) : BackgroundService
    {
        private DateTime _configWritten = File.GetLastWriteTimeUtc(configPath);

        private void RereadConfig()
        {
            try
            {
                DateTime written = File.GetLastWriteTimeUtc(configPath);
                if (written != _configWritten)
                {
                    routing.Load(CenterConfig.Parse(File.ReadAllText(configPath)));
                    _configWritten = written;
                }
            }
            catch (Exception e) when (e is IOException or ConfigException)
            {
                // A file being written, or with a fault: the reload route names the fault.
            }
        }

        protected override async Task ExecuteAsync(CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                RereadConfig();
                foreach (string tenant in routing.Tenants)
                {
                    try
                    {
                        // A center that moved is seen within a second: the node's waits on it ask again where it runs now.
                        var health = new CenterCall { Method = "GET", Path = Routes.Health };
                        CenterAnswer answer = await centers.Of(tenant).Serve(health).WaitAsync(stopping);
                        waits.Saw(tenant, answer.Activation);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Moving or its store is down: the next round tries again.
                    }
                }

                await Task.Delay(1000, stopping);
            }
        }
    }

    /// <summary>
    /// This node's event long-polls. They wait here, not inside their center: a call held open
    /// in a center for a whole wait kept ten thousand calls' state alive on two nodes, and the
    /// collector's pauses grew with it. A center tells a node when a commit made events durable
    /// on a stream the node waits on; news that comes before its wait begins ends it at once.
    /// </summary>
    private sealed class NodeWaits : ICenterEvents, IDisposable
    {
        private readonly LongPolls<(string Tenant, string Stream)> _polls = new();
        // The newest sequence a center told of, per stream, for the news that comes between a
        // center's answer and the wait it asks for; a wait takes it away, so it counts once.
        private readonly Dictionary<(string Tenant, string Stream), long> _told = [];
        // Per center, the loading that answered last and how many times that changed.
        private readonly Dictionary<string, (Guid Activation, long Moves)> _seen = [];
        private readonly Timer _deadlines;
        private ICenterEvents? _reference;

        public NodeWaits() => _deadlines = new Timer(_ => _polls.EndDue(), null, ApiService.TickMs, ApiService.TickMs);

        /// <summary>How centers reach this node's long-polls.</summary>
        public ICenterEvents Reference(IGrainFactory grains) => _reference ??= grains.CreateObjectReference<ICenterEvents>(this);

        public Task Changed(string tenant, string[] streams, long[] lastSeqs)
        {
            lock (_told)
            {
                for (int i = 0; i < streams.Length; i++)
                {
                    ref long told = ref CollectionsMarshal.GetValueRefOrAddDefault(_told, (tenant, streams[i]), out _);
                    told = Math.Max(told, lastSeqs[i]);
                    _polls.Wake((tenant, streams[i]), lastSeqs[i]);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>Notes which loading of <paramref name="tenant"/>'s center answered. When it
        /// is another than before (the center moved, or ran twice for a moment while nodes joined),
        /// every wait on that center is woken to ask again where it runs now: the waits were named
        /// to the loading that answered them, and the one that runs now may not know this node
        /// yet. Returns how many times the center moved, as <see cref="Moves"/>.</summary>
        public long Saw(string tenant, Guid activation)
        {
            lock (_told)
            {
                ref (Guid Activation, long Moves) seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, tenant, out bool before);
                if (seen.Activation != activation)
                {
                    seen = (activation, before ? seen.Moves + 1 : 0);
                    if (before)
                    {
                        _polls.WakeWhere(key => key.Tenant == tenant);
                    }
                }

                return seen.Moves;
            }
        }

        /// <summary>How many times <paramref name="tenant"/>'s center was seen to move.</summary>
        public long Moves(string tenant)
        {
            lock (_told)
            {
                return _seen.GetValueOrDefault(tenant).Moves;
            }
        }

        /// <summary>Until the stream <paramref name="answer"/> names passes the sequence it gives,
        /// its wait ends, or the client goes.</summary>
        public Task Until(string tenant, CenterAnswer answer, CancellationToken aborted)
        {
            var key = (tenant, answer.WaitKey!);
            LongPolls<(string, string)>.Waiter wait;
            lock (_told)
            {
                if (_told.Remove(key, out long told) && told > answer.WaitAfterSeq)
                {
                    return Task.CompletedTask;
                }

                wait = _polls.Add(key, answer.WaitSeconds, answer.WaitAfterSeq);
            }

            return _polls.Until(wait, aborted);
        }

        public void Dispose() => _deadlines.Dispose();
    }
}
