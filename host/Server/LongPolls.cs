namespace AgentPhone.ServerHost;

/// <summary>
/// Event long-polls waiting, each for its key (a stream) to change or for its deadline on the
/// monotonic clock, whichever comes first. The owner's timer ends the waits that are due
/// (<see cref="EndDue"/>), so a wait costs no timer of its own: at ten thousand phones the
/// waits are most of what a server holds between collections.
/// </summary>
public sealed class LongPolls<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<Waiter>> _waiting = [];
    private readonly PriorityQueue<Waiter, long> _deadlines = new();

    /// <summary>Starts a wait. Called under the lock that decided there is nothing to answer yet,
    /// so a change after that decision wakes it.</summary>
    public Waiter Add(TKey key, int seconds)
    {
        var w = new Waiter(key, Environment.TickCount64 + seconds * 1000L);
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(key, out var list))
            {
                _waiting[key] = list = [];
            }

            list.Add(w);
            _deadlines.Enqueue(w, w.DeadlineMs);
        }

        return w;
    }

    /// <summary>Until <paramref name="w"/> is woken, its deadline passes, or the client goes.</summary>
    public async Task Until(Waiter w, CancellationToken aborted)
    {
        using (aborted.UnsafeRegister(static x => ((Waiter)x!).TrySetResult(), w))
        {
            await w.Task;
        }

        lock (_waiting)
        {
            if (_waiting.TryGetValue(w.Key, out var list))
            {
                list.Remove(w);
            }
        }
    }

    /// <summary>Wakes every wait on <paramref name="key"/>.</summary>
    public void Wake(TKey key)
    {
        lock (_waiting)
        {
            if (_waiting.Remove(key, out var list))
            {
                list.ForEach(w => w.TrySetResult());
            }
        }
    }

    /// <summary>Wakes every wait (the center was reloaded: what they wait for may have changed).</summary>
    public void WakeAll()
    {
        lock (_waiting)
        {
            foreach (List<Waiter> list in _waiting.Values)
            {
                list.ForEach(w => w.TrySetResult());
            }

            _waiting.Clear();
        }
    }

    /// <summary>Ends the waits whose deadline is past (each leaves its key's list itself).</summary>
    public void EndDue()
    {
        long now = Environment.TickCount64;
        lock (_waiting)
        {
            while (_deadlines.TryPeek(out Waiter? w, out long due) && due <= now)
            {
                _deadlines.Dequeue();
                w.TrySetResult();
            }
        }
    }

    public sealed class Waiter(TKey key, long deadlineMs) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public TKey Key { get; } = key;

        public long DeadlineMs { get; } = deadlineMs;
    }
}
