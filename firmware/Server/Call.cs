using System.Collections;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    public enum CallState
    {
        /// <summary>Waiting in its queue for a Ready agent.</summary>
        Queued,
        /// <summary>Offered, ringing at one or more agents, not yet answered.</summary>
        Ringing,
        /// <summary>Answered; one or more agents are on it (or being added to it).</summary>
        Connected,
        Ended
    }

    /// <summary>A call: routed (to a queue), direct (to an extension) or outbound (dialled by an agent).</summary>
    public sealed class Call
    {
        internal readonly ArrayList Legs = new ArrayList();

        internal Call(string id, string tenant, Queue queue, bool outbound, string ani, string dnis, string[] names, string[] values, long nowMs)
        {
            Id = id;
            Tenant = tenant;
            Queue = queue;
            Outbound = outbound;
            Ani = ani;
            Dnis = dnis;
            VariableNames = names;
            VariableValues = values;
            ArrivedMs = nowMs;
        }

        public string Id { get; private set; }

        public string Tenant { get; private set; }

        /// <summary>The queue of a routed call; null for direct and outbound calls.</summary>
        public Queue Queue { get; private set; }

        public bool Routed
        {
            get { return Queue != null; }
        }

        public bool Outbound { get; private set; }

        public string Ani { get; private set; }

        public string Dnis { get; private set; }

        public string[] VariableNames { get; private set; }

        public string[] VariableValues { get; private set; }

        public CallState State { get; internal set; }

        public long ArrivedMs { get; internal set; }

        /// <summary>When the first agent answered, or 0.</summary>
        public long AnsweredMs { get; internal set; }

        public int PartyCount
        {
            get { return Legs.Count; }
        }

        /// <summary>The agent of party <paramref name="index"/>, in the order they were offered.</summary>
        public Agent PartyAt(int index)
        {
            return ((Leg)Legs[index]).Agent;
        }
    }

    /// <summary>One agent's part in a call. An agent has at most one leg at a time.</summary>
    public sealed class Leg
    {
        internal Deadline RingDeadline;

        internal Leg(Agent agent, Call call, bool routed, string party, long nowMs)
        {
            Agent = agent;
            Call = call;
            Routed = routed;
            Party = party;
            OfferedMs = nowMs;
        }

        public Agent Agent { get; private set; }

        public Call Call { get; private set; }

        /// <summary>True when the queue offered this leg: it drives Reserved/Talking/Hold and wrap-up.
        /// A leg the queue did not route leaves the agent Not Ready, back to its state after.</summary>
        public bool Routed { get; private set; }

        /// <summary>Who brought the agent in (transfer, conference) or whom it dialled; else null.</summary>
        public string Party { get; private set; }

        /// <summary>For a consult: the leg of the agent who consults this one, its caller on hold
        /// meanwhile; null once the consult is completed (transfer, conference) or for any other leg.</summary>
        public Leg ConsultFor { get; internal set; }

        /// <summary>The consult this leg's agent has open (the leg ringing or talking with it), or null.</summary>
        public Leg OpenConsult
        {
            get
            {
                for (int i = 0; i < Call.Legs.Count; i++)
                {
                    Leg other = (Leg)Call.Legs[i];
                    if (other.ConsultFor == this)
                    {
                        return other;
                    }
                }

                return null;
            }
        }

        public LegState State { get; internal set; }

        public long OfferedMs { get; internal set; }

        /// <summary>When this leg was answered, or 0.</summary>
        public long AnsweredMs { get; internal set; }

        public bool Connected
        {
            get { return State != LegState.Ringing; }
        }
    }
}
