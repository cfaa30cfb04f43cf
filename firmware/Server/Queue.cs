using System.Collections;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>How a queue picks among its available agents.</summary>
    public enum Strategy
    {
        /// <summary>Always the first available agent in member order.</summary>
        Linear,
        /// <summary>The next available agent after the one offered last, wrapping round.</summary>
        Circular,
        /// <summary>The agent whose last call ended longest ago.</summary>
        MostIdle,
        /// <summary>The agent Ready the longest.</summary>
        LongestAvailable,
        /// <summary>The agent who has handled the fewest calls.</summary>
        FewestCalls,
        /// <summary>Every available agent at once; the first to answer takes the call.</summary>
        RingAll
    }

    /// <summary>A queue (skill, hunt group): its settings, members, waiting calls and figures.</summary>
    public sealed class Queue
    {
        internal readonly ArrayList Members = new ArrayList();
        internal readonly ReadyIndex Ready = new ReadyIndex();
        internal readonly WaitingCalls Waiting = new WaitingCalls();
        internal readonly int[] AgentsByState = new int[AgentStates.Names.Count];
        internal int LastPosition = -1;
        internal int Offered;
        internal int Answered;
        internal int Abandoned;
        internal int AnsweredInServiceLevel;
        internal long AnswerWaitTotalMs;

        public Queue(string tenant, string name, Strategy strategy)
        {
            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("A queue needs a name.");
            }

            Tenant = tenant == null ? string.Empty : tenant;
            Name = name;
            Strategy = strategy;
            RingTimeoutSeconds = 15;
            ServiceLevelSeconds = 20;
        }

        public string Tenant { get; private set; }

        public string Name { get; private set; }

        public Strategy Strategy { get; private set; }

        /// <summary>Wrap-up after a call of this queue, for agents who set none themselves; 0: none.</summary>
        public int WrapUpSeconds { get; set; }

        /// <summary>Ring-no-answer: how long an offered call rings before it returns to the queue.</summary>
        public int RingTimeoutSeconds { get; set; }

        /// <summary>Answered within this many seconds counts toward the service level.</summary>
        public int ServiceLevelSeconds { get; set; }

        /// <summary>The caller-data layout of this queue's calls; null: every variable.</summary>
        public Layout Layout { get; set; }

        public EventStream Events { get; internal set; }
    }
}
