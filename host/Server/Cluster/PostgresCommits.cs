using System.Runtime.ExceptionServices;
using Npgsql;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>
/// A node's commits to PostgreSQL, grouped: the journal of each center on the node hands over its
/// statements and waits; whichever journal finds no commit under way writes everything waiting,
/// its own and the others', as one batch on one connection, in one transaction. Twenty centers on a
/// node then cost PostgreSQL one backend and one WAL flush per round instead of twenty.
/// </summary>
public sealed class PostgresCommits(NpgsqlDataSource source) : IDisposable
{
    /// <summary>One statement and its values, in order.</summary>
    public readonly record struct Statement(string Sql, object?[] Values);

    private sealed class Pending(IReadOnlyList<Statement> statements)
    {
        public readonly IReadOnlyList<Statement> Statements = statements;
        public bool Done;
        public Exception? Fault;
    }

    private readonly object _lock = new();
    private List<Pending> _waiting = [];
    private bool _writing;
    private NpgsqlConnection? _db;

    public NpgsqlDataSource Source => source;

    /// <summary>Returns once <paramref name="statements"/> are committed, all of them; throws
    /// what PostgreSQL said when none are.</summary>
    public void Commit(IReadOnlyList<Statement> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        var mine = new Pending(statements);
        List<Pending>? group = null;
        lock (_lock)
        {
            _waiting.Add(mine);
            while (_writing && !mine.Done)
            {
                Monitor.Wait(_lock);
            }

            if (!mine.Done)
            {
                _writing = true;
                group = _waiting;
                _waiting = [];
            }
        }

        if (group != null)
        {
            try
            {
                Write(group);
            }
            finally
            {
                lock (_lock)
                {
                    foreach (Pending p in group)
                    {
                        p.Done = true;
                    }

                    _writing = false;
                    Monitor.PulseAll(_lock);
                }
            }
        }

        if (mine.Fault != null)
        {
            ExceptionDispatchInfo.Throw(mine.Fault);
        }
    }

    private void Write(List<Pending> group)
    {
        try
        {
            Execute(group);
        }
        catch (PostgresException) when (group.Count > 1 && _db != null)
        {
            // A statement was refused (a center run twice meeting an entry the other committed)
            // and the whole group rolled back: each again on its own, so only its center fails.
            foreach (Pending p in group)
            {
                try
                {
                    Execute([p]);
                }
                catch (Exception e)
                {
                    p.Fault = e;
                }
            }
        }
        catch (Exception e)
        {
            foreach (Pending p in group)
            {
                p.Fault = e;
            }
        }
    }

    // One batch: PostgreSQL runs the statements before its single Sync as an implicit
    // transaction, all of them or none, in one round trip.
    private void Execute(List<Pending> group)
    {
        try
        {
            _db ??= source.OpenConnection();
            using var batch = new NpgsqlBatch(_db);
            foreach (Pending p in group)
            {
                foreach (Statement s in p.Statements)
                {
                    var command = new NpgsqlBatchCommand(s.Sql);
                    foreach (object? value in s.Values)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    }

                    batch.BatchCommands.Add(command);
                }
            }

            batch.ExecuteNonQuery();
        }
        catch (Exception) when (_db != null && _db.State != System.Data.ConnectionState.Open)
        {
            // The connection broke (PostgreSQL restarted): the next commit opens another.
            _db.Dispose();
            _db = null;
            throw;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _db?.Dispose();
            _db = null;
        }
    }
}
