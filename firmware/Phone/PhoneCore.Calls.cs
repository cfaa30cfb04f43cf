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

        private readonly MultiTap _entry;
        private CallInfo _call;
        private long _callSinceMs;
        private string _party;
        private int _dialPurpose;

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

            _view = PhoneView.CallerData;
            _screen.Clear();
            _screen.Title = "Caller Data";
            string layout = _call.Layout != null ? _call.Layout : _provisioning != null ? _provisioning.Layout : null;
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
            _screen.Title = _call.State == LegStates.Held ? "On Hold" : "Talking";
            // On a call the agent placed the far end is the number dialed.
            bool placed = _status != null && _call.Ani != null && _call.Ani == _status.Extension;
            _screen.AddLine(placed ? "Calling: " + _call.Dnis : "Caller: " + _call.Ani);
            _screen.AddLine(string.Empty);
            DrawTalkingTimer();
            if (_call.Queue != null) _screen.AddLine("Queue: " + _call.Queue);
            if (_party != null) _screen.AddLine("With: " + _party);
            if (_status != null && _status.PendingState != null) _screen.AddLine("Next: " + PendingText());
            SetStatusRow();
            _screen.SetSoftkeys(KeyRelease, _call.State == LegStates.Held ? KeyResume : KeyHold, KeyTransfer, KeyConference);
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
            AgentStatus status = new AgentStatus();
            Reply reply = _client.Call("POST", Routes.Agents + Routes.Me + "/call/" + action, target, status, _settings.RequestTimeoutMs);
            if (!Succeeded(reply))
            {
                return;
            }

            Adopt(status);
            if (action == "answer")
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
            _screen.SetSoftkeys(KeyDial, KeyBack, string.Empty, KeyCancel);
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
                PlaceDialEntry();
            }
        }

        private void DrawDialEntry()
        {
            _screen.SetLine(1, _entry.ToString() + "_");
        }

        private void PlaceDialEntry()
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
                Reply reply = _client.Call("POST", Routes.Agents + Routes.Me + "/call/dial", target, null, _settings.RequestTimeoutMs);
                if (Succeeded(reply))
                {
                    Resynchronize();
                }

                return;
            }

            target.Extension = number;
            CallAction(_dialPurpose == DialTransfer ? "transfer" : "conference", target);
        }

        // ---- events ----

        /// <summary>The long-poll's path: events after the last one seen, held up to the wait.</summary>
        public string EventsPath(int waitSeconds)
        {
            return Routes.Agents + Routes.Me + "/events?after=" + _lastSeq + "&wait=" + waitSeconds;
        }

        /// <summary>One look at the event stream without waiting (tests, and after a key when the
        /// phone has no pump thread).</summary>
        public void PollEvents()
        {
            if (!SignedIn)
            {
                return;
            }

            EventsResponse events = new EventsResponse();
            string token = _link.Token;
            Reply reply = _client.Call("GET", EventsPath(0), null, events, _settings.RequestTimeoutMs);
            ApplyEvents(reply, events, token);
        }

        /// <summary>
        /// What the long-poll brought: calls offered, answered, held and ended, state changes made
        /// anywhere (desktop, supervisor, the server's timers). When events were lost, or the server
        /// answers again after being down, the phone reads the agent's status anew instead.
        /// </summary>
        /// <param name="sessionToken">The token the events were asked with: an answer for a session
        /// that has ended since (signed out and in again meanwhile) is dropped.</param>
        public void ApplyEvents(Reply reply, EventsResponse events, string sessionToken)
        {
            if (!SignedIn || sessionToken != _link.Token)
            {
                return;
            }

            if (reply != Reply.Ok)
            {
                if (reply == Reply.Refused && _client.RefusalCode == ErrorCode.Unauthorized)
                {
                    SignedOut();
                    ShowIdle();
                }
                else if (reply == Reply.Down)
                {
                    _serverDown = true;
                }

                return;
            }

            bool resync = events.Resync || _serverDown;
            _serverDown = false;
            bool stateChanged = false;
            int count = events.Events == null ? 0 : events.Events.Length;
            for (int i = 0; i < count && !resync; i++)
            {
                EventInfo e = events.Events[i];
                if (e.AgentId != null && e.AgentId != _status.AgentId)
                {
                    continue;
                }

                EventKind kind;
                if (!EventKinds.TryParseWire(e.Kind, out kind))
                {
                    continue;
                }

                switch (kind)
                {
                    case EventKind.StateChanged:
                        stateChanged = true;
                        break;
                    case EventKind.CallOffered:
                        Offered(e);
                        break;
                    case EventKind.CallAnswered:
                    case EventKind.CallHeld:
                    case EventKind.CallResumed:
                        stateChanged = true;
                        break;
                    case EventKind.CallEnded:
                        Ended();
                        stateChanged = true;
                        break;
                    case EventKind.PartyJoined:
                        _party = e.Party;
                        stateChanged = true;
                        break;
                    case EventKind.PartyLeft:
                        _party = null;
                        stateChanged = true;
                        break;
                }
            }

            if (events.LastSeq > _lastSeq || events.Resync)
            {
                _lastSeq = events.LastSeq;
            }

            if (resync || stateChanged)
            {
                Refresh();
            }
        }

        private void Offered(EventInfo e)
        {
            _callSinceMs = 0;
            AdoptCall(e.Call, 0);
            ShowCallerData();
        }

        private void Ended()
        {
            AdoptCall(null, 0);
            if (_view == PhoneView.CallerData || _view == PhoneView.Talking || _view == PhoneView.DialEntry)
            {
                _view = PhoneView.AgentMenu;
            }
        }

        /// <summary>Reads the status and redraws the screen showing, keeping the agent where it is
        /// (a menu keeps its selection when its items stay the same).</summary>
        private void Refresh()
        {
            AgentStatus status = new AgentStatus();
            Reply reply = _client.Call("GET", Routes.Agents + Routes.Me, null, status, _settings.RequestTimeoutMs);
            if (reply == Reply.Refused && _client.RefusalCode == ErrorCode.Unauthorized)
            {
                SignedOut();
                ShowIdle();
                return;
            }

            if (reply != Reply.Ok)
            {
                return;
            }

            if (status.State == AgentStates.ToWire(AgentState.Logout))
            {
                SignedOut();
                ShowIdle();
                return;
            }

            Adopt(status);
            if (_call != null && _call.State == LegStates.Ringing && _view != PhoneView.CallerData)
            {
                // A ringing call takes the screen with its caller data, whatever was open.
                ShowCallerData();
                return;
            }

            if (_view == PhoneView.Message && _outageShown)
            {
                // The server answers again: the outage message is no longer true.
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
