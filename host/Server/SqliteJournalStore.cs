using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AgentPhone.ServerHost;

/// <summary>
/// The journal in one SQLite file (WAL), the single process's store. Opening it checks it
/// (<see cref="StoreFile"/>); checkpoints run on a connection of their own beside the writer.
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private const int CheckpointEveryMs = 1000;

    private readonly string _path;
    private readonly StoreOptions _options;
    private readonly SqliteConnection _db;
    private readonly Timer _checkpoints;
    private readonly FileStream? _last;   // the -last record (StoreFile): the last entry committed
    private readonly object _checkpointLock = new();
    private SqliteConnection? _checkpointDb;
    private sqlite3_stmt? _insert;

    /// <summary>Opens (or creates, when the file does not exist) and checks the store.</summary>
    /// <param name="options">Its busy timeout and durability; the snapshot settings are the center's.</param>
    public SqliteJournalStore(string path, StoreOptions options)
        : this(Path.GetFullPath(path), options, StoreFile.Open(Path.GetFullPath(path), options))
    {
    }

    private SqliteJournalStore(string path, StoreOptions options, SqliteConnection db)
    {
        _path = path;
        _options = options;
        _db = db;
        _checkpoints = new Timer(_ => Checkpoint(), null, CheckpointEveryMs, CheckpointEveryMs);
        try
        {
            _last = new FileStream(StoreFile.LastPath(path), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the record the next start judges by the store's own mark, as before it.
        }
    }

    public IJournalStore Reopen()
    {
        try
        {
            return new SqliteJournalStore(_path, _options, StoreFile.Reopen(_path, _options));
        }
        catch (SqliteException e)
        {
            throw new StoreException(e.Message, e);
        }
    }

    // Copying the log into the database file (with its fsync) runs here, never inside a commit:
    // no answer waits for a checkpoint.
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

    public List<Snapshot> Snapshots() =>
        Read("SELECT through, at_ms, parts FROM snapshots ORDER BY through DESC", r => (Through: r.GetInt64(0), AtMs: r.GetInt64(1), Parts: r.GetInt64(2)))
            .Select(h =>
            {
                List<string> parts = Read($"SELECT text FROM snapshot_parts WHERE through = {h.Through} ORDER BY part", r => r.GetString(0));
                return new Snapshot(h.Through, h.AtMs, parts.Count == h.Parts ? parts.ToArray() : []);
            })
            .ToList();

    public List<JournalEntry> ConfigsThrough(long through) => Entries($"kind = '{JournalEntry.ConfigKind}' AND id <= {through}");

    public List<JournalEntry> After(long id) => Entries($"id > {id}");

    public void Write(IReadOnlyList<JournalEntry> entries, SnapshotPart? part, long pruneAfter, long pruneThrough)
    {
        using SqliteTransaction tx = _db.BeginTransaction();
        foreach (JournalEntry e in entries)
        {
            Insert(e);
        }

        if (part != null)
        {
            WritePart(tx, part);
        }

        if (pruneAfter < pruneThrough)
        {
            Execute(tx, $"DELETE FROM journal WHERE kind <> '{JournalEntry.ConfigKind}' AND id > {pruneAfter} AND id <= {pruneThrough}");
        }

        tx.Commit();
        if (entries.Count > 0)
        {
            RecordLast(entries[^1]);
        }
    }

    // Overwritten in place, padded to one length, before the batch's answers leave: a start then
    // knows what the journal must reach. Best effort: a record left behind only asks less.
    private void RecordLast(JournalEntry e)
    {
        if (_last == null)
        {
            return;
        }

        try
        {
            byte[] record = System.Text.Encoding.ASCII.GetBytes($"{e.Id} {e.Digest}".PadRight(96) + "\n");
            _last.Position = 0;
            _last.Write(record);
            _last.Flush();
        }
        catch (IOException)
        {
        }
    }

    // The journal's insert is prepared once and its values bound straight from the entry: the
    // writer allocates nothing per entry (command, parameter and binder objects, boxed numbers,
    // UTF-8 copies), which at thousands of entries a second were a large share of the server's
    // garbage. It runs inside the write's transaction, which holds the write lock already.
    private void Insert(JournalEntry e)
    {
        sqlite3 db = _db.Handle!;
        if (_insert == null)
        {
            Check(raw.sqlite3_prepare_v2(db, """
                INSERT INTO journal(id, at_ms, kind, method, path, query, authorization, api_key, body, token, secret_ok, digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, out _insert));
        }

        // Reset after every step, so it is ready for the next entry's values.
        sqlite3_stmt q = _insert!;
        Check(raw.sqlite3_bind_int64(q, 1, e.Id));
        Check(raw.sqlite3_bind_int64(q, 2, e.AtMs));
        Text(q, 3, e.Kind);
        Text(q, 4, e.Method);
        Text(q, 5, e.Path);
        Text(q, 6, e.Query);
        Text(q, 7, e.Authorization);
        Text(q, 8, e.ApiKey);
        Text(q, 9, e.Body);
        Text(q, 10, e.Token);
        Check(e.SecretOk is bool ok ? raw.sqlite3_bind_int64(q, 11, ok ? 1 : 0) : raw.sqlite3_bind_null(q, 11));
        Text(q, 12, e.Digest);
        int done = raw.sqlite3_step(q);
        raw.sqlite3_reset(q);
        if (done != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(done, db);
        }

        void Text(sqlite3_stmt stmt, int index, string? value) =>
            Check(value == null ? raw.sqlite3_bind_null(stmt, index) : raw.sqlite3_bind_text16(stmt, index, value.AsSpan()));

        void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);
    }

    private void WritePart(SqliteTransaction tx, SnapshotPart part)
    {
        Snapshot s = part.Of;
        Execute(tx, "INSERT OR REPLACE INTO snapshot_parts(through, part, text) VALUES ($through, $part, $text)",
            ("$through", s.Through), ("$part", part.Index), ("$text", part.Text));
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
    }

    public bool IsWhole()
    {
        using SqliteCommand c = _db.CreateCommand();
        c.CommandText = "SELECT COUNT(*) = COALESCE(MAX(id), 0) FROM journal";
        return (long)c.ExecuteScalar()! == 1;
    }

    public long OldestKept()
    {
        using SqliteCommand c = _db.CreateCommand();
        // With one snapshot the whole journal stays: a damaged snapshot must have something to fall back to.
        c.CommandText = "SELECT CASE WHEN COUNT(*) >= 2 THEN MIN(through) ELSE 0 END FROM snapshots";
        return (long)c.ExecuteScalar()!;
    }

    public long MaxId()
    {
        using SqliteCommand max = _db.CreateCommand();
        max.CommandText = "SELECT MAX(COALESCE((SELECT MAX(id) FROM journal), 0), COALESCE((SELECT MAX(through) FROM snapshots), 0))";
        return (long)max.ExecuteScalar()!;
    }

    private List<JournalEntry> Entries(string where) => Read(
        $"SELECT {string.Format(JournalEntry.Columns, "authorization")} FROM journal WHERE {where} ORDER BY id", JournalEntry.Read);

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> row)
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

    public void MarkStopped() => StoreFile.MarkStopped(_db);

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

        _insert?.Dispose();
        _db.Dispose();
        _last?.Dispose();
    }
}
