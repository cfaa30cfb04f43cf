namespace AgentPhone.Server
{
    /// <summary>An extension agents sign in at. A forced-login station with nobody signed in shows "No User".</summary>
    public sealed class Station
    {
        public Station(string tenant, string extension, bool forcedLogin)
        {
            Tenant = tenant == null ? string.Empty : tenant;
            Extension = extension;
            ForcedLogin = forcedLogin;
        }

        public string Tenant { get; private set; }

        public string Extension { get; private set; }

        public bool ForcedLogin { get; private set; }

        /// <summary>The agent signed in here, or null.</summary>
        public Agent Agent { get; internal set; }
    }

    /// <summary>
    /// One Button Sign In: what the administrator prepopulated for a phone, by device name
    /// (SEP + MAC). Any field may be null; the phone asks only for those. A device name is no
    /// secret, so a profile that names an agent or keeps its password needs the phone's own
    /// secret: only the phone that presents it reads the profile or signs in without a password.
    /// </summary>
    public sealed class DeviceProfile
    {
        public DeviceProfile(string deviceName, string tenant, string agentId, string extension, bool passwordStored, string secret)
        {
            if (deviceName == null || deviceName.Length == 0)
            {
                throw new System.ArgumentException("A device profile needs a device name.");
            }

            if ((agentId != null || passwordStored) && (secret == null || secret.Length == 0))
            {
                throw new System.ArgumentException("Device " + deviceName + ": a profile that names an agent or keeps its password needs a device secret.");
            }

            DeviceName = deviceName;
            Tenant = tenant == null ? string.Empty : tenant;
            AgentId = agentId;
            Extension = extension;
            PasswordStored = passwordStored;
            Secret = secret;
            Events = new EventStream(StreamOwner.Device, Tenant, deviceName, 4);
        }

        /// <summary>Sign-ins at <see cref="Extension"/>, for the phone waiting to join them.</summary>
        public EventStream Events { get; internal set; }

        public string DeviceName { get; private set; }

        public string Tenant { get; private set; }

        public string AgentId { get; private set; }

        public string Extension { get; private set; }

        /// <summary>The server keeps the agent's password for this phone: it signs in without one.</summary>
        public bool PasswordStored { get; private set; }

        /// <summary>What the phone presents (<c>Authorization: Device …</c>) as the host stores it
        /// (the PC server: its SHA-256), or null. It guards a profile that names an agent or keeps
        /// its password; on a profile with an extension alone (anyone may read it) it lets the
        /// phone join the agent signed in at that extension from a desktop.</summary>
        public string Secret { get; private set; }

        /// <summary>Only the phone with the secret reads it: it names an agent or keeps its password.</summary>
        public bool Guarded
        {
            get { return AgentId != null || PasswordStored; }
        }
    }
}
