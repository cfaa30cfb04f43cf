using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>A reason code: its list, number, label, and the team it belongs to (null: global).</summary>
    public sealed class ReasonCode
    {
        /// <summary>Set by the server when a call rang out unanswered (Not Ready).</summary>
        public static readonly ReasonCode RingNoAnswer = new ReasonCode(ReasonKind.NotReady, 32767, "Ring no answer", null);

        /// <summary>Set by the server while a Ready agent is on a call it did not route (Not Ready).</summary>
        public static readonly ReasonCode DirectCall = new ReasonCode(ReasonKind.NotReady, 32766, "Direct call", null);

        public ReasonCode(ReasonKind kind, int code, string label, string team)
        {
            Kind = kind;
            Code = code;
            Label = label;
            Team = team;
        }

        public ReasonKind Kind { get; private set; }

        public int Code { get; private set; }

        public string Label { get; private set; }

        public string Team { get; private set; }
    }
}
