using AgentPhone.Protocol.Json;

namespace AgentPhone.Protocol.Messages
{
    /// <summary>GET /api/v1/agents/me/events?after=N: events after N in order, and the sequence to
    /// ask after next. <see cref="Resync"/> says events were lost (the stream moved on or the
    /// server lost them): fetch the agent's status and continue after <see cref="LastSeq"/>.</summary>
    public sealed class EventsResponse : IMessage
    {
        public EventInfo[] Events;
        public long LastSeq;
        public bool Resync;
        /// <summary>The address (as the phones' server list names it) of the cluster node that runs
        /// the agent's center, when that node knows it; absent from a single server. A phone that
        /// has it in its list talks to it, saving every request a hop between nodes.</summary>
        public string Server;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("events", Events);
            w.Member("lastSeq", LastSeq);
            w.Member("resync", Resync);
            w.Member("server", Server);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "events")
            {
                System.Collections.ArrayList items = r.ReadMessages(EventInfo.New);
                Events = new EventInfo[items.Count];
                items.CopyTo(Events, 0);
            }
            else if (name == "lastSeq") LastSeq = r.ReadLong();
            else if (name == "resync") Resync = r.ReadBool();
            else if (name == "server") Server = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>One event of an agent's stream. Members that do not apply to the kind are left out
    /// (strings, the call) or zero. A call event carries the call as the agent's status shows it.</summary>
    public sealed class EventInfo : IMessage
    {
        internal static IMessage New()
        {
            return new EventInfo();
        }

        public long Seq;
        public long AtMs;
        /// <summary>A wire name of <see cref="EventKind"/>.</summary>
        public string Kind;
        public string AgentId;
        public string State;
        public int ReasonCode;
        public string ReasonLabel;
        public string PendingState;
        public int PendingReasonCode;
        public string PendingReasonLabel;
        public long WrapUpEndsMs;
        /// <summary>On the agent's own stream: the states it may choose after the event, so the
        /// phone needs no status read per event.</summary>
        public string[] Allowed;
        public CallInfo Call;
        public string Party;
        /// <summary>A wire name of <see cref="CallEndReason"/> (CALL_ENDED).</summary>
        public string EndReason;
        public int CallsQueued;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("seq", Seq);
            w.Member("atMs", AtMs);
            w.Member("kind", Kind);
            w.Member("agentId", AgentId);
            w.Member("state", State);
            w.Member("reasonCode", ReasonCode);
            w.Member("reasonLabel", ReasonLabel);
            w.Member("pendingState", PendingState);
            w.Member("pendingReasonCode", PendingReasonCode);
            w.Member("pendingReasonLabel", PendingReasonLabel);
            w.Member("wrapUpEndsMs", WrapUpEndsMs);
            w.Member("allowed", Allowed);
            w.Member("call", Call);
            w.Member("party", Party);
            w.Member("endReason", EndReason);
            w.Member("callsQueued", CallsQueued);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "seq") Seq = r.ReadLong();
            else if (name == "atMs") AtMs = r.ReadLong();
            else if (name == "kind") Kind = r.ReadString();
            else if (name == "agentId") AgentId = r.ReadString();
            else if (name == "state") State = r.ReadString();
            else if (name == "reasonCode") ReasonCode = r.ReadInt();
            else if (name == "reasonLabel") ReasonLabel = r.ReadString();
            else if (name == "pendingState") PendingState = r.ReadString();
            else if (name == "pendingReasonCode") PendingReasonCode = r.ReadInt();
            else if (name == "pendingReasonLabel") PendingReasonLabel = r.ReadString();
            else if (name == "wrapUpEndsMs") WrapUpEndsMs = r.ReadLong();
            else if (name == "allowed") Allowed = r.ReadStringArray();
            else if (name == "call") { Call = new CallInfo(); r.ReadMessage(Call); }
            else if (name == "party") Party = r.ReadString();
            else if (name == "endReason") EndReason = r.ReadString();
            else if (name == "callsQueued") CallsQueued = r.ReadInt();
            else r.Skip();
        }
    }
}
