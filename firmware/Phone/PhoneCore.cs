using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>The screens of the phone.</summary>
    public enum PhoneView
    {
        /// <summary>The phone's home: "No User" and the extension, or the signed-in agent.</summary>
        Idle = 0,
        Login,
        /// <summary>The states reachable now, Stats, More, Exit.</summary>
        AgentMenu,
        Reasons,
        /// <summary>Actions that depend on the moment: the call, caller data, dial, wrap-up reason, team.</summary>
        More,
        CallerData,
        Talking,
        /// <summary>A number for a transfer, a conference or an outbound call.</summary>
        DialEntry,
        Stats,
        Team,
        /// <summary>A supervisor choosing a state for one member of the team.</summary>
        TeamMember,
        Message
    }

    /// <summary>
    /// The phone: screens, softkeys, menus, sign-in, agent states, reasons, calls, stats and the
    /// agent's event stream, over <see cref="AgentClient"/> and the hardware abstractions. One
    /// thread drives it (keys, ticks, events are applied in turn); it changes
    /// <see cref="Screen"/>, and <see cref="ScreenView"/> draws that on the display.
    /// </summary>
    public sealed partial class PhoneCore
    {
        // Softkey labels; the keys act by the label they show.
        internal const string KeyLogin = "Login";
        internal const string KeySubmit = "Submit";
        internal const string KeyBack = "<<";
        internal const string KeyCancel = "Cancel";
        internal const string KeyDigits = "123";
        internal const string KeyLetters = "abc";
        internal const string KeySelect = "Select";
        internal const string KeyStats = "Stats";
        internal const string KeyMore = "More";
        internal const string KeyExit = "Exit";
        internal const string KeyAnswer = "Answer";
        internal const string KeyRelease = "Release";
        internal const string KeyHold = "Hold";
        internal const string KeyResume = "Resume";
        internal const string KeyTransfer = "Xfer";
        internal const string KeyConference = "Conf";
        internal const string KeyDial = "Dial";
        internal const string KeyUpdate = "Update";
        internal const string KeyAgent = "Agent";
        internal const string KeyOk = "OK";

        // The Cisco guide's messages for server trouble.
        public const string ConnectionDown = "Connection to server is down";
        public const string ServiceErrorText = "Service error. Try again.";
        public const string ResyncPrompt = "Press 1 to resynchronize your agent state";

        private readonly PhoneSettings _settings;
        private readonly IClock _clock;
        private readonly IWallClock _wall;
        private readonly IRinger _ringer;
        private readonly AgentClient _client;
        private readonly ServerLink _link;
        private readonly Screen _screen = new Screen();
        private readonly int _columns;

        private Provisioning _provisioning;
        private AgentStatus _status;
        private PhoneView _view;
        private long _lastSeq;
        private bool _serverDown;

        public PhoneCore(PhoneSettings settings, IHttp http, IClock clock, IWallClock wall, IRinger ringer, int columns)
        {
            _settings = settings;
            _clock = clock;
            _wall = wall;
            _ringer = ringer;
            _columns = columns;
            _link = new ServerLink();
            _link.SetServers(settings.Servers);
            _client = new AgentClient(http, _link, clock);
            _loginFields = new MultiTap[] { new MultiTap(32, settings.MultiTapTimeoutMs), new MultiTap(32, settings.MultiTapTimeoutMs), new MultiTap(16, settings.MultiTapTimeoutMs) };
            _entry = new MultiTap(24, settings.MultiTapTimeoutMs);
            ShowIdle();
        }

        public Screen Screen
        {
            get { return _screen; }
        }

        public PhoneView View
        {
            get { return _view; }
        }

        public PhoneSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The servers, the one in use and the session token; the event pump shares it.</summary>
        public ServerLink Link
        {
            get { return _link; }
        }

        public bool SignedIn
        {
            get { return _status != null; }
        }

        /// <summary>The agent as last heard from the server, or null when nobody is signed in.</summary>
        public AgentStatus Status
        {
            get { return _status; }
        }

        /// <summary>Local time for the title row.</summary>
        public long LocalMs
        {
            get { return _wall.UnixMs + _settings.UtcOffsetMinutes * 60000L; }
        }

        public string Extension
        {
            get { return _settings.Extension; }
        }

        // ---- start ----

        /// <summary>Fetches this phone's provisioning (One Button Sign In fields, servers, poll
        /// intervals). Without an answer the phone runs on its own settings.</summary>
        public void Start()
        {
            Provisioning p = new Provisioning();
            if (_client.Call("GET", Routes.Devices + _settings.DeviceName, _settings.DeviceAuthorization, null, p, _settings.RequestTimeoutMs) == Reply.Ok)
            {
                _provisioning = p;
                if (p.Servers != null && p.Servers.Length > 0)
                {
                    _link.SetServers(WithAnswering(p.Servers));
                }

                if (p.StatsPollSeconds > 0)
                {
                    _settings.StatsPollSeconds = p.StatsPollSeconds;
                }

                if (p.EventWaitSeconds > 0)
                {
                    _settings.EventWaitSeconds = p.EventWaitSeconds;
                }

                if (p.Extension != null && (_settings.Extension == null || _settings.Extension.Length == 0))
                {
                    _settings.Extension = p.Extension;
                }
            }

            ShowIdle();
        }

        /// <summary>The provisioned server list, with the server that just answered put first when
        /// the list leaves it out (the list names the center's addresses as its administrator sees
        /// them; the phone reached it at this one).</summary>
        private string[] WithAnswering(string[] servers)
        {
            string answering = _link.Server(_link.Active);
            for (int i = 0; i < servers.Length; i++)
            {
                if (ServerLink.SameServer(servers[i], answering))
                {
                    return servers;
                }
            }

            string[] list = new string[servers.Length + 1];
            list[0] = answering;
            for (int i = 0; i < servers.Length; i++)
            {
                list[i + 1] = servers[i];
            }

            return list;
        }

        // ---- keys ----

        /// <summary>A key pressed now. Every key ends with the screen showing its outcome.</summary>
        public void Press(Key key)
        {
            if (key == Key.None)
            {
                return;
            }

            CommitMenuNumber(false);
            if (key >= Key.Soft1 && key <= Key.Soft4)
            {
                string label = _screen.Softkey(key - Key.Soft1);
                if (label != null && label.Length > 0)
                {
                    Softkey(label);
                }

                return;
            }

            if (key == Key.Answer)
            {
                if (_call != null && _call.State == LegStates.Ringing)
                {
                    CallAction("answer", null);
                }

                return;
            }

            if (key == Key.Hangup)
            {
                if (_call != null && _call.State != LegStates.Ringing)
                {
                    CallAction("release", null);
                }
                else if (_view == PhoneView.DialEntry || _view == PhoneView.Login)
                {
                    Cancel();
                }

                return;
            }

            if (key == Key.Services)
            {
                if (SignedIn)
                {
                    ShowAgentMenu();
                }
                else
                {
                    ShowLogin();
                }

                return;
            }

            switch (_view)
            {
                case PhoneView.Idle: IdleKey(key); break;
                case PhoneView.Login: LoginKey(key); break;
                case PhoneView.DialEntry: DialEntryKey(key); break;
                case PhoneView.Message: MessageKey(key); break;
                case PhoneView.Talking: TalkingKey(key); break;
                default: MenuKey(key); break;
            }
        }

        private void Softkey(string label)
        {
            if (label == KeyLogin) ShowLogin();
            else if (label == KeySubmit) SubmitLogin();
            else if (label == KeyBack) Backspace();
            else if (label == KeyCancel || label == KeyExit) Cancel();
            else if (label == KeyDigits || label == KeyLetters) ToggleDirectDigits();
            else if (label == KeySelect) Activate(_screen.Selected);
            else if (label == KeyStats) ShowStats();
            else if (label == KeyUpdate) Update();
            else if (label == KeyMore) ShowMore();
            else if (label == KeyAgent) ShowAgentMenu();
            else if (label == KeyAnswer) CallAction("answer", null);
            else if (label == KeyRelease) CallAction("release", null);
            else if (label == KeyHold) CallAction("hold", null);
            else if (label == KeyResume) CallAction("resume", null);
            else if (label == KeyTransfer) ShowDialEntry(DialTransfer);
            else if (label == KeyConference) ShowDialEntry(DialConference);
            else if (label == KeyDial) Dial();
            else if (label == KeyOk) CloseMessage();
        }

        /// <summary>Exit and Cancel: back to where the agent came from.</summary>
        private void Cancel()
        {
            switch (_view)
            {
                case PhoneView.Login:
                case PhoneView.AgentMenu:
                    ShowIdle();
                    break;
                case PhoneView.CallerData:
                    if (_call != null && _call.State != LegStates.Ringing) ShowTalking();
                    else ShowAgentMenu();
                    break;
                case PhoneView.DialEntry:
                    if (_call != null) ShowTalking();
                    else if (SignedIn) ShowAgentMenu();
                    else ShowIdle();
                    break;
                case PhoneView.TeamMember:
                    ShowTeam();
                    break;
                case PhoneView.Idle:
                    ClearDial();
                    ShowIdle();
                    break;
                default:
                    if (SignedIn) ShowAgentMenu();
                    else ShowIdle();
                    break;
            }
        }

        private void Update()
        {
            if (_view == PhoneView.Stats) RefreshStats();
            else if (_view == PhoneView.Team) ShowTeam();
            else if (_view == PhoneView.CallerData) ShowCallerData();
        }

        // ---- menus ----

        private readonly string[] _menuItems = new string[100];
        private readonly string[] _menuValues = new string[100];
        private readonly int[] _menuCodes = new int[100];
        private int _menuCount;
        private int _menuNumber;
        private long _menuNumberAtMs;

        private void BeginMenu()
        {
            _menuCount = 0;
        }

        private void AddItem(string label, string value, int code)
        {
            if (_menuCount < _menuItems.Length)
            {
                _menuItems[_menuCount] = label;
                _menuValues[_menuCount] = value;
                _menuCodes[_menuCount] = code;
                _menuCount++;
            }
        }

        private void MenuKey(Key key)
        {
            if (key == Key.Up || key == Key.Down)
            {
                int count = _screen.MenuCount;
                if (count > 0)
                {
                    int step = key == Key.Down ? 1 : count - 1;
                    _screen.Selected = (_screen.Selected + step) % count;
                }

                return;
            }

            if (key == Key.Select)
            {
                if (_screen.Menu != null)
                {
                    Activate(_screen.Selected);
                }

                return;
            }

            char digit = KeyNames.ToDialChar(key);
            if (digit >= '0' && digit <= '9' && _screen.Menu != null)
            {
                TypeMenuNumber(digit - '0');
            }
        }

        /// <summary>Menu numbers of more than one digit: a digit waits for the next only while a
        /// longer number could still name an item; otherwise it selects at once.</summary>
        private void TypeMenuNumber(int digit)
        {
            _menuNumber = _menuNumber * 10 + digit;
            _menuNumberAtMs = _clock.NowMs;
            if (_menuNumber * 10 > _screen.MenuCount)
            {
                CommitMenuNumber(true);
            }
        }

        private void CommitMenuNumber(bool now)
        {
            if (_menuNumber == 0)
            {
                return;
            }

            if (!now && _clock.NowMs - _menuNumberAtMs < _settings.MultiTapTimeoutMs)
            {
                return;
            }

            int number = _menuNumber;
            _menuNumber = 0;
            if (number >= 1 && number <= _screen.MenuCount)
            {
                _screen.Selected = number - 1;
                Activate(number - 1);
            }
        }

        private void Activate(int index)
        {
            if (index < 0 || index >= _menuCount)
            {
                return;
            }

            switch (_view)
            {
                case PhoneView.AgentMenu: ChooseState(_menuValues[index]); break;
                case PhoneView.Reasons: ChooseReason(_menuCodes[index]); break;
                case PhoneView.More: ChooseMore(_menuValues[index]); break;
                case PhoneView.Team: ShowTeamMember(index); break;
                case PhoneView.TeamMember: SetMemberState(_menuValues[index]); break;
            }
        }

        // ---- ticks ----

        private long _lastSecond = -1;

        /// <summary>Time passes: a pending multi-tap character commits, a menu number typed
        /// alone selects, stats refresh on their interval, timers count.</summary>
        public void Tick()
        {
            long now = _clock.NowMs;
            if (_view == PhoneView.Login && _loginFields[_field].HasPending)
            {
                // Redraw only when the cycling character commits, not on every tick.
                _loginFields[_field].Tick(now);
                if (!_loginFields[_field].HasPending)
                {
                    DrawLoginFields();
                }
            }

            CommitMenuNumber(false);
            if (_view == PhoneView.Stats && now - _statsAtMs >= _settings.StatsPollSeconds * 1000L)
            {
                RefreshStats();
            }

            long second = now / 1000;
            if (second != _lastSecond)
            {
                _lastSecond = second;
                if (_view == PhoneView.Talking) DrawTalkingTimer();
                else if (_view == PhoneView.AgentMenu) DrawWrapUpTimer();
            }
        }

        // ---- helpers ----

        private string _statusRowFor;
        private string _statusRow = string.Empty;

        /// <summary>"Agent State: Not Ready"; built again only when the state changes.</summary>
        private void SetStatusRow()
        {
            string wire = _status == null ? null : _status.State;
            if (wire != _statusRowFor)
            {
                _statusRowFor = wire;
                _statusRow = wire == null ? string.Empty : "Agent State: " + StateText(wire);
            }

            _screen.Status = _statusRow;
        }

        /// <summary>The display name of a wire state (e.g. <c>NOT_READY</c> → Not Ready).</summary>
        internal static string StateText(string wire)
        {
            AgentState state;
            return AgentStates.TryParseWire(wire, out state) ? AgentStates.ToDisplay(state) : wire;
        }

        private bool StateIs(AgentState state)
        {
            return _status != null && _status.State == AgentStates.ToWire(state);
        }

        /// <summary>Tells the agent how a request went wrong; true when it went right.</summary>
        private bool Succeeded(Reply reply)
        {
            if (reply == Reply.Ok)
            {
                _serverDown = false;
                return true;
            }

            if (reply == Reply.Down)
            {
                _serverDown = true;
                ShowMessage("Server", ConnectionDown, null);
                _outageShown = true;
            }
            else if (reply == Reply.ServiceError)
            {
                ShowMessage("Server", ServiceErrorText, null);
            }
            else
            {
                Refused(_client.RefusalCode, _client.RefusalMessage);
            }

            return false;
        }

        private void Refused(ErrorCode code, string message)
        {
            if (code == ErrorCode.Unauthorized && SignedIn)
            {
                // The server no longer knows this session: start over at the login screen.
                SignedOut();
                ShowMessage("Signed out", "The server ended the session.", null);
                return;
            }

            if (code == ErrorCode.InvalidTransition || code == ErrorCode.NotSignedIn || code == ErrorCode.NoCall
                || code == ErrorCode.CallNotRinging || code == ErrorCode.CallNotConnected)
            {
                ShowMessage("Agent state", message, ResyncPrompt);
                return;
            }

            ShowMessage("Refused", message == null ? ErrorCodes.Message(code) : message, null);
        }

        /// <summary>The resynchronize prompt when the message offers it (key 1), else null.</summary>
        private string _messageBack;

        // Whether the message on screen is the outage's, which the server's return clears.
        private bool _outageShown;

        private void ShowMessage(string title, string text, string prompt)
        {
            _outageShown = false;
            _screen.Clear();
            _view = PhoneView.Message;
            _screen.Title = title;
            AddWrapped(text);
            if (prompt != null)
            {
                AddWrapped(prompt);
            }

            _messageBack = prompt;
            SetStatusRow();
            _screen.SetSoftkeys(KeyOk, string.Empty, string.Empty, string.Empty);
        }

        private void MessageKey(Key key)
        {
            if (key == Key.D1 && _messageBack != null)
            {
                Resynchronize();
            }
            else if (key == Key.Select)
            {
                CloseMessage();
            }
        }

        private void CloseMessage()
        {
            if (!SignedIn) ShowIdle();
            else if (_call != null) ShowTalking();
            else ShowAgentMenu();
        }

        /// <summary>Reads the agent's status anew (after a refusal, a lost event or the server's
        /// return) and shows where the agent really is; no new sign-in.</summary>
        public void Resynchronize()
        {
            AgentStatus status = new AgentStatus();
            Reply reply = _client.Call("GET", Routes.Agents + Routes.Me, null, status, _settings.RequestTimeoutMs);
            if (!Succeeded(reply))
            {
                return;
            }

            Adopt(status);
            if (_call != null && _call.State == LegStates.Ringing) ShowCallerData();
            else if (_call != null) ShowTalking();
            else ShowAgentMenu();
        }

        /// <summary>Adds a text as lines cut at spaces to fit the width.</summary>
        private void AddWrapped(string text)
        {
            if (text == null)
            {
                return;
            }

            int width = _columns;
            int start = 0;
            while (start < text.Length)
            {
                int end = start + width;
                if (end >= text.Length)
                {
                    _screen.AddLine(text.Substring(start));
                    return;
                }

                int cut = end;
                while (cut > start && text[cut] != ' ')
                {
                    cut--;
                }

                if (cut == start)
                {
                    cut = end;
                }

                _screen.AddLine(text.Substring(start, cut - start));
                start = cut;
                while (start < text.Length && text[start] == ' ')
                {
                    start++;
                }
            }
        }
    }
}
