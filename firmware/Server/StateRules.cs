using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>
    /// Which agent states an agent may choose from the state it is in: what the phone's state
    /// menu lists. Reserved, Talking and Hold are never chosen; the server sets them as it offers
    /// and connects queue calls. Logout can be chosen from every signed-in state. Not Ready can be
    /// chosen again from Not Ready, with another reason: as in Finesse, an agent moves between
    /// reasons (after a ring-no-answer, from the forced one to Break) without going Ready, where a
    /// call could be routed to it.
    /// </summary>
    public static class StateRules
    {
        private static readonly AgentState[] None = new AgentState[0];
        private static readonly AgentState[] FromNotReady = { AgentState.Ready, AgentState.NotReady, AgentState.Logout };
        private static readonly AgentState[] FromNotReadyNoReasons = { AgentState.Ready, AgentState.Logout };
        private static readonly AgentState[] FromReady = { AgentState.NotReady, AgentState.Logout };
        private static readonly AgentState[] DuringCall = { AgentState.Ready, AgentState.NotReady, AgentState.Work, AgentState.Logout };
        private static readonly AgentState[] FromTimedWork = { AgentState.NotReady, AgentState.Logout };
        private static readonly AgentState[] FromTimedWorkEarlyEnd = { AgentState.Ready, AgentState.NotReady, AgentState.Logout };
        private static readonly AgentState[] FromWork = { AgentState.Ready, AgentState.NotReady, AgentState.Logout };

        /// <summary>The states an agent may choose now, in menu order.</summary>
        /// <param name="current">The agent's current state.</param>
        /// <param name="wrapUpTimed">In Work: whether it is a timed wrap-up (after a queue call)
        /// rather than Work the agent chose, which lasts until the agent leaves it.</param>
        /// <param name="mayEndWrapUpEarly">Whether the agent may go Ready before a timed wrap-up expires.</param>
        public static AgentState[] Choosable(AgentState current, bool wrapUpTimed, bool mayEndWrapUpEarly)
        {
            return Choosable(current, wrapUpTimed, mayEndWrapUpEarly, true);
        }

        /// <summary>The states an agent may choose now, in menu order.</summary>
        /// <param name="notReadyReasons">Whether the agent has Not Ready reasons to choose from: in
        /// Not Ready, choosing it again only changes the reason, so without reasons it is not offered.</param>
        public static AgentState[] Choosable(AgentState current, bool wrapUpTimed, bool mayEndWrapUpEarly, bool notReadyReasons)
        {
            switch (current)
            {
                case AgentState.NotReady:
                    return notReadyReasons ? FromNotReady : FromNotReadyNoReasons;
                case AgentState.Ready:
                    return FromReady;
                case AgentState.Reserved:
                case AgentState.Talking:
                case AgentState.Hold:
                    return DuringCall;
                case AgentState.Work:
                    if (!wrapUpTimed)
                    {
                        return FromWork;
                    }

                    return mayEndWrapUpEarly ? FromTimedWorkEarlyEnd : FromTimedWork;
                default:
                    // Logged out: the way back is signing in, not a state change.
                    return None;
            }
        }

        public static bool CanChoose(AgentState current, AgentState wanted, bool wrapUpTimed, bool mayEndWrapUpEarly)
        {
            AgentState[] allowed = Choosable(current, wrapUpTimed, mayEndWrapUpEarly);
            for (int i = 0; i < allowed.Length; i++)
            {
                if (allowed[i] == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The reason list that goes with choosing <paramref name="wanted"/>, if any.</summary>
        public static bool TakesReason(AgentState wanted, out ReasonKind kind)
        {
            kind = wanted == AgentState.Logout ? ReasonKind.Logout : ReasonKind.NotReady;
            return wanted == AgentState.NotReady || wanted == AgentState.Logout;
        }
    }
}
