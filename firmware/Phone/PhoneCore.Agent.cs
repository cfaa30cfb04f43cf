using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>Agent states, reason codes, the More menu, skill stats and the supervisor's team.</summary>
    public sealed partial class PhoneCore
    {
        private const int KindNotReady = 0;
        private const int KindLogout = 1;
        private const int KindWrapUp = 2;
        private static readonly ReasonKind[] Kinds = { ReasonKind.NotReady, ReasonKind.Logout, ReasonKind.WrapUp };
        private static readonly string[] ReasonTitles = { "Not Ready Reason", "Logout Reason", "Wrap-up Reason" };

        /// <summary>Takes the server's word for the agent's state and call.</summary>
        private void Adopt(AgentStatus status)
        {
            _status = status;
            _statusAtMs = _clock.NowMs;
            if (status.LastSeq > _lastSeq)
            {
                _lastSeq = status.LastSeq;
            }

            AdoptCall(status.Call, status.TimeInStateMs);
            if (status.Call == null && !StateIs(AgentState.Work))
            {
                _wrapUpReason = null;
            }
        }

        // ---- agent state menu ----

        private void ShowAgentMenu()
        {
            if (!SignedIn)
            {
                ShowIdle();
                return;
            }

            _view = PhoneView.AgentMenu;
            _screen.Clear();
            _screen.Title = "Agent: " + _status.AgentId;
            if (_status.ReasonLabel != null && StateIs(AgentState.NotReady))
            {
                _screen.AddLine("Reason: " + _status.ReasonLabel);
            }

            if (_wrapUpReason != null && StateIs(AgentState.Work))
            {
                _screen.AddLine(Labelled("Wrap-up reason: ", "Reason: ", _wrapUpReason));
            }

            if (_status.PendingState != null)
            {
                _screen.AddLine("Next: " + PendingText());
            }

            if (_status.WrapUpRemainingMs > 0)
            {
                _screen.AddLine(string.Empty);
                DrawWrapUpTimer();
            }

            BeginMenu();
            string[] allowed = _status.Allowed;
            for (int i = 0; allowed != null && i < allowed.Length; i++)
            {
                AddItem(StateText(allowed[i]), allowed[i], 0);
            }

            // In wrap-up its reason is one key away, not three (More, Wrap-up reason, Select):
            // the demo's wrap-up lasts 10 s.
            if (StateIs(AgentState.Work) && _wrapUpReason == null && MayHaveReasons(KindWrapUp))
            {
                AddItem("Wrap-up reason", MoreWrapUp, 0);
            }

            _screen.SetMenu(_menuItems, _menuCount);
            _screen.EmptyMenuText = "No state to choose";
            SetStatusRow();
            _screen.SetSoftkeys(KeySelect, KeyStats, KeyMore, KeyExit);
        }

        private string PendingText()
        {
            string text = StateText(_status.PendingState);
            return _status.PendingReasonLabel == null ? text : text + " (" + _status.PendingReasonLabel + ")";
        }

        private void DrawWrapUpTimer()
        {
            if (_view != PhoneView.AgentMenu || _status == null || _status.WrapUpRemainingMs <= 0)
            {
                return;
            }

            long left = _status.WrapUpRemainingMs - (_clock.NowMs - _statusAtMs);
            // Below the lines ShowAgentMenu puts first: the wrap-up reason taken, the pending choice.
            int line = (_wrapUpReason != null ? 1 : 0) + (_status.PendingState != null ? 1 : 0);
            _screen.SetLine(line, "Wrap-up: " + (left > 0 ? (left + 999) / 1000 : 0) + " s left");
        }

        /// <summary>A state from the menu: with a reason menu first when the server has reasons for it.</summary>
        private void ChooseState(string wire)
        {
            if (wire == MoreWrapUp)
            {
                ShowReasons(KindWrapUp);
                return;
            }

            if (wire == AgentStates.ToWire(AgentState.NotReady) && ShowReasons(KindNotReady))
            {
                return;
            }

            if (wire == AgentStates.ToWire(AgentState.Logout))
            {
                if (!ShowReasons(KindLogout))
                {
                    SignOut(0);
                }

                return;
            }

            SetState(wire, 0);
        }

        private void SetState(string wire, int reasonCode)
        {
            StateRequest request = new StateRequest();
            request.State = wire;
            request.ReasonCode = reasonCode;
            SendSession(Purpose.State, Methods.Put, Routes.Agent(Routes.Me, Routes.State), request, new AgentStatus(), StateText(wire));
        }

        /// <summary>A state or wrap-up reason taken: the outcome shows where the agent chose it;
        /// one who has moved on meanwhile sees it on the status row.</summary>
        private void StateAnswered(PhoneRequest request)
        {
            if (request.Purpose == Purpose.WrapUpReason && request.Reply == Reply.Refused && request.RefusalCode == ErrorCode.InvalidTransition)
            {
                // Nothing to resynchronize: the call's wrap-up ended before the reason came.
                ShowMessage("Wrap-up reason", request.RefusalMessage, null);
                return;
            }

            if (!Succeeded(request))
            {
                return;
            }

            if (request.Purpose == Purpose.WrapUpReason)
            {
                _wrapUpReason = request.Action;
            }

            Adopt((AgentStatus)request.Into);
            if (_view == request.View || _view == PhoneView.Reasons)
            {
                ShowAfterChange();
            }
            else
            {
                ShowCurrent();
            }
        }

        /// <summary>After a choice: on a call the Talking screen (the pending choice shows there),
        /// otherwise the state menu.</summary>
        private void ShowAfterChange()
        {
            if (_call != null && _call.State != LegStates.Ringing) ShowTalking();
            else ShowAgentMenu();
        }

        // ---- reason codes ----

        /// <summary>Shows the reason menu of a kind, asking the server for its codes the first
        /// time; false when the server has no codes for it (and does not require one), so the
        /// change goes ahead without a reason.</summary>
        // A kind whose list is not read yet may have codes; one read empty and optional has none.
        private bool MayHaveReasons(int kind)
        {
            ReasonList list = _reasonLists[kind];
            return list == null || list.Required || (list.Reasons != null && list.Reasons.Length > 0);
        }

        private bool ShowReasons(int kind)
        {
            ReasonList list = _reasonLists[kind];
            if (list == null)
            {
                PhoneRequest request = SendSession(Purpose.Reasons, Methods.Get, Routes.Reasons + "?kind=" + ReasonKinds.ToWire(Kinds[kind]), null, new ReasonList(), ReasonTitles[kind]);
                if (request != null)
                {
                    request.Arg = kind;
                }

                return true;
            }

            int count = list.Reasons == null ? 0 : list.Reasons.Length;
            if (count == 0 && !list.Required)
            {
                return false;
            }

            _reasonKind = kind;
            _view = PhoneView.Reasons;
            _screen.Clear();
            _screen.Title = ReasonTitles[kind];
            BeginMenu();
            for (int i = 0; i < count; i++)
            {
                AddItem(list.Reasons[i].Label, null, list.Reasons[i].Code);
            }

            _screen.SetMenu(_menuItems, _menuCount);
            _screen.EmptyMenuText = "No reason codes";
            SetStatusRow();
            _screen.SetSoftkeys(KeySelect, string.Empty, string.Empty, KeyCancel);
            return true;
        }

        /// <summary>A reason list came: kept for the session; shown if the agent is still where it
        /// asked, or, when the kind has no codes, the change goes ahead without one.</summary>
        private void ReasonsAnswered(PhoneRequest request)
        {
            if (!Succeeded(request))
            {
                return;
            }

            int kind = request.Arg;
            _reasonLists[kind] = (ReasonList)request.Into;
            if (_view != request.View)
            {
                return;
            }

            if (!ShowReasons(kind))
            {
                if (kind == KindNotReady) SetState(AgentStates.ToWire(AgentState.NotReady), 0);
                else if (kind == KindLogout) SignOut(0);
            }
        }

        private void ChooseReason(int code)
        {
            if (_reasonKind == KindNotReady)
            {
                SetState(AgentStates.ToWire(AgentState.NotReady), code);
            }
            else if (_reasonKind == KindLogout)
            {
                SignOut(code);
            }
            else
            {
                ReasonRequest request = new ReasonRequest();
                request.ReasonCode = code;
                PhoneRequest sent = SendSession(Purpose.WrapUpReason, Methods.Put, Routes.Agent(Routes.Me, Routes.WrapUp), request, new AgentStatus(), "Wrap-up reason");
                if (sent != null)
                {
                    sent.Action = ReasonLabel(KindWrapUp, code);
                }
            }
        }

        private string ReasonLabel(int kind, int code)
        {
            ReasonItem[] reasons = _reasonLists[kind] == null ? null : _reasonLists[kind].Reasons;
            for (int i = 0; reasons != null && i < reasons.Length; i++)
            {
                if (reasons[i].Code == code)
                {
                    return reasons[i].Label;
                }
            }

            return code.ToString();
        }

        // ---- More ----

        private const string MoreCall = "more.call";
        private const string MoreCallerData = "more.data";
        private const string MoreDial = "more.dial";
        private const string MoreWrapUp = "more.wrapup";
        private const string MoreTeam = "more.team";
        private const string MoreResync = "more.resync";

        private void ShowMore()
        {
            _view = PhoneView.More;
            _screen.Clear();
            _screen.Title = "More";
            BeginMenu();
            if (_call != null)
            {
                AddItem("Call", MoreCall, 0);
                AddItem("Caller Data", MoreCallerData, 0);
            }

            if (StateIs(AgentState.NotReady) && _call == null)
            {
                AddItem("Dial", MoreDial, 0);
            }

            if (StateIs(AgentState.Work) || (_call != null && _call.Routed))
            {
                AddItem("Wrap-up reason", MoreWrapUp, 0);
            }

            if (_status != null && _status.Role == AgentRoles.Supervisor)
            {
                AddItem("Team", MoreTeam, 0);
            }
            AddItem("Resynchronize", MoreResync, 0);
            _screen.SetMenu(_menuItems, _menuCount);
            SetStatusRow();
            _screen.SetSoftkeys(KeySelect, string.Empty, string.Empty, KeyExit);
        }

        private void ChooseMore(string action)
        {
            if (action == MoreCall) ShowTalking();
            else if (action == MoreCallerData) ShowCallerData();
            else if (action == MoreDial) ShowDialEntry(DialOutbound);
            else if (action == MoreWrapUp) ShowReasons(KindWrapUp);
            else if (action == MoreTeam) ShowTeam();
            else if (action == MoreResync) Resynchronize();
        }

        // ---- skill stats ----

        /// <summary>Skill Stats: calls queued and oldest in queue per queue of the agent; refreshed
        /// every <see cref="PhoneSettings.StatsPollSeconds"/> while showing, and by Update.</summary>
        private void ShowStats()
        {
            if (_view != PhoneView.Stats)
            {
                _view = PhoneView.Stats;
                _screen.Clear();
                _screen.Title = "Skill Stats";
                SetStatusRow();
                _screen.SetSoftkeys(KeyUpdate, string.Empty, string.Empty, KeyExit);
            }

            RefreshStats(false);
        }

        private void RefreshStats(bool quiet)
        {
            _statsAtMs = _clock.NowMs;
            StatsResponse stats = _statsAnswer;
            stats.Queues = null;
            stats.CallsHandled = 0;
            Send(Purpose.Stats, Methods.Get, Routes.Stats, null, stats, "Stats", _link.Authorization, quiet);
        }

        private void StatsAnswered(PhoneRequest request)
        {
            if (_view != PhoneView.Stats || !Succeeded(request))
            {
                return;
            }

            StatsResponse stats = (StatsResponse)request.Into;
            _screen.Clear();
            _screen.Title = "Skill Stats";
            int queues = stats.Queues == null ? 0 : stats.Queues.Length;
            for (int i = 0; i < queues; i++)
            {
                QueueFigures q = stats.Queues[i];
                if (queues > 1)
                {
                    _screen.AddLine(q.Queue);
                }

                _screen.AddLine(StatsLine(_screen.LineCount, "Calls queued: ", q.CallsQueued, false));
                _screen.AddLine(StatsLine(_screen.LineCount, "Oldest in queue: ", q.OldestInQueueMs / 1000, true));
            }

            if (queues == 0)
            {
                _screen.AddLine("No queues");
            }

            SetStatusRow();
            _screen.SetSoftkeys(KeyUpdate, string.Empty, string.Empty, KeyExit);
        }

        private string StatsLine(int line, string label, long figure, bool duration)
        {
            if (line >= _statsLines.Length)
            {
                return null;
            }

            string built = _statsLines[line];
            if (built == null || _statsFigures[line] != figure || !Strings.StartsWith(built, label))
            {
                _statsFigures[line] = figure;
                _statsLines[line] = label + (duration ? Duration(figure * 1000) : figure.ToString());
            }

            return _statsLines[line];
        }

        /// <summary>HH:MM:SS.</summary>
        internal static string Duration(long ms)
        {
            long seconds = ms < 0 ? 0 : ms / 1000;
            char[] text = new char[8];
            long hours = seconds / 3600;
            text[0] = (char)('0' + hours / 10 % 10);
            text[1] = (char)('0' + hours % 10);
            text[2] = ':';
            text[3] = (char)('0' + seconds / 600 % 6);
            text[4] = (char)('0' + seconds / 60 % 10);
            text[5] = ':';
            text[6] = (char)('0' + seconds % 60 / 10);
            text[7] = (char)('0' + seconds % 10);
            return new string(text);
        }

        // ---- supervisor ----

        private void ShowTeam()
        {
            SendSession(Purpose.Team, Methods.Get, Routes.Team, null, new TeamView(), "Team");
        }

        private void TeamAnswered(PhoneRequest request)
        {
            if (_view != request.View)
            {
                return;
            }

            if (request.Reply == Reply.Refused && request.RefusalCode == ErrorCode.NotSupervisor)
            {
                ShowMessage("Team", "Only a supervisor sees a team.", null);
                return;
            }

            if (!Succeeded(request))
            {
                return;
            }

            TeamView team = (TeamView)request.Into;
            _team = team;
            _view = PhoneView.Team;
            _screen.Clear();
            _screen.Title = team.Team == null ? "Team" : "Team " + team.Team;
            BeginMenu();
            int count = team.Agents == null ? 0 : team.Agents.Length;
            for (int i = 0; i < count; i++)
            {
                TeamMember m = team.Agents[i];
                AddItem(m.AgentId + " " + StateText(m.State), m.AgentId, 0);
            }

            _screen.SetMenu(_menuItems, _menuCount);
            _screen.EmptyMenuText = "Nobody in the team";
            SetStatusRow();
            _screen.SetSoftkeys(KeySelect, string.Empty, KeyUpdate, KeyExit);
        }

        /// <summary>One member: name, state, time in state, and the states a supervisor may set.</summary>
        private void ShowTeamMember(int index)
        {
            _member = _team.Agents[index];
            _view = PhoneView.TeamMember;
            _screen.Clear();
            _screen.Title = _member.AgentId + " " + (_member.Name == null ? string.Empty : _member.Name);
            _screen.AddLine(StateText(_member.State) + " " + Duration(_member.TimeInStateMs));
            BeginMenu();
            AddItem(AgentStates.ToDisplay(AgentState.Ready), AgentStates.ToWire(AgentState.Ready), 0);
            AddItem(AgentStates.ToDisplay(AgentState.NotReady), AgentStates.ToWire(AgentState.NotReady), 0);
            AddItem(AgentStates.ToDisplay(AgentState.Logout), AgentStates.ToWire(AgentState.Logout), 0);
            _screen.SetMenu(_menuItems, _menuCount);
            SetStatusRow();
            _screen.SetSoftkeys(KeySelect, string.Empty, string.Empty, KeyCancel);
        }

        private void SetMemberState(string wire)
        {
            StateRequest request = new StateRequest();
            request.State = wire;
            SendSession(Purpose.MemberState, Methods.Put, Routes.Agent(_member.AgentId, Routes.State), request, new AgentStatus(), _member.AgentId + " " + StateText(wire));
        }

        private void MemberStateAnswered(PhoneRequest request)
        {
            if (Succeeded(request) && _view == request.View)
            {
                ShowTeam();
            }
        }
    }
}
