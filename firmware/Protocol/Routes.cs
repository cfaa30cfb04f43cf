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

        // The last parts of the paths above, each spelled here once.

        /// <summary>An agent's state: PUT /api/v1/agents/{id}/state.</summary>
        public const string State = "state";
        /// <summary>An agent's wrap-up reason: PUT /api/v1/agents/{id}/wrapup.</summary>
        public const string WrapUp = "wrapup";
        /// <summary>An event stream's long-poll: GET /api/v1/agents/{id}/events (and the team's).</summary>
        public const string Events = "events";
        /// <summary>A call action: POST /api/v1/agents/{id}/call/{action}, the actions in <see cref="CallActions"/>.</summary>
        public const string Call = "call";
        /// <summary>A phone joining the agent signed in at its station: POST /api/v1/devices/{name}/session.</summary>
        public const string Session = "session";
        /// <summary>A queue's figures: GET /api/v1/queues/{name}/stats.</summary>
        public const string QueueStats = "stats";
        /// <summary>The PBX ends a call: POST /api/v1/calls/{id}/hangup.</summary>
        public const string HangUp = "hangup";

        /// <summary>/api/v1/agents/{agentId}/{what}.</summary>
        public static string Agent(string agentId, string what)
        {
            return Agents + agentId + "/" + what;
        }

        public const string AuthorizationHeader = "Authorization";
        public const string BearerPrefix = "Bearer ";
        /// <summary>A phone's device secret (device lookup, One Button Sign In without a password).</summary>
        public const string DevicePrefix = "Device ";
        public const string ApiKeyHeader = "X-Api-Key";
    }

    /// <summary>The HTTP methods the API uses.</summary>
    public static class Methods
    {
        public const string Get = "GET";
        public const string Put = "PUT";
        public const string Post = "POST";
        public const string Head = "HEAD";
    }

    /// <summary>What POST /api/v1/agents/{id}/call/{action} does to the agent's call.</summary>
    public static class CallActions
    {
        public const string Answer = "answer";
        public const string Release = "release";
        public const string Hold = "hold";
        public const string Resume = "resume";
        /// <summary>With <c>{"extension":…}</c>: the caller on hold, the call rings there first;
        /// transfer or conference completes it, resume or release ends it.</summary>
        public const string Consult = "consult";
        /// <summary>With <c>{"extension":…}</c>: hands the call over (during a consult, no body:
        /// to the consulted agent).</summary>
        public const string Transfer = "transfer";
        /// <summary>With <c>{"extension":…}</c>: brings another agent in (during a consult, no
        /// body: the consulted agent).</summary>
        public const string Conference = "conference";
        /// <summary>With <c>{"number":…}</c>: an outbound call, from Not Ready.</summary>
        public const string Dial = "dial";

        /// <summary>/api/v1/agents/me/call/{action}.</summary>
        public static string Path(string action)
        {
            return Routes.Agent(Routes.Me, Routes.Call + "/" + action);
        }
    }
}
