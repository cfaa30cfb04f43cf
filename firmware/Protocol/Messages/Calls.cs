using AgentPhone.Protocol.Json;

namespace AgentPhone.Protocol.Messages
{
    /// <summary>The agent's call: its leg's state and what the caller-data layout shows.</summary>
    public sealed class CallInfo : IMessage
    {
        public string Id;
        /// <summary>RINGING, CONNECTED or HELD (the agent's leg).</summary>
        public string State;
        public bool Routed;
        public string Queue;
        public string Ani;
        public string Dnis;
        public string Layout;
        /// <summary>How long the agent's leg has been connected, hold included (0 while it rings,
        /// and in events, which say when they happened).</summary>
        public long ConnectedMs;
        /// <summary>Caller data as the layout labels it.</summary>
        public CallVariable[] Variables;
        /// <summary>The extension this agent consults (the caller on hold meanwhile), and
        /// RINGING or CONNECTED for that agent's leg; null when no consult is open.</summary>
        public string ConsultTo;
        public string ConsultState;
        /// <summary>The extension of the agent consulting this one, until it completes the
        /// transfer or conference.</summary>
        public string ConsultFrom;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("id", Id);
            w.Member("state", State);
            w.Member("routed", Routed);
            w.Member("queue", Queue);
            w.Member("ani", Ani);
            w.Member("dnis", Dnis);
            w.Member("layout", Layout);
            w.Member("connectedMs", ConnectedMs);
            w.Member("variables", Variables);
            w.Member("consultTo", ConsultTo);
            w.Member("consultState", ConsultState);
            w.Member("consultFrom", ConsultFrom);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "id") Id = r.ReadString();
            else if (name == "state") State = r.ReadString();
            else if (name == "routed") Routed = r.ReadBool();
            else if (name == "queue") Queue = r.ReadString();
            else if (name == "ani") Ani = r.ReadString();
            else if (name == "dnis") Dnis = r.ReadString();
            else if (name == "layout") Layout = r.ReadString();
            else if (name == "connectedMs") ConnectedMs = r.ReadLong();
            else if (name == "variables") Variables = CallVariable.ReadArray(r);
            else if (name == "consultTo") ConsultTo = r.ReadString();
            else if (name == "consultState") ConsultState = r.ReadString();
            else if (name == "consultFrom") ConsultFrom = r.ReadString();
            else r.Skip();
        }
    }

    public sealed class CallVariable : IMessage
    {
        internal static IMessage New()
        {
            return new CallVariable();
        }

        public string Name;
        public string Value;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("name", Name);
            w.Member("value", Value);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "name") Name = r.ReadString();
            else if (name == "value") Value = r.ReadString();
            else r.Skip();
        }

        internal static CallVariable[] ReadArray(JsonReader r)
        {
            System.Collections.ArrayList items = r.ReadMessages(New);
            CallVariable[] result = new CallVariable[items.Count];
            items.CopyTo(result, 0);
            return result;
        }
    }

    /// <summary>POST /api/v1/calls (PBX): a routed call to a queue, or a direct call to an extension.</summary>
    public sealed class OfferCallRequest : IMessage
    {
        public string Tenant;
        public string Queue;
        public string Extension;
        public string Ani;
        public string Dnis;
        public CallVariable[] Variables;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("tenant", Tenant);
            w.Member("queue", Queue);
            w.Member("extension", Extension);
            w.Member("ani", Ani);
            w.Member("dnis", Dnis);
            w.Member("variables", Variables);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "tenant") Tenant = r.ReadString();
            else if (name == "queue") Queue = r.ReadString();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "ani") Ani = r.ReadString();
            else if (name == "dnis") Dnis = r.ReadString();
            else if (name == "variables") Variables = CallVariable.ReadArray(r);
            else r.Skip();
        }
    }

    /// <summary>A call the server created (PBX offer, agent's outbound dial).</summary>
    public sealed class CallCreated : IMessage
    {
        public string Id;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("id", Id);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "id") Id = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>Transfer or conference to an extension, or dial a number.</summary>
    public sealed class TargetRequest : IMessage
    {
        public string Extension;
        public string Number;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("extension", Extension);
            w.Member("number", Number);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "extension") Extension = r.ReadString();
            else if (name == "number") Number = r.ReadString();
            else r.Skip();
        }
    }
}
