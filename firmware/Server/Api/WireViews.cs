using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// The core's objects as the API's messages: the one place where the server's model meets the
    /// wire's. Routes answer with these; the PC host's journal stores events through
    /// <see cref="Event"/>.
    /// </summary>
    public sealed class WireViews
    {
        private readonly AgentServer _server;
        private readonly ServerEvent _layoutScratch = new ServerEvent();

        public WireViews(AgentServer server)
        {
            _server = server;
        }

        /// <summary>The agent as its phone shows it.</summary>
        public AgentStatus Status(Agent agent)
        {
            long now = _server.NowMs;
            AgentStatus s = new AgentStatus();
            s.AgentId = agent.Id;
            s.Name = agent.Name;
            s.Extension = agent.Extension;
            s.State = AgentStates.ToWire(agent.State);
            s.ReasonCode = agent.Reason == null ? 0 : agent.Reason.Code;
            s.ReasonLabel = agent.Reason == null ? null : agent.Reason.Label;
            if (agent.HasPending)
            {
                s.PendingState = AgentStates.ToWire(agent.PendingState);
                s.PendingReasonCode = agent.PendingReason == null ? 0 : agent.PendingReason.Code;
                s.PendingReasonLabel = agent.PendingReason == null ? null : agent.PendingReason.Label;
            }

            s.TimeInStateMs = now - agent.StateSinceMs;
            s.WrapUpRemainingMs = agent.WrapUpEndsMs > now ? agent.WrapUpEndsMs - now : 0;
            s.Allowed = Wire(agent.SignedIn ? _server.Choosable(agent) : new AgentState[0]);

            if (agent.Leg != null)
            {
                s.Call = CallOf(agent.Leg);
            }

            s.LastSeq = agent.Events.LastSeq;
            s.Role = agent.Role == AgentRole.Supervisor ? AgentRoles.Supervisor : null;
            return s;
        }

        /// <summary>An event of <paramref name="owner"/>'s own stream, as its phone gets it: with
        /// the states the agent may choose after it.</summary>
        public static EventInfo Event(ServerEvent e, Agent owner)
        {
            EventInfo w = Event(e);
            if (e.Kind != EventKind.QueueStats && e.AgentId == owner.Id)
            {
                w.Allowed = Wire(e.State == AgentState.Logout ? new AgentState[0] : StateRules.Choosable(e.State, e.WrapUpEndsMs != 0, owner.MayEndWrapUpEarly));
            }

            return w;
        }

        private static string[] Wire(AgentState[] states)
        {
            string[] wire = new string[states.Length];
            for (int i = 0; i < states.Length; i++)
            {
                wire[i] = AgentStates.ToWire(states[i]);
            }

            return wire;
        }

        /// <summary>An event as the API sends it.</summary>
        public static EventInfo Event(ServerEvent e)
        {
            EventInfo w = new EventInfo();
            w.Seq = e.Seq;
            w.AtMs = e.AtMs;
            w.Kind = EventKinds.ToWire(e.Kind);
            w.AgentId = e.AgentId;
            if (e.Kind != EventKind.QueueStats)
            {
                w.State = AgentStates.ToWire(e.State);
                w.ReasonCode = e.Reason == null ? 0 : e.Reason.Code;
                w.ReasonLabel = e.Reason == null ? null : e.Reason.Label;
                if (e.HasPending)
                {
                    w.PendingState = AgentStates.ToWire(e.PendingState);
                    w.PendingReasonCode = e.PendingReason == null ? 0 : e.PendingReason.Code;
                    w.PendingReasonLabel = e.PendingReason == null ? null : e.PendingReason.Label;
                }

                w.WrapUpEndsMs = e.WrapUpEndsMs;
            }

            w.Call = e.CallId == null ? null : CallOf(e);
            w.Party = e.Party;
            w.EndReason = e.Kind == EventKind.CallEnded ? CallEndReasons.ToWire(e.EndReason) : null;
            w.CallsQueued = e.CallsQueued;
            return w;
        }

        /// <summary>The call of a call event, as the status shows it; an ended call has no state.</summary>
        private static CallInfo CallOf(ServerEvent e)
        {
            string state = e.Kind == EventKind.CallOffered ? LegStates.Ringing
                : e.Kind == EventKind.CallHeld ? LegStates.Held
                : e.Kind == EventKind.CallEnded ? null
                : LegStates.Connected;
            CallInfo c = Call(e.CallId, state, e.Routed, e.Queue, e.Ani, e.Dnis, e.Layout, e.Labels == null ? null : Variables(e.Labels, e.Values));
            c.ConsultTo = e.ConsultTo;
            c.ConsultState = e.ConsultTo == null ? null : e.ConsultConnected ? LegStates.Connected : LegStates.Ringing;
            c.ConsultFrom = e.ConsultFrom;
            return c;
        }

        public QueueFigures Figures(Queue queue)
        {
            QueueStats stats = _server.Stats(queue);
            QueueFigures f = new QueueFigures();
            f.Queue = queue.Name;
            f.CallsQueued = stats.CallsQueued;
            f.OldestInQueueMs = stats.OldestInQueueMs;
            f.Offered = stats.Offered;
            f.Answered = stats.Answered;
            f.Abandoned = stats.Abandoned;
            f.ServiceLevelPercent = stats.ServiceLevelPercent;
            f.AverageSpeedOfAnswerMs = stats.AverageSpeedOfAnswerMs;
            int[] by = stats.AgentsByState;
            f.AgentsReady = by[(int)AgentState.Ready];
            f.AgentsNotReady = by[(int)AgentState.NotReady];
            f.AgentsBusy = by[(int)AgentState.Reserved] + by[(int)AgentState.Talking] + by[(int)AgentState.Hold];
            f.AgentsWork = by[(int)AgentState.Work];
            return f;
        }

        public TeamView Team(Agent supervisor, Agent[] members)
        {
            TeamView view = new TeamView();
            view.Team = supervisor.SupervisedTeam;
            view.Agents = new TeamMember[members.Length];
            for (int i = 0; i < members.Length; i++)
            {
                Agent a = members[i];
                TeamMember m = new TeamMember();
                m.AgentId = a.Id;
                m.Name = a.Name;
                m.Extension = a.Extension;
                m.State = AgentStates.ToWire(a.State);
                m.ReasonLabel = a.Reason == null ? null : a.Reason.Label;
                if (a.HasPending)
                {
                    m.PendingState = AgentStates.ToWire(a.PendingState);
                    m.PendingReasonLabel = a.PendingReason == null ? null : a.PendingReason.Label;
                }

                m.TimeInStateMs = _server.NowMs - a.StateSinceMs;
                m.CallsHandled = a.CallsHandled;
                m.Allowed = Wire(a.SignedIn ? _server.Choosable(a) : new AgentState[0]);
                if (a.Leg != null)
                {
                    m.Call = CallOf(a.Leg);
                }

                view.Agents[i] = m;
            }

            // The queues the members serve, each once, in the order first met.
            System.Collections.ArrayList queues = new System.Collections.ArrayList();
            for (int i = 0; i < members.Length; i++)
            {
                for (int k = 0; k < members[i].Memberships.Count; k++)
                {
                    Queue queue = ((Membership)members[i].Memberships[k]).Queue;
                    if (!queues.Contains(queue))
                    {
                        queues.Add(queue);
                    }
                }
            }

            view.Queues = new QueueFigures[queues.Count];
            for (int i = 0; i < queues.Count; i++)
            {
                view.Queues[i] = Figures((Queue)queues[i]);
            }

            return view;
        }

        public static ReasonList Reasons(ReasonKind kind, bool required, ReasonCode[] codes)
        {
            ReasonList list = new ReasonList();
            list.Kind = ReasonKinds.ToWire(kind);
            list.Required = required;
            list.Reasons = new ReasonItem[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                list.Reasons[i] = new ReasonItem();
                list.Reasons[i].Code = codes[i].Code;
                list.Reasons[i].Label = codes[i].Label;
            }

            return list;
        }

        /// <summary>What a phone named <paramref name="device"/> is given at start.</summary>
        public static Provisioning Provisioning(string device, DeviceProfile profile, ApiOptions options)
        {
            Provisioning p = new Provisioning();
            p.Device = device;
            if (profile != null)
            {
                p.Tenant = profile.Tenant.Length == 0 ? null : profile.Tenant;
                p.AgentId = profile.AgentId;
                p.Extension = profile.Extension;
                p.PasswordStored = profile.PasswordStored;
            }

            p.Servers = options.Servers;
            p.StatsPollSeconds = options.StatsPollSeconds;
            p.EventWaitSeconds = options.EventWaitSeconds;
            p.Layout = options.DefaultLayout;
            return p;
        }

        public static CallCreated Created(string id)
        {
            CallCreated c = new CallCreated();
            c.Id = id;
            return c;
        }

        private CallInfo CallOf(Leg leg)
        {
            Call call = leg.Call;
            Layout layout = call.Queue == null || call.Queue.Layout == null ? Layout.Default : call.Queue.Layout;
            layout.Apply(call.VariableNames, call.VariableValues, _layoutScratch);
            CallInfo c = Call(call.Id, LegStates.ToWire(leg.State), leg.Routed, call.Queue == null ? null : call.Queue.Name, call.Ani, call.Dnis,
                _layoutScratch.Layout, Variables(_layoutScratch.Labels, _layoutScratch.Values));
            c.ConnectedMs = leg.AnsweredMs == 0 ? 0 : _server.NowMs - leg.AnsweredMs;
            Leg consult = leg.OpenConsult;
            c.ConsultTo = consult == null ? null : consult.Agent.Extension;
            c.ConsultState = consult == null ? null : consult.Connected ? LegStates.Connected : LegStates.Ringing;
            c.ConsultFrom = leg.ConsultFor == null ? null : leg.ConsultFor.Agent.Extension;
            return c;
        }

        private static CallInfo Call(string id, string state, bool routed, string queue, string ani, string dnis, string layout, CallVariable[] variables)
        {
            CallInfo c = new CallInfo();
            c.Id = id;
            c.State = state;
            c.Routed = routed;
            c.Queue = queue;
            c.Ani = ani;
            c.Dnis = dnis;
            c.Layout = layout;
            c.Variables = variables;
            return c;
        }

        private static CallVariable[] Variables(string[] names, string[] values)
        {
            int n = names == null ? 0 : names.Length;
            CallVariable[] result = new CallVariable[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = new CallVariable();
                result[i].Name = names[i];
                result[i].Value = values[i];
            }

            return result;
        }
    }
}
