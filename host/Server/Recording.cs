using AgentPhone.Hardware;
using AgentPhone.Server;

namespace AgentPhone.ServerHost;

// What makes the core's answers repeatable: the time, the tokens it hands out and the outcome of
// password checks are recorded with each journal entry and played back on restart.

/// <summary>The wall clock, held still while one change is applied (live or replayed).</summary>
public sealed class PinnedClock(IClock wall) : IClock
{
    private long _pinned = -1;

    public long NowMs => _pinned >= 0 ? _pinned : wall.NowMs;

    public void Pin(long ms) => _pinned = ms;

    public void Unpin() => _pinned = -1;

    public long Wall => wall.NowMs;
}

/// <summary>Secure tokens: the core keeps each one's hash (which the journal records), the client
/// gets the token; on replay, the recorded hash again.</summary>
public sealed class RecordedTokens(ITokenSource live) : ITokenSource
{
    /// <summary>The token the client is to get (live only).</summary>
    public string? Issued { get; private set; }

    /// <summary>Its hash: what the core, the journal and snapshots keep.</summary>
    public string? IssuedKey { get; private set; }

    public string? Replay { get; set; }

    public string NewToken()
    {
        if (Replay != null)
        {
            return IssuedKey = Replay;
        }

        Issued = live.NewToken();
        return IssuedKey = Hashes.Of(Issued);
    }

    public void Reset() => Issued = IssuedKey = Replay = null;
}

/// <summary>Secret checks, their outcome remembered for the journal; on replay, the recorded outcome.</summary>
public sealed class RecordedSecrets(ISecretVerifier live) : ISecretVerifier
{
    public bool? Outcome { get; private set; }

    public bool? Replay { get; set; }

    public bool Matches(string stored, string given) => (bool)(Outcome = Replay ?? live.Matches(stored, given));

    public void Reset() => Outcome = Replay = null;
}
