using System;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>Unix time from the device's real-time clock, which SNTP sets once the network is up.</summary>
    public sealed class NanoWallClock : IWallClock
    {
        // 1970-01-01 in DateTime ticks.
        private const long UnixEpochTicks = 621355968000000000;

        public long UnixMs
        {
            get { return (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond; }
        }
    }
}
