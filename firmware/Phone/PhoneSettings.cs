namespace AgentPhone.Phone
{
    /// <summary>What a phone knows before anyone signs in: its names, its servers and its timings.
    /// Provisioning from the server may override the servers and intervals.</summary>
    public sealed class PhoneSettings
    {
        public PhoneSettings()
        {
            StatsPollSeconds = 15;
            EventWaitSeconds = 25;
            RequestTimeoutMs = 5000;
            SignInTimeoutMs = 20000;
            MultiTapTimeoutMs = MultiTap.DefaultTimeoutMs;
        }

        /// <summary>The device name: <c>SEP</c> + the MAC address in hex.</summary>
        public string DeviceName { get; set; }

        /// <summary>The secret the server keeps (hashed) for this phone, or null: it opens the
        /// phone's One Button Sign In profile and a sign-in without a password.</summary>
        public string DeviceSecret { get; set; }

        /// <summary>The Authorization header that presents <see cref="DeviceSecret"/>, or null.</summary>
        public string DeviceAuthorization
        {
            get { return DeviceSecret == null || DeviceSecret.Length == 0 ? null : Protocol.Routes.DevicePrefix + DeviceSecret; }
        }

        /// <summary>The phone's own extension (shown in the title row, used at sign-in).</summary>
        public string Extension { get; set; }

        /// <summary>Agent server base URLs, primary first.</summary>
        public string[] Servers { get; set; }

        public int StatsPollSeconds { get; set; }

        public int EventWaitSeconds { get; set; }

        /// <summary>Deadline of every request but the event long-poll (which adds its wait).</summary>
        public int RequestTimeoutMs { get; set; }

        /// <summary>A sign-in's deadline: the server checks its secret slowly by design, and at a
        /// shift start queues the checks, so a sign-in may take seconds where a state change takes
        /// milliseconds.</summary>
        public int SignInTimeoutMs { get; set; }

        public int MultiTapTimeoutMs { get; set; }

        /// <summary>Local time's offset from UTC for the title row.</summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>The device name of a MAC address: <c>SEP</c> and 12 upper-case hex digits.</summary>
        public static string DeviceNameOf(byte[] mac)
        {
            const string Hex = "0123456789ABCDEF";
            char[] name = new char[3 + mac.Length * 2];
            name[0] = 'S';
            name[1] = 'E';
            name[2] = 'P';
            for (int i = 0; i < mac.Length; i++)
            {
                name[3 + 2 * i] = Hex[mac[i] >> 4];
                name[4 + 2 * i] = Hex[mac[i] & 0xF];
            }

            return new string(name);
        }
    }
}
