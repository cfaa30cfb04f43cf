namespace AgentPhone.Protocol
{
    /// <summary>Wire names (JSON) and display names (phone screen) of <see cref="AgentState"/>.</summary>
    public static class AgentStates
    {
        // Indexed by the enum value; one place for both spellings of every state.
        private static readonly string[] WireNames =
        {
            "LOGOUT", "NOT_READY", "READY", "RESERVED", "TALKING", "HOLD", "WORK"
        };

        private static readonly string[] DisplayNames =
        {
            "Logout", "Not Ready", "Ready", "Reserved", "Talking", "Hold", "Work"
        };

        public const int Count = 7;

        public static string ToWire(AgentState state)
        {
            return WireNames[(int)state];
        }

        public static string ToDisplay(AgentState state)
        {
            return DisplayNames[(int)state];
        }

        /// <summary>Parses a wire name; returns false (and Logout) for anything else.</summary>
        public static bool TryParseWire(string name, out AgentState state)
        {
            for (int i = 0; i < WireNames.Length; i++)
            {
                if (WireNames[i] == name)
                {
                    state = (AgentState)i;
                    return true;
                }
            }

            state = AgentState.Logout;
            return false;
        }
    }
}
