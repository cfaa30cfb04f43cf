using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>
    /// Which agent states an agent may choose from the state it is in: what the phone's state
    /// menu lists. Reserved and Talking are never chosen; the server sets them when it offers
    /// and connects calls. A choice made during a call (Reserved, Talking, Hold) is pending and
    /// applies when the call ends; during wrap-up (Work) only Not Ready, also pending.
    /// </summary>
    public static class StateRules
    {
        private static readonly AgentState[] None = new AgentState[0];
        private static readonly AgentState[] FromNotReady = { AgentState.Ready, AgentState.Logout };
        private static readonly AgentState[] FromReady = { AgentState.NotReady, AgentState.Logout };
        private static readonly AgentState[] DuringCall = { AgentState.Ready, AgentState.NotReady, AgentState.Work, AgentState.Logout };
        private static readonly AgentState[] FromWork = { AgentState.NotReady };
        private static readonly AgentState[] FromWorkEarlyEnd = { AgentState.Ready, AgentState.NotReady };

        /// <summary>The states an agent may choose now, in menu order.</summary>
        /// <param name="current">The agent's current state.</param>
        /// <param name="mayEndWrapUpEarly">Whether this agent may leave wrap-up for Ready before it expires.</param>
        public static AgentState[] Choosable(AgentState current, bool mayEndWrapUpEarly)
        {
            switch (current)
            {
                case AgentState.NotReady:
                    return FromNotReady;
                case AgentState.Ready:
                    return FromReady;
                case AgentState.Reserved:
                case AgentState.Talking:
                case AgentState.Hold:
                    return DuringCall;
                case AgentState.Work:
                    return mayEndWrapUpEarly ? FromWorkEarlyEnd : FromWork;
                default:
                    // Logged out: the way back is signing in, not a state change.
                    return None;
            }
        }

        public static bool CanChoose(AgentState current, AgentState wanted, bool mayEndWrapUpEarly)
        {
            AgentState[] allowed = Choosable(current, mayEndWrapUpEarly);
            for (int i = 0; i < allowed.Length; i++)
            {
                if (allowed[i] == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a choice made in this state waits for the call or wrap-up to end.</summary>
        public static bool ChoiceIsPending(AgentState current)
        {
            return current == AgentState.Reserved
                || current == AgentState.Talking
                || current == AgentState.Hold
                || current == AgentState.Work;
        }
    }
}
