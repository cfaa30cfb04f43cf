using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>
    /// One entry of an event stream. Flat on purpose: the hosts serialize it field by field and
    /// the device does not allocate a graph per event. Fields that do not apply to the kind are
    /// null, empty or zero.
    /// </summary>
    public sealed class ServerEvent
    {
        public long Seq;
        public long AtMs;
        public EventKind Kind;

        /// <summary>The agent the event is about (the stream's owner, or a team member).</summary>
        public string AgentId;
        public AgentState State;
        public ReasonCode Reason;
        public bool HasPending;
        public AgentState PendingState;
        public ReasonCode PendingReason;
        /// <summary>When a timed wrap-up ends (clock ms), or 0.</summary>
        public long WrapUpEndsMs;

        public string CallId;
        public bool Routed;
        public string Queue;
        public string Ani;
        public string Dnis;
        /// <summary>The other agent of a join, drop or transfer, or the number dialled.</summary>
        public string Party;
        /// <summary>A consult this agent has open: the extension it consults, and whether that
        /// agent answered; null and false otherwise.</summary>
        public string ConsultTo;
        public bool ConsultConnected;
        /// <summary>The extension of the agent consulting this one, while the consult lasts.</summary>
        public string ConsultFrom;
        /// <summary>Why a call ended for this agent (CallEnded).</summary>
        public CallEndReason EndReason;
        /// <summary>Caller data as the layout shows it: labels and values, same length.</summary>
        public string Layout;
        public string[] Labels;
        public string[] Values;

        /// <summary>Calls waiting in the queue (QueueStats).</summary>
        public int CallsQueued;
    }

    /// <summary>Told of every event the server appends: the hosts persist it and wake long-polls.</summary>
    public interface IServerListener
    {
        void OnEvent(EventStream stream, ServerEvent e);
    }
}
