using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    // Calls: offers from the PBX, the agent's call control, the caller hanging up, timeouts.
    public sealed partial class AgentServer
    {
        /// <summary>The PBX offers a call to a queue. It rings at the best Ready agent, or waits.</summary>
        public ErrorCode OfferToQueue(string tenant, string queueName, string ani, string dnis, string[] names, string[] values, out Call call)
        {
            call = null;
            Queue queue = FindQueue(tenant, queueName);
            if (queue == null)
            {
                return ErrorCode.UnknownQueue;
            }

            ErrorCode error = CheckVariables(names, values);
            if (error != ErrorCode.None)
            {
                return error;
            }

            call = NewCall(queue.Tenant, queue, false, ani, dnis, names, values);
            call.State = CallState.Queued;
            queue.Offered++;
            queue.Waiting.AddLast(call);
            EmitQueue(queue);
            Route(queue);
            return ErrorCode.None;
        }

        /// <summary>The PBX offers a direct (non-routed) call to an extension. It reaches a Ready
        /// or Not Ready agent; a Ready one is Not Ready until the call ends.</summary>
        public ErrorCode OfferToExtension(string tenant, string extension, string ani, string dnis, string[] names, string[] values, out Call call)
        {
            call = null;
            ErrorCode error = CheckVariables(names, values);
            if (error != ErrorCode.None)
            {
                return error;
            }

            Agent agent = SignedInAt(tenant, extension);
            if (agent == null)
            {
                return ErrorCode.UnknownExtension;
            }

            if (agent.Leg != null || (agent.State != AgentState.Ready && agent.State != AgentState.NotReady))
            {
                return ErrorCode.Busy;
            }

            call = NewCall(agent.Tenant, null, false, ani, dnis, names, values);
            call.State = CallState.Ringing;
            OfferLeg(call, agent, false, null);
            return ErrorCode.None;
        }

        /// <summary>The caller hangs up: abandoned if still queued or ringing.</summary>
        public ErrorCode HangUp(string callId)
        {
            Call call = FindCall(callId);
            if (call == null)
            {
                return ErrorCode.UnknownCall;
            }

            Queue queue = call.Queue;
            if (call.State == CallState.Queued)
            {
                queue.Abandoned++;
                call.State = CallState.Ended;
                queue.Waiting.Forget();
                _calls.Remove(call.Id);
                EmitQueue(queue);
                return ErrorCode.None;
            }

            if (call.State == CallState.Ringing && queue != null)
            {
                queue.Abandoned++;
            }

            EndCall(call, CallEndReason.CallerHungUp);
            return ErrorCode.None;
        }

        public ErrorCode Answer(Agent agent)
        {
            Leg leg = agent.Leg;
            if (leg == null)
            {
                return ErrorCode.NoCall;
            }

            if (leg.State != LegState.Ringing)
            {
                return ErrorCode.CallNotRinging;
            }

            Call call = leg.Call;
            long now = _clock.NowMs;
            CancelRing(leg);
            leg.State = LegState.Connected;
            leg.AnsweredMs = now;
            bool joining = call.State == CallState.Connected;
            if (!joining)
            {
                call.State = CallState.Connected;
                call.AnsweredMs = now;
                if (call.Queue != null)
                {
                    CountAnswer(call.Queue, now - call.ArrivedMs);
                }

                // Ring-all: the others stop ringing.
                for (int i = call.Legs.Count - 1; i >= 0; i--)
                {
                    Leg other = (Leg)call.Legs[i];
                    if (other != leg && other.State == LegState.Ringing && other.Routed)
                    {
                        EndLeg(other, CallEndReason.AnsweredElsewhere);
                    }
                }
            }

            if (leg.Routed)
            {
                ChangeState(agent, AgentState.Talking, null);
            }

            EmitCall(EventKind.CallAnswered, leg, CallEndReason.None, leg.Party);
            if (leg.ConsultFor != null)
            {
                // A consult: the two agents talk, the caller still on hold.
                AnnounceBetween(leg, leg.ConsultFor);
            }
            else if (joining)
            {
                AnnounceJoin(leg);
            }

            return ErrorCode.None;
        }

        public ErrorCode Hold(Agent agent)
        {
            return SetHeld(agent, true);
        }

        /// <summary>Takes the caller off hold; during a consult, ends the consult call first
        /// (Finesse's Retrieve).</summary>
        public ErrorCode Resume(Agent agent)
        {
            Leg consult = agent.Leg == null ? null : agent.Leg.OpenConsult;
            if (consult != null)
            {
                EndLeg(consult, CallEndReason.Released);
            }

            return SetHeld(agent, false);
        }

        /// <summary>The agent hangs up its part of the call; the call ends when no agent is left on it.</summary>
        public ErrorCode Release(Agent agent)
        {
            Leg leg = agent.Leg;
            if (leg == null)
            {
                return ErrorCode.NoCall;
            }

            if (!leg.Connected)
            {
                return ErrorCode.CallNotConnected;
            }

            Leg consult = leg.OpenConsult;
            if (consult != null)
            {
                // Hanging up on the consulted agent ends the consult; the caller stays on hold.
                EndLeg(consult, CallEndReason.Released);
                return ErrorCode.None;
            }

            Call call = leg.Call;
            EndLeg(leg, CallEndReason.Released);
            ClearIfNobodyLeft(call);
            return ErrorCode.None;
        }

        /// <summary>Consults the Ready agent at <paramref name="extension"/> before a transfer or a
        /// conference: the caller goes on hold and the call rings there; then <see cref="Transfer"/>
        /// or <see cref="Conference"/> completes it, <see cref="Resume"/> or <see cref="Release"/>
        /// ends it.</summary>
        public ErrorCode Consult(Agent agent, string extension)
        {
            if (agent.Leg != null && agent.Leg.OpenConsult != null)
            {
                return ErrorCode.ConsultInProgress;
            }

            Agent target;
            ErrorCode error = CheckSecondAgent(agent, extension, out target);
            if (error != ErrorCode.None)
            {
                return error;
            }

            // Offered first, so the hold event that follows tells the agent's stream of the consult.
            Leg leg = agent.Leg;
            OfferLeg(leg.Call, target, false, agent.Id, leg);
            if (leg.State == LegState.Connected)
            {
                SetHeld(agent, true);
            }
            else
            {
                EmitCall(EventKind.CallHeld, leg, CallEndReason.None, leg.Party);
            }

            return ErrorCode.None;
        }

        /// <summary>Blind transfer to the agent at <paramref name="extension"/>, who must be Ready;
        /// during a consult (no extension, or the consulted one), hands the caller to the consulted
        /// agent.</summary>
        public ErrorCode Transfer(Agent agent, string extension)
        {
            Leg consult;
            ErrorCode completing = Completing(agent, extension, out consult);
            if (completing != ErrorCode.None)
            {
                return completing;
            }

            if (consult != null)
            {
                consult.ConsultFor = null;
                EndLeg(agent.Leg, CallEndReason.Transferred);
                if (consult.Connected)
                {
                    AnnounceJoin(consult);
                }

                return ErrorCode.None;
            }

            Agent target;
            ErrorCode error = CheckSecondAgent(agent, extension, out target);
            if (error != ErrorCode.None)
            {
                return error;
            }

            Leg leg = agent.Leg;
            OfferLeg(leg.Call, target, false, agent.Id);
            EndLeg(leg, CallEndReason.Transferred);
            return ErrorCode.None;
        }

        /// <summary>Adds the Ready agent at <paramref name="extension"/> to the call; once it answers
        /// all parties are connected and each is told who joined.</summary>
        public ErrorCode Conference(Agent agent, string extension)
        {
            Leg consult;
            ErrorCode completing = Completing(agent, extension, out consult);
            if (completing != ErrorCode.None)
            {
                return completing;
            }

            if (consult != null)
            {
                // Everyone on the call: the caller back from hold, and each party told who is
                // there (the two agents again: they now talk with the caller too).
                consult.ConsultFor = null;
                SetHeld(agent, false);
                if (consult.Connected)
                {
                    AnnounceJoin(consult);
                }

                return ErrorCode.None;
            }

            Agent target;
            ErrorCode error = CheckSecondAgent(agent, extension, out target);
            if (error != ErrorCode.None)
            {
                return error;
            }

            OfferLeg(agent.Leg.Call, target, false, agent.Id);
            return ErrorCode.None;
        }

        /// <summary>The consult a transfer or conference completes (null when none is in progress);
        /// refused when it names another extension than the consulted one.</summary>
        private ErrorCode Completing(Agent agent, string extension, out Leg consult)
        {
            consult = agent.Leg == null ? null : agent.Leg.OpenConsult;
            bool named = extension != null && extension.Length > 0;
            return consult != null && named && extension != consult.Agent.Extension ? ErrorCode.ConsultInProgress : ErrorCode.None;
        }

        /// <summary>An outbound call, only from Not Ready. To another agent's extension it rings
        /// there (that agent must be Ready); any other number is connected at once.</summary>
        public ErrorCode Dial(Agent agent, string number, out Call call)
        {
            call = null;
            if (!agent.SignedIn)
            {
                return ErrorCode.NotSignedIn;
            }

            if (agent.State != AgentState.NotReady || agent.Leg != null)
            {
                return ErrorCode.InvalidTransition;
            }

            if (!IsDigits(number, 1) || number == agent.Extension)
            {
                return ErrorCode.InvalidArgument;
            }

            Agent target = SignedInAt(agent.Tenant, number);
            if (target != null && (target.State != AgentState.Ready || target.Leg != null))
            {
                return ErrorCode.TargetNotReady;
            }

            call = NewCall(agent.Tenant, null, true, agent.Extension, number, null, null);
            call.State = CallState.Connected;
            call.AnsweredMs = _clock.NowMs;
            Leg own = NewLeg(call, agent, false, number);
            own.State = LegState.Connected;
            own.AnsweredMs = call.AnsweredMs;
            EmitCall(EventKind.CallAnswered, own, CallEndReason.None, number);
            if (target != null)
            {
                OfferLeg(call, target, false, agent.Id);
            }

            return ErrorCode.None;
        }

        /// <summary>Runs what is due: ring-no-answer and wrap-up expiry. Hosts call it on a timer,
        /// at least by <see cref="NextDueMs"/>.</summary>
        public void Tick()
        {
            long now = _clock.NowMs;
            Deadline due;
            while ((due = _deadlines.TakeDue(now)) != null)
            {
                if (due.Kind == DeadlineKind.RingNoAnswer)
                {
                    RingNoAnswer((Leg)due.Target);
                }
                else
                {
                    EndWrapUp((Agent)due.Target);
                }
            }
        }

        /// <summary>When <see cref="Tick"/> next has work, in clock ms; long.MaxValue when nothing is timed.</summary>
        public long NextDueMs
        {
            get { return _deadlines.NextDueMs; }
        }

        // ---- internals ----

        private Call NewCall(string tenant, Queue queue, bool outbound, string ani, string dnis, string[] names, string[] values)
        {
            _lastCallId++;
            Call call = new Call(_lastCallId.ToString(), tenant, queue, outbound, ani, dnis,
                names == null ? new string[0] : names, values == null ? new string[0] : values, _clock.NowMs);
            _calls.Set(call.Id, call);
            return call;
        }

        private Leg NewLeg(Call call, Agent agent, bool routed, string party)
        {
            Leg leg = new Leg(agent, call, routed, party, _clock.NowMs);
            call.Legs.Add(leg);
            agent.Leg = leg;
            if (!routed)
            {
                agent.ReturnState = agent.State;
                agent.ReturnReason = agent.Reason;
            }

            return leg;
        }

        /// <summary>Rings a call at an agent: a queue offer makes it Reserved; any other offer keeps it
        /// Not Ready (a Ready agent becomes Not Ready and returns to its state after).</summary>
        private void OfferLeg(Call call, Agent agent, bool routed, string party)
        {
            OfferLeg(call, agent, routed, party, null);
        }

        private void OfferLeg(Call call, Agent agent, bool routed, string party, Leg consultFor)
        {
            Leg leg = NewLeg(call, agent, routed, party);
            leg.ConsultFor = consultFor;
            long ringMs = routed ? call.Queue.RingTimeoutSeconds * 1000L : _options.DirectRingTimeoutSeconds * 1000L;
            leg.RingDeadline = _deadlines.Schedule(_clock.NowMs + ringMs, DeadlineKind.RingNoAnswer, leg);
            if (routed)
            {
                ChangeState(agent, AgentState.Reserved, null);
            }
            else if (agent.State == AgentState.Ready)
            {
                ChangeState(agent, AgentState.NotReady, ReasonCode.DirectCall);
            }

            EmitCall(EventKind.CallOffered, leg, CallEndReason.None, party);
        }

        private ErrorCode SetHeld(Agent agent, bool held)
        {
            Leg leg = agent.Leg;
            if (leg == null)
            {
                return ErrorCode.NoCall;
            }

            if (!leg.Connected)
            {
                return ErrorCode.CallNotConnected;
            }

            if (leg.State != (held ? LegState.Connected : LegState.Held))
            {
                return ErrorCode.InvalidTransition;
            }

            leg.State = held ? LegState.Held : LegState.Connected;
            if (leg.Routed)
            {
                ChangeState(agent, held ? AgentState.Hold : AgentState.Talking, null);
            }

            EmitCall(held ? EventKind.CallHeld : EventKind.CallResumed, leg, CallEndReason.None, leg.Party);
            return ErrorCode.None;
        }

        private ErrorCode CheckSecondAgent(Agent agent, string extension, out Agent target)
        {
            target = null;
            Leg leg = agent.Leg;
            if (leg == null)
            {
                return ErrorCode.NoCall;
            }

            if (!leg.Connected)
            {
                return ErrorCode.CallNotConnected;
            }

            if (leg.ConsultFor != null)
            {
                // The consulted agent brings nobody in until the consult is completed.
                return ErrorCode.ConsultInProgress;
            }

            if (extension == null || extension.Length == 0 || extension == agent.Extension)
            {
                return ErrorCode.InvalidArgument;
            }

            target = SignedInAt(agent.Tenant, extension);
            if (target == null)
            {
                return ErrorCode.UnknownExtension;
            }

            return target.State == AgentState.Ready && target.Leg == null ? ErrorCode.None : ErrorCode.TargetNotReady;
        }

        /// <summary>Takes an agent off a call and settles its state: wrap-up after an answered queue
        /// call, else the pending choice or the state it had.</summary>
        private void EndLeg(Leg leg, CallEndReason reason)
        {
            // A consult ends with the leg it was for.
            Leg consult = leg.OpenConsult;
            if (consult != null)
            {
                EndLeg(consult, reason);
            }

            Agent agent = leg.Agent;
            Call call = leg.Call;
            bool wasConnected = leg.Connected;
            CancelRing(leg);
            call.Legs.Remove(leg);
            agent.Leg = null;
            EmitCall(EventKind.CallEnded, leg, reason, leg.Party);
            bool inviteOrConnected = wasConnected || (!leg.Routed && call.State == CallState.Connected);
            if (call.State != CallState.Ended && inviteOrConnected)
            {
                AnnounceLeave(leg, reason);
            }

            long now = _clock.NowMs;
            if (!leg.Routed)
            {
                if (wasConnected)
                {
                    agent.LastCallEndedMs = now;
                }

                ApplyPendingOr(agent, agent.ReturnState, agent.ReturnReason);
                return;
            }

            if (reason == CallEndReason.NoAnswer)
            {
                bool loggingOut = agent.HasPending && agent.PendingState == AgentState.Logout;
                ReasonCode logoutReason = agent.PendingReason;
                ClearPending(agent);
                if (loggingOut)
                {
                    SignOutNow(agent, logoutReason);
                }
                else
                {
                    ChangeState(agent, AgentState.NotReady, ReasonCode.RingNoAnswer);
                }

                return;
            }

            if (!wasConnected)
            {
                // Rang but never answered here (caller gone, answered elsewhere): back as before.
                ApplyPendingOr(agent, AgentState.Ready, null);
                return;
            }

            agent.CallsHandled++;
            agent.LastCallEndedMs = now;
            if (agent.HasPending && agent.PendingState == AgentState.Work)
            {
                ClearPending(agent);
                ChangeState(agent, AgentState.Work, agent.WrapUpReason);
                return;
            }

            if (agent.HasPending && agent.PendingState == AgentState.Logout)
            {
                ApplyPendingOr(agent, AgentState.Logout, null);
                return;
            }

            int wrapUpSeconds = agent.WrapUpSeconds >= 0 ? agent.WrapUpSeconds : call.Queue.WrapUpSeconds;
            if (wrapUpSeconds > 0)
            {
                StartWrapUp(agent, wrapUpSeconds * 1000L);
                return;
            }

            ApplyPendingOr(agent, AgentState.Ready, null);
        }

        private void EndCall(Call call, CallEndReason reason)
        {
            call.State = CallState.Ended;
            while (call.Legs.Count > 0)
            {
                EndLeg((Leg)call.Legs[call.Legs.Count - 1], reason);
            }

            _calls.Remove(call.Id);
        }

        /// <summary>A call with no agent left on it is over for the caller too.</summary>
        private void ClearIfNobodyLeft(Call call)
        {
            if (call.State != CallState.Ended && call.Legs.Count == 0)
            {
                call.State = CallState.Ended;
                _calls.Remove(call.Id);
            }
        }

        private void RingNoAnswer(Leg leg)
        {
            leg.RingDeadline = null;
            Call call = leg.Call;
            EndLeg(leg, CallEndReason.NoAnswer);
            if (leg.Routed && call.State == CallState.Ringing && call.Legs.Count == 0)
            {
                // Back to the head of its queue, for the next Ready agent.
                call.State = CallState.Queued;
                call.Queue.Waiting.AddFirst(call);
                EmitQueue(call.Queue);
                Route(call.Queue);
                return;
            }

            ClearIfNobodyLeft(call);
        }

        private void CancelRing(Leg leg)
        {
            if (leg.RingDeadline != null)
            {
                leg.RingDeadline.Cancelled = true;
                leg.RingDeadline = null;
            }
        }

        /// <summary>Tells a newly connected party who is on the call, and the others that it joined.</summary>
        private void AnnounceJoin(Leg joined)
        {
            Call call = joined.Call;
            for (int i = 0; i < call.Legs.Count; i++)
            {
                Leg other = (Leg)call.Legs[i];
                // A consult in progress elsewhere on the call is not part of it yet.
                if (other != joined && other.Connected && other.ConsultFor == null)
                {
                    AnnounceBetween(joined, other);
                }
            }
        }

        private void AnnounceBetween(Leg joined, Leg other)
        {
            EmitCall(EventKind.PartyJoined, other, CallEndReason.None, joined.Agent.Id);
            EmitCall(EventKind.PartyJoined, joined, CallEndReason.None, other.Agent.Id);
        }

        private void AnnounceLeave(Leg left, CallEndReason reason)
        {
            Call call = left.Call;
            for (int i = 0; i < call.Legs.Count; i++)
            {
                Leg other = (Leg)call.Legs[i];
                // A consulted agent was known only to the one who consulted it.
                if (other.Connected && (left.ConsultFor == null || other == left.ConsultFor) && other.ConsultFor == null)
                {
                    EmitCall(EventKind.PartyLeft, other, reason, left.Agent.Id);
                }
            }
        }

        private static ErrorCode CheckVariables(string[] names, string[] values)
        {
            int count = names == null ? 0 : names.Length;
            if ((values == null ? 0 : values.Length) != count)
            {
                return ErrorCode.InvalidArgument;
            }

            if (count > Layout.MaxVariables)
            {
                return ErrorCode.TooManyVariables;
            }

            for (int i = 0; i < count; i++)
            {
                if (names[i] == null || names[i].Length == 0 || values[i] == null)
                {
                    return ErrorCode.InvalidArgument;
                }
            }

            return ErrorCode.None;
        }
    }
}
