using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AgentPhone.Server;

namespace AgentPhone.ServerHost;

/// <summary>
/// One thing that changed the center, in the order it happened: the configuration, an accepted
/// request (as it came, with hashes in place of tokens and no secret), a tick that ran timed
/// work, or a stored hash upgraded to a higher cost. Replaying the entries after a snapshot, with the recorded clock, token hashes and
/// password outcomes, rebuilds the center exactly; <see cref="Digest"/> proves it did.
/// </summary>
public sealed class JournalEntry
{
    public const string ConfigKind = "config";
    public const string RequestKind = "request";
    public const string TickKind = "tick";
    /// <summary>A stored secret upgraded to a higher hashing cost.</summary>
    public const string SecretKind = "secret";

    public long Id { get; set; }
    public long AtMs { get; init; }
    public string Kind { get; init; } = RequestKind;
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
    /// <summary>The request's Authorization, its token replaced by the token's hash.</summary>
    public string? Authorization { get; init; }
    /// <summary>The hash of the key the request carried, if it opened a PBX or administration route.</summary>
    public string? ApiKey { get; init; }
    public string? Body { get; set; }
    /// <summary>The hash of the session token the request was given (sign-in).</summary>
    public string? Token { get; set; }
    /// <summary>The outcome of the password or PIN check, if the request made one.</summary>
    public bool? SecretOk { get; set; }
    /// <summary>What the change told its client and appended to event streams, hashed: replay
    /// must come to the same (null for a configuration).</summary>
    public string? Digest { get; set; }

    /// <summary>Events the change appended (to wake long-polls once it is durable, and for the digest).</summary>
    public List<(EventStream Stream, ServerEvent Event)> Events { get; } = [];

    /// <summary>The columns every store selects an entry with, in the order <see cref="Read"/> takes them.</summary>
    public const string Columns = "id, at_ms, kind, method, path, query, {0}, api_key, body, token, secret_ok, digest";

    /// <summary>An entry from a row of <see cref="Columns"/> (the outcome stored as a number or a boolean).</summary>
    public static JournalEntry Read(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        AtMs = r.GetInt64(1),
        Kind = r.GetString(2),
        Method = r.IsDBNull(3) ? null : r.GetString(3),
        Path = r.IsDBNull(4) ? null : r.GetString(4),
        Query = r.IsDBNull(5) ? null : r.GetString(5),
        Authorization = r.IsDBNull(6) ? null : r.GetString(6),
        ApiKey = r.IsDBNull(7) ? null : r.GetString(7),
        Body = r.IsDBNull(8) ? null : r.GetString(8),
        Token = r.IsDBNull(9) ? null : r.GetString(9),
        SecretOk = r.IsDBNull(10) ? null : Convert.ToBoolean(r.GetValue(10)),
        Digest = r.IsDBNull(11) ? null : r.GetString(11),
    };

    /// <summary>The digest of an answer (status and body; 0 and null for a tick) and its events.</summary>
    public static string DigestOf(int status, string? body, List<(EventStream Stream, ServerEvent Event)> events)
    {
        // Every change is digested: its text is built in a builder this thread keeps and hashed
        // from pooled buffers, so only the digest itself is new.
        StringBuilder text = t_digestText ??= new StringBuilder(1024);
        text.Clear().Append(status).Append('\n').Append(body).Append('\n');
        foreach ((EventStream s, ServerEvent e) in events)
        {
            if (s.Owner == StreamOwner.Device)
            {
                continue;   // it only wakes waits: neither snapshots nor a restart keep its numbering
            }

            text.Append($"{s.Owner}:{s.Tenant}:{s.Name}#{e.Seq}:{e.Kind}:{e.AgentId}:{e.State}:{e.CallId}\n");
        }

        char[] chars = ArrayPool<char>.Shared.Rent(text.Length);
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            text.CopyTo(0, chars, text.Length);
            int length = Encoding.UTF8.GetBytes(chars, 0, text.Length, utf8, 0);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash[..12]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(utf8);
            if (text.Capacity > 64 * 1024)
            {
                t_digestText = null;
            }
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_digestText;
}

/// <summary>A snapshot: the center's state once every entry up to <see cref="Through"/> was applied,
/// its text in the parts it is stored in.</summary>
public sealed record Snapshot(long Through, long AtMs, string[] Parts)
{
    public string State => string.Concat(Parts);

    /// <summary>What <paramref name="w"/> holds, cut into parts straight from its buffer: a copy of
    /// the whole text would cost a 10,000-agent center megabytes a snapshot.</summary>
    public static Snapshot Of(long through, long atMs, StateWriter w)
    {
        var parts = new string[Math.Max(1, (w.Length + SnapshotPart.Chars - 1) / SnapshotPart.Chars)];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = w.Part(i * SnapshotPart.Chars, Math.Min(SnapshotPart.Chars, w.Length - i * SnapshotPart.Chars));
        }

        return new Snapshot(through, atMs, parts);
    }
}

/// <summary>One part of a snapshot being written; the last one makes it count.</summary>
public sealed record SnapshotPart(Snapshot Of, int Index, int Count)
{
    /// <summary>A snapshot is written in parts of this many characters, one per commit: none holds
    /// up the entries queued behind it for long.</summary>
    public const int Chars = 256 * 1024;

    public string Text => Of.Parts[Index];
}

/// <summary>The database cannot be used as it is; <see cref="Exception.Message"/> says why and what to do.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Where the journal and the snapshots are kept (SQLite for one process, PostgreSQL for a cluster
/// node). One writer thread writes; reads happen at start and after a fault, while nothing writes.
/// </summary>
public interface IJournalStore : IDisposable
{
    /// <summary>The newest entry id (or snapshot) stored.</summary>
    long MaxId();

    /// <summary>The entry the older of two kept snapshots covers (0 with fewer than two): the
    /// journal up to it may go.</summary>
    long OldestKept();

    /// <summary>Whether every entry since the first is still here (none dropped behind a snapshot),
    /// so the journal alone can rebuild the center.</summary>
    bool IsWhole();

    /// <summary>The snapshots, newest first (one whose parts do not add up reads as damaged: empty).</summary>
    List<Snapshot> Snapshots();

    /// <summary>The configurations up to entry <paramref name="through"/>, in order.</summary>
    List<JournalEntry> ConfigsThrough(long through);

    /// <summary>Every entry after <paramref name="id"/>, in order.</summary>
    List<JournalEntry> After(long id);

    /// <summary>One transaction: the entries; the part (when it is a snapshot's last, the snapshot
    /// counts and snapshots older than the two newest go); entries in (<paramref name="pruneAfter"/>,
    /// <paramref name="pruneThrough"/>] but configurations dropped.</summary>
    void Write(IReadOnlyList<JournalEntry> entries, SnapshotPart? part, long pruneAfter, long pruneThrough);

    /// <summary>The store on a connection of its own after a fault; throws while it still fails.</summary>
    IJournalStore Reopen();

    /// <summary>Records a clean stop (best effort: a store left marked running replays, as after a kill).</summary>
    void MarkStopped();
}

/// <summary>
/// The journal and the snapshots, in format <see cref="Format"/>, over a store. Entries are
/// queued under the server's lock and written by one thread in batches, one transaction each
/// (group commit); a request is answered only once everything queued before its answer is
/// committed, so nothing a client saw is lost when the process is killed. When a write fails the
/// store is faulted: waiting requests fail, nothing more is queued, and the host reloads the
/// center from what did commit once <see cref="TryReopen"/> succeeds.
/// </summary>
public sealed class Journal : IDisposable
{
    public const int Format = 2;

    // Old entries are dropped a slice at a time, so no commit holds up the entries behind it for long.
    private const int PruneSlice = 5_000;

    private readonly object _queueLock = new();
    private readonly List<object> _queue = [];   // entries and snapshots, in order
    private readonly List<(long Id, TaskCompletionSource Done)> _waiters = [];
    private readonly Action<IReadOnlyList<JournalEntry>> _committed;
    private readonly Thread _writer;
    private IJournalStore _db;
    private IJournalStore? _reopened;
    private long _lastId;
    private long _committedId;
    private long _epoch;        // counts faults: a snapshot copied before one is never written
    private long _pruneThrough; // entries up to this id (configurations excepted) may go
    private long _prunedThrough;
    private bool _stopping;
    private Exception? _fault;

    /// <summary>Takes an opened and checked store.</summary>
    /// <param name="committed">Told of each batch after it is durable (wakes long-polls).</param>
    public Journal(IJournalStore store, Action<IReadOnlyList<JournalEntry>> committed)
    {
        _db = store;
        _committed = committed;
        _lastId = _committedId = _db.MaxId();
        _prunedThrough = 0;
        _pruneThrough = _db.OldestKept();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "journal" };
        _writer.Start();
    }

    public long LastQueued => Interlocked.Read(ref _lastId);

    /// <summary>Why the store failed, or null while it works.</summary>
    public Exception? Fault
    {
        get
        {
            lock (_queueLock)
            {
                return _fault;
            }
        }
    }

    /// <summary>Told once each time the store fails.</summary>
    public event Action<Exception>? Faulted;

    /// <inheritdoc cref="IJournalStore.Snapshots"/>
    public List<Snapshot> Snapshots() => Read(s => s.Snapshots());

    /// <inheritdoc cref="IJournalStore.ConfigsThrough"/>
    public List<JournalEntry> ConfigsThrough(long through) => Read(s => s.ConfigsThrough(through));

    /// <inheritdoc cref="IJournalStore.After"/>
    public List<JournalEntry> After(long id) => Read(s => s.After(id));

    /// <inheritdoc cref="IJournalStore.IsWhole"/>
    public bool IsWhole() => Read(s => s.IsWhole());

    private T Read<T>(Func<IJournalStore, T> read)
    {
        lock (_queueLock)
        {
            return read(_db);
        }
    }

    /// <summary>Queues an entry (call under the server's lock, so ids follow the order of changes).</summary>
    public void Enqueue(JournalEntry entry)
    {
        lock (_queueLock)
        {
            ThrowIfFaulted();
            entry.Id = ++_lastId;
            _queue.Add(entry);
            Monitor.Pulse(_queueLock);
        }
    }

    /// <summary>Counts the store's faults; a snapshot is queued with the count it was copied at.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Queues a snapshot copied at <paramref name="epoch"/> (dropped if the store failed
    /// since: the state it holds may have had changes the store never took). Once it is written,
    /// older snapshots but one go, and the entries the older of the two covers.</summary>
    public void Enqueue(Snapshot snapshot, long epoch)
    {
        lock (_queueLock)
        {
            if (_fault != null || epoch != _epoch)
            {
                return;
            }

            for (int i = 0; i < snapshot.Parts.Length; i++)
            {
                _queue.Add(new SnapshotPart(snapshot, i, snapshot.Parts.Length));
            }

            Monitor.Pulse(_queueLock);
        }
    }

    /// <summary>Completes when every entry up to <paramref name="id"/> is committed; fails if the store fails first.</summary>
    public Task WhenCommitted(long id)
    {
        lock (_queueLock)
        {
            ThrowIfFaulted();
            if (id <= _committedId)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((id, done));
            return done.Task;
        }
    }

    /// <summary>After a fault: whether the store takes writes again, tried on a connection of its
    /// own and holding no lock (the try may wait for another program's lock). The store stays
    /// faulted until <see cref="Resume"/>.</summary>
    public bool TryReopen()
    {
        try
        {
            IJournalStore db = _db.Reopen();
            lock (_queueLock)
            {
                _reopened?.Dispose();
                _reopened = db;
            }

            return true;
        }
        catch (StoreException)
        {
            return false;
        }
    }

    /// <summary>Takes the connection <see cref="TryReopen"/> made: numbering continues after what
    /// committed. The host reloads the center from the store under the same lock its requests take.</summary>
    public void Resume()
    {
        lock (_queueLock)
        {
            if (_fault == null || _reopened == null)
            {
                return;
            }

            _db.Dispose();
            _db = _reopened;
            _reopened = null;
            _lastId = _committedId = _db.MaxId();
            _pruneThrough = _db.OldestKept();
            _fault = null;
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            List<object> batch;
            lock (_queueLock)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_queueLock);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                // Everything queued, up to and including one snapshot part.
                int take = _queue.FindIndex(item => item is SnapshotPart) + 1;
                take = take == 0 ? _queue.Count : take;
                batch = _queue.GetRange(0, take);
                _queue.RemoveRange(0, take);
            }

            List<JournalEntry> entries = batch.OfType<JournalEntry>().ToList();
            SnapshotPart? part = batch[^1] as SnapshotPart;
            try
            {
                Write(entries, part);
                if (part != null && part.Index == part.Count - 1)
                {
                    // A snapshot now counts: the first slice of what it lets go goes at once.
                    _pruneThrough = _db.OldestKept();
                    Write([], null);
                }
            }
            catch (Exception e)
            {
                Fail(e);
                continue;
            }

            lock (_queueLock)
            {
                if (entries.Count > 0)
                {
                    _committedId = entries[^1].Id;
                }

                for (int i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Id <= _committedId)
                    {
                        _waiters[i].Done.TrySetResult();
                        _waiters.RemoveAt(i);
                    }
                }
            }

            _committed(entries);
        }
    }

    private void Write(List<JournalEntry> entries, SnapshotPart? part)
    {
        long upTo = Math.Min(_pruneThrough, _prunedThrough + PruneSlice);
        _db.Write(entries, part, _prunedThrough, upTo);
        _prunedThrough = upTo;
    }

    /// <summary>Counts the store as failed: the batch being written and everything queued after it
    /// fail, and the center that made them is reloaded from the store before anything is accepted again.</summary>
    public void Fail(Exception e)
    {
        lock (_queueLock)
        {
            _fault = e;
            _epoch++;
            _queue.Clear();
            _waiters.ForEach(w => w.Done.TrySetException(new StoreException("The journal cannot be written: " + e.Message, e)));
            _waiters.Clear();
        }

        Faulted?.Invoke(e);
    }

    private void ThrowIfFaulted()
    {
        if (_fault != null)
        {
            throw new StoreException("The journal cannot be written: " + _fault.Message, _fault);
        }
    }

    /// <summary>Writes what is queued, marks the store stopped cleanly and closes it.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            _stopping = true;
            Monitor.Pulse(_queueLock);
        }

        _writer.Join();
        lock (_queueLock)
        {
            if (_fault == null)
            {
                _db.MarkStopped();
            }

            _reopened?.Dispose();
            _db.Dispose();
        }
    }
}
