using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AgentPhone.ServerHost;

/// <summary>
/// How many connections the process can hold, from its open-file limit: every connection is a
/// file descriptor, and a process that runs out of them fails where it cannot recover (the
/// runtime reports "Out of memory." and exits). Once started, the limit less what the process
/// holds then (an idle server about 200: its assemblies' files, the store, the logs, the
/// runtime's own) and a margin for what it opens later (the store's checkpoints, a cluster's
/// sockets) is the most connections served at once; one client address may hold at most three
/// quarters of them (phones behind one NAT or proxy share an address, and the rest stays for
/// everyone else). A connection beyond either is closed as soon as it is accepted, and the
/// refusals are logged once a second with their count.
/// </summary>
public sealed class ConnectionLimits
{
    /// <summary>Files kept free beside those open at start, for a single server or the emulator.</summary>
    public const int Margin = 128;

    /// <summary>The same for a cluster node, whose silo opens sockets to every other node.</summary>
    public const int ClusterMargin = 256;

    private readonly ConcurrentDictionary<System.Net.IPAddress, int> _perAddress = new();
    private readonly int _margin;
    private volatile int _total;
    private volatile int _perAddressMost;
    private int _open;
    private int _refused;
    private long _lastLogMs = -60_000;

    public ConnectionLimits(long? openFiles, int margin)
    {
        OpenFiles = openFiles;
        _margin = margin;
        Settle(0);
    }

    /// <summary>The process's open-file limit (null where the system has none, as on Windows).</summary>
    public long? OpenFiles { get; }

    /// <summary>The most connections served at once.</summary>
    public int Total => _total;

    /// <summary>The most connections one client address holds at once.</summary>
    public int PerAddress => _perAddressMost;

    /// <summary>This process's limits (provisional until <see cref="Started"/>).</summary>
    public static ConnectionLimits ForThisProcess(int margin) => new(OpenFileLimit(), margin);

    /// <summary>Once the process has started: the limits from what it holds now.</summary>
    public void Started() => Settle(OpenNow());

    private void Settle(int open)
    {
        _total = OpenFiles is long limit ? (int)Math.Clamp(limit - open - _margin, 16, int.MaxValue) : int.MaxValue;
        _perAddressMost = _total == int.MaxValue ? int.MaxValue : Math.Max(8, _total / 4 * 3);
    }

    // The process's open descriptors (Linux and macOS list them; elsewhere none is counted).
    private static int OpenNow()
    {
        foreach (string folder in (string[])["/proc/self/fd", "/dev/fd"])
        {
            if (Directory.Exists(folder))
            {
                return Directory.GetFileSystemEntries(folder).Length;
            }
        }

        return 0;
    }

    /// <summary>The start's line about it: how many connections, and how to get more.</summary>
    public string Said() => OpenFiles is long limit
        ? $"Connections: up to {Total:N0} at once, {PerAddress:N0} from one address (open-file limit {limit:N0}; a phone holds one for its event long-poll and one while it sends). " +
          "For more phones raise the limit: LimitNOFILE= in a systemd unit, --ulimit nofile= for a container, ulimit -n in a shell."
        : "Connections: no open-file limit applies.";

    /// <summary>Counts the listener's connections and closes those beyond the limits.</summary>
    public ListenOptions Apply(ListenOptions listen)
    {
        ILogger log = listen.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentPhone.Connections");
        listen.Use(next => async connection =>
        {
            System.Net.IPAddress? address = (connection.RemoteEndPoint as System.Net.IPEndPoint)?.Address;
            if (!Admit(address))
            {
                Refused(log, address);
                connection.Abort(new ConnectionAbortedException("Too many connections."));
                return;
            }

            try
            {
                await next(connection);
            }
            finally
            {
                Leave(address);
            }
        });
        return listen;
    }

    private bool Admit(System.Net.IPAddress? address)
    {
        if (Interlocked.Increment(ref _open) > Total)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        if (address != null && _perAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > PerAddress)
        {
            Leave(address);
            return false;
        }

        return true;
    }

    private void Leave(System.Net.IPAddress? address)
    {
        Interlocked.Decrement(ref _open);
        if (address != null && _perAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _perAddress.TryRemove(new KeyValuePair<System.Net.IPAddress, int>(address, 0));
        }
    }

    // One line a second at most, however hard the flood.
    private void Refused(ILogger log, System.Net.IPAddress? address)
    {
        Interlocked.Increment(ref _refused);
        long now = Environment.TickCount64;
        long last = Interlocked.Read(ref _lastLogMs);
        if (now - last < 1000 || Interlocked.CompareExchange(ref _lastLogMs, now, last) != last)
        {
            return;
        }

        int refused = Interlocked.Exchange(ref _refused, 0);
        int fromThere = address != null && _perAddress.TryGetValue(address, out int n) ? n : 0;
        log.LogWarning("Refused {Refused} connection(s): {Open} open of at most {Total}, {FromThere} from {Address} of at most {PerAddress} (open-file limit {Limit}).",
            refused, Volatile.Read(ref _open), Total, fromThere, address, PerAddress, OpenFiles);
    }

    private static long? OpenFileLimit()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        int resource = OperatingSystem.IsLinux() ? 7 : 8;   // RLIMIT_NOFILE
        return getrlimit(resource, out RLimit limit) == 0 && limit.Current < long.MaxValue ? (long)limit.Current : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out RLimit limit);
}
