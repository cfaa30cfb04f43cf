namespace AgentPhone.ServerHost;

/// <summary>
/// Failed sign-ins, in place of a lock anyone could set off. Per agent ID and client address:
/// after <c>maxFailures</c> in a row, that address waits before it may try that agent again,
/// 15 s at first and twice as long after each further failure, up to <c>lockoutSeconds</c>.
/// Per agent across every address: a budget of <see cref="AgentBudget"/> failed checks that
/// refills one every <see cref="AgentRefillSeconds"/>, so many addresses together guess no
/// faster than that; once it is spent, only addresses that have signed in as the agent before
/// are checked at once, so the agent's own phone never waits for strangers. Soft state: a
/// restart forgets it, and it is never journaled.
/// </summary>
public sealed class SignInThrottle
{
    public const int AgentBudget = 20;
    public const int AgentRefillSeconds = 15;
    private const long FirstWaitMs = 15_000;
    private const long TrustedForMs = 30L * 24 * 3600 * 1000;
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, (int Failures, long NotBeforeMs, long LastMs)> _addresses = [];
    private readonly Dictionary<string, (double Left, long AtMs)> _agents = [];
    private readonly Dictionary<string, long> _trusted = [];   // agent|address that signed in → when

    public int MaxFailures { get; set; } = 5;

    public int LockoutSeconds { get; set; } = 300;

    /// <summary>Seconds a sign-in as <paramref name="agent"/> from <paramref name="address"/>
    /// must still wait, and whether for the address's own failures; 0 when it may try now.</summary>
    public int WaitSeconds(string agent, string address, long nowMs, out bool forAddress)
    {
        lock (_addresses)
        {
            int own = _addresses.TryGetValue(Key(agent, address), out var e) && e.NotBeforeMs > nowMs ? (int)((e.NotBeforeMs - nowMs + 999) / 1000) : 0;
            int shared = 0;
            if (!_trusted.ContainsKey(Key(agent, address)) && Budget(agent, nowMs) < 1)
            {
                shared = (int)Math.Ceiling((1 - Budget(agent, nowMs)) * AgentRefillSeconds);
            }

            forAddress = own >= shared;
            return Math.Max(own, shared);
        }
    }

    public void Failed(string agent, string address, long nowMs)
    {
        lock (_addresses)
        {
            Trim(nowMs);
            string key = Key(agent, address);
            _addresses.TryGetValue(key, out var e);
            int failures = e.Failures + 1;
            int over = failures - MaxFailures;
            long wait = over < 0 ? 0 : Math.Min(LockoutSeconds * 1000L, FirstWaitMs << Math.Min(over, 20));
            _addresses[key] = (failures, nowMs + wait, nowMs);
            _agents[agent] = (Math.Max(0, Budget(agent, nowMs) - 1), nowMs);
        }
    }

    public void Succeeded(string agent, string address, long nowMs)
    {
        lock (_addresses)
        {
            Trim(nowMs);
            string key = Key(agent, address);
            _addresses.Remove(key);
            _trusted[key] = nowMs;
        }
    }

    private static string Key(string agent, string address) => agent + "|" + address;

    // What is left of the agent's budget now, refilled since it was last spent.
    private double Budget(string agent, long nowMs) =>
        _agents.TryGetValue(agent, out var b) ? Math.Min(AgentBudget, b.Left + (nowMs - b.AtMs) / (AgentRefillSeconds * 1000.0)) : AgentBudget;

    // Bounded: entries whose waits are over, budgets refilled and trust expired can go.
    private void Trim(long nowMs)
    {
        if (_addresses.Count + _agents.Count + _trusted.Count < MaxEntries)
        {
            return;
        }

        foreach (var old in _addresses.Where(x => nowMs - x.Value.LastMs > LockoutSeconds * 1000L).Select(x => x.Key).ToList())
        {
            _addresses.Remove(old);
        }

        foreach (var full in _agents.Where(x => Budget(x.Key, nowMs) >= AgentBudget).Select(x => x.Key).ToList())
        {
            _agents.Remove(full);
        }

        foreach (var old in _trusted.Where(x => nowMs - x.Value > TrustedForMs).Select(x => x.Key).ToList())
        {
            _trusted.Remove(old);
        }
    }
}
