namespace AgentPhone.Protocol
{
    /// <summary>Paths of the agent API, one place for phone and server (docs/api.md describes them).</summary>
    public static class Routes
    {
        public const string Health = "/health";
        public const string Prefix = "/api/v1";
        public const string SignIn = "/api/v1/signin";
        public const string SignOut = "/api/v1/signout";
        /// <summary>Followed by an agent ID or <see cref="Me"/>, then by nothing (status),
        /// <c>/state</c>, <c>/wrapup</c>, <c>/events</c> or <c>/call/{action}</c>.</summary>
        public const string Agents = "/api/v1/agents/";
        public const string Me = "me";
        public const string Reasons = "/api/v1/reasons";
        public const string Stats = "/api/v1/stats";
        /// <summary>Followed by a queue name and <c>/stats</c>.</summary>
        public const string Queues = "/api/v1/queues/";
        public const string Team = "/api/v1/team";
        public const string TeamEvents = "/api/v1/team/events";
        /// <summary>Followed by a device name (SEP + MAC).</summary>
        public const string Devices = "/api/v1/devices/";
        /// <summary>PBX side: POST offers a call; <c>/{id}/hangup</c> ends it.</summary>
        public const string Calls = "/api/v1/calls";
        /// <summary>Administration (API key): POST re-reads the center's configuration.</summary>
        public const string AdminReload = "/api/v1/admin/reload";

        public const string AuthorizationHeader = "Authorization";
        public const string BearerPrefix = "Bearer ";
        /// <summary>A phone's device secret (device lookup, One Button Sign In without a password).</summary>
        public const string DevicePrefix = "Device ";
        public const string ApiKeyHeader = "X-Api-Key";
    }
}
