using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost;

/// <summary>
/// The contact center on a PC: the core and its route table behind one lock, every change
/// journaled to SQLite before it is answered, the journal replayed at start, timed work on a
/// timer, and event long-polls woken when the change that fed them is committed.
/// </summary>
public sealed class CenterHost : IServerListener, ICenterAdmin, IDisposable
{
    private readonly object _gate = new();
    private readonly PinnedClock _clock = new(new WallClock());
    private readonly RecordedTokens _tokens = new(new SecureTokens());
    private readonly ISecretVerifier _verifier;
    private readonly RecordedSecrets _secrets;
    private readonly SystemTextJsonCodec _json = new();
    private readonly Dictionary<EventStream, List<TaskCompletionSource>> _waiters = [];
    private readonly SignInThrottle _throttle = new();
    private readonly Journal _journal;
    private readonly string _configPath;
    private readonly Timer _ticker;
    private AgentServer _server = null!;
    private ApiHandler _handler = null!;
    private JournalEntry? _current;

    /// <summary>Opens the database, replays its journal (or loads the configuration into a new
    /// one), applies a changed configuration file, and starts the timer.</summary>
    /// <param name="verifier">How secrets are checked: PBKDF2 unless a test says otherwise.</param>
    public CenterHost(string configPath, string dbPath, ISecretVerifier? verifier = null)
    {
        _verifier = verifier ?? new Pbkdf2Secrets();
        _secrets = new RecordedSecrets(_verifier);
        _configPath = configPath;
        // The configuration first: a start that fails on it creates no database.
        string fileText = File.ReadAllText(configPath);
        _journal = new Journal(dbPath, OnCommitted);
        List<JournalEntry> history = _journal.ReadAll().ToList();
        if (history.Count == 0)
        {
            Start(CenterConfig.Parse(fileText));
            ApplyConfig(fileText);
        }
        else
        {
            Replay(history);
            if (history.Last(e => e.Kind == JournalEntry.ConfigKind).Body != fileText)
            {
                ApplyConfig(fileText);
            }
        }

        _ticker = new Timer(_ => Tick(), null, ApiService.TickMs, ApiService.TickMs);
    }

    public AgentServer Server => _server;

    public int ReplayedEntries { get; private set; }

    /// <summary>Reads the core under the lock every request takes (dashboards, the emulator).</summary>
    public T Read<T>(Func<AgentServer, T> read)
    {
        lock (_gate)
        {
            return read(_server);
        }
    }

    /// <summary>The PBX and admin key of the configuration in force.</summary>
    public string? ApiKey => _handler.Options.ApiKey;

    /// <summary>The API options of the configuration in force.</summary>
    public ApiOptions Options => _handler.Options;

    /// <summary>Serves one request; completes once its answer is durable (and, for an event
    /// long-poll, once events came or the wait ended).</summary>
    public async Task<ApiResponse> ServeAsync(ApiRequest request, CancellationToken aborted)
    {
        var response = new ApiResponse();
        // A sign-in with a secret: refused at once while its address waits out failures (nothing
        // reaches the core), else its secret is checked here, outside the lock every request
        // takes: the check costs tens of milliseconds by design, and the center must not wait.
        SignInAttempt? attempt = SignInOf(request);
        Checked? secret = null;
        if (attempt != null)
        {
            int wait = _throttle.WaitSeconds(attempt.Key, _clock.Wall);
            if (wait > 0)
            {
                response.Status = ErrorCodes.HttpStatus(ErrorCode.LockedOut);
                response.Error = ErrorCode.LockedOut;
                response.RetryAfterSeconds = wait;
                response.Body = _json.Write(ErrorResponse.For(ErrorCode.LockedOut,
                    $"Too many failed sign-ins for this agent from this address: try again in {wait} s."));
                return response;
            }

            string? stored = StoredSecret(attempt);
            secret = new Checked(stored, await Task.Run(() => _verifier.Matches(stored!, attempt.Given), aborted));
        }

        TaskCompletionSource? woken = Handle(request, response, out long durableAt, attempt, secret);
        if (attempt != null)
        {
            // A matching secret clears the address's failures, even when the sign-in is refused
            // for another reason (signed in elsewhere).
            if (secret!.Outcome)
            {
                _throttle.Succeeded(attempt.Key);
            }
            else if (response.Error is ErrorCode.BadCredentials or ErrorCode.UnknownAgent)
            {
                _throttle.Failed(attempt.Key, _clock.Wall);
            }
        }

        await _journal.WhenCommitted(durableAt);
        if (woken == null)
        {
            return response;
        }

        EventStream stream = response.WaitStream;
        await Task.WhenAny(woken.Task, Task.Delay(response.WaitSeconds * 1000, aborted));
        lock (_waiters)
        {
            if (_waiters.TryGetValue(stream, out var list))
            {
                list.Remove(woken);
            }
        }

        request.MayWait = false;
        Handle(request, response, out durableAt);
        await _journal.WhenCommitted(durableAt);
        return response;
    }

    /// <summary>Re-reads the configuration file and applies it (journaled as the configuration
    /// it applied); a file with a fault changes nothing and is named in the answer.</summary>
    public string? Reload()
    {
        try
        {
            ApplyConfig(File.ReadAllText(_configPath));
            return null;
        }
        catch (ConfigException e)
        {
            return e.Message;
        }
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
        return given == null ? null : new SignInAttempt(m.Tenant, agentId, m.Pin != null, given, $"{m.Tenant}|{agentId}|{request.ClientAddress}");
    }

    /// <summary>What the attempt's secret is checked against (null for an unknown agent), read under the lock.</summary>
    private string? StoredSecret(SignInAttempt attempt)
    {
        lock (_gate)
        {
            return _server.SecretToCheck(attempt.Tenant, attempt.AgentId, attempt.Pin);
        }
    }

    /// <summary>A sign-in with a secret; <see cref="Key"/> names the agent and the client's address.</summary>
    private sealed record SignInAttempt(string? Tenant, string? AgentId, bool Pin, string Given, string Key);

    /// <summary>A secret checked outside the lock: what it was checked against, and the outcome.</summary>
    private sealed record Checked(string? Stored, bool Outcome);

    private TaskCompletionSource? Handle(ApiRequest request, ApiResponse response, out long durableAt, SignInAttempt? attempt = null, Checked? secret = null)
    {
        lock (_gate)
        {
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
                if (_current != null && (response.Status < 300 || response.Error == ErrorCode.BadCredentials))
                {
                    _current.Token = _tokens.Issued;
                    _current.SecretOk = _secrets.Outcome;
                    _current.Body = request.Path == Routes.SignIn ? WithoutSecrets(request.Body) : request.Body;
                    _journal.Enqueue(_current);
                }

                durableAt = _journal.LastQueued;
                if (!response.Waiting)
                {
                    return null;
                }

                var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (_waiters)
                {
                    if (!_waiters.TryGetValue(response.WaitStream, out var list))
                    {
                        _waiters[response.WaitStream] = list = [];
                    }

                    list.Add(woken);
                }

                return woken;
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
        ApiKeyOk = _handler.Options.ApiKey != null && q.ApiKey == _handler.Options.ApiKey,
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

    private void Tick()
    {
        lock (_gate)
        {
            long now = _clock.Wall;
            if (_server.NextDueMs > now)
            {
                return;
            }

            _clock.Pin(now);
            try
            {
                _current = new JournalEntry { AtMs = now, Kind = JournalEntry.TickKind };
                _server.Tick();
                _journal.Enqueue(_current);
            }
            finally
            {
                _current = null;
                _clock.Unpin();
            }
        }
    }

    private void ApplyConfig(string text)
    {
        CenterConfig config = CenterConfig.Parse(text);
        lock (_gate)
        {
            _clock.Pin(_clock.Wall);
            try
            {
                _current = new JournalEntry { AtMs = _clock.NowMs, Kind = JournalEntry.ConfigKind, Body = text };
                config.ApplyTo(_server);
                Throttle(config);
                _handler = new ApiHandler(_server, _json, _tokens, Administered(config.ApiOptions()));
                _journal.Enqueue(_current);
            }
            finally
            {
                _current = null;
                _clock.Unpin();
            }
        }
    }

    private void Start(CenterConfig first)
    {
        _server = new AgentServer(_clock, _secrets, first.ServerOptions()) { Listener = this };
    }

    private void Replay(List<JournalEntry> history)
    {
        JournalEntry first = history[0];
        if (first.Kind != JournalEntry.ConfigKind)
        {
            throw new InvalidOperationException("The database's journal does not start with a configuration.");
        }

        Start(CenterConfig.Parse(first.Body!));
        ApiOptions? options = null;
        foreach (JournalEntry e in history)
        {
            _clock.Pin(e.AtMs);
            if (e.Kind == JournalEntry.ConfigKind)
            {
                CenterConfig config = CenterConfig.Parse(e.Body!);
                config.ApplyTo(_server);
                Throttle(config);
                options = config.ApiOptions();
                // Limits were checked when the request came; replay must take what was taken.
                ApiOptions lenient = config.ApiOptions();
                lenient.MaxBodyChars = lenient.MaxFieldChars = int.MaxValue;
                _handler = new ApiHandler(_server, _json, _tokens, lenient);
            }
            else if (e.Kind == JournalEntry.TickKind)
            {
                _server.Tick();
            }
            else
            {
                _tokens.Replay = e.Token;
                _secrets.Replay = e.SecretOk ?? false;
                var request = new ApiRequest
                {
                    Method = e.Method,
                    Path = e.Path,
                    Query = e.Query,
                    Authorization = e.Authorization,
                    ApiKey = e.ApiKeyOk ? options!.ApiKey : null,
                    Body = e.Body,
                    MayWait = false,
                };
                _handler.Handle(request, new ApiResponse());
                _tokens.Reset();
                _secrets.Reset();
            }

            ReplayedEntries++;
        }

        _clock.Unpin();
        _handler = new ApiHandler(_server, _json, _tokens, Administered(options!));
    }

    private void Throttle(CenterConfig config)
    {
        _throttle.MaxFailures = config.Core.MaxFailedSignIns;
        _throttle.LockoutSeconds = config.Core.LockoutSeconds;
    }

    private ApiOptions Administered(ApiOptions options)
    {
        options.Admin = this;
        return options;
    }

    /// <summary>Collects the events of the change being applied (none while replaying).</summary>
    public void OnEvent(EventStream stream, ServerEvent e) => _current?.Events.Add((stream, e));

    private void OnCommitted(IReadOnlyList<JournalEntry> batch)
    {
        lock (_waiters)
        {
            foreach (EventStream stream in batch.SelectMany(e => e.Events).Select(x => x.Stream).Distinct())
            {
                if (_waiters.Remove(stream, out var list))
                {
                    list.ForEach(w => w.TrySetResult());
                }
            }
        }
    }

    public void Dispose()
    {
        _ticker.Dispose();
        lock (_gate)
        {
            _journal.Dispose();
        }
    }
}
