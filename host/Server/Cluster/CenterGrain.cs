using AgentPhone.Server.Api;
using Npgsql;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>A request as a node hands it to the center's grain (never changed once sent, so
/// Orleans passes it to a center on the same node without copying).</summary>
[GenerateSerializer, Immutable, Alias("AgentPhone.CenterCall")]
public sealed record CenterCall
{
    [Id(0)] public string? Method { get; init; }
    [Id(1)] public string? Path { get; init; }
    [Id(2)] public string? Query { get; init; }
    [Id(3)] public string? Authorization { get; init; }
    [Id(4)] public string? ApiKey { get; init; }
    [Id(5)] public string? Body { get; init; }
    [Id(6)] public string? ClientAddress { get; init; }

    /// <summary>The node asking again after its wait: the center answers now, events or none.</summary>
    [Id(7)] public bool AskingAgain { get; init; }

    /// <summary>The node's long-polls: a call that names them is answered at once where it
    /// would wait, and the center tells them when the stream it names has news.</summary>
    [Id(8)] public ICenterEvents? Waits { get; init; }

    /// <summary>The call for a request; only an event long-poll names the node's long-polls, the
    /// one request that can wait.</summary>
    public static CenterCall Of(ApiRequest q, ICenterEvents waits) => new()
    {
        Method = q.Method, Path = q.Path, Query = q.Query, Authorization = q.Authorization,
        ApiKey = q.ApiKey, Body = q.Body, ClientAddress = q.ClientAddress,
        Waits = q.Method == "GET" && q.Path != null && q.Path.EndsWith("/" + AgentPhone.Protocol.Routes.Events, StringComparison.Ordinal) ? waits : null,
    };

    public ApiRequest ToRequest() => new()
    {
        Method = Method, Path = Path, Query = Query, Authorization = Authorization,
        // Only a call that names the node's long-polls waits: any other wait would hold the center.
        ApiKey = ApiKey, Body = Body, ClientAddress = ClientAddress, MayWait = !AskingAgain && Waits != null,
    };
}

/// <summary>The center's answer, as the node sends it on.</summary>
[GenerateSerializer, Immutable, Alias("AgentPhone.CenterAnswer")]
public sealed class CenterAnswer
{
    [Id(0)] public int Status { get; init; }
    [Id(1)] public string? Body { get; init; }
    [Id(2)] public int RetryAfterSeconds { get; init; }

    /// <summary>Set instead of a body when a long-poll has nothing yet: the stream
    /// (<see cref="CenterHost.StreamKey"/>) to wait on, past which sequence, for how long.</summary>
    [Id(3)] public string? WaitKey { get; init; }
    [Id(4)] public long WaitAfterSeq { get; init; }
    [Id(5)] public int WaitSeconds { get; init; }

    /// <summary>Which loading of the center answered: a node that sees it change knows the
    /// center moved, and that its waits were named to a center that may never tell them.</summary>
    [Id(6)] public Guid Activation { get; init; }

    public static CenterAnswer Of(ApiResponse r, Guid activation) => new()
    {
        Status = r.Status, Body = r.Body, RetryAfterSeconds = r.RetryAfterSeconds,
        WaitKey = r.Waiting ? CenterHost.StreamKey(r.WaitStream) : null, WaitAfterSeq = r.WaitAfterSeq, WaitSeconds = r.WaitSeconds,
        Activation = activation,
    };

    public ApiResponse ToResponse() => new() { Status = Status, Body = Body, RetryAfterSeconds = RetryAfterSeconds };
}

/// <summary>One contact center (tenant), wherever the cluster runs it.</summary>
[Alias("AgentPhone.ICenterGrain")]
public interface ICenterGrain : IGrainWithStringKey
{
    [Alias("Serve")]
    Task<CenterAnswer> Serve(CenterCall call);

    /// <summary>Re-reads the configuration file; the fault, or null.</summary>
    [Alias("Reload")]
    Task<string?> Reload();
}

/// <summary>A node's event long-polls, as a center tells them that events they wait for are durable.</summary>
[Alias("AgentPhone.ICenterEvents")]
public interface ICenterEvents : IGrainObserver
{
    /// <summary>The streams (by <see cref="CenterHost.StreamKey"/>) of <paramref name="tenant"/>'s
    /// center that the node waits on and whose events a commit made durable, each with its last sequence.</summary>
    [OneWay, Alias("Changed")]
    Task Changed(string tenant, string[] streams, long[] lastSeqs);
}

/// <summary>A node's long-polls as the center's host knows them (equal for the same node).</summary>
internal sealed record NodeWatcher(string Tenant, ICenterEvents Node) : IStreamWatcher
{
    public void Committed(string[] streams, long[] lastSeqs)
    {
        try
        {
            _ = Node.Changed(Tenant, streams, lastSeqs);
        }
        catch (Exception)
        {
            // A node gone: its phones ask another node, whose waits the center learns anew.
        }
    }
}

/// <summary>What every center of a node needs: the configuration file, the node's commits to
/// PostgreSQL, the store's settings, the URL phones reach the node at.</summary>
public sealed record ClusterSettings(string ConfigPath, PostgresCommits Commits, StoreOptions Store, string? Url);

/// <summary>
/// A center in a cluster: the same <see cref="CenterHost"/> as the single process (core, lock,
/// journal, snapshots, timers, long-polls), its store in PostgreSQL. Activated on a node when a
/// request first comes for it, loaded from the newest snapshot and the journal after it, and again
/// on a surviving node when its node dies. Requests interleave: the host serializes what changes
/// the center under its own lock. Never deactivated for being idle: its timers (rings, wrap-up)
/// must keep running. It runs at its home (<see cref="CenterPlacement"/>) and moves there when
/// the nodes change, so a node that joins takes its share.
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
[CenterPlacement]
public sealed class CenterGrain(ClusterSettings cluster, IClusterMembershipService membership) : Grain, ICenterGrain
{
    // How often a center checks that it is at home; it moves when two checks in a row find its
    // home elsewhere, so a node that comes and goes within one check moves nothing.
    private static readonly TimeSpan HomeCheck = TimeSpan.FromSeconds(5);

    private readonly Guid _activation = Guid.NewGuid();
    private CenterHost? _center;
    private string _tenant = string.Empty;
    private SiloAddress? _homeElsewhere;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string key = this.GetPrimaryKeyString();
        string tenant = _tenant = key["center/".Length..];
        // Loading reads PostgreSQL and replays: off the grain's scheduler.
        _center = await Task.Run(() => new CenterHost(
            () => CenterConfig.ForTenant(File.ReadAllText(cluster.ConfigPath), tenant),
            () => new PostgresJournalStore(cluster.Commits, key),
            store: cluster.Store,
            tokens: new SecureTokens(CenterRouting.TokenPrefix(tenant)), ownServer: cluster.Url), cancellationToken);
        // Operators (and the cluster tests) see where each center runs.
        string from = _center.LoadedSnapshot is Snapshot s ? $"the snapshot through entry {s.Through}" : "its journal";
        Console.WriteLine($"Center \"{tenant}\" runs on this node: loaded from {from}, {_center.ReplayedEntries} entries replayed.");
        this.RegisterGrainTimer(GoHome, HomeCheck, HomeCheck);
    }

    // A move is a reload on the other node (the snapshot written at the stop here), never while
    // the store is failing: the center could not be loaded there.
    private Task GoHome()
    {
        SiloAddress[] active = [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];
        SiloAddress? home = CenterPlacement.Home(this.GetGrainId(), active);
        SiloAddress? before = _homeElsewhere;
        _homeElsewhere = home == null || home.Equals(GrainContext.Address.SiloAddress) ? null : home;
        if (_homeElsewhere != null && _homeElsewhere.Equals(before) && _center is { StoreFailed: false })
        {
            Console.WriteLine($"Center \"{_tenant}\" moves to its home node {_homeElsewhere.Endpoint}.");
            MigrateOnIdle();
        }

        return Task.CompletedTask;
    }

    /// <summary>Serves a call; a long-poll from a node that waits itself is answered at once
    /// with what to wait on, so no call stays open in the center for the length of a wait, and
    /// the node is told when that stream has news.</summary>
    public async Task<CenterAnswer> Serve(CenterCall call)
    {
        IStreamWatcher? watcher = call.Waits == null ? null : new NodeWatcher(_tenant, call.Waits);
        return CenterAnswer.Of(await _center!.ServeAsync(call.ToRequest(), CancellationToken.None, watcher), _activation);
    }

    public Task<string?> Reload() => Task.Run(() => _center!.Reload());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_center is CenterHost center)
        {
            _center = null;
            await Task.Run(center.Dispose, CancellationToken.None);
            // Every stop is said, whatever its cause (a move, a copy Orleans found running twice
            // as nodes joined, a node stopping): operators and the tests see where each center runs.
            Console.WriteLine($"Center \"{_tenant}\" stops on this node: {reason.Description}");
        }
    }
}
