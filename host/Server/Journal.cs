using AgentPhone.Server;
using AgentPhone.Server.Api;
using Microsoft.Data.Sqlite;

namespace AgentPhone.ServerHost;

/// <summary>
/// One thing that changed the center, in the order it happened: the configuration, an accepted
/// request (as it came, secrets left out), or a tick that ran timed work. Replaying the entries
/// against a fresh core, with the recorded clock, tokens and password checks, rebuilds every
/// agent, session, call, queue and event stream exactly.
/// </summary>
public sealed class JournalEntry
{
    public const string ConfigKind = "config";
    public const string RequestKind = "request";
    public const string TickKind = "tick";

    public long Id { get; set; }
    public long AtMs { get; init; }
    public string Kind { get; init; } = RequestKind;
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
    public string? Authorization { get; init; }
    /// <summary>The request carried the right API key (the key itself is not stored).</summary>
    public bool ApiKeyOk { get; init; }
    public string? Body { get; set; }
    /// <summary>The session token the request was given (sign-in).</summary>
    public string? Token { get; set; }
    /// <summary>The outcome of the password or PIN check, if the request made one.</summary>
    public bool? SecretOk { get; set; }

    /// <summary>Events the entry appended, kept in the event table for operators.</summary>
    public List<(EventStream Stream, ServerEvent Event)> Events { get; } = [];
}

/// <summary>
/// The SQLite store (WAL): the journal, and the event log beside it. Entries are queued under the
/// server's lock and written by one thread in batches, one transaction each (group commit); a
/// request is answered only once everything queued before its answer is committed, so nothing a
/// client saw is lost when the process is killed.
/// </summary>
public sealed class Journal : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly object _queueLock = new();
    private readonly List<JournalEntry> _queue = [];
    private readonly List<(long Id, TaskCompletionSource Done)> _waiters = [];
    private readonly Thread _writer;
    private readonly Action<IReadOnlyList<JournalEntry>> _committed;
    private readonly SystemTextJsonCodec _json = new();
    private long _lastId;
    private long _committedId;
    private bool _stopping;
    private Exception? _failure;

    /// <param name="committed">Told of each batch after it is durable (wakes long-polls).</param>
    public Journal(string path, Action<IReadOnlyList<JournalEntry>> committed)
    {
        _committed = committed;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute("PRAGMA journal_mode=WAL;");
        // NORMAL: a commit reaches the OS before the answer; a killed process loses nothing.
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS journal(
              id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, kind TEXT NOT NULL,
              method TEXT, path TEXT, query TEXT, authorization TEXT, api_key_ok INTEGER NOT NULL,
              body TEXT, token TEXT, secret_ok INTEGER);
            CREATE TABLE IF NOT EXISTS events(
              owner TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, kind TEXT NOT NULL,
              agent_id TEXT, body TEXT NOT NULL, PRIMARY KEY(owner, seq));
            """);
        using (SqliteCommand max = _db.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(id), 0) FROM journal";
            _lastId = _committedId = (long)max.ExecuteScalar()!;
        }

        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "journal" };
        _writer.Start();
    }

    public long LastQueued => Interlocked.Read(ref _lastId);

    public IEnumerable<JournalEntry> ReadAll()
    {
        using SqliteCommand read = _db.CreateCommand();
        read.CommandText = "SELECT id, at_ms, kind, method, path, query, authorization, api_key_ok, body, token, secret_ok FROM journal ORDER BY id";
        using SqliteDataReader r = read.ExecuteReader();
        while (r.Read())
        {
            yield return new JournalEntry
            {
                Id = r.GetInt64(0),
                AtMs = r.GetInt64(1),
                Kind = r.GetString(2),
                Method = r.IsDBNull(3) ? null : r.GetString(3),
                Path = r.IsDBNull(4) ? null : r.GetString(4),
                Query = r.IsDBNull(5) ? null : r.GetString(5),
                Authorization = r.IsDBNull(6) ? null : r.GetString(6),
                ApiKeyOk = r.GetInt64(7) != 0,
                Body = r.IsDBNull(8) ? null : r.GetString(8),
                Token = r.IsDBNull(9) ? null : r.GetString(9),
                SecretOk = r.IsDBNull(10) ? null : r.GetInt64(10) != 0,
            };
        }
    }

    /// <summary>Queues an entry (call under the server's lock, so ids follow the order of changes).</summary>
    public void Enqueue(JournalEntry entry)
    {
        lock (_queueLock)
        {
            ThrowIfFailed();
            entry.Id = ++_lastId;
            _queue.Add(entry);
            Monitor.Pulse(_queueLock);
        }
    }

    /// <summary>Completes when every entry up to <paramref name="id"/> is committed.</summary>
    public Task WhenCommitted(long id)
    {
        lock (_queueLock)
        {
            ThrowIfFailed();
            if (id <= _committedId)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((id, done));
            return done.Task;
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            List<JournalEntry> batch;
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

                batch = [.. _queue];
                _queue.Clear();
            }

            try
            {
                Write(batch);
            }
            catch (Exception e)
            {
                lock (_queueLock)
                {
                    _failure = e;
                    _waiters.ForEach(w => w.Done.TrySetException(e));
                    _waiters.Clear();
                }

                return;
            }

            lock (_queueLock)
            {
                _committedId = batch[^1].Id;
                for (int i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Id <= _committedId)
                    {
                        _waiters[i].Done.TrySetResult();
                        _waiters.RemoveAt(i);
                    }
                }
            }

            _committed(batch);
        }
    }

    private void Write(List<JournalEntry> batch)
    {
        using SqliteTransaction tx = _db.BeginTransaction();
        using SqliteCommand insert = _db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO journal(id, at_ms, kind, method, path, query, authorization, api_key_ok, body, token, secret_ok)
            VALUES ($id, $at, $kind, $method, $path, $query, $auth, $key, $body, $token, $secret)
            """;
        SqliteParameter[] p = new[] { "$id", "$at", "$kind", "$method", "$path", "$query", "$auth", "$key", "$body", "$token", "$secret" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        using SqliteCommand ev = _db.CreateCommand();
        ev.Transaction = tx;
        ev.CommandText = "INSERT OR REPLACE INTO events(owner, seq, at_ms, kind, agent_id, body) VALUES ($owner, $seq, $at, $kind, $agent, $body)";
        SqliteParameter[] q = new[] { "$owner", "$seq", "$at", "$kind", "$agent", "$body" }
            .Select(n => ev.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (JournalEntry e in batch)
        {
            object?[] values = [e.Id, e.AtMs, e.Kind, e.Method, e.Path, e.Query, e.Authorization, e.ApiKeyOk ? 1 : 0, e.Body, e.Token,
                e.SecretOk is bool ok ? (ok ? 1 : 0) : null];
            for (int i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            foreach ((EventStream stream, ServerEvent se) in e.Events)
            {
                object?[] row = [$"{stream.Owner}:{stream.Tenant}:{stream.Name}", se.Seq, se.AtMs,
                    Protocol.EventKinds.ToWire(se.Kind), se.AgentId, _json.Write(WireViews.Event(se))];
                for (int i = 0; i < q.Length; i++)
                {
                    q[i].Value = row[i] ?? DBNull.Value;
                }

                ev.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    private void ThrowIfFailed()
    {
        if (_failure != null)
        {
            throw new InvalidOperationException("The journal cannot be written: " + _failure.Message, _failure);
        }
    }

    private void Execute(string sql)
    {
        using SqliteCommand c = _db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_queueLock)
        {
            _stopping = true;
            Monitor.Pulse(_queueLock);
        }

        _writer.Join();
        _db.Dispose();
    }
}
