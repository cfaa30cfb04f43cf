using System.Text.Json;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost;

/// <summary>How the host keeps its store: when it snapshots, and how long a write waits for a lock.</summary>
public sealed record StoreOptions
{
    /// <summary>A snapshot after this many journal entries…</summary>
    public int SnapshotEveryEntries { get; init; } = 50_000;

    /// <summary>…or after this many seconds with at least one entry since the last.</summary>
    public int SnapshotEverySeconds { get; init; } = 300;

    /// <summary>A clean stop snapshots what was journaled since the last snapshot, so the next
    /// start replays nothing (a killed server replays at most the entries between two snapshots).</summary>
    public bool SnapshotAtStop { get; init; } = true;

    /// <summary>How long a write waits for a lock another program holds before the store counts as failed.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where a commit must be before the answers it carries leave.</summary>
    public Durability Durability { get; init; } = Durability.Disk;
}

/// <summary>Where a journal commit must be before the answers it carries leave (--durability).</summary>
public enum Durability
{
    /// <summary>On the disk (fsync of the write-ahead log, once a batch): a power cut keeps it.</summary>
    Disk,

    /// <summary>Handed to the operating system: a killed server keeps it, a power cut or a kernel
    /// crash may take back the last changes acknowledged before the log's next sync.</summary>
    Process,
}

/// <summary>
/// The contact center on a PC: the core and its route table behind one lock, every change
/// journaled to its store (SQLite; PostgreSQL on a cluster node) before it is answered, snapshots
/// taken in the background, the newest snapshot and the journal after it replayed at start (each
/// entry checked against what its client was told), timed work on a timer, and event long-polls
/// woken when the change that fed them is committed. A store that fails refuses every request with 503 until it works again;
/// then the center is reloaded from what committed, so a change is kept only if its entry was.
/// Tokens and API keys reach the core, the journal and snapshots only as hashes.
/// </summary>
public sealed class CenterHost : IServerListener, ICenterAdmin, IDisposable
{
    private const int ResumeEveryMs = 1000;

    private readonly object _gate = new();
    private readonly PinnedClock _clock = new(new WallClock());
    private readonly RecordedTokens _tokens;
    private readonly ISecretVerifier _verifier;
    private readonly BackgroundLane _lane = new(Environment.ProcessorCount);
    private readonly RecordedSecrets _secrets;
    private readonly SystemTextJsonCodec _json = new();
    private readonly LongPolls<EventStream> _polls = new();
    // Long-polls that wait outside (a cluster node's), per stream: each watcher with the highest
    // sequence one of its waits there is past.
    private readonly Dictionary<EventStream, Dictionary<IStreamWatcher, long>> _watchers = [];
    private readonly SignInThrottle _throttle = new();
    private bool _stopping;   // under _gate
    private readonly StoreOptions _store;
    private readonly Journal _journal;
    private readonly Func<string> _readConfig;
    private readonly Timer _ticker;
    private AgentServer _server = null!;
    private ApiHandler _handler = null!;
    private ApiOptions _options = null!;
    private readonly string? _ownServer;
    private string? _configText;
    private string? _plainApiKey;
    private JournalEntry? _current;
    private long _snapshotThrough;
    private long _snapshotAtMs;
    private long _lastResumeTryMs;
    private int _resuming;
    private int _snapshotting;
    // One snapshot at a time (_snapshotting), each written into this buffer, grown once.
    private readonly StateWriter _snapshotText = new();
    private HashCost _hashCost = HashCost.Default;

    /// <summary>The single process: the configuration file and the SQLite store.</summary>
    public CenterHost(string configPath, string dbPath, ISecretVerifier? verifier = null, StoreOptions? store = null)
        : this(() => File.ReadAllText(configPath), () => new SqliteJournalStore(dbPath, store ?? new StoreOptions()), verifier, store)
    {
    }

    /// <summary>Opens the store, loads the center from it (or the configuration into a new
    /// one), applies a changed configuration, and starts the timer.</summary>
    /// <param name="readConfig">The configuration as it is now (at start and on a reload).</param>
    /// <param name="openStore">Opens and checks the store (after the configuration was read: a
    /// start that fails on the configuration creates no store).</param>
    /// <param name="verifier">How secrets are checked: <see cref="PasswordHashes"/> unless a test says otherwise.</param>
    /// <param name="tokens">Makes session tokens (a cluster's name their center).</param>
    /// <param name="ownServer">The URL phones reach the node running the center at (<see cref="ApiOptions.OwnServer"/>).</param>
    public CenterHost(Func<string> readConfig, Func<IJournalStore> openStore, ISecretVerifier? verifier = null, StoreOptions? store = null, ITokenSource? tokens = null, string? ownServer = null)
    {
        _ownServer = ownServer;
        _verifier = verifier ?? new PasswordHashes();
        _secrets = new RecordedSecrets(_verifier);
        _store = store ?? new StoreOptions();
        _tokens = new RecordedTokens(tokens ?? new SecureTokens());
        _readConfig = readConfig;
        // The configuration first: a start that fails on it creates no database.
        string fileText = readConfig();
        CenterConfig fileConfig = CenterConfig.Parse(fileText);
        _plainApiKey = PlainKey(fileConfig);
        _journal = new Journal(openStore(), OnCommitted);
        try
        {
            Load();
            if (_configText == null)
            {
                _server = new AgentServer(_clock, _secrets, fileConfig.ServerOptions()) { Listener = this };
            }

            if (_configText != CenterConfig.AtRest(fileText))
            {
                ApplyConfig(fileText);
            }
        }
        catch
        {
            _journal.Dispose();
            throw;
        }

        _journal.Faulted += e => Console.Error.WriteLine($"The journal cannot be written ({e.Message}): changes are refused with 503 until it can.");
        _ticker = new Timer(_ => Tick(), null, ApiService.TickMs, ApiService.TickMs);
    }

    public AgentServer Server => _server;

    /// <summary>Journal entries replayed at start, after the snapshot the center was loaded from.</summary>
    public int ReplayedEntries { get; private set; }

    /// <summary>The snapshot the center was loaded from at start, or null (the journal alone).</summary>
    public Snapshot? LoadedSnapshot { get; private set; }

    /// <summary>Whether the store failed (every request is refused with 503 until it works again).</summary>
    public bool StoreFailed => _journal.Fault != null;

    /// <summary>Reads the core under the lock every request takes (dashboards, the emulator).</summary>
    public T Read<T>(Func<AgentServer, T> read)
    {
        lock (_gate)
        {
            return read(_server);
        }
    }

    /// <summary>The default tenant's PBX key as the configuration file gives it, for the emulator's
    /// own PBX requests (null when the file holds only its hash).</summary>
    public string? ApiKey => _plainApiKey;

    /// <summary>The API options of the configuration in force.</summary>
    public ApiOptions Options => _options;

    /// <summary>Serves one request; completes once its answer is durable (and, for an event
    /// long-poll, once events came or the wait ended).</summary>
    public Task<ApiResponse> ServeAsync(ApiRequest request, CancellationToken aborted) => ServeAsync(request, aborted, watcher: null);

    /// <summary>Serves one request, as <see cref="ServeAsync(ApiRequest, CancellationToken)"/>.</summary>
    /// <param name="watcher">A cluster node's long-polls, which wait on the node: a long-poll
    /// with nothing to answer yet comes back at once with <see cref="ApiResponse.WaitStream"/> set
    /// and no body, and the watcher is told when a commit makes that stream's next events durable.</param>
    public async Task<ApiResponse> ServeAsync(ApiRequest request, CancellationToken aborted, IStreamWatcher? watcher)
    {
        // Past this point a token or key exists only as its hash.
        request.Authorization = Hashes.Authorization(request.Authorization);
        request.ApiKey = request.ApiKey == null ? null : Hashes.Of(request.ApiKey);
        var response = new ApiResponse();
        // A sign-in with a secret: refused at once while its address waits out failures (nothing
        // reaches the core), else its secret is checked here, outside the lock every request
        // takes: the check costs tens of milliseconds by design, and the center must not wait.
        SignInAttempt? attempt = SignInOf(request);
        Checked? secret = null;
        if (attempt != null)
        {
            int wait = _throttle.WaitSeconds(attempt.Agent, attempt.Address, _clock.Wall, out bool forAddress);
            if (wait > 0)
            {
                return Refused(response, ErrorCode.LockedOut, wait, forAddress
                    ? $"Too many failed sign-ins for this agent from this address: try again in {wait} s."
                    : $"Too many failed sign-ins for this agent: try again in {wait} s.");
            }

            string? stored = StoredSecret(attempt);
            Task<bool>? check = _lane.TryRun(attempt.Address, () => _verifier.Matches(stored!, attempt.Given));
            if (check == null)
            {
                return Refused(response, ErrorCode.TooManyRequests, 1, "The server has as many sign-ins to check as it can hold (from this address, or in all): try again in 1 s.");
            }

            secret = new Checked(stored, await check.WaitAsync(aborted));
        }

        LongPolls<EventStream>.Waiter? woken = Handle(request, response, out long durableAt, attempt, secret, watcher);
        if (attempt != null)
        {
            // A matching secret clears the address's failures, even when the sign-in is refused
            // for another reason (signed in elsewhere).
            if (secret!.Outcome)
            {
                _throttle.Succeeded(attempt.Agent, attempt.Address, _clock.Wall);
            }
            else if (response.Error is ErrorCode.BadCredentials or ErrorCode.UnknownAgent)
            {
                _throttle.Failed(attempt.Agent, attempt.Address, _clock.Wall);
            }
        }

        if (attempt != null && secret!.Outcome && response.Status == 200)
        {
            UpgradeHash(attempt, secret.Stored!);
        }

        if (!await Durable(durableAt, response) || woken == null)
        {
            return response;
        }

        await _polls.Until(woken, aborted);
        request.MayWait = false;
        Handle(request, response, out durableAt);
        await Durable(durableAt, response);
        return response;
    }

    private ApiResponse Refused(ApiResponse response, ErrorCode code, int retryAfterSeconds, string message)
    {
        response.Status = ErrorCodes.HttpStatus(code);
        response.Error = code;
        response.RetryAfterSeconds = retryAfterSeconds;
        response.Body = _json.Write(ErrorResponse.For(code, message));
        return response;
    }

    /// <summary>Re-reads the configuration file and applies it (journaled as the configuration
    /// it applied); a file with a fault changes nothing and is named in the answer.</summary>
    public string? Reload()
    {
        try
        {
            ApplyConfig(_readConfig());
            return null;
        }
        catch (ConfigException e)
        {
            return e.Message;
        }
    }

    /// <summary>After a good sign-in against a hash of a lower cost than configured: hashes the
    /// secret again at that cost, off the lock and after the answer, then stores it, journaled,
    /// unless it changed meanwhile (a reload).</summary>
    private void UpgradeHash(SignInAttempt attempt, string stored)
    {
        HashCost target = _hashCost;
        if (_verifier is not PasswordHashes || PasswordHashes.CostOf(stored) is not HashCost cost || !cost.Below(target))
        {
            return;
        }

        _ = Upgrade();

        async Task Upgrade()
        {
            // Hashed on the lane; stored from the thread pool, since a lane thread must never hold the center's lock.
            string hash = await _lane.Run(() => PasswordHashes.Hash(attempt.Given, target));
            var change = new SecretChange(attempt.Tenant, attempt.AgentId, attempt.Pin, stored, hash);
            lock (_gate)
            {
                if (_journal.Fault != null)
                {
                    return;
                }

                _clock.Pin(_clock.Wall);
                try
                {
                    var entry = new JournalEntry { AtMs = _clock.NowMs, Kind = JournalEntry.SecretKind, Body = JsonSerializer.Serialize(change) };
                    entry.Digest = JournalEntry.DigestOf(Apply(change), null, entry.Events);
                    _journal.Enqueue(entry);
                }
                catch (StoreException)
                {
                    // Told already; the next good sign-in tries again.
                }
                finally
                {
                    _clock.Unpin();
                }
            }
        }
    }

    /// <summary>A stored secret replaced by the same secret at a higher cost, as journaled.</summary>
    private sealed record SecretChange(string? Tenant, string? AgentId, bool Pin, string Expected, string Hash);

    private int Apply(SecretChange c)
    {
        if (!_server.ReplaceSecret(c.Tenant, c.AgentId, c.Pin, c.Expected, c.Hash))
        {
            return 409;
        }

        (_verifier as PasswordHashes)?.Replaced(c.Expected, c.Hash);
        return 200;
    }

    // The checks' work follows the hashes the center holds (PasswordHashes: one answer, one time).
    private void CountHeldHashes() =>
        (_verifier as PasswordHashes)?.Holds(_server.AllAgents().SelectMany(a => new[] { a.PasswordSecret, a.PinSecret }));

    // Waits until everything up to the answer is committed; if the store fails first, the answer
    // becomes the 503 (the change will be gone once the center is reloaded from the store).
    private async Task<bool> Durable(long id, ApiResponse response)
    {
        try
        {
            await _journal.WhenCommitted(id);
            return true;
        }
        catch (StoreException e)
        {
            Unavailable(response, e);
            return false;
        }
    }

    private void Unavailable(ApiResponse response, Exception fault)
    {
        response.Status = ErrorCodes.HttpStatus(ErrorCode.StorageFailed);
        response.Error = ErrorCode.StorageFailed;
        response.WaitStream = null;
        response.RetryAfterSeconds = 1;
        response.Body = _json.Write(ErrorResponse.For(ErrorCode.StorageFailed,
            $"The server cannot save changes ({(fault.InnerException ?? fault).Message}); nothing was changed. Try again shortly."));
    }

    /// <summary>A sign-in that gives a secret, as the throttle and the check need it; null for
    /// any other request (or a body the route will refuse anyway).</summary>
    private SignInAttempt? SignInOf(ApiRequest request)
    {
        if (request.Path != Routes.SignIn || request.Method != "POST" || string.IsNullOrWhiteSpace(request.Body))
        {
            return null;
        }

        SignInRequest m;
        try
        {
            m = (SignInRequest)_json.Read(request.Body, new SignInRequest());
        }
        catch (JsonFormatException)
        {
            return null;
        }

        string? given = m.Pin ?? m.Password;
        string? agentId = m.Pin != null ? m.AgentId ?? m.Extension : m.AgentId;
        return given == null ? null : new SignInAttempt(m.Tenant, agentId, m.Pin != null, given, $"{m.Tenant}|{agentId}", request.ClientAddress ?? string.Empty);
    }

    /// <summary>What the attempt's secret is checked against (null for an unknown agent), read under the lock.</summary>
    private string? StoredSecret(SignInAttempt attempt)
    {
        lock (_gate)
        {
            return _server.SecretToCheck(attempt.Tenant, attempt.AgentId, attempt.Pin);
        }
    }

    /// <summary>A sign-in with a secret; <see cref="Agent"/> names the agent across tenants, <see cref="Address"/> the client.</summary>
    private sealed record SignInAttempt(string? Tenant, string? AgentId, bool Pin, string Given, string Agent, string Address);

    /// <summary>A secret checked outside the lock: what it was checked against, and the outcome.</summary>
    private sealed record Checked(string? Stored, bool Outcome);

    private LongPolls<EventStream>.Waiter? Handle(ApiRequest request, ApiResponse response, out long durableAt, SignInAttempt? attempt = null, Checked? secret = null, IStreamWatcher? watcher = null)
    {
        lock (_gate)
        {
            durableAt = 0;
            if (_stopping)
            {
                request.MayWait = false;   // answered now: the client resumes after the restart or elsewhere
            }

            if (_journal.Fault is Exception fault)
            {
                Unavailable(response, fault);
                return null;
            }

            _clock.Pin(_clock.Wall);
            _tokens.Reset();
            _secrets.Reset();
            // The outcome stands if the secret did not change meanwhile (a reload); else the core
            // checks again, under the lock.
            if (attempt != null && secret != null && StoredSecret(attempt) == secret.Stored)
            {
                _secrets.Replay = secret.Outcome;
            }

            try
            {
                // A reload is journaled as the configuration it applies, not as a request to replay.
                if (request.Changes && request.Path != Routes.AdminReload)
                {
                    _current = NewEntry(request);
                }

                _handler.Handle(request, response);
                // A wait (a phone's join, held until an agent signs in) changed nothing yet.
                if (_current != null && !response.Waiting && (response.Status < 300 || response.Error == ErrorCode.BadCredentials))
                {
                    _current.Token = _tokens.IssuedKey;
                    _current.SecretOk = _secrets.Outcome;
                    _current.Body = request.Path == Routes.SignIn ? WithoutSecrets(request.Body) : request.Body;
                    _current.Digest = JournalEntry.DigestOf(response.Status, response.Body, _current.Events);
                    _journal.Enqueue(_current);
                }

                if (_tokens.Issued != null)
                {
                    // The client gets its token; everything behind this point keeps its hash.
                    response.Body = response.Body!.Replace(_tokens.IssuedKey!, _tokens.Issued);
                }

                durableAt = _journal.LastQueued;
                if (!response.Waiting)
                {
                    return null;
                }

                if (watcher != null)
                {
                    // Under the lock, before any change can add to the stream: its commit will tell.
                    Watch(response.WaitStream, watcher, response.WaitAfterSeq);
                    return null;
                }

                return _polls.Add(response.WaitStream, response.WaitSeconds);
            }
            catch (StoreException e)
            {
                Unavailable(response, e);
                return null;
            }
            finally
            {
                _current = null;
                _clock.Unpin();
            }
        }
    }

    private JournalEntry NewEntry(ApiRequest q) => new()
    {
        AtMs = _clock.NowMs,
        Kind = JournalEntry.RequestKind,
        Method = q.Method,
        Path = q.Path,
        Query = q.Query,
        Authorization = q.Authorization,
        ApiKey = q.ApiKey,
    };

    // A sign-in is replayed with its recorded outcome, so the journal keeps no password or PIN;
    // the placeholders take the same path through the handler (a PIN keeps its digit count).
    private string? WithoutSecrets(string? body)
    {
        var m = (SignInRequest)_json.Read(body!, new SignInRequest());
        m.Password = m.Password == null ? null : "*";
        m.Pin = m.Pin == null ? null : m.Pin.All(char.IsAsciiDigit) ? new string('0', m.Pin.Length) : "x";
        return _json.Write(m);
    }

    // The timer: long-polls at their deadline, timed work, snapshots, and retrying a failed
    // store. Nothing escapes it.
    private void Tick()
    {
        try
        {
            _polls.EndDue();
            if (_journal.Fault != null)
            {
                TryResume(_clock.Wall);
                return;
            }

            lock (_gate)
            {
                long now = _clock.Wall;

                if (_server.NextDueMs <= now)
                {
                    RunDue(now);
                }

                long since = _journal.LastQueued - _snapshotThrough;
                if (since >= _store.SnapshotEveryEntries || (since > 0 && now - _snapshotAtMs >= _store.SnapshotEverySeconds * 1000L))
                {
                    TakeSnapshot(now);
                }
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Timed work failed: {e.Message}");
        }
    }

    private void RunDue(long now)
    {
        _clock.Pin(now);
        try
        {
            _current = new JournalEntry { AtMs = now, Kind = JournalEntry.TickKind };
            _server.Tick();
            _current.Digest = JournalEntry.DigestOf(0, null, _current.Events);
            _journal.Enqueue(_current);
        }
        catch (StoreException)
        {
            // Told already; the center is reloaded once the store works.
        }
        finally
        {
            _current = null;
            _clock.Unpin();
        }
    }

    /// <summary>Under the lock only the copy (what changes in place); the events it kept are
    /// written out, and the snapshot stored, off the lock, one at a time.</summary>
    private void TakeSnapshot(long now)
    {
        if (Interlocked.Exchange(ref _snapshotting, 1) == 1)
        {
            return;
        }

        StateWriter w = _snapshotText;
        w.Clear();
        StateCopy copy = _server.CopyState(w);
        long through = _journal.LastQueued;
        long epoch = _journal.Epoch;
        _snapshotThrough = through;
        _snapshotAtMs = now;
        Task.Run(() =>
        {
            try
            {
                copy.Finish();
                _journal.Enqueue(Snapshot.Of(through, now, w), epoch);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"A snapshot was not taken: {e.Message}");
            }
            finally
            {
                Volatile.Write(ref _snapshotting, 0);
            }
        });
    }

    // The whole snapshot at once (nothing changes the center any more), after one in flight.
    private void SnapshotAtStop()
    {
        if (_journal.Fault != null || _journal.LastQueued == _snapshotThrough)
        {
            return;
        }

        // Takes the snapshot buffer from one in flight, for good: the center is stopping.
        SpinWait.SpinUntil(() => Interlocked.CompareExchange(ref _snapshotting, 1, 0) == 0);
        StateWriter w = _snapshotText;
        w.Clear();
        _server.CopyState(w).Finish();
        _journal.Enqueue(Snapshot.Of(_journal.LastQueued, _clock.Wall, w), _journal.Epoch);
    }

    /// <summary>Once a second, one try at a time, off the lock (it may wait for another program's
    /// lock on the file): when the store takes writes again, the center is loaded from it under
    /// the lock, so no request sees it before (the changes whose entries failed are gone, as their
    /// clients were told), and long-polls wake.</summary>
    private void TryResume(long now)
    {
        if (now - _lastResumeTryMs < ResumeEveryMs || Interlocked.Exchange(ref _resuming, 1) == 1)
        {
            return;
        }

        try
        {
            _lastResumeTryMs = now;
            if (!_journal.TryReopen())
            {
                return;
            }

            lock (_gate)
            {
                _journal.Resume();
                try
                {
                    Load();
                }
                catch (Exception e)
                {
                    // Never serve the center as it was before the fault: refuse on, try again.
                    _journal.Fail(e);
                    throw;
                }
            }

            Console.Error.WriteLine("The journal can be written again: the center was reloaded from it.");
            _polls.WakeAll();
        }
        finally
        {
            Volatile.Write(ref _resuming, 0);
        }
    }

    private void ApplyConfig(string fileText)
    {
        CenterConfig file = CenterConfig.Parse(fileText);
        string text = CenterConfig.AtRest(fileText);
        lock (_gate)
        {
            _clock.Pin(_clock.Wall);
            try
            {
                var entry = new JournalEntry { AtMs = _clock.NowMs, Kind = JournalEntry.ConfigKind, Body = text };
                Configure(text, replaying: false);
                _journal.Enqueue(entry);
                _plainApiKey = PlainKey(file);
            }
            finally
            {
                _clock.Unpin();
            }
        }
    }

    private static string? PlainKey(CenterConfig config) => config.ApiKey is string key && !Hashes.IsHash(key) ? key : null;

    /// <summary>Applies a configuration (as stored) to the core and makes the route table for it;
    /// while replaying, limits are not checked again (replay takes what was taken).</summary>
    private void Configure(string text, bool replaying)
    {
        CenterConfig config = CenterConfig.Parse(text);
        config.ApplyTo(_server);
        _throttle.MaxFailures = config.Core.MaxFailedSignIns;
        _throttle.LockoutSeconds = config.Core.LockoutSeconds;
        _options = config.ApiOptions();
        _options.Admin = this;
        _options.OwnServer = _ownServer;
        _hashCost = config.Core.CostInForce();
        if (_verifier is PasswordHashes hashes)
        {
            hashes.Cost = _hashCost;
        }

        CountHeldHashes();

        ApiOptions used = _options;
        if (replaying)
        {
            used = config.ApiOptions();
            used.MaxBodyChars = used.MaxFieldChars = int.MaxValue;
        }

        _handler = new ApiHandler(_server, _json, _tokens, used);
        _configText = text;
    }

    /// <summary>The center as the store has it: the newest readable snapshot (an older one if the
    /// newest is damaged) and the journal after it, each entry checked against its digest.</summary>
    private void Load()
    {
        List<Snapshot> snapshots = _journal.Snapshots();
        if (snapshots.Count == 0)
        {
            LoadFrom(null);
            return;
        }

        StateFormatException? damaged = null;
        foreach (Snapshot snapshot in snapshots)
        {
            try
            {
                LoadFrom(snapshot);
                return;
            }
            catch (StateFormatException e)
            {
                damaged = e;
            }
        }

        if (_journal.IsWhole())
        {
            Console.Error.WriteLine($"No snapshot in the database can be read ({damaged!.Message}); the center is rebuilt from the whole journal.");
            LoadFrom(null);
            return;
        }

        throw new StoreException($"No snapshot in the database can be read ({damaged!.Message}). Restore it from a backup.");
    }

    private void LoadFrom(Snapshot? snapshot)
    {
        long through = snapshot?.Through ?? 0;
        List<JournalEntry> configs = _journal.ConfigsThrough(through);
        List<JournalEntry> tail = _journal.After(through);
        JournalEntry? first = configs.Concat(tail).FirstOrDefault();
        _configText = null;
        ReplayedEntries = 0;
        LoadedSnapshot = snapshot;
        _snapshotThrough = through;
        _snapshotAtMs = _clock.Wall;
        if (first == null)
        {
            return;
        }

        if (first.Kind != JournalEntry.ConfigKind)
        {
            throw new StoreException("The journal does not start with a configuration: it is damaged. Restore it from a backup.");
        }

        _server = new AgentServer(_clock, _secrets, CenterConfig.Parse(first.Body!).ServerOptions()) { Listener = this };
        try
        {
            foreach (JournalEntry config in configs)
            {
                _clock.Pin(config.AtMs);
                Configure(config.Body!, replaying: true);
            }

            if (snapshot != null)
            {
                _server.ReadState(new StateReader(snapshot.State));
            }

            foreach (JournalEntry e in tail)
            {
                Replay(e);
                ReplayedEntries++;
            }

            CountHeldHashes();
        }
        finally
        {
            _current = null;
            _clock.Unpin();
        }

        _handler = new ApiHandler(_server, _json, _tokens, _options);
    }

    private void Replay(JournalEntry e)
    {
        _clock.Pin(e.AtMs);
        _current = new JournalEntry();   // collects the events the entry makes, for its digest
        var response = new ApiResponse();
        if (e.Kind == JournalEntry.ConfigKind)
        {
            Configure(e.Body!, replaying: true);
            return;
        }

        if (e.Kind == JournalEntry.TickKind)
        {
            _server.Tick();
        }
        else if (e.Kind == JournalEntry.SecretKind)
        {
            response.Status = Apply(JsonSerializer.Deserialize<SecretChange>(e.Body!)!);
        }
        else
        {
            _tokens.Replay = e.Token;
            _secrets.Replay = e.SecretOk ?? false;
            _handler.Handle(new ApiRequest
            {
                Method = e.Method,
                Path = e.Path,
                Query = e.Query,
                Authorization = e.Authorization,
                ApiKey = e.ApiKey,
                Body = e.Body,
                MayWait = false,
            }, response);
            _tokens.Reset();
            _secrets.Reset();
        }

        if (e.Digest != null && e.Digest != JournalEntry.DigestOf(response.Status, response.Body, _current.Events))
        {
            string what = e.Kind == JournalEntry.TickKind ? "timed work" : $"{e.Method} {e.Path}";
            throw new StoreException($"Journal entry {e.Id} ({what} at {DateTimeOffset.FromUnixTimeMilliseconds(e.AtMs):u}) does not replay to what was answered then ({response.Status} now), so the center would not be the one its clients know. Start it with the server version that wrote it, or restore a backup.");
        }
    }

    /// <summary>Collects the events of the change being applied or replayed.</summary>
    public void OnEvent(EventStream stream, ServerEvent e) => _current?.Events.Add((stream, e));

    private void OnCommitted(IReadOnlyList<JournalEntry> batch)
    {
        bool watched;
        lock (_watchers)
        {
            watched = _watchers.Count > 0;
        }

        List<EventStream>? changed = null;
        foreach (JournalEntry entry in batch)
        {
            foreach ((EventStream stream, _) in entry.Events)
            {
                _polls.Wake(stream);
                if (watched && !(changed ??= []).Contains(stream))
                {
                    changed.Add(stream);
                }
            }
        }

        if (changed != null)
        {
            TellWatchers(changed);
        }
    }

    /// <summary>Notes that <paramref name="watcher"/> waits on <paramref name="stream"/> past
    /// <paramref name="afterSeq"/> (called under the lock).</summary>
    private void Watch(EventStream stream, IStreamWatcher watcher, long afterSeq)
    {
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(stream, out var onStream))
            {
                _watchers[stream] = onStream = [];
            }

            onStream[watcher] = Math.Max(afterSeq, onStream.GetValueOrDefault(watcher));
        }
    }

    // Each watcher of a changed stream hears of it once per commit, with every stream of its in
    // one message; it is let go of a stream once the news passes all its waits there.
    private void TellWatchers(List<EventStream> changed)
    {
        Dictionary<IStreamWatcher, (List<string> Streams, List<long> LastSeqs)>? news = null;
        lock (_watchers)
        {
            foreach (EventStream stream in changed)
            {
                if (!_watchers.TryGetValue(stream, out var onStream))
                {
                    continue;
                }

                string key = StreamKey(stream);
                long lastSeq = stream.LastSeq;
                foreach ((IStreamWatcher watcher, long afterSeq) in onStream)
                {
                    news ??= [];
                    if (!news.TryGetValue(watcher, out var told))
                    {
                        news[watcher] = told = ([], []);
                    }

                    told.Streams.Add(key);
                    told.LastSeqs.Add(lastSeq);
                    if (lastSeq > afterSeq)
                    {
                        onStream.Remove(watcher);   // removing while enumerating is allowed
                    }
                }

                if (onStream.Count == 0)
                {
                    _watchers.Remove(stream);
                }
            }
        }

        foreach ((IStreamWatcher watcher, var told) in news ?? [])
        {
            watcher.Committed([.. told.Streams], [.. told.LastSeqs]);
        }
    }

    /// <summary>A stream's name within its center.</summary>
    public static string StreamKey(EventStream s) => $"{s.Owner}:{s.Name}";

    /// <summary>The server is stopping: every open event long-poll is answered at once (with the
    /// events it has, often none; its client asks again from the same sequence, after the restart
    /// or on another server), and a long-poll that comes later is answered without waiting, so
    /// the stop does not wait out the phones' 25 s waits.</summary>
    public void AnswerWaits()
    {
        lock (_gate)
        {
            _stopping = true;
            _polls.WakeAll();
        }
    }

    /// <summary>Stops the timer and writes everything queued before closing the store.</summary>
    public void Dispose()
    {
        if (_ticker != null)
        {
            // Waits for a tick under way, so nothing changes the center after its journal closed.
            using var stopped = new ManualResetEvent(false);
            if (_ticker.Dispose(stopped))
            {
                stopped.WaitOne();
            }
        }

        lock (_gate)
        {
            if (_store.SnapshotAtStop)
            {
                SnapshotAtStop();
            }

            _journal.Dispose();
        }

        _lane.Dispose();
    }
}

/// <summary>Long-polls that wait outside the center (a cluster node's), told when a commit made
/// the events of a stream they wait on durable.</summary>
public interface IStreamWatcher
{
    /// <summary>The streams (by <see cref="CenterHost.StreamKey"/>), each with its last sequence.
    /// Called on the journal's writer: it must not block.</summary>
    void Committed(string[] streams, long[] lastSeqs);
}
