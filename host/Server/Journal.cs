using System.Security.Cryptography;
using System.Text;
using AgentPhone.Server;
using Microsoft.Data.Sqlite;

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

    /// <summary>The digest of an answer (status and body; 0 and null for a tick) and its events.</summary>
    public static string DigestOf(int status, string? body, List<(EventStream Stream, ServerEvent Event)> events)
    {
        var text = new StringBuilder().Append(status).Append('\n').Append(body).Append('\n');
        foreach ((EventStream s, ServerEvent e) in events)
        {
            text.Append(s.Owner).Append(':').Append(s.Tenant).Append(':').Append(s.Name).Append('#').Append(e.Seq)
                .Append(':').Append(e.Kind).Append(':').Append(e.AgentId).Append(':').Append(e.State).Append(':').Append(e.CallId).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }
}

/// <summary>A snapshot: the center's state once every entry up to <see cref="Through"/> was applied.</summary>
public sealed record Snapshot(long Through, long AtMs, string State);

/// <summary>One part of a snapshot being written; the last one makes it count.</summary>
internal sealed record SnapshotPart(Snapshot Of, int Index, int Count);

/// <summary>The database cannot be used as it is; <see cref="Exception.Message"/> says why and what to do.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The SQLite store (WAL): the journal and the snapshots, in format <see cref="Format"/>. Entries
/// are queued under the server's lock and written by one thread in batches, one transaction each
/// (group commit); a request is answered only once everything queued before its answer is
/// committed, so nothing a client saw is lost when the process is killed. When a write fails the
/// store is faulted: waiting requests fail, nothing more is queued, and the host reloads the
/// center from what did commit once <see cref="TryResume"/> succeeds.
/// </summary>
public sealed class Journal : IDisposable
{
    public const int Format = 2;

    // A snapshot is written in parts of this many characters, one per commit, and old entries are
    // dropped a slice at a time: neither holds up the entries queued behind them for long.
    private const int PartChars = 256 * 1024;
    private const int PruneSlice = 5_000;

    private readonly string _path;
    private readonly TimeSpan _busyTimeout;
    private readonly object _queueLock = new();
    private readonly List<object> _queue = [];   // entries and snapshots, in order
    private readonly List<(long Id, TaskCompletionSource Done)> _waiters = [];
    private readonly Action<IReadOnlyList<JournalEntry>> _committed;
    private readonly Thread _writer;
    private readonly Timer _checkpoints;
    private readonly object _checkpointLock = new();
    private SqliteConnection _db;
    private SqliteConnection? _checkpointDb;
    private SqliteConnection? _reopened;
    private long _lastId;
    private long _committedId;
    private long _epoch;        // counts faults: a snapshot copied before one is never written
    private long _pruneThrough; // entries up to this id (configurations excepted) may go
    private long _prunedThrough;
    private bool _stopping;
    private Exception? _fault;

    /// <summary>Opens (or creates, when the file does not exist) and checks the store.</summary>
    /// <param name="committed">Told of each batch after it is durable (wakes long-polls).</param>
    /// <param name="busyTimeout">How long a write waits for a lock another program holds before the store counts as failed.</param>
    public Journal(string path, Action<IReadOnlyList<JournalEntry>> committed, TimeSpan? busyTimeout = null)
    {
        _path = Path.GetFullPath(path);
        _committed = committed;
        _busyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        _db = StoreFile.Open(_path, _busyTimeout);
        _lastId = _committedId = MaxId();
        _prunedThrough = 0;
        _pruneThrough = OldestKept();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "journal" };
        _writer.Start();
        _checkpoints = new Timer(_ => Checkpoint(), null, CheckpointEveryMs, CheckpointEveryMs);
    }

    private const int CheckpointEveryMs = 1000;

    // Copying the log into the database file (with its fsync) runs here, on a connection of its
    // own beside the writer, never inside a commit: no answer waits for a checkpoint.
    private void Checkpoint()
    {
        lock (_checkpointLock)
        {
            try
            {
                _checkpointDb ??= StoreFile.Checkpointer(_path);
                using SqliteCommand c = _checkpointDb.CreateCommand();
                c.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                c.ExecuteNonQuery();
            }
            catch (Exception e) when (e is SqliteException or ObjectDisposedException)
            {
                // The writer finds a store that fails; the next checkpoint tries again.
                _checkpointDb?.Dispose();
                _checkpointDb = null;
            }
        }
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

    /// <summary>The snapshots, newest first (one whose parts do not add up reads as damaged).</summary>
    public List<Snapshot> Snapshots() =>
        Read("SELECT through, at_ms, parts FROM snapshots ORDER BY through DESC", r => (Through: r.GetInt64(0), AtMs: r.GetInt64(1), Parts: r.GetInt64(2)))
            .Select(h =>
            {
                List<string> parts = Read($"SELECT text FROM snapshot_parts WHERE through = {h.Through} ORDER BY part", r => r.GetString(0));
                return new Snapshot(h.Through, h.AtMs, parts.Count == h.Parts ? string.Concat(parts) : string.Empty);
            })
            .ToList();

    /// <summary>The configurations applied up to entry <paramref name="through"/>, in order.</summary>
    public List<JournalEntry> ConfigsThrough(long through) => Entries($"kind = '{JournalEntry.ConfigKind}' AND id <= {through}");

    /// <summary>Every entry after <paramref name="id"/>, in order.</summary>
    public List<JournalEntry> After(long id) => Entries($"id > {id}");

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

            int parts = Math.Max(1, (snapshot.State.Length + PartChars - 1) / PartChars);
            for (int i = 0; i < parts; i++)
            {
                _queue.Add(new SnapshotPart(snapshot, i, parts));
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
            SqliteConnection db = StoreFile.Reopen(_path, _busyTimeout);
            lock (_queueLock)
            {
                _reopened?.Dispose();
                _reopened = db;
            }

            return true;
        }
        catch (SqliteException)
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
            _lastId = _committedId = MaxId();
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

            try
            {
                Write(batch);
            }
            catch (Exception e)
            {
                Fail(e);
                continue;
            }

            List<JournalEntry> entries = batch.OfType<JournalEntry>().ToList();
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

    private void Write(List<object> batch)
    {
        using SqliteTransaction tx = _db.BeginTransaction();
        using SqliteCommand insert = _db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO journal(id, at_ms, kind, method, path, query, authorization, api_key, body, token, secret_ok, digest)
            VALUES ($id, $at, $kind, $method, $path, $query, $auth, $key, $body, $token, $secret, $digest)
            """;
        SqliteParameter[] p = new[] { "$id", "$at", "$kind", "$method", "$path", "$query", "$auth", "$key", "$body", "$token", "$secret", "$digest" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (object item in batch)
        {
            if (item is SnapshotPart part)
            {
                WritePart(tx, part);
                continue;
            }

            var e = (JournalEntry)item;
            object?[] values = [e.Id, e.AtMs, e.Kind, e.Method, e.Path, e.Query, e.Authorization, e.ApiKey, e.Body, e.Token,
                e.SecretOk is bool ok ? (ok ? 1 : 0) : null, e.Digest];
            for (int i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        if (_prunedThrough < _pruneThrough)
        {
            long upTo = Math.Min(_pruneThrough, _prunedThrough + PruneSlice);
            Execute(tx, $"DELETE FROM journal WHERE kind <> '{JournalEntry.ConfigKind}' AND id > {_prunedThrough} AND id <= {upTo}");
            _prunedThrough = upTo;
        }

        tx.Commit();
    }

    private void WritePart(SqliteTransaction tx, SnapshotPart part)
    {
        Snapshot s = part.Of;
        int from = part.Index * PartChars;
        Execute(tx, "INSERT OR REPLACE INTO snapshot_parts(through, part, text) VALUES ($through, $part, $text)",
            ("$through", s.Through), ("$part", part.Index), ("$text", s.State.Substring(from, Math.Min(PartChars, s.State.Length - from))));
        if (part.Index < part.Count - 1)
        {
            return;
        }

        Execute(tx, "INSERT OR REPLACE INTO snapshots(through, at_ms, parts) VALUES ($through, $at, $parts)",
            ("$through", s.Through), ("$at", s.AtMs), ("$parts", part.Count));
        // Two snapshots stay, so a damaged newest one still leaves a way back; the journal keeps
        // what the older one needs after it, and every configuration.
        Execute(tx, "DELETE FROM snapshots WHERE through < (SELECT MIN(through) FROM (SELECT through FROM snapshots ORDER BY through DESC LIMIT 2))");
        Execute(tx, "DELETE FROM snapshot_parts WHERE through NOT IN (SELECT through FROM snapshots)");
        _pruneThrough = OldestKept();
    }

    /// <summary>Whether every entry since the first is still here (none dropped behind a snapshot),
    /// so the journal alone can rebuild the center.</summary>
    public bool IsWhole()
    {
        using SqliteCommand c = _db.CreateCommand();
        c.CommandText = "SELECT COUNT(*) = COALESCE(MAX(id), 0) FROM journal";
        return (long)c.ExecuteScalar()! == 1;
    }

    private long OldestKept()
    {
        using SqliteCommand c = _db.CreateCommand();
        // With one snapshot the whole journal stays: a damaged snapshot must have something to fall back to.
        c.CommandText = "SELECT CASE WHEN COUNT(*) >= 2 THEN MIN(through) ELSE 0 END FROM snapshots";
        return (long)c.ExecuteScalar()!;
    }

    private List<JournalEntry> Entries(string where) => Read(
        $"SELECT id, at_ms, kind, method, path, query, authorization, api_key, body, token, secret_ok, digest FROM journal WHERE {where} ORDER BY id",
        r => new JournalEntry
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
            SecretOk = r.IsDBNull(10) ? null : r.GetInt64(10) != 0,
            Digest = r.IsDBNull(11) ? null : r.GetString(11),
        });

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> row)
    {
        lock (_queueLock)
        {
            using SqliteCommand read = _db.CreateCommand();
            read.CommandText = sql;
            using SqliteDataReader r = read.ExecuteReader();
            var list = new List<T>();
            while (r.Read())
            {
                list.Add(row(r));
            }

            return list;
        }
    }

    private long MaxId()
    {
        using SqliteCommand max = _db.CreateCommand();
        max.CommandText = "SELECT MAX(COALESCE((SELECT MAX(id) FROM journal), 0), COALESCE((SELECT MAX(through) FROM snapshots), 0))";
        return (long)max.ExecuteScalar()!;
    }

    private void Execute(SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand c = _db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            c.Parameters.AddWithValue(name, value);
        }

        c.ExecuteNonQuery();
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
        using (var stopped = new ManualResetEvent(false))
        {
            if (_checkpoints.Dispose(stopped))
            {
                stopped.WaitOne();
            }
        }

        lock (_checkpointLock)
        {
            _checkpointDb?.Dispose();
            _checkpointDb = null;
        }

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
                StoreFile.MarkStopped(_db);
            }

            _reopened?.Dispose();
            _db.Dispose();
        }
    }
}
