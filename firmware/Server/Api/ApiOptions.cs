namespace AgentPhone.Server.Api
{
    /// <summary>What the API host was configured with, beyond the core's rules.</summary>
    public sealed class ApiOptions
    {
        public ApiOptions()
        {
            MaxBodyChars = 16384;
            MaxFieldChars = 128;
            StatsPollSeconds = 15;
            EventWaitSeconds = 25;
            SignInsPerSecondPerAddress = 10;
            Servers = new string[0];
        }

        private readonly NameMap _pbxKeys = new NameMap();

        /// <summary>Sets the key a tenant's PBX routes need (X-Api-Key); a tenant without one has them closed.</summary>
        public void SetPbxKey(string tenant, string key)
        {
            _pbxKeys.Set(tenant == null ? string.Empty : tenant, key);
        }

        /// <summary>The key of a tenant's PBX routes, or null (closed).</summary>
        public string PbxKey(string tenant)
        {
            return (string)_pbxKeys.Get(tenant == null ? string.Empty : tenant);
        }

        /// <summary>The key the administration routes need (X-Api-Key), apart from every PBX key; null closes them.</summary>
        public string AdminKey { get; set; }

        /// <summary>Larger bodies are refused with 413 before they are read as JSON.</summary>
        public int MaxBodyChars { get; set; }

        /// <summary>Longest accepted value of a text field (IDs, numbers, names, variable values).</summary>
        public int MaxFieldChars { get; set; }

        /// <summary>Given to phones at provisioning: how often Skill Stats refresh.</summary>
        public int StatsPollSeconds { get; set; }

        /// <summary>Longest hold of an event long-poll.</summary>
        public int EventWaitSeconds { get; set; }

        /// <summary>Server URLs given to phones, primary first.</summary>
        public string[] Servers { get; set; }

        /// <summary>The URL phones reach the server running this center at, as <see cref="Servers"/>
        /// names it: a cluster node sets it, and event answers carry it so phones talk to that
        /// node. Null (a single server): the answers leave it out.</summary>
        public string OwnServer { get; set; }

        /// <summary>Caller-data layout phones show when a call names none.</summary>
        public string DefaultLayout { get; set; }

        /// <summary>Sign-ins one client address may make per second, in bursts of twice that
        /// (the PC server's rate limit; a whole office behind one address must fit in it).</summary>
        public int SignInsPerSecondPerAddress { get; set; }

        /// <summary>The host's administration, or null where there is none (the device).</summary>
        public ICenterAdmin Admin { get; set; }
    }

    /// <summary>What the administration routes ask of a host that keeps the center's
    /// configuration in a file (the PC server).</summary>
    public interface ICenterAdmin
    {
        /// <summary>Re-reads and applies the configuration: null when applied, else what is wrong
        /// with it (and nothing was applied).</summary>
        string Reload();
    }
}
