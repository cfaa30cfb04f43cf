using AgentPhone.Protocol.Json;

namespace AgentPhone.Protocol.Messages
{
    /// <summary>An agent as its phone shows it: state, reason, pending choice, allowed next states,
    /// the call, and the last event sequence (long-poll from there).</summary>
    public sealed class AgentStatus : IMessage
    {
        public string AgentId;
        public string Name;
        public string Extension;
        /// <summary>A wire name of <see cref="AgentState"/>.</summary>
        public string State;
        public int ReasonCode;
        public string ReasonLabel;
        /// <summary>The state chosen during a call, applied when it ends; null when none.</summary>
        public string PendingState;
        public int PendingReasonCode;
        public string PendingReasonLabel;
        public long TimeInStateMs;
        /// <summary>Time left of a timed wrap-up, or 0.</summary>
        public long WrapUpRemainingMs;
        /// <summary>States the agent may choose now.</summary>
        public string[] Allowed;
        public CallInfo Call;
        public long LastSeq;
        /// <summary><see cref="AgentRoles.Supervisor"/> for a supervisor, who may see and change a team; null for an agent.</summary>
        public string Role;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("agentId", AgentId);
            w.Member("name", Name);
            w.Member("extension", Extension);
            w.Member("state", State);
            w.Member("reasonCode", ReasonCode);
            w.Member("reasonLabel", ReasonLabel);
            w.Member("pendingState", PendingState);
            w.Member("pendingReasonCode", PendingReasonCode);
            w.Member("pendingReasonLabel", PendingReasonLabel);
            w.Member("timeInStateMs", TimeInStateMs);
            w.Member("wrapUpRemainingMs", WrapUpRemainingMs);
            w.Member("allowed", Allowed);
            w.Member("call", Call);
            w.Member("lastSeq", LastSeq);
            w.Member("role", Role);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "agentId") AgentId = r.ReadString();
            else if (name == "name") Name = r.ReadString();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "state") State = r.ReadString();
            else if (name == "reasonCode") ReasonCode = r.ReadInt();
            else if (name == "reasonLabel") ReasonLabel = r.ReadString();
            else if (name == "pendingState") PendingState = r.ReadString();
            else if (name == "pendingReasonCode") PendingReasonCode = r.ReadInt();
            else if (name == "pendingReasonLabel") PendingReasonLabel = r.ReadString();
            else if (name == "timeInStateMs") TimeInStateMs = r.ReadLong();
            else if (name == "wrapUpRemainingMs") WrapUpRemainingMs = r.ReadLong();
            else if (name == "allowed") Allowed = r.ReadStringArray();
            else if (name == "call") { Call = new CallInfo(); r.ReadMessage(Call); }
            else if (name == "lastSeq") LastSeq = r.ReadLong();
            else if (name == "role") Role = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>PUT /api/v1/agents/{id}/state: the state wanted and its reason (0: none).</summary>
    public sealed class StateRequest : IMessage
    {
        public string State;
        public int ReasonCode;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("state", State);
            w.Member("reasonCode", ReasonCode);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "state") State = r.ReadString();
            else if (name == "reasonCode") ReasonCode = r.ReadInt();
            else r.Skip();
        }
    }

    /// <summary>A reason alone: sign-out (Logout reason) and the wrap-up reason.</summary>
    public sealed class ReasonRequest : IMessage
    {
        public int ReasonCode;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("reasonCode", ReasonCode);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "reasonCode") ReasonCode = r.ReadInt();
            else r.Skip();
        }
    }

    /// <summary>GET /api/v1/reasons?kind=…: the codes the agent may give, first 100.</summary>
    public sealed class ReasonList : IMessage
    {
        /// <summary>A wire name of <see cref="ReasonKind"/>.</summary>
        public string Kind;
        public bool Required;
        public ReasonItem[] Reasons;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("kind", Kind);
            w.Member("required", Required);
            w.Member("reasons", Reasons);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "kind") Kind = r.ReadString();
            else if (name == "required") Required = r.ReadBool();
            else if (name == "reasons")
            {
                System.Collections.ArrayList items = r.ReadMessages(ReasonItem.New);
                Reasons = new ReasonItem[items.Count];
                items.CopyTo(Reasons, 0);
            }
            else r.Skip();
        }
    }

    public sealed class ReasonItem : IMessage
    {
        internal static IMessage New()
        {
            return new ReasonItem();
        }

        public int Code;
        public string Label;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("code", Code);
            w.Member("label", Label);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "code") Code = r.ReadInt();
            else if (name == "label") Label = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>GET /api/v1/team: a supervisor's team, and the figures of the queues its members serve.</summary>
    public sealed class TeamView : IMessage
    {
        public string Team;
        public TeamMember[] Agents;
        public QueueFigures[] Queues;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("team", Team);
            w.Member("agents", Agents);
            w.Member("queues", Queues);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "team") Team = r.ReadString();
            else if (name == "agents")
            {
                System.Collections.ArrayList items = r.ReadMessages(TeamMember.New);
                Agents = new TeamMember[items.Count];
                items.CopyTo(Agents, 0);
            }
            else if (name == "queues")
            {
                System.Collections.ArrayList items = r.ReadMessages(QueueFigures.New);
                Queues = new QueueFigures[items.Count];
                items.CopyTo(Queues, 0);
            }
            else r.Skip();
        }
    }

    public sealed class TeamMember : IMessage
    {
        internal static IMessage New()
        {
            return new TeamMember();
        }

        public string AgentId;
        public string Name;
        public string Extension;
        public string State;
        public string ReasonLabel;
        /// <summary>The state chosen during a call (by the agent or the supervisor), applied when it ends; null when none.</summary>
        public string PendingState;
        public string PendingReasonLabel;
        public long TimeInStateMs;
        public int CallsHandled;
        /// <summary>States the supervisor may set for the member now (the member's own choices; none while logged out).</summary>
        public string[] Allowed;
        /// <summary>The member's call, while it has one.</summary>
        public CallInfo Call;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("agentId", AgentId);
            w.Member("name", Name);
            w.Member("extension", Extension);
            w.Member("state", State);
            w.Member("reasonLabel", ReasonLabel);
            w.Member("pendingState", PendingState);
            w.Member("pendingReasonLabel", PendingReasonLabel);
            w.Member("timeInStateMs", TimeInStateMs);
            w.Member("callsHandled", CallsHandled);
            w.Member("allowed", Allowed);
            w.Member("call", Call);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "agentId") AgentId = r.ReadString();
            else if (name == "name") Name = r.ReadString();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "state") State = r.ReadString();
            else if (name == "reasonLabel") ReasonLabel = r.ReadString();
            else if (name == "pendingState") PendingState = r.ReadString();
            else if (name == "pendingReasonLabel") PendingReasonLabel = r.ReadString();
            else if (name == "timeInStateMs") TimeInStateMs = r.ReadLong();
            else if (name == "callsHandled") CallsHandled = r.ReadInt();
            else if (name == "allowed") Allowed = r.ReadStringArray();
            else if (name == "call") { Call = new CallInfo(); r.ReadMessage(Call); }
            else r.Skip();
        }
    }
}
