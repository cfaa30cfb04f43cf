namespace AgentPhone.Protocol
{
    /// <summary>The roles on the wire (the agent status's <c>role</c>, the configuration's agents).</summary>
    public static class AgentRoles
    {
        /// <summary>A supervisor, who may see and change a team.</summary>
        public const string Supervisor = "SUPERVISOR";

        /// <summary>An agent: left out of the agent status.</summary>
        public const string Agent = "AGENT";
    }
}
