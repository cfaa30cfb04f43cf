namespace AgentPhone.Protocol
{
    /// <summary>Why an agent's part in a call ended.</summary>
    public enum CallEndReason
    {
        None = 0,
        /// <summary>The agent released the call.</summary>
        Released,
        /// <summary>The caller hung up.</summary>
        CallerHungUp,
        /// <summary>The call rang out unanswered at this agent.</summary>
        NoAnswer,
        /// <summary>Another agent answered a call that rang at several (ring-all).</summary>
        AnsweredElsewhere,
        /// <summary>The agent transferred the call to another agent.</summary>
        Transferred,
        /// <summary>The last agent left, so the call was cleared.</summary>
        Cleared
    }

    /// <summary>Wire names of <see cref="CallEndReason"/>.</summary>
    public static class CallEndReasons
    {
        public static readonly NameTable Names = new NameTable(new string[]
        {
            "NONE", "RELEASED", "CALLER_HUNG_UP", "NO_ANSWER", "ANSWERED_ELSEWHERE", "TRANSFERRED", "CLEARED"
        });

        public static string ToWire(CallEndReason value) => Names.Name((int)value);

        /// <summary>Parses a wire name; false (and the first value) for anything else.</summary>
        public static bool TryParseWire(string name, out CallEndReason value)
        {
            int index = Names.ValueOf(name);
            value = (CallEndReason)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
