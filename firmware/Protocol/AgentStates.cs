namespace AgentPhone.Protocol
{
    /// <summary>Wire names (JSON) and display names (phone screen) of <see cref="AgentState"/>.</summary>
    public static class AgentStates
    {
        public static readonly NameTable Names = new NameTable(new string[]
        {
            "LOGOUT", "NOT_READY", "READY", "RESERVED", "TALKING", "HOLD", "WORK"
        });

        public static readonly NameTable DisplayNames = new NameTable(new string[]
        {
            "Logout", "Not Ready", "Ready", "Reserved", "Talking", "Hold", "Work"
        });

        public static string ToWire(AgentState state) => Names.Name((int)state);

        public static string ToDisplay(AgentState state) => DisplayNames.Name((int)state);

        /// <summary>Parses a wire name; false (and Logout) for anything else.</summary>
        public static bool TryParseWire(string name, out AgentState state)
        {
            int index = Names.ValueOf(name);
            state = (AgentState)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
