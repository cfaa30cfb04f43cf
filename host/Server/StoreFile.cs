using Microsoft.Data.Sqlite;

namespace AgentPhone.ServerHost;

/// <summary>
/// Opening the SQLite file of the journal: a missing file is a new center; anything else must be
/// this server's store, whole, of its format (the previous format is migrated), and hold every
/// change the server acknowledged. Beside the file, <c>-last</c> names the last journal entry
/// committed (its id and digest), rewritten after each commit: at start the journal (or a
/// snapshot covering it) must reach that entry, whoever checkpointed the write-ahead log into the
/// file meanwhile; a log cut short, a file copied without its log, or emptied tables are refused,
/// saying what is missing. Without a <c>-last</c> (a store from before it, or copied without it),
/// the store's own mark decides: one not stopped cleanly whose <c>-wal</c> is gone is refused.
/// </summary>
internal static class StoreFile
{
    private const string JournalTable = """
        CREATE TABLE journal(
          id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, kind TEXT NOT NULL,
          method TEXT, path TEXT, query TEXT, authorization TEXT, api_key TEXT,
          body TEXT, token TEXT, secret_ok INTEGER, digest TEXT);
        """;

    private const string OtherTables = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE snapshots(through INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, parts INTEGER NOT NULL);
        CREATE TABLE snapshot_parts(through INTEGER NOT NULL, part INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(through, part));
        """;

    public static SqliteConnection Open(string path, StoreOptions options)
    {
        bool exists = File.Exists(path);
        if (exists)
        {
            CheckHeader(path);
        }

        bool logKept = File.Exists(path + "-wal");
        SqliteConnection db = Connect(path, options.BusyTimeout, exists);
        try
        {
            // Checked before anything is written, so a file that is refused is left as it was.
            if (exists)
            {
                Check(db, path, logKept);
            }

            Execute(db, "PRAGMA journal_mode=WAL;");
            Settle(db, options);
            if (!exists)
            {
                Execute(db, JournalTable + OtherTables);
                Set(db, "format", Journal.Format.ToString());
            }

            MarkRunning(db);
            return db;
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new StoreException($"{path} cannot be used ({e.Message}): it is damaged, or not writable. Restore it from a backup, or give the server a writable folder.", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The store again after a failure (its checks were made at start).</summary>
    public static SqliteConnection Reopen(string path, StoreOptions options)
    {
        SqliteConnection db = Connect(path, options.BusyTimeout, true);
        try
        {
            Settle(db, options);
            // Room for more than a marker: a disk that is still full refuses this too.
            Execute(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('room', zeroblob(262144)); DELETE FROM meta WHERE key = 'room';");
            MarkRunning(db);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    // The writer's connection settings. FULL syncs the write-ahead log at every commit (one
    // commit is a batch of entries), so an answer leaves only once its change is on the disk;
    // NORMAL hands the commit to the OS and syncs at checkpoints only.
    private static void Settle(SqliteConnection db, StoreOptions options)
    {
        Execute(db, options.Durability == Durability.Disk ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        // Checkpoints run beside the writer (Journal), not in its commits.
        Execute(db, "PRAGMA wal_autocheckpoint=0;");
    }

    /// <summary>A second connection, for checkpoints beside the writer.</summary>
    public static SqliteConnection Checkpointer(string path) => Connect(path, TimeSpan.FromSeconds(1), true);

    public static void MarkStopped(SqliteConnection db)
    {
        try
        {
            Set(db, "state", "stopped");
        }
        catch (SqliteException)
        {
            // Left marked running: the next start replays, as after a kill.
        }
    }

    // "Running", and checkpointed into the main file, so a copy of that file alone shows it.
    private static void MarkRunning(SqliteConnection db)
    {
        Set(db, "state", "running");
        Execute(db, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static SqliteConnection Connect(string path, TimeSpan busyTimeout, bool mustExist)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            Mode = mustExist ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        }.ToString());
        db.Open();
        return db;
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[16];
        int read;
        using (FileStream f = File.OpenRead(path))
        {
            read = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new StoreException($"{path} is empty (0 bytes): it is not a journal. Restore it from a backup, or move it away to start a new center.");
        }

        if (read < header.Length || System.Text.Encoding.ASCII.GetString(header, 0, 15) != "SQLite format 3")
        {
            throw new StoreException($"{path} is not an SQLite database (damaged or another kind of file). Restore it from a backup, or move it away to start a new center.");
        }
    }

    private static void Check(SqliteConnection db, string path, bool logKept)
    {
        string integrity = (string)Scalar(db, "PRAGMA quick_check;")!;
        if (integrity != "ok")
        {
            throw new StoreException($"{path} is damaged ({integrity}). Restore it from a backup.");
        }

        bool hasMeta = HasTable(db, "meta");
        if (!hasMeta && HasTable(db, "journal") && !HasTable(db, "snapshots"))
        {
            Migrate(db);
        }
        else if (!hasMeta || !HasTable(db, "journal") || !HasTable(db, "snapshots") || !HasTable(db, "snapshot_parts"))
        {
            throw new StoreException($"{path} is an SQLite database but not an AgentPhone journal. Give the server its own file (--db).");
        }

        string? format = Get(db, "format");
        if (format != Journal.Format.ToString())
        {
            throw new StoreException($"{path} is a journal of format {format}; this server reads format {Journal.Format}. Start the server version that wrote it, or restore a backup of format {Journal.Format}.");
        }

        if (LastAcknowledged(path) is var (last, digest))
        {
            long reached = Math.Max((long)Scalar(db, "SELECT COALESCE(MAX(id), 0) FROM journal;")!, (long)Scalar(db, "SELECT COALESCE(MAX(through), 0) FROM snapshots;")!);
            object? recorded = Scalar(db, $"SELECT digest FROM journal WHERE id = {last};");
            if (reached < last)
            {
                throw new StoreException($"{path} ends at journal entry {reached}, but the server acknowledged entries through {last} ({Path.GetFileName(path)}-last): " +
                    $"{last - reached} acknowledged change(s) are missing (a write-ahead log lost or cut short, or rows deleted). Put the -wal file back beside it, or restore a backup; " +
                    $"to start from an older backup on purpose, remove {Path.GetFileName(path)}-last.");
            }

            if (recorded is string kept && digest != null && kept != digest)
            {
                throw new StoreException($"{path}'s journal entry {last} is not the one the server acknowledged ({Path.GetFileName(path)}-last names another): the file is from another center or another time. Restore the right backup, or remove {Path.GetFileName(path)}-last to start from this one on purpose.");
            }

            return;
        }

        if (Get(db, "state") == "running" && !logKept)
        {
            throw new StoreException($"{path} was not stopped cleanly and its write-ahead log ({Path.GetFileName(path)}-wal) is missing, so changes the server acknowledged would be lost. Put the -wal file back beside it (copy both files together), or restore a backup.");
        }
    }

    /// <summary>The file that names the last entry committed.</summary>
    public static string LastPath(string path) => path + "-last";

    // "<id> <digest>", or null when there is no readable record.
    private static (long Id, string? Digest)? LastAcknowledged(string path)
    {
        try
        {
            string[] parts = File.ReadAllText(LastPath(path)).Trim().Split(' ');
            return long.TryParse(parts[0], out long id) && id > 0 ? (id, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Format 1 (journal and event tables, tokens and the API key in clear) to format 2: the journal
    // copied with tokens and keys replaced by their hashes (a request that carried the key gets
    // the hash of the key in force), the event log dropped (replay makes the events again).
    private static void Migrate(SqliteConnection db)
    {
        Execute(db, "PRAGMA secure_delete=ON;");
        using SqliteTransaction tx = db.BeginTransaction();
        Execute(db, JournalTable.Replace("CREATE TABLE journal(", "CREATE TABLE journal_new("), tx);
        using (SqliteCommand read = db.CreateCommand())
        using (SqliteCommand write = db.CreateCommand())
        {
            read.Transaction = write.Transaction = tx;
            read.CommandText = "SELECT id, at_ms, kind, method, path, query, authorization, api_key_ok, body, token, secret_ok FROM journal ORDER BY id";
            write.CommandText = """
                INSERT INTO journal_new(id, at_ms, kind, method, path, query, authorization, api_key, body, token, secret_ok)
                VALUES ($id, $at, $kind, $method, $path, $query, $auth, $key, $body, $token, $secret)
                """;
            SqliteParameter[] p = new[] { "$id", "$at", "$kind", "$method", "$path", "$query", "$auth", "$key", "$body", "$token", "$secret" }
                .Select(n => write.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            string? key = null;   // the hash of the key in force
            using SqliteDataReader r = read.ExecuteReader();
            while (r.Read())
            {
                string kind = r.GetString(2);
                string? body = Text(r, 8);
                if (kind == JournalEntry.ConfigKind)
                {
                    body = CenterConfig.AtRest(body!);
                    key = CenterConfig.Parse(body).ApiKey;
                }

                string? token = Text(r, 9);
                object?[] row = [r.GetInt64(0), r.GetInt64(1), kind, Text(r, 3), Text(r, 4), Text(r, 5), Hashes.Authorization(Text(r, 6)),
                    r.GetInt64(7) != 0 ? key : null, body, token == null ? null : Hashes.Of(token), r.IsDBNull(10) ? null : r.GetInt64(10)];
                for (int i = 0; i < p.Length; i++)
                {
                    p[i].Value = row[i] ?? DBNull.Value;
                }

                write.ExecuteNonQuery();
            }
        }

        Execute(db, "DROP TABLE journal; ALTER TABLE journal_new RENAME TO journal; DROP TABLE IF EXISTS events;", tx);
        Execute(db, OtherTables, tx);
        Set(db, "format", Journal.Format.ToString(), tx);
        tx.Commit();
        // Rewrites every page, so no old token or key is left in free space.
        Execute(db, "VACUUM;");
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static bool HasTable(SqliteConnection db, string name) =>
        (long)Scalar(db, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'")! > 0;

    private static string? Get(SqliteConnection db, string key) => Scalar(db, $"SELECT value FROM meta WHERE key = '{key}'") as string;

    private static void Set(SqliteConnection db, string key, string value, SqliteTransaction? tx = null)
    {
        using SqliteCommand c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)";
        c.Parameters.AddWithValue("$key", key);
        c.Parameters.AddWithValue("$value", value);
        c.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using SqliteCommand c = db.CreateCommand();
        c.CommandText = sql;
        return c.ExecuteScalar();
    }

    private static void Execute(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using SqliteCommand c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }
}
