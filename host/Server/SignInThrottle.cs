namespace AgentPhone.ServerHost;

/// <summary>
/// Failed sign-ins per agent ID and client address, in place of a lock anyone could set off:
/// after <c>maxFailures</c> in a row, that address waits before it may try that agent again,
/// 15 s at first and twice as long after each further failure, up to <c>lockoutSeconds</c>. The
/// agent's own phone at another address never waits for a stranger. Soft state: a restart
/// forgets it, and it is never journaled.
/// </summary>
public sealed class SignInThrottle
{
    private const long FirstWaitMs = 15_000;
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, (int Failures, long NotBeforeMs, long LastMs)> _entries = [];

    public int MaxFailures { get; set; } = 5;

    public int LockoutSeconds { get; set; } = 300;

    /// <summary>Seconds <paramref name="key"/> must still wait; 0 when it may try now.</summary>
    public int WaitSeconds(string key, long nowMs)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(key, out var e) && e.NotBeforeMs > nowMs ? (int)((e.NotBeforeMs - nowMs + 999) / 1000) : 0;
        }
    }

    public void Failed(string key, long nowMs)
    {
        lock (_entries)
        {
            if (_entries.Count >= MaxEntries)
            {
                // Bounded: entries older than the longest wait can go.
                foreach (var old in _entries.Where(x => nowMs - x.Value.LastMs > LockoutSeconds * 1000L).Select(x => x.Key).ToList())
                {
                    _entries.Remove(old);
                }
            }

            _entries.TryGetValue(key, out var e);
            int failures = e.Failures + 1;
            int over = failures - MaxFailures;
            long wait = over < 0 ? 0 : Math.Min(LockoutSeconds * 1000L, FirstWaitMs << Math.Min(over, 20));
            _entries[key] = (failures, nowMs + wait, nowMs);
        }
    }

    public void Succeeded(string key)
    {
        lock (_entries)
        {
            _entries.Remove(key);
        }
    }
}
