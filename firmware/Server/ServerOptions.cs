namespace AgentPhone.Server
{
    /// <summary>Server-wide settings; the defaults suit a PC contact center.</summary>
    public sealed class ServerOptions
    {
        public ServerOptions()
        {
            EventsPerStream = 256;
            DirectRingTimeoutSeconds = 30;
            MaxFailedSignIns = 5;
            LockoutSeconds = 300;
        }

        /// <summary>Events each stream keeps for clients catching up; older ones force a resync.</summary>
        public int EventsPerStream { get; set; }

        /// <summary>How long a direct, transferred or conference leg rings before it is dropped.</summary>
        public int DirectRingTimeoutSeconds { get; set; }

        /// <summary>Failed sign-ins in a row that lock the agent out; 0 leaves it to the host (the
        /// PC server throttles per client address instead).</summary>
        public int MaxFailedSignIns { get; set; }

        public int LockoutSeconds { get; set; }
    }
}
