namespace AgentPhone.Hardware.Virtual;

/// <summary>A clock that moves only when told to, so tests and simulations run in virtual time.</summary>
public sealed class VirtualClock : IClock
{
    private long _nowMs;

    public VirtualClock(long startMs = 0)
    {
        _nowMs = startMs;
    }

    public long NowMs => Interlocked.Read(ref _nowMs);

    public void Advance(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        Interlocked.Add(ref _nowMs, milliseconds);
    }
}
