namespace AgentPhone.Server
{
    /// <summary>Makes session tokens: at least 128 random bits, from the platform's secure source.</summary>
    public interface ITokenSource
    {
        string NewToken();
    }

    /// <summary>
    /// A signed-in client of an agent (phone, desktop), by token. One per agent and device; it
    /// ends when the agent is signed out, however that happens.
    /// </summary>
    public sealed class Session
    {
        internal Session(string token, Agent agent, string device, long openedMs)
        {
            Token = token;
            Agent = agent;
            Device = device;
            OpenedMs = openedMs;
        }

        public string Token { get; private set; }

        public Agent Agent { get; private set; }

        /// <summary>The client's device name (a phone's SEP + MAC, or a desktop's name).</summary>
        public string Device { get; private set; }

        public long OpenedMs { get; private set; }

        public bool Open { get; internal set; }
    }
}
