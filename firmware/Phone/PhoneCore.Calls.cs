using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>Ringing, caller data, the Talking screen with call control, number entry, and
    /// the agent's event stream.</summary>
    public sealed partial class PhoneCore
    {
        private const int DialTransfer = 0;
        private const int DialConference = 1;
        private const int DialOutbound = 2;
        private static readonly string[] DialTitles = { "Transfer to", "Conference", "Dial" };
        /// <summary>Caller-data keys are cut to this many characters (Finesse IPPA).</summary>
        public const int CallerDataKeyChars = 15;

        /// <summary>The agent's call as the server last described it, or null.</summary>
        public CallInfo Call
        {
            get { return _call; }
        }

        private void AdoptCall(CallInfo call, long timeInStateMs)
        {
            bool wasRinging = _call != null && _call.State == LegStates.Ringing;
            _call = call;
            if (call == null)
            {
                _party = null;
                _callSinceMs = 0;
                if (_ringer.IsRinging) _ringer.Stop();
                return;
            }

            if (call.State == LegStates.Ringing)
            {
                if (!_ringer.IsRinging) _ringer.Ring(call.Routed);
            }
            else
            {
                if (_ringer.IsRinging) _ringer.Stop();
                if (wasRinging || _callSinceMs == 0) _callSinceMs = _clock.NowMs - timeInStateMs;
            }
        }

        // ---- caller data ----

        /// <summary>Caller Data: layout, ANI, DNIS and the call variables (keys cut to 15).</summary>
        private void ShowCallerData()
        {
            if (_call == null)
            {
                ShowAgentMenu();
                return;
            }

            // Drawn anew when an event comes: the agent's scrolling stays where it was.
            int scrolled = _view == PhoneView.CallerData ? _screen.FirstLine : 0;
            _view = PhoneView.CallerData;
            _screen.Clear();
            _screen.FirstLine = scrolled;
            _screen.Title = "Caller Data";
            string layout = _call.Layout != null ? _call.Layout : _provisioning != null ? _provisioning.Layout : null;
            if (_call.ConsultTo != null) _screen.AddLine(ConsultLine());
            if (_call.ConsultFrom != null) _screen.AddLine("Consult from " + _call.ConsultFrom);
            _screen.AddLine("Layout: " + (layout == null ? "Default" : layout));
            _screen.AddLine("ANI: " + _call.Ani);
            _screen.AddLine("DNIS: " + _call.Dnis);
            int count = _call.Variables == null ? 0 : _call.Variables.Length;
            for (int i = 0; i < count; i++)
            {
                CallVariable v = _call.Variables[i];
                string name = v.Name == null ? string.Empty : v.Name;
                if (name.Length > CallerDataKeyChars)
                {
                    name = name.Substring(0, CallerDataKeyChars);
                }

                _screen.AddLine(name + ": " + v.Value);
            }

            SetStatusRow();
            if (_call.State == LegStates.Ringing) _screen.SetSoftkeys(KeyAnswer, string.Empty, KeyStats, KeyExit);
            else _screen.SetSoftkeys(KeyRelease, _call.State == LegStates.Held ? KeyResume : KeyHold, KeyStats, KeyExit);
        }

        // ---- talking ----

        private void ShowTalking()
        {
            if (_call == null)
            {
                ShowAgentMenu();
                return;
            }

            if (_call.State == LegStates.Ringing)
            {
                ShowCallerData();
                return;
            }

            _view = PhoneView.Talking;
            _screen.Clear();
            bool consulting = _call.ConsultTo != null;
            _screen.Title = consulting ? "Consult" : _call.State == LegStates.Held ? "On Hold" : "Talking";
            // On a call the agent placed the far end is the number dialed.
            bool placed = _status != null && _call.Ani != null && _call.Ani == _status.Extension;
            _screen.AddLine((placed ? "Calling: " + _call.Dnis : "Caller: " + _call.Ani) + (consulting ? " held" : string.Empty));
            _screen.AddLine(string.Empty);
            DrawTalkingTimer();
            if (consulting) _screen.AddLine(ConsultLine());
            if (_call.ConsultFrom != null) _screen.AddLine("Consult from " + _call.ConsultFrom);
            if (_call.Queue != null) _screen.AddLine("Queue: " + _call.Queue);
            if (_party != null) _screen.AddLine("With: " + _party);
            if (_status != null && _status.PendingState != null) _screen.AddLine("Next: " + PendingText());
            SetStatusRow();
            // During a consult: back to the caller, hand the caller over, bring everyone together,
            // or hang up on the consulted agent (the caller stays on hold).
            if (consulting) _screen.SetSoftkeys(KeyResume, KeyTransfer, KeyConference, KeyRelease);
            else _screen.SetSoftkeys(KeyRelease, _call.State == LegStates.Held ? KeyResume : KeyHold, KeyTransfer, KeyConference);
        }

        // "2102 ringing", then "2102 talking": the consulted agent.
        private string ConsultLine()
        {
            return _call.ConsultTo + (_call.ConsultState == LegStates.Ringing ? " ringing" : " talking");
        }

        /// <summary>Xfer and Conf: during a consult they complete it; else they ask for the
        /// extension (to dial at once, or to consult first).</summary>
        private void TransferOrConference(int purpose)
        {
            if (_call != null && _call.ConsultTo != null)
            {
                CallAction(purpose == DialTransfer ? CallActions.Transfer : CallActions.Conference, null);
            }
            else
            {
                ShowDialEntry(purpose);
            }
        }

        private void DrawTalkingTimer()
        {
            if (_view == PhoneView.Talking && _call != null)
            {
                _screen.SetLine(1, "Time: " + Duration(_clock.NowMs - _callSinceMs));
            }
        }

        private void TalkingKey(Key key)
        {
            // Caller data again, on demand.
            if (key == Key.Select)
            {
                ShowCallerData();
            }
        }

        /// <summary>answer, release, hold, resume, transfer, conference: the server answers with
        /// the agent's status.</summary>
        private void CallAction(string action, TargetRequest target)
        {
            PhoneRequest request = SendSession(Purpose.CallAction, Methods.Post, CallActions.Path(action), target, new AgentStatus(), CallActionText(action));
            if (request != null)
            {
                request.Action = action;
            }
        }

        private static string CallActionText(string action)
        {
            return action == CallActions.Answer ? KeyAnswer : action == CallActions.Release ? KeyRelease : action == CallActions.Hold ? KeyHold
                : action == CallActions.Resume ? KeyResume : action == CallActions.Transfer ? "Transfer"
                : action == CallActions.Consult ? KeyConsult : "Conference";
        }

        private void CallAnswered(PhoneRequest request)
        {
            if (!Succeeded(request))
            {
                return;
            }

            Adopt((AgentStatus)request.Into);
            if (request.Action == CallActions.Answer)
            {
                _callSinceMs = _clock.NowMs;
                ShowCallerData();
            }
            else if (_call == null)
            {
                ShowAgentMenu();
            }
            else
            {
                ShowTalking();
            }
        }

        // ---- number entry ----

        private void ShowDialEntry(int purpose)
        {
            _dialPurpose = purpose;
            _entry.Clear();
            _view = PhoneView.DialEntry;
            _screen.Clear();
            _screen.Title = DialTitles[purpose];
            _screen.AddLine(purpose == DialOutbound ? "Number:" : "Extension:");
            _screen.AddLine(string.Empty);
            SetStatusRow();
            _screen.SetSoftkeys(KeyDial, KeyBack, purpose == DialOutbound ? string.Empty : KeyConsult, KeyCancel);
            DrawDialEntry();
        }

        private void DialEntryKey(Key key)
        {
            char c = KeyNames.ToDialChar(key);
            if (c != '\0')
            {
                _entry.Type(c);
                DrawDialEntry();
            }
            else if (key == Key.Select)
            {
                PlaceDialEntry(false);
            }
        }

        private void DrawDialEntry()
        {
            _screen.SetLine(1, _entry.ToString() + "_");
        }

        /// <summary>Dials what was entered: an outbound call, a transfer or conference at once,
        /// or (<paramref name="consult"/>) a consult first.</summary>
        private void PlaceDialEntry(bool consult)
        {
            string number = _entry.ToString();
            if (number.Length == 0)
            {
                return;
            }

            TargetRequest target = new TargetRequest();
            if (_dialPurpose == DialOutbound)
            {
                target.Number = number;
                SendSession(Purpose.Dial, Methods.Post, CallActions.Path(CallActions.Dial), target, null, "Dial " + number);
                return;
            }

            target.Extension = number;
            CallAction(consult ? CallActions.Consult : _dialPurpose == DialTransfer ? CallActions.Transfer : CallActions.Conference, target);
        }

        /// <summary>An outbound call placed: refusals show; the call itself comes as an event.</summary>
        private void DialAnswered(PhoneRequest request)
        {
            Succeeded(request);
        }

        // ---- events ----

        /// <summary>The long-poll's path: events after the last one seen, held up to the wait.</summary>
        public string EventsPath(int waitSeconds)
        {
            return Routes.Agent(Routes.Me, Routes.Events) + "?after=" + _lastSeq + "&wait=" + waitSeconds;
        }

        /// <summary>
        /// What the long-poll brought, applied as it comes: every event of the agent's own carries
        /// its state, reason, pending choice, wrap-up and allowed states, and a call event its
        /// call, so an event costs no request. When events were lost, or a server answers again
        /// after none did, the phone reads the agent's status once instead.
        /// </summary>
        /// <param name="sessionToken">The token the events were asked with: an answer for a session
        /// that has ended since (signed out and in again meanwhile) is dropped.</param>
        /// <param name="refusal">The refusal's code when <paramref name="reply"/> is a refusal.</param>
        public void ApplyEvents(Reply reply, ErrorCode refusal, EventsResponse events, string sessionToken)
        {
            if (!SignedIn || sessionToken != _link.Token)
            {
                return;
            }

            if (reply != Reply.Ok)
            {
                if (reply == Reply.Refused && refusal == ErrorCode.Unauthorized)
                {
                    SignedOut();
                    ShowIdle();
                }
                else if (reply == Reply.Down && !_serverDown)
                {
                    _serverDown = true;
                    SetStatusRow();
                }

                return;
            }

            if (_serverDown || events.Resync)
            {
                // Back, or too far behind: one status read tells where the agent is now.
                _serverDown = false;
                _lastSeq = events.LastSeq;
                _statusWanted = true;
                SetStatusRow();
                return;
            }

            bool changed = false;
            bool placed = false;
            int count = events.Events == null ? 0 : events.Events.Length;
            for (int i = 0; i < count; i++)
            {
                EventInfo e = events.Events[i];
                EventKind kind;
                if ((e.AgentId != null && e.AgentId != _status.AgentId) || !EventKinds.TryParseWire(e.Kind, out kind) || kind == EventKind.QueueStats)
                {
                    continue;
                }

                AdoptEvent(e);
                changed = true;
                switch (kind)
                {
                    case EventKind.CallOffered:
                        _callSinceMs = 0;
                        AdoptCall(e.Call, 0);
                        break;
                    case EventKind.CallAnswered:
                        // A call the phone never saw ring: placed by the agent (or answered elsewhere).
                        placed = _call == null;
                        AdoptCall(SameCall(e.Call), 0);
                        break;
                    case EventKind.CallHeld:
                    case EventKind.CallResumed:
                        AdoptCall(SameCall(e.Call), 0);
                        break;
                    case EventKind.CallEnded:
                        AdoptCall(null, 0);
                        if (_view == PhoneView.DialEntry)
                        {
                            // A transfer or conference being dialed has no call left to act on.
                            _view = PhoneView.AgentMenu;
                        }

                        break;
                    case EventKind.PartyJoined:
                        _party = e.Party;
                        AdoptConsult(e.Call);
                        break;
                    case EventKind.PartyLeft:
                        _party = null;
                        AdoptConsult(e.Call);
                        break;
                }
            }

            if (events.LastSeq > _lastSeq)
            {
                _lastSeq = events.LastSeq;
            }

            if (changed)
            {
                if (_status.State == AgentStates.ToWire(AgentState.Logout))
                {
                    SignedOut();
                    ShowIdle();
                    return;
                }

                if (placed && _call != null) ShowTalking();
                else ShowCurrent();
            }
        }

        /// <summary>The agent's state as an event tells it (the event's own time is the start of
        /// what it reports, so a wrap-up's time left is counted from its arrival).</summary>
        private void AdoptEvent(EventInfo e)
        {
            AgentStatus s = _status;
            s.State = e.State;
            s.ReasonCode = e.ReasonCode;
            s.ReasonLabel = e.ReasonLabel;
            s.PendingState = e.PendingState;
            s.PendingReasonCode = e.PendingReasonCode;
            s.PendingReasonLabel = e.PendingReasonLabel;
            s.WrapUpRemainingMs = e.WrapUpEndsMs > e.AtMs ? e.WrapUpEndsMs - e.AtMs : 0;
            if (e.Allowed != null)
            {
                s.Allowed = e.Allowed;
            }

            _statusAtMs = _clock.NowMs;
        }

        /// <summary>A consult's progress, as a party event tells it (the leg's own state is
        /// unchanged).</summary>
        private void AdoptConsult(CallInfo call)
        {
            if (call != null && _call != null && call.Id == _call.Id)
            {
                _call.ConsultTo = call.ConsultTo;
                _call.ConsultState = call.ConsultState;
                _call.ConsultFrom = call.ConsultFrom;
            }
        }

        /// <summary>A call event's call, keeping the caller data the offer brought (later events
        /// carry the call's state, not its variables).</summary>
        private CallInfo SameCall(CallInfo call)
        {
            if (call != null && _call != null && call.Id == _call.Id)
            {
                if (call.Variables == null) call.Variables = _call.Variables;
                if (call.Layout == null) call.Layout = _call.Layout;
            }

            return call;
        }

        /// <summary>Redraws the screen showing after the agent's state changed by itself (an
        /// event, a status read), keeping the agent where it is: a ringing call takes the screen
        /// with its caller data whatever was open, the outage message goes once a server answers,
        /// and a menu keeps its selection when its items stay the same.</summary>
        private void ShowCurrent()
        {
            if (_call != null && _call.State == LegStates.Ringing && _view != PhoneView.CallerData)
            {
                ShowCallerData();
                return;
            }

            if (_view == PhoneView.Message && _outageShown)
            {
                CloseMessage();
                return;
            }

            int selected = _screen.Selected;
            switch (_view)
            {
                case PhoneView.AgentMenu: ShowAgentMenu(); break;
                case PhoneView.Talking: ShowTalking(); break;
                case PhoneView.CallerData: ShowCallerData(); break;
                case PhoneView.Idle: ShowIdle(); break;
                default: SetStatusRow(); break;
            }

            if (_screen.Menu != null && selected < _screen.MenuCount)
            {
                _screen.Selected = selected;
            }
        }
    }
}
