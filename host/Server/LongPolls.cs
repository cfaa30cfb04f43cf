using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentPhone.ServerHost;

/// <summary>
/// Event long-polls waiting, each for its key (a stream) to change or for its deadline on the
/// monotonic clock, whichever comes first. The owner's timer ends the waits that are due
/// (<see cref="EndDue"/>), so a wait costs no timer of its own. At ten thousand phones the waits
/// are most of what a server keeps between collections, and the collector's pause grows with
/// what it keeps: a wait is one object chained to the others, and an ended wait is held by nothing.
/// </summary>
public sealed class LongPolls<TKey>
    where TKey : notnull
{
    // The waits on each key, chained through the waiters; and the waits of each length in the
    // order they began, which is the order of their deadlines.
    private readonly Dictionary<TKey, Waiter> _onKey = [];
    private readonly Dictionary<int, Line> _lines = [];

    /// <summary>Starts a wait, for news past <paramref name="afterSeq"/>. Called under the lock that
    /// decided there is nothing to answer yet, so a change after that decision wakes it.</summary>
    public Waiter Add(TKey key, int seconds, long afterSeq = 0)
    {
        lock (_onKey)
        {
            ref Waiter? first = ref CollectionsMarshal.GetValueRefOrAddDefault(_onKey, key, out _);
            var w = new Waiter(this, key, Environment.TickCount64 + seconds * 1000L, afterSeq) { NextOnKey = first };
            first = w;
            if (!_lines.TryGetValue(seconds, out Line? line))
            {
                _lines[seconds] = line = new Line();
            }

            line.Append(w);
            return w;
        }
    }

    /// <summary>Until <paramref name="w"/> is woken, its deadline passes, or the client goes.</summary>
    public Task Until(Waiter w, CancellationToken aborted)
    {
        lock (_onKey)
        {
            if (w.Line != null)
            {
                w.Abort = aborted.UnsafeRegister(static x => ((Waiter)x!).Owner.End((Waiter)x), w);
            }
        }

        return w.Task;
    }

    /// <summary>Wakes the waits on <paramref name="key"/> that have not seen
    /// <paramref name="lastSeq"/>: news that comes late (a sequence a wait began after) leaves
    /// it waiting.</summary>
    public void Wake(TKey key, long lastSeq = long.MaxValue)
    {
        lock (_onKey)
        {
            ref Waiter first = ref CollectionsMarshal.GetValueRefOrNullRef(_onKey, key);
            if (Unsafe.IsNullRef(ref first))
            {
                return;
            }

            Waiter? kept = null;
            for (Waiter? w = first, next; w != null; w = next)
            {
                next = w.NextOnKey;
                if (w.AfterSeq < lastSeq)
                {
                    w.NextOnKey = null;
                    Finish(w);
                }
                else
                {
                    w.NextOnKey = kept;
                    kept = w;
                }
            }

            if (kept == null)
            {
                _onKey.Remove(key);
            }
            else
            {
                first = kept;
            }
        }
    }

    /// <summary>Wakes every wait (the center was reloaded: what they wait for may have changed).</summary>
    public void WakeAll() => WakeWhere(static _ => true);

    /// <summary>Wakes every wait on a key that <paramref name="matches"/>.</summary>
    public void WakeWhere(Func<TKey, bool> matches)
    {
        lock (_onKey)
        {
            foreach (TKey key in _onKey.Keys.Where(matches).ToList())
            {
                Wake(key);
            }
        }
    }

    /// <summary>Ends the waits whose deadline is past.</summary>
    public void EndDue()
    {
        long now = Environment.TickCount64;
        lock (_onKey)
        {
            foreach (Line line in _lines.Values)
            {
                while (line.First is Waiter w && w.DeadlineMs <= now)
                {
                    End(w);
                }
            }
        }
    }

    // One wait, at its deadline or when its client went: out of its key's chain, then finished.
    private void End(Waiter w)
    {
        lock (_onKey)
        {
            if (w.Line == null)
            {
                return;
            }

            ref Waiter first = ref CollectionsMarshal.GetValueRefOrNullRef(_onKey, w.Key);
            if (first == w)
            {
                if (w.NextOnKey == null)
                {
                    _onKey.Remove(w.Key);
                }
                else
                {
                    first = w.NextOnKey;
                }
            }
            else
            {
                Waiter before = first;
                while (before.NextOnKey != w)
                {
                    before = before.NextOnKey!;
                }

                before.NextOnKey = w.NextOnKey;
            }

            w.NextOnKey = null;
            Finish(w);
        }
    }

    // Completes a wait already out of its key's chain, and takes it out of its line.
    private static void Finish(Waiter w)
    {
        w.Line!.Remove(w);
        w.Abort.Unregister();
        w.TrySetResult();
    }

    public sealed class Waiter(LongPolls<TKey> owner, TKey key, long deadlineMs, long afterSeq) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public TKey Key { get; } = key;

        public long DeadlineMs { get; } = deadlineMs;

        public long AfterSeq { get; } = afterSeq;

        internal LongPolls<TKey> Owner { get; } = owner;

        internal Waiter? NextOnKey { get; set; }

        // Its place among the waits of its length; null once it ended.
        internal Line? Line { get; set; }

        internal Waiter? Earlier { get; set; }

        internal Waiter? Later { get; set; }

        internal CancellationTokenRegistration Abort { get; set; }
    }

    /// <summary>Waits of one length, oldest first.</summary>
    internal sealed class Line
    {
        public Waiter? First { get; private set; }

        private Waiter? _last;

        public void Append(Waiter w)
        {
            w.Line = this;
            w.Earlier = _last;
            if (_last == null)
            {
                First = w;
            }
            else
            {
                _last.Later = w;
            }

            _last = w;
        }

        public void Remove(Waiter w)
        {
            if (w.Earlier == null)
            {
                First = w.Later;
            }
            else
            {
                w.Earlier.Later = w.Later;
            }

            if (w.Later == null)
            {
                _last = w.Earlier;
            }
            else
            {
                w.Later.Earlier = w.Earlier;
            }

            w.Line = null;
            w.Earlier = w.Later = null;
        }
    }
}
