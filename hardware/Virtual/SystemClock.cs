namespace AgentPhone.Hardware.Virtual;

/// <summary>The host's clocks for phones running in real time: a monotonic millisecond count
/// and Unix time.</summary>
public sealed class SystemClock : IClock, IWallClock
{
    public long NowMs => Environment.TickCount64;

    public long UnixMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
