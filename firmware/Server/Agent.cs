using System.Collections;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    public enum AgentRole
    {
        Agent,
        Supervisor
    }

    /// <summary>
    /// An agent: configuration (set before the server gets it) and the live state the server
    /// keeps. Everything live is changed only by <see cref="AgentServer"/>.
    /// </summary>
    public sealed class Agent
    {
        internal readonly ArrayList Memberships = new ArrayList();
        internal readonly ArrayList Sessions = new ArrayList();
        internal readonly long[] StateMs = new long[AgentStates.Names.Count];
        internal AgentState ReturnState;
        internal ReasonCode ReturnReason;
        internal ReasonCode WrapUpReason;
        internal Deadline WrapUpDeadline;
        internal long LastCallEndedMs;
        internal long ReadySinceMs;
        internal int FailedSignIns;
        internal long LockedUntilMs;
        internal Team TeamRef;

        public Agent(string tenant, string id, string name)
        {
            if (id == null || id.Length == 0)
            {
                throw new System.ArgumentException("An agent needs an ID.");
            }

            Tenant = tenant == null ? string.Empty : tenant;
            Id = id;
            Name = name == null ? id : name;
            WrapUpSeconds = -1;
            State = AgentState.Logout;
        }

        public string Tenant { get; private set; }

        public string Id { get; private set; }

        public string Name { get; private set; }

        /// <summary>Stored password, as the server's <see cref="ISecretVerifier"/> understands it.</summary>
        public string PasswordSecret { get; set; }

        /// <summary>Stored PIN (at least 4 digits when set), as the verifier understands it.</summary>
        public string PinSecret { get; set; }

        /// <summary>The agent's own extension, which PIN sign-in (feature codes) accepts as its ID.</summary>
        public string HomeExtension { get; set; }

        /// <summary>The team the agent belongs to, or null.</summary>
        public string Team { get; set; }

        public AgentRole Role { get; set; }

        /// <summary>The team a supervisor watches and may change.</summary>
        public string SupervisedTeam { get; set; }

        /// <summary>Wrap-up time after a queue call; -1 uses the queue's.</summary>
        public int WrapUpSeconds { get; set; }

        /// <summary>Whether the agent may go Ready before a timed wrap-up expires.</summary>
        public bool MayEndWrapUpEarly { get; set; }

        public AgentState State { get; internal set; }

        public long StateSinceMs { get; internal set; }

        /// <summary>The reason of the current state (Not Ready, wrap-up), or null.</summary>
        public ReasonCode Reason { get; internal set; }

        public bool HasPending { get; internal set; }

        public AgentState PendingState { get; internal set; }

        public ReasonCode PendingReason { get; internal set; }

        /// <summary>The extension the agent is signed in at, or null.</summary>
        public string Extension { get; internal set; }

        /// <summary>The agent's part in a call, or null.</summary>
        public Leg Leg { get; internal set; }

        /// <summary>When a timed wrap-up ends (clock ms), or 0 (not in a timed wrap-up).</summary>
        public long WrapUpEndsMs { get; internal set; }

        public int CallsHandled { get; internal set; }

        public EventStream Events { get; internal set; }

        public bool SignedIn
        {
            get { return State != AgentState.Logout; }
        }
    }

    /// <summary>An agent's place in a queue: its position (for linear and circular hunting) and priority.</summary>
    internal sealed class Membership
    {
        public Queue Queue;
        public Agent Agent;
        public int Position;
        /// <summary>Lower is offered first, as a tier.</summary>
        public int Priority;
    }
}
