using AgentPhone.Server.Api;
using Npgsql;
using Orleans;
using Orleans.Concurrency;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>A request as a node hands it to the center's grain.</summary>
[GenerateSerializer, Alias("AgentPhone.CenterCall")]
public sealed class CenterCall
{
    [Id(0)] public string? Method { get; init; }
    [Id(1)] public string? Path { get; init; }
    [Id(2)] public string? Query { get; init; }
    [Id(3)] public string? Authorization { get; init; }
    [Id(4)] public string? ApiKey { get; init; }
    [Id(5)] public string? Body { get; init; }
    [Id(6)] public string? ClientAddress { get; init; }

    public static CenterCall Of(ApiRequest q) => new()
    {
        Method = q.Method, Path = q.Path, Query = q.Query, Authorization = q.Authorization,
        ApiKey = q.ApiKey, Body = q.Body, ClientAddress = q.ClientAddress,
    };

    public ApiRequest ToRequest() => new()
    {
        Method = Method, Path = Path, Query = Query, Authorization = Authorization,
        ApiKey = ApiKey, Body = Body, ClientAddress = ClientAddress,
    };
}

/// <summary>The center's answer, as the node sends it on.</summary>
[GenerateSerializer, Alias("AgentPhone.CenterAnswer")]
public sealed class CenterAnswer
{
    [Id(0)] public int Status { get; init; }
    [Id(1)] public string? Body { get; init; }
    [Id(2)] public int RetryAfterSeconds { get; init; }

    public static CenterAnswer Of(ApiResponse r) => new() { Status = r.Status, Body = r.Body, RetryAfterSeconds = r.RetryAfterSeconds };

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

/// <summary>What every center of a node needs: the configuration file, PostgreSQL, the store's settings.</summary>
public sealed record ClusterSettings(string ConfigPath, NpgsqlDataSource Postgres, StoreOptions Store);

/// <summary>
/// A center in a cluster: the same <see cref="CenterHost"/> as the single process (core, lock,
/// journal, snapshots, timers, long-polls), its store in PostgreSQL. Activated on a node when a
/// request first comes for it, loaded from the newest snapshot and the journal after it, and again
/// on a surviving node when its node dies. Requests interleave (a long-poll waits inside): the host
/// serializes what changes the center under its own lock. Never deactivated for being idle: its
/// timers (rings, wrap-up) must keep running.
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CenterGrain(ClusterSettings cluster) : Grain, ICenterGrain
{
    private CenterHost? _center;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string key = this.GetPrimaryKeyString();
        string tenant = key["center/".Length..];
        // Loading reads PostgreSQL and replays: off the grain's scheduler.
        _center = await Task.Run(() => new CenterHost(
            () => CenterConfig.ForTenant(File.ReadAllText(cluster.ConfigPath), tenant),
            () => new PostgresJournalStore(cluster.Postgres, key),
            store: cluster.Store,
            tokens: new SecureTokens(CenterRouting.TokenPrefix(tenant))), cancellationToken);
        // Operators (and the cluster tests) see where each center runs.
        string from = _center.LoadedSnapshot is Snapshot s ? $"the snapshot through entry {s.Through}" : "its journal";
        Console.WriteLine($"Center \"{tenant}\" runs on this node: loaded from {from}, {_center.ReplayedEntries} entries replayed.");
    }

    public async Task<CenterAnswer> Serve(CenterCall call) =>
        CenterAnswer.Of(await _center!.ServeAsync(call.ToRequest(), CancellationToken.None));

    public Task<string?> Reload() => Task.Run(() => _center!.Reload());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_center is CenterHost center)
        {
            _center = null;
            await Task.Run(center.Dispose, CancellationToken.None);
        }
    }
}
