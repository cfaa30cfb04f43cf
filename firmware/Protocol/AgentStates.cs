namespace AgentPhone.Protocol
{
    /// <summary>Wire names (JSON) and display names (phone screen) of <see cref="AgentState"/>.</summary>
    public static class AgentStates
    {
        // Indexed by the enum value; one place for both spellings of every state.
        private static readonly string[] Wire =
        {
            "LOGOUT", "NOT_READY", "READY", "RESERVED", "TALKING", "HOLD", "WORK"
        };

        private static readonly string[] Display =
        {
            "Logout", "Not Ready", "Ready", "Reserved", "Talking", "Hold", "Work"
        };

        public const int Count = 7;

        public static string ToWire(AgentState state)
        {
            return Wire[(int)state];
        }

        public static string ToDisplay(AgentState state)
        {
            return Display[(int)state];
        }

        /// <summary>Parses a wire name; returns false (and Logout) for anything else.</summary>
        public static bool TryParseWire(string name, out AgentState state)
        {
            int index = WireNames.IndexOf(Wire, name);
            state = index < 0 ? AgentState.Logout : (AgentState)index;
            return index >= 0;
        }
    }
}
