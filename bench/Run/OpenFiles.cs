using System.Runtime.InteropServices;

namespace AgentPhone.Bench.Run;

/// <summary>
/// The process's open-file limit, raised for the load runs: 20,000 phones each hold a long-poll
/// connection in this generator and in the server, more descriptors than a default limit allows.
/// The server processes the bench starts inherit it. Raising the hard limit needs root (or
/// CAP_SYS_RESOURCE); elsewhere the soft limit goes up to the hard one.
/// </summary>
internal static class OpenFiles
{
    private const int NoFile = 7;   // RLIMIT_NOFILE on Linux

    /// <summary>Raises the limit towards <paramref name="wanted"/>; the limit now.</summary>
    public static long Raise(long wanted)
    {
        if (!OperatingSystem.IsLinux() || getrlimit(NoFile, out Limit limit) != 0)
        {
            return -1;
        }

        long most = long.TryParse(File.ReadAllText("/proc/sys/fs/nr_open").Trim(), out long n) ? n : wanted;
        ulong target = (ulong)Math.Min(wanted, most);
        if (limit.Current < target)
        {
            var raised = new Limit { Current = target, Max = Math.Max(limit.Max, target) };
            if (setrlimit(NoFile, ref raised) != 0)
            {
                raised = new Limit { Current = limit.Max, Max = limit.Max };
                setrlimit(NoFile, ref raised);
            }
        }

        return getrlimit(NoFile, out limit) == 0 ? (long)limit.Current : -1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Max;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Limit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, ref Limit limit);
}
