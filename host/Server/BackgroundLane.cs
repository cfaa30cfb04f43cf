using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace AgentPhone.ServerHost;

/// <summary>
/// Threads of the lowest priority for work that is costly by design (checking and making secret
/// hashes): at a shift start a thousand sign-ins need more CPU than a small machine has spare,
/// and the center (every other request, the phones' events) must not wait behind them. The
/// operating system runs these threads only when the center's threads do not want the cores, so
/// a burst of sign-ins makes sign-ins slower, not the center. One thread per core, so idle cores
/// are used.
/// </summary>
public sealed class BackgroundLane : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread[] _threads;

    public BackgroundLane(int threads)
    {
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = "secrets " + i, Priority = ThreadPriority.Lowest };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the lane; its result, or its exception.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
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
        return done.Task;
    }

    private void Run()
    {
        // .NET does not lower a thread's priority on Linux; the kernel takes a thread's own nice value.
        if (OperatingSystem.IsLinux())
        {
            setpriority(PrioProcess, gettid(), 19);
        }

        foreach (Action work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    public void Dispose() => _work.CompleteAdding();

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}
