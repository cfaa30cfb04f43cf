using System.Collections;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    // Snapshots: the center's live state written as text and read back into a core built from
    // the same configuration (agents, queues, teams, stations and reasons come from there).
    public sealed partial class AgentServer
    {
        private const string StateHeader = "agentphone-state";
        // 2 added consults (a leg's consulting leg, an event's consult); a version 1 snapshot,
        // which has none, still reads.
        private const int StateVersion = 2;
        private int _readingVersion;

        /// <summary>Events of each stream a snapshot keeps: a client further behind than these
        /// when the center restarts from it resynchronizes, as after any gap.</summary>
        public const int SnapshotEventsPerStream = 32;

        /// <summary>Writes everything that changes after configuration: agents' states, sessions
        /// (by the key the host keeps them under), calls and their legs, queues with their waiting
        /// order, figures and available agents, timers, and each event stream's numbering with its
        /// newest events. The same center writes the same text.</summary>
        public void WriteState(StateWriter w)
        {
            CopyState(w).Finish();
        }

        /// <summary>The first step of <see cref="WriteState"/>, all a host must do under its lock:
        /// writes what changes in place (agents, queues, calls) and keeps each event stream's
        /// newest events, which never change once appended, for <see cref="StateCopy.Finish"/>
        /// to write later, off the lock.</summary>
        public StateCopy CopyState(StateWriter w)
        {
            w.String(StateHeader);
            w.Int(StateVersion);
            w.Long(_lastCallId);
            w.Long(_deadlines.Scheduled);
            w.EndRecord();

            ArrayList agents = _agents.Values();
            w.Int(agents.Count);
            w.EndRecord();
            for (int i = 0; i < agents.Count; i++)
            {
                WriteAgent(w, (Agent)agents[i]);
            }

            ArrayList queues = _queues.Values();
            w.Int(queues.Count);
            w.EndRecord();
            for (int i = 0; i < queues.Count; i++)
            {
                WriteQueue(w, (Queue)queues[i]);
            }

            // Calls on agents (ringing, connected), each once, under its first party.
            int onAgents = 0;
            for (int i = 0; i < agents.Count; i++)
            {
                onAgents += FirstPartyOf((Agent)agents[i]) ? 1 : 0;
            }

            w.Int(onAgents);
            w.EndRecord();
            for (int i = 0; i < agents.Count; i++)
            {
                if (FirstPartyOf((Agent)agents[i]))
                {
                    WriteCall(w, ((Agent)agents[i]).Leg.Call);
                }
            }

            ArrayList teams = _teams.Values();
            StateCopy copy = new StateCopy(w, agents.Count + teams.Count + queues.Count);
            for (int i = 0; i < agents.Count; i++)
            {
                copy.Keep(((Agent)agents[i]).Events);
            }

            for (int i = 0; i < teams.Count; i++)
            {
                copy.Keep(((Team)teams[i]).Events);
            }

            for (int i = 0; i < queues.Count; i++)
            {
                copy.Keep(((Queue)queues[i]).Events);
            }

            return copy;
        }

        /// <summary>Reads what <see cref="WriteState"/> wrote into this core, which must have been
        /// given the same configuration and nothing else; a text that does not fit it throws
        /// <see cref="StateFormatException"/>.</summary>
        public void ReadState(StateReader r)
        {
            _readingVersion = r.String() == StateHeader ? r.Int() : 0;
            if (_readingVersion < 1 || _readingVersion > StateVersion)
            {
                throw new StateFormatException("Not a snapshot of this version of the center.");
            }

            _lastCallId = r.Long();
            _deadlines.Scheduled = r.Long();
            r.EndRecord();

            int agents = Count(r);
            for (int i = 0; i < agents; i++)
            {
                ReadAgent(r);
            }

            int queues = Count(r);
            for (int i = 0; i < queues; i++)
            {
                ReadQueue(r);
            }

            int calls = Count(r);
            for (int i = 0; i < calls; i++)
            {
                ReadCall(r);
            }

            ArrayList all = _agents.Values();
            for (int i = 0; i < all.Count; i++)
            {
                ReadStream(r, ((Agent)all[i]).Events);
            }

            all = _teams.Values();
            for (int i = 0; i < all.Count; i++)
            {
                ReadStream(r, ((Team)all[i]).Events);
            }

            all = _queues.Values();
            for (int i = 0; i < all.Count; i++)
            {
                ReadStream(r, ((Queue)all[i]).Events);
            }

            if (!r.AtEnd)
            {
                throw new StateFormatException("The snapshot has more than this center holds.");
            }
        }

        private static bool FirstPartyOf(Agent agent)
        {
            return agent.Leg != null && agent.Leg.Call.Legs[0] == agent.Leg;
        }

        private static int Count(StateReader r)
        {
            int n = r.Int();
            r.EndRecord();
            if (n < 0)
            {
                throw new StateFormatException("A negative count.");
            }

            return n;
        }

        private void WriteAgent(StateWriter w, Agent a)
        {
            w.String(a.Tenant);
            w.String(a.Id);
            w.Int((int)a.State);
            w.Long(a.StateSinceMs);
            WriteReason(w, a.Reason);
            w.Bool(a.HasPending);
            w.Int((int)a.PendingState);
            WriteReason(w, a.PendingReason);
            w.String(a.Extension);
            w.Long(a.WrapUpEndsMs);
            w.Int(a.CallsHandled);
            for (int i = 0; i < a.StateMs.Length; i++)
            {
                w.Long(a.StateMs[i]);
            }

            w.Int((int)a.ReturnState);
            WriteReason(w, a.ReturnReason);
            WriteReason(w, a.WrapUpReason);
            WriteDeadline(w, a.WrapUpDeadline);
            w.Long(a.LastCallEndedMs);
            w.Long(a.ReadySinceMs);
            w.Int(a.FailedSignIns);
            w.Long(a.LockedUntilMs);
            w.String(a.PasswordSecret);
            w.String(a.PinSecret);
            w.Int(a.Sessions.Count);
            w.EndRecord();
            for (int i = 0; i < a.Sessions.Count; i++)
            {
                Session s = (Session)a.Sessions[i];
                w.String(s.Token);
                w.String(s.Device);
                w.Long(s.OpenedMs);
                w.EndRecord();
            }
        }

        private void ReadAgent(StateReader r)
        {
            string tenant = r.String();
            Agent a = FindAgent(tenant, r.String());
            if (a == null)
            {
                throw new StateFormatException("The snapshot names an agent the configuration does not have.");
            }

            a.State = (AgentState)r.Int();
            a.StateSinceMs = r.Long();
            a.Reason = ReadReason(r, tenant);
            a.HasPending = r.Bool();
            a.PendingState = (AgentState)r.Int();
            a.PendingReason = ReadReason(r, tenant);
            a.Extension = r.String();
            a.WrapUpEndsMs = r.Long();
            a.CallsHandled = r.Int();
            for (int i = 0; i < a.StateMs.Length; i++)
            {
                a.StateMs[i] = r.Long();
            }

            a.ReturnState = (AgentState)r.Int();
            a.ReturnReason = ReadReason(r, tenant);
            a.WrapUpReason = ReadReason(r, tenant);
            a.WrapUpDeadline = ReadDeadline(r, DeadlineKind.WrapUpEnd, a);
            a.LastCallEndedMs = r.Long();
            a.ReadySinceMs = r.Long();
            a.FailedSignIns = r.Int();
            a.LockedUntilMs = r.Long();
            a.PasswordSecret = r.String();
            a.PinSecret = r.String();
            int sessions = r.Int();
            r.EndRecord();
            for (int i = 0; i < sessions; i++)
            {
                Session s = new Session(r.String(), a, r.String(), r.Long());
                r.EndRecord();
                s.Open = true;
                _sessions.Set(s.Token, s);
                a.Sessions.Add(s);
            }

            Station station = a.Extension == null ? null : FindStation(tenant, a.Extension);
            if (station != null)
            {
                station.Agent = a;
            }
        }

        private void WriteQueue(StateWriter w, Queue q)
        {
            w.String(q.Tenant);
            w.String(q.Name);
            w.Int(q.LastPosition);
            w.Int(q.Offered);
            w.Int(q.Answered);
            w.Int(q.Abandoned);
            w.Int(q.AnsweredInServiceLevel);
            w.Long(q.AnswerWaitTotalMs);
            for (int i = 0; i < q.AgentsByState.Length; i++)
            {
                w.Int(q.AgentsByState[i]);
            }

            w.Int(q.Ready.Count);
            for (int p = 0; p < q.Ready.Capacity; p++)
            {
                if (q.Ready.IsSet(p))
                {
                    w.Int(p);
                    w.Int(q.Ready.PriorityAt(p));
                    w.Long(q.Ready.KeyAt(p));
                }
            }

            ArrayList waiting = q.Waiting.Live();
            w.Int(waiting.Count);
            w.EndRecord();
            for (int i = 0; i < waiting.Count; i++)
            {
                WriteCall(w, (Call)waiting[i]);
            }
        }

        private void ReadQueue(StateReader r)
        {
            Queue q = FindQueue(r.String(), r.String());
            if (q == null)
            {
                throw new StateFormatException("The snapshot names a queue the configuration does not have.");
            }

            q.LastPosition = r.Int();
            q.Offered = r.Int();
            q.Answered = r.Int();
            q.Abandoned = r.Int();
            q.AnsweredInServiceLevel = r.Int();
            q.AnswerWaitTotalMs = r.Long();
            for (int i = 0; i < q.AgentsByState.Length; i++)
            {
                q.AgentsByState[i] = r.Int();
            }

            int ready = r.Int();
            for (int i = 0; i < ready; i++)
            {
                q.Ready.Set(r.Int(), r.Int(), r.Long());
            }

            int waiting = r.Int();
            r.EndRecord();
            for (int i = 0; i < waiting; i++)
            {
                q.Waiting.AddLast(ReadCall(r));
            }
        }

        private void WriteCall(StateWriter w, Call c)
        {
            w.String(c.Id);
            w.String(c.Tenant);
            w.String(c.Queue == null ? null : c.Queue.Name);
            w.Bool(c.Outbound);
            w.String(c.Ani);
            w.String(c.Dnis);
            w.Strings(c.VariableNames);
            w.Strings(c.VariableValues);
            w.Int((int)c.State);
            w.Long(c.ArrivedMs);
            w.Long(c.AnsweredMs);
            w.Int(c.Legs.Count);
            w.EndRecord();
            for (int i = 0; i < c.Legs.Count; i++)
            {
                Leg leg = (Leg)c.Legs[i];
                w.String(leg.Agent.Tenant);
                w.String(leg.Agent.Id);
                w.Bool(leg.Routed);
                w.String(leg.Party);
                w.Int((int)leg.State);
                w.Long(leg.OfferedMs);
                w.Long(leg.AnsweredMs);
                WriteDeadline(w, leg.RingDeadline);
                w.Int(leg.ConsultFor == null ? -1 : c.Legs.IndexOf(leg.ConsultFor));
                w.EndRecord();
            }
        }

        private Call ReadCall(StateReader r)
        {
            string id = r.String();
            string tenant = r.String();
            string queueName = r.String();
            Queue queue = queueName == null ? null : FindQueue(tenant, queueName);
            if (queueName != null && queue == null)
            {
                throw new StateFormatException("The snapshot names a queue the configuration does not have.");
            }

            Call c = new Call(id, tenant, queue, r.Bool(), r.String(), r.String(), r.Strings(), r.Strings(), 0);
            c.State = (CallState)r.Int();
            c.ArrivedMs = r.Long();
            c.AnsweredMs = r.Long();
            int legs = r.Int();
            r.EndRecord();
            int[] consultFor = new int[legs];
            for (int i = 0; i < legs; i++)
            {
                Agent agent = FindAgent(r.String(), r.String());
                if (agent == null)
                {
                    throw new StateFormatException("The snapshot names an agent the configuration does not have.");
                }

                Leg leg = new Leg(agent, c, r.Bool(), r.String(), 0);
                leg.State = (LegState)r.Int();
                leg.OfferedMs = r.Long();
                leg.AnsweredMs = r.Long();
                leg.RingDeadline = ReadDeadline(r, DeadlineKind.RingNoAnswer, leg);
                consultFor[i] = _readingVersion >= 2 ? r.Int() : -1;
                r.EndRecord();
                c.Legs.Add(leg);
                agent.Leg = leg;
            }

            for (int i = 0; i < legs; i++)
            {
                if (consultFor[i] < -1 || consultFor[i] >= legs)
                {
                    throw new StateFormatException("A consult names a leg its call does not have.");
                }

                ((Leg)c.Legs[i]).ConsultFor = consultFor[i] < 0 ? null : (Leg)c.Legs[consultFor[i]];
            }

            _calls.Set(c.Id, c);
            return c;
        }

        private static void WriteDeadline(StateWriter w, Deadline d)
        {
            w.Long(d == null ? -1 : d.DueMs);
            w.Long(d == null ? -1 : d.Order);
        }

        private Deadline ReadDeadline(StateReader r, DeadlineKind kind, object target)
        {
            long due = r.Long();
            long order = r.Long();
            return order < 0 ? null : _deadlines.Restore(due, order, kind, target);
        }

        internal static void WriteReason(StateWriter w, ReasonCode code)
        {
            w.Int(code == null ? -1 : (int)code.Kind);
            if (code != null)
            {
                w.Int(code.Code);
                w.String(code.Team);
                w.String(code.Label);
            }
        }

        // The catalog's own code where it has it, so a later change to the same reason is seen as
        // no change, as it would have been before the restart.
        private ReasonCode ReadReason(StateReader r, string tenant)
        {
            int kind = r.Int();
            if (kind < 0)
            {
                return null;
            }

            int number = r.Int();
            string team = r.String();
            string label = r.String();
            if (number == ReasonCode.RingNoAnswer.Code && kind == (int)ReasonKind.NotReady)
            {
                return ReasonCode.RingNoAnswer;
            }

            if (number == ReasonCode.DirectCall.Code && kind == (int)ReasonKind.NotReady)
            {
                return ReasonCode.DirectCall;
            }

            ReasonCode known = Reasons(tenant).Exact((ReasonKind)kind, number, team);
            return known != null ? known : new ReasonCode((ReasonKind)kind, number, label, team);
        }

        private void ReadStream(StateReader r, EventStream s)
        {
            long last = r.Long();
            int n = r.Int();
            r.EndRecord();
            if (n < 0 || n > last)
            {
                throw new StateFormatException("An event stream holds more events than it numbered.");
            }

            s.Restart(last - n);
            for (int i = 0; i < n; i++)
            {
                ServerEvent e = new ServerEvent();
                e.AtMs = r.Long();
                e.Kind = (EventKind)r.Int();
                e.AgentId = r.String();
                e.State = (AgentState)r.Int();
                e.Reason = ReadReason(r, s.Tenant);
                e.HasPending = r.Bool();
                e.PendingState = (AgentState)r.Int();
                e.PendingReason = ReadReason(r, s.Tenant);
                e.WrapUpEndsMs = r.Long();
                e.CallId = r.String();
                e.Routed = r.Bool();
                e.Queue = r.String();
                e.Ani = r.String();
                e.Dnis = r.String();
                e.Party = r.String();
                e.EndReason = (CallEndReason)r.Int();
                e.Layout = r.String();
                e.Labels = r.Strings();
                e.Values = r.Strings();
                e.CallsQueued = r.Int();
                if (_readingVersion >= 2)
                {
                    e.ConsultTo = r.String();
                    e.ConsultConnected = r.Bool();
                    e.ConsultFrom = r.String();
                }

                r.EndRecord();
                s.Append(e);
            }
        }
    }

    /// <summary>A snapshot half written: the rest of the text and the event streams it kept.</summary>
    public sealed class StateCopy
    {
        private readonly StateWriter _writer;
        private readonly long[] _lastSeq;
        private readonly ServerEvent[][] _events;
        private int _streams;

        internal StateCopy(StateWriter writer, int streams)
        {
            _writer = writer;
            _lastSeq = new long[streams];
            _events = new ServerEvent[streams][];
        }

        internal void Keep(EventStream s)
        {
            ServerEvent[] newest = new ServerEvent[AgentServer.SnapshotEventsPerStream];
            int n = s.CopyAfter(s.LastSeq - newest.Length, newest);
            if (n < newest.Length)
            {
                ServerEvent[] fewer = new ServerEvent[n];
                System.Array.Copy(newest, fewer, n);
                newest = fewer;
            }

            _lastSeq[_streams] = s.LastSeq;
            _events[_streams++] = newest;
        }

        /// <summary>Writes the kept events; needs no lock (nothing it reads changes).</summary>
        public void Finish()
        {
            for (int i = 0; i < _streams; i++)
            {
                WriteStream(_writer, _lastSeq[i], _events[i]);
            }
        }

        private static void WriteStream(StateWriter w, long lastSeq, ServerEvent[] events)
        {
            w.Long(lastSeq);
            w.Int(events.Length);
            w.EndRecord();
            for (int i = 0; i < events.Length; i++)
            {
                ServerEvent e = events[i];
                w.Long(e.AtMs);
                w.Int((int)e.Kind);
                w.String(e.AgentId);
                w.Int((int)e.State);
                AgentServer.WriteReason(w, e.Reason);
                w.Bool(e.HasPending);
                w.Int((int)e.PendingState);
                AgentServer.WriteReason(w, e.PendingReason);
                w.Long(e.WrapUpEndsMs);
                w.String(e.CallId);
                w.Bool(e.Routed);
                w.String(e.Queue);
                w.String(e.Ani);
                w.String(e.Dnis);
                w.String(e.Party);
                w.Int((int)e.EndReason);
                w.String(e.Layout);
                w.Strings(e.Labels);
                w.Strings(e.Values);
                w.Int(e.CallsQueued);
                w.String(e.ConsultTo);
                w.Bool(e.ConsultConnected);
                w.String(e.ConsultFrom);
                w.EndRecord();
            }
        }
    }
}
