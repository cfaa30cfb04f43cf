using System.Runtime.InteropServices;

namespace AgentPhone.ServerHost;

/// <summary>
/// Threads of the lowest priority for work that is costly by design (checking and making secret
/// hashes): at a shift start a thousand sign-ins need more CPU than a small machine has spare,
/// and the center (every other request, the phones' events) must not wait behind them. The
/// operating system runs these threads only when the center's threads do not want the cores, so
/// a burst of sign-ins makes sign-ins slower, not the center. One thread per core, so idle cores
/// are used.
/// <para>Served fairly and bounded: each owner (a client address) has a queue of its own, and
/// the threads take the owners in turn, so one address sending sign-ins as fast as it can gets
/// its share and no more, and another's sign-in waits for about one check per busy address. An
/// owner with <see cref="PerOwner"/> checks waiting, or a lane with <c>capacity</c>, refuses more
/// at once rather than letting waits grow without bound.</para>
/// </summary>
public sealed class BackgroundLane : IDisposable
{
    /// <summary>How many of one owner's checks may wait at once.</summary>
    public const int PerOwner = 4;

    private readonly int _capacity;
    private readonly Dictionary<string, Queue<Action>> _queues = [];
    private readonly Queue<string> _turns = new();   // owners with work waiting, in the order they are served
    private int _waiting;
    private bool _closed;

    /// <param name="capacity">How many checks may wait in all (0: eight per thread).</param>
    public BackgroundLane(int threads, int capacity = 0)
    {
        _capacity = capacity > 0 ? capacity : 8 * threads;
        for (int i = 0; i < threads; i++)
        {
            new Thread(Serve) { IsBackground = true, Name = "secrets " + i, Priority = ThreadPriority.Lowest }.Start();
        }
    }

    /// <summary>Runs the server's own <paramref name="work"/> (a hash upgrade) on the lane,
    /// whatever waits; its result, or its exception.</summary>
    public Task<T> Run<T>(Func<T> work) => Enqueue(string.Empty, work, bounded: false)!;

    /// <summary>Runs <paramref name="work"/> for <paramref name="owner"/> in its turn; null when
    /// the owner or the lane has as much waiting as it may.</summary>
    public Task<T>? TryRun<T>(string owner, Func<T> work) => Enqueue(owner, work, bounded: true);

    private Task<T>? Enqueue<T>(string owner, Func<T> work, bool bounded)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_queues)
        {
            _queues.TryGetValue(owner, out Queue<Action>? queue);
            if (bounded && (_waiting >= _capacity || queue?.Count >= PerOwner))
            {
                return null;
            }

            if (queue == null)
            {
                _queues[owner] = queue = new Queue<Action>();
                _turns.Enqueue(owner);
            }

            queue.Enqueue(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
            _waiting++;
            Monitor.Pulse(_queues);
        }

        return done.Task;
    }

    private void Serve()
    {
        // .NET does not lower a thread's priority on Linux; the kernel takes a thread's own nice value.
        if (OperatingSystem.IsLinux())
        {
            setpriority(PrioProcess, gettid(), 19);
        }

        while (true)
        {
            Action work;
            lock (_queues)
            {
                while (_turns.Count == 0)
                {
                    if (_closed)
                    {
                        return;
                    }

                    Monitor.Wait(_queues);
                }

                string owner = _turns.Dequeue();
                Queue<Action> queue = _queues[owner];
                work = queue.Dequeue();
                _waiting--;
                if (queue.Count > 0)
                {
                    _turns.Enqueue(owner);   // its next waits behind every other owner's
                }
                else
                {
                    _queues.Remove(owner);
                }
            }

            work();
        }
    }

    /// <summary>Lets the threads end once what waits is done.</summary>
    public void Dispose()
    {
        lock (_queues)
        {
            _closed = true;
            Monitor.PulseAll(_queues);
        }
    }

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}
