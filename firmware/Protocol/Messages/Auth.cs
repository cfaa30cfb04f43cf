using AgentPhone.Protocol.Json;

namespace AgentPhone.Protocol.Messages
{
    /// <summary>POST /api/v1/signin. A password, or a PIN (then <see cref="AgentId"/> may be the
    /// agent's own extension), or neither from a phone whose One Button Sign In stores it.</summary>
    public sealed class SignInRequest : IMessage
    {
        public string Tenant;
        public string AgentId;
        public string Password;
        public string Pin;
        public string Extension;
        /// <summary>The client's device name: a phone's SEP + MAC, a desktop's name.</summary>
        public string Device;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("tenant", Tenant);
            w.Member("agentId", AgentId);
            w.Member("password", Password);
            w.Member("pin", Pin);
            w.Member("extension", Extension);
            w.Member("device", Device);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "tenant") Tenant = r.ReadString();
            else if (name == "agentId") AgentId = r.ReadString();
            else if (name == "password") Password = r.ReadString();
            else if (name == "pin") Pin = r.ReadString();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "device") Device = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>The session token (send as <c>Authorization: Bearer …</c>) and the agent's status.</summary>
    public sealed class SignInResponse : IMessage
    {
        public string Token;
        public AgentStatus Agent;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("token", Token);
            w.Member("agent", Agent);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "token") Token = r.ReadString();
            else if (name == "agent") { Agent = new AgentStatus(); r.ReadMessage(Agent); }
            else r.Skip();
        }
    }

    /// <summary>GET /api/v1/devices/{name}: what a phone needs before anyone signs in.</summary>
    public sealed class Provisioning : IMessage
    {
        public string Device;
        public string Tenant;
        /// <summary>One Button Sign In fields; null ones the phone asks for.</summary>
        public string AgentId;
        public string Extension;
        /// <summary>The server keeps the password for this phone: sign in without one.</summary>
        public bool PasswordStored;
        /// <summary>Servers in order of preference (primary first).</summary>
        public string[] Servers;
        public int StatsPollSeconds;
        public int EventWaitSeconds;
        /// <summary>The caller-data layout shown when a call names none.</summary>
        public string Layout;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("device", Device);
            w.Member("tenant", Tenant);
            w.Member("agentId", AgentId);
            w.Member("extension", Extension);
            w.Member("passwordStored", PasswordStored);
            w.Member("servers", Servers);
            w.Member("statsPollSeconds", StatsPollSeconds);
            w.Member("eventWaitSeconds", EventWaitSeconds);
            w.Member("layout", Layout);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "device") Device = r.ReadString();
            else if (name == "tenant") Tenant = r.ReadString();
            else if (name == "agentId") AgentId = r.ReadString();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "passwordStored") PasswordStored = r.ReadBool();
            else if (name == "servers") Servers = r.ReadStringArray();
            else if (name == "statsPollSeconds") StatsPollSeconds = r.ReadInt();
            else if (name == "eventWaitSeconds") EventWaitSeconds = r.ReadInt();
            else if (name == "layout") Layout = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>Every refusal: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
    public sealed class ErrorResponse : IMessage
    {
        public ErrorInfo Error;

        /// <summary>The refusal's body: the code's wire name, and <paramref name="message"/> or
        /// the code's own message when it is null.</summary>
        public static ErrorResponse For(ErrorCode code, string message)
        {
            ErrorResponse body = new ErrorResponse();
            body.Error = new ErrorInfo();
            body.Error.Code = ErrorCodes.ToWire(code);
            body.Error.Message = message == null ? ErrorCodes.Message(code) : message;
            return body;
        }

        public void WriteMembers(JsonWriter w)
        {
            w.Member("error", Error);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "error") { Error = new ErrorInfo(); r.ReadMessage(Error); }
            else r.Skip();
        }
    }

    public sealed class ErrorInfo : IMessage
    {
        /// <summary>A wire name of <see cref="ErrorCode"/>.</summary>
        public string Code;
        public string Message;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("code", Code);
            w.Member("message", Message);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "code") Code = r.ReadString();
            else if (name == "message") Message = r.ReadString();
            else r.Skip();
        }
    }

    /// <summary>GET /health.</summary>
    public sealed class HealthResponse : IMessage
    {
        public string Status;
        public long NowMs;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("status", Status);
            w.Member("nowMs", NowMs);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "status") Status = r.ReadString();
            else if (name == "nowMs") NowMs = r.ReadLong();
            else r.Skip();
        }
    }
}
