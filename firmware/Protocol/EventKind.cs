namespace AgentPhone.Protocol
{
    /// <summary>What an event in an agent's, team's or queue's stream reports.</summary>
    public enum EventKind
    {
        /// <summary>State, reason or pending state of an agent changed (sign-in and sign-out too).</summary>
        StateChanged = 0,
        /// <summary>A call rings at the agent: caller number and caller data.</summary>
        CallOffered,
        /// <summary>The agent's leg of the call is connected.</summary>
        CallAnswered,
        CallHeld,
        CallResumed,
        /// <summary>The agent's leg of the call is over (released, caller gone, no answer, transferred).</summary>
        CallEnded,
        /// <summary>Another agent joined the agent's call (conference).</summary>
        PartyJoined,
        /// <summary>Another agent left the agent's call.</summary>
        PartyLeft,
        /// <summary>A queue's figures changed (calls queued, agents by state).</summary>
        QueueStats
    }

    /// <summary>Wire names of <see cref="EventKind"/>.</summary>
    public static class EventKinds
    {
        public static readonly NameTable Names = new NameTable(new string[]
        {
            "STATE_CHANGED", "CALL_OFFERED", "CALL_ANSWERED", "CALL_HELD", "CALL_RESUMED",
            "CALL_ENDED", "PARTY_JOINED", "PARTY_LEFT", "QUEUE_STATS"
        });

        public static string ToWire(EventKind value) => Names.Name((int)value);

        /// <summary>Parses a wire name; false (and the first value) for anything else.</summary>
        public static bool TryParseWire(string name, out EventKind value)
        {
            int index = Names.ValueOf(name);
            value = (EventKind)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
