using Npgsql;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>
/// One center's journal and snapshots in PostgreSQL, the store of a cluster node. Every center
/// of the cluster shares the tables, each row keyed by its center; the schema (this project's
/// own, format <see cref="Journal.Format"/>) is created by the first node that starts. An entry's
/// key is its center and number, so two nodes can never both commit the same entry: if Orleans
/// ever ran a center twice, the second writer's commit fails and it reloads what committed.
/// </summary>
public sealed class PostgresJournalStore : IJournalStore
{
    // Serializes the schema's creation between nodes starting together.
    private const long SchemaLock = 0x4167_5068_6f6e_65;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS agentphone_meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE IF NOT EXISTS agentphone_journal(
          center text NOT NULL, id bigint NOT NULL, at_ms bigint NOT NULL, kind text NOT NULL,
          method text, path text, query text, auth text, api_key text,
          body text, token text, secret_ok boolean, digest text,
          PRIMARY KEY(center, id));
        CREATE TABLE IF NOT EXISTS agentphone_snapshots(
          center text NOT NULL, through bigint NOT NULL, at_ms bigint NOT NULL, parts integer NOT NULL,
          PRIMARY KEY(center, through));
        CREATE TABLE IF NOT EXISTS agentphone_snapshot_parts(
          center text NOT NULL, through bigint NOT NULL, part integer NOT NULL, text text NOT NULL,
          PRIMARY KEY(center, through, part));
        """;

    private readonly PostgresCommits _commits;
    private readonly string _center;
    private readonly NpgsqlConnection _db;

    /// <summary>Connects, creates the schema when the database has none, and checks its format.
    /// Reads (at load) go on a connection of the center's own; commits go through the node's
    /// <paramref name="commits"/>.</summary>
    public PostgresJournalStore(PostgresCommits commits, string center)
    {
        _commits = commits;
        _center = center;
        try
        {
            _db = commits.Source.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"PostgreSQL cannot be reached ({e.Message}).", e);
        }

        try
        {
            Prepare();
        }
        catch (Exception e)
        {
            _db.Dispose();
            throw e as StoreException ?? new StoreException($"PostgreSQL refused the journal's schema ({e.Message}).", e);
        }
    }

    private void Prepare()
    {
        using NpgsqlTransaction tx = _db.BeginTransaction();
        Execute(tx, $"SELECT pg_advisory_xact_lock({SchemaLock})");
        Execute(tx, Schema);
        Execute(tx, $"INSERT INTO agentphone_meta(key, value) VALUES ('format', '{Journal.Format}') ON CONFLICT (key) DO NOTHING");
        object? format = Scalar(tx, "SELECT value FROM agentphone_meta WHERE key = 'format'");
        if (format as string != Journal.Format.ToString())
        {
            throw new StoreException($"The PostgreSQL database holds a journal of format {format}; this server reads format {Journal.Format}. Start the server version that wrote it, or give the cluster a database of its own.");
        }

        tx.Commit();
    }

    public IJournalStore Reopen() => new PostgresJournalStore(_commits, _center);

    public long MaxId() => (long)Scalar(null, """
        SELECT GREATEST(COALESCE((SELECT MAX(id) FROM agentphone_journal WHERE center = @c), 0),
                        COALESCE((SELECT MAX(through) FROM agentphone_snapshots WHERE center = @c), 0))
        """)!;

    public long OldestKept() => (long)Scalar(null, """
        SELECT CASE WHEN COUNT(*) >= 2 THEN MIN(through) ELSE 0 END
        FROM (SELECT through FROM agentphone_snapshots WHERE center = @c ORDER BY through DESC LIMIT 2) newest
        """)!;

    public bool IsWhole() => (bool)Scalar(null, "SELECT COUNT(*) = COALESCE(MAX(id), 0) FROM agentphone_journal WHERE center = @c")!;

    public List<Snapshot> Snapshots() =>
        Read("SELECT through, at_ms, parts FROM agentphone_snapshots WHERE center = @c ORDER BY through DESC",
                r => (Through: r.GetInt64(0), AtMs: r.GetInt64(1), Parts: r.GetInt32(2)))
            .Select(h =>
            {
                List<string> parts = Read($"SELECT text FROM agentphone_snapshot_parts WHERE center = @c AND through = {h.Through} ORDER BY part", r => r.GetString(0));
                return new Snapshot(h.Through, h.AtMs, parts.Count == h.Parts ? parts.ToArray() : []);
            })
            .ToList();

    public List<JournalEntry> ConfigsThrough(long through) => Entries($"kind = '{JournalEntry.ConfigKind}' AND id <= {through}");

    public List<JournalEntry> After(long id) => Entries($"id > {id}");

    public void Write(IReadOnlyList<JournalEntry> entries, SnapshotPart? part, long pruneAfter, long pruneThrough)
    {
        var statements = new List<PostgresCommits.Statement>(entries.Count + 4);
        foreach (JournalEntry e in entries)
        {
            statements.Add(new("""
                INSERT INTO agentphone_journal(center, id, at_ms, kind, method, path, query, auth, api_key, body, token, secret_ok, digest)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """, [_center, e.Id, e.AtMs, e.Kind, e.Method, e.Path, e.Query, e.Authorization, e.ApiKey, e.Body, e.Token, e.SecretOk, e.Digest]));
        }

        if (part != null)
        {
            Snapshot s = part.Of;
            statements.Add(new("""
                INSERT INTO agentphone_snapshot_parts(center, through, part, text) VALUES ($1, $2, $3, $4)
                ON CONFLICT (center, through, part) DO UPDATE SET text = EXCLUDED.text
                """, [_center, s.Through, part.Index, part.Text]));
            if (part.Index == part.Count - 1)
            {
                statements.Add(new("""
                    INSERT INTO agentphone_snapshots(center, through, at_ms, parts) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (center, through) DO UPDATE SET at_ms = EXCLUDED.at_ms, parts = EXCLUDED.parts
                    """, [_center, s.Through, s.AtMs, part.Count]));
                // Two snapshots stay, so a damaged newest one still leaves a way back.
                statements.Add(new("""
                    DELETE FROM agentphone_snapshots WHERE center = $1 AND through <
                      (SELECT MIN(through) FROM (SELECT through FROM agentphone_snapshots WHERE center = $1 ORDER BY through DESC LIMIT 2) newest)
                    """, [_center]));
                statements.Add(new("""
                    DELETE FROM agentphone_snapshot_parts p WHERE center = $1
                      AND NOT EXISTS (SELECT 1 FROM agentphone_snapshots s WHERE s.center = p.center AND s.through = p.through)
                    """, [_center]));
            }
        }

        if (pruneAfter < pruneThrough)
        {
            statements.Add(new($"DELETE FROM agentphone_journal WHERE center = $1 AND kind <> '{JournalEntry.ConfigKind}' AND id > $2 AND id <= $3",
                [_center, pruneAfter, pruneThrough]));
        }

        // In one transaction with whatever the node's other centers have waiting.
        _commits.Commit(statements);
    }

    private List<JournalEntry> Entries(string where) => Read(
        $"SELECT {string.Format(JournalEntry.Columns, "auth")} FROM agentphone_journal WHERE center = @c AND {where} ORDER BY id", JournalEntry.Read);

    private List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> row)
    {
        using NpgsqlCommand read = new(sql, _db);
        read.Parameters.AddWithValue("c", _center);
        using NpgsqlDataReader r = read.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(row(r));
        }

        return list;
    }

    private object? Scalar(NpgsqlTransaction? tx, string sql)
    {
        using NpgsqlCommand c = new(sql, _db, tx);
        c.Parameters.AddWithValue("c", _center);
        return c.ExecuteScalar();
    }

    private void Execute(NpgsqlTransaction tx, string sql)
    {
        using NpgsqlCommand c = new(sql, _db, tx);
        c.ExecuteNonQuery();
    }

    // PostgreSQL keeps what committed; there is no file to mark.
    public void MarkStopped()
    {
    }

    public void Dispose() => _db.Dispose();
}
