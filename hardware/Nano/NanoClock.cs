using System;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>The device clock in milliseconds.</summary>
    /// <remarks>Read from the RTC, so the app syncs SNTP before the phone core starts timing anything.</remarks>
    public sealed class NanoClock : IClock
    {
        public long NowMs
        {
            get { return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond; }
        }
    }
}
