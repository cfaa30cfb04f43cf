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
        private static readonly string[] Names =
        {
            "NONE", "RELEASED", "CALLER_HUNG_UP", "NO_ANSWER", "ANSWERED_ELSEWHERE", "TRANSFERRED", "CLEARED"
        };

        public static string ToWire(CallEndReason reason)
        {
            return Names[(int)reason];
        }

        public static bool TryParseWire(string name, out CallEndReason reason)
        {
            int index = WireNames.IndexOf(Names, name);
            reason = index < 0 ? CallEndReason.None : (CallEndReason)index;
            return index >= 0;
        }
    }
}
