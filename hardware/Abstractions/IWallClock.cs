namespace AgentPhone.Hardware
{
    /// <summary>Time of day for the phone's title row: Unix milliseconds (UTC), from SNTP on the
    /// device. The phone adds its configured offset for local time.</summary>
    public interface IWallClock
    {
        long UnixMs { get; }
    }
}
