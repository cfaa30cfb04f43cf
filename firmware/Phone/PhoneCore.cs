using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
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
        internal const string KeyConsult = "Consult";
        internal const string KeyDial = "Dial";
        internal const string KeyUpdate = "Update";
        internal const string KeyAgent = "Agent";
        internal const string KeyOk = "OK";

        // The Cisco guide's messages for server trouble.
        public const string ConnectionDown = "Connection to server is down";
        public const string ServiceErrorText = "Service error. Try again.";
        public const string ResyncPrompt = "Press 1 to resynchronize your agent state";

        // ---- the phone's state: everything it knows and shows, in one place ----

        // What it runs on.
        private readonly PhoneSettings _settings;
        private readonly IClock _clock;
        private readonly IWallClock _wall;
        private readonly IRinger _ringer;
        private readonly ServerLink _link;
        private readonly Screen _screen = new Screen();
        private readonly int _columns;

        // The session, as last heard from the server.
        private Provisioning _provisioning;
        /// <summary>The server said this phone's secret opens no profile: no joining a desktop's sign-in.</summary>
        private bool _joinRefused;
        private AgentStatus _status;
        private long _statusAtMs;
        private long _lastSeq;
        private CallInfo _call;
        private long _callSinceMs;
        private string _party;
        private readonly ReasonList[] _reasonLists = new ReasonList[3];

        // The network: what is outstanding, and whether the servers answer.
        private PhoneRequest _change;
        private PhoneRequest _read;
        /// <summary>The agent's status is to be read anew (a lost event, the server's return).</summary>
        private bool _statusWanted;
        /// <summary>No server answered the last request or poll; the next answer clears it.</summary>
        private bool _serverDown;

        // What shows.
        private PhoneView _view;
        /// <summary>The resynchronize prompt when the message offers it (key 1), else null.</summary>
        private string _messageBack;
        /// <summary>Whether the message on screen is the outage's, which the server's return clears.</summary>
        private bool _outageShown;
        private int _rowMode = -1;
        private object _rowFor;
        private string _statusRow = string.Empty;

        // Menus.
        private readonly string[] _menuItems = new string[100];
        private readonly string[] _menuValues = new string[100];
        private readonly int[] _menuCodes = new int[100];
        private int _menuCount;
        private int _menuNumber;
        private long _menuNumberAtMs;
        private int _reasonKind;
        // The wrap-up reason the server took for the call being wrapped up (shown until the wrap-up ends).
        private string _wrapUpReason;
        private TeamView _team;
        private TeamMember _member;

        // Typing: the login form, the idle screen's feature codes, number entry.
        private readonly MultiTap[] _loginFields;
        private readonly bool[] _fieldAsked = new bool[3];
        private int _field;
        private bool _directDigits;
        private readonly char[] _dial = new char[32];
        private int _dialLength;
        private readonly MultiTap _entry;
        private int _dialPurpose;

        // Skill stats: the answer is read into one message, and a refresh that brings the same
        // figures builds no new text.
        private long _statsAtMs;
        private readonly StatsResponse _statsAnswer = new StatsResponse();
        private readonly string[] _statsLines = new string[Screen.MaxLines];
        private readonly long[] _statsFigures = new long[Screen.MaxLines];

        private long _lastSecond = -1;
        private readonly int _bodyRows;

        /// <summary>A phone whose body rows are not known (as many as a screen has lines): nothing scrolls.</summary>
        public PhoneCore(PhoneSettings settings, IClock clock, IWallClock wall, IRinger ringer, int columns)
            : this(settings, clock, wall, ringer, columns, Screen.MaxLines + ScreenView.FixedRows)
        {
        }

        /// <param name="columns">The panel's character columns (labels and lines are cut to them).</param>
        /// <param name="rows">Its character rows: a body longer than they leave scrolls with UP and DOWN.</param>
        public PhoneCore(PhoneSettings settings, IClock clock, IWallClock wall, IRinger ringer, int columns, int rows)
        {
            _bodyRows = rows - ScreenView.FixedRows;
            _settings = settings;
            _clock = clock;
            _wall = wall;
            _ringer = ringer;
            _columns = columns;
            _link = new ServerLink();
            _link.SetServers(settings.Servers);
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

        /// <summary>No server answered the last request or event poll.</summary>
        public bool ServerDown
        {
            get { return _serverDown; }
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

        /// <summary>Asks for this phone's provisioning (One Button Sign In fields, servers, poll
        /// intervals). Until an answer comes, and without one, the phone runs on its own settings.</summary>
        public void Start()
        {
            Send(Purpose.Provisioning, Methods.Get, Routes.Devices + _settings.DeviceName, null, new Provisioning(), "Settings", _settings.DeviceAuthorization, false);
        }

        private void Provisioned(PhoneRequest request)
        {
            if (request.Reply != Reply.Ok)
            {
                return;
            }

            Provisioning p = (Provisioning)request.Into;
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

            if (_view == PhoneView.Idle)
            {
                ShowIdle();
            }
            else if (_view == PhoneView.Login && LoginUntouched())
            {
                // Opened before the profile came: ask only what the profile leaves open.
                ShowLogin();
            }
        }

        /// <summary>The provisioned server list, with the server that just answered put first when
        /// the list leaves it out (the list names the center's addresses as its administrator sees
        /// them; the phone reached it at this one).</summary>
        private string[] WithAnswering(string[] servers)
        {
            string answering = _link.Server(_link.Active);
            if (ServerLink.IndexOf(servers, answering) >= 0)
            {
                return servers;
            }

            string[] list = new string[servers.Length + 1];
            list[0] = answering;
            for (int i = 0; i < servers.Length; i++)
            {
                list[i + 1] = servers[i];
            }

            return list;
        }

        // ---- requests: made here, sent by the worker, applied when they come ----

        /// <summary>Whether a request waits for the worker to take it.</summary>
        public bool HasRequest
        {
            get
            {
                return (_change != null && !_change.Taken) || (_read != null && !_read.Taken) || (_statusWanted && _read == null);
            }
        }

        /// <summary>Whether anything is outstanding: made, in flight, or a status read wanted.</summary>
        public bool Waiting
        {
            get { return _change != null || _read != null || _statusWanted; }
        }

        /// <summary>The worker takes the next request: a change before a read.</summary>
        public PhoneRequest TakeRequest()
        {
            if (_statusWanted && _read == null && SignedIn)
            {
                _statusWanted = false;
                _read = NewRequest(Purpose.Status, Methods.Get, Routes.Agents + Routes.Me, null, new AgentStatus(), null, _link.Authorization);
            }

            PhoneRequest next = _change != null && !_change.Taken ? _change : _read != null && !_read.Taken ? _read : null;
            if (next != null)
            {
                next.Taken = true;
            }

            return next;
        }

        /// <summary>A request's answer: applied unless the session it was made in has ended, or
        /// the phone let it go (signed out meanwhile).</summary>
        public void Complete(PhoneRequest request)
        {
            if (request == _change) _change = null;
            else if (request == _read) _read = null;
            else return;

            if (request.Purpose != Purpose.Provisioning && request.Purpose != Purpose.SignIn && request.Token != _link.Token)
            {
                SetStatusRow();
                return;
            }

            if (request.Reply == Reply.Ok && _serverDown)
            {
                _serverDown = false;
            }

            switch (request.Purpose)
            {
                case Purpose.Provisioning: Provisioned(request); break;
                case Purpose.SignIn: SignInAnswered(request); break;
                case Purpose.SignOut: SignOutAnswered(request); break;
                case Purpose.State:
                case Purpose.WrapUpReason: StateAnswered(request); break;
                case Purpose.CallAction: CallAnswered(request); break;
                case Purpose.Dial: DialAnswered(request); break;
                case Purpose.MemberState: MemberStateAnswered(request); break;
                case Purpose.Reasons: ReasonsAnswered(request); break;
                case Purpose.Stats: StatsAnswered(request); break;
                case Purpose.Team: TeamAnswered(request); break;
                case Purpose.Status: StatusAnswered(request); break;
            }

            SetStatusRow();
        }

        /// <summary>Hands a request to the worker; null, with the refusal on screen, when one of its
        /// kind is still outstanding or the servers are known to be down (nothing is queued to be
        /// sent later). A <paramref name="quiet"/> request (a timed refresh) is dropped silently.</summary>
        private PhoneRequest Send(Purpose purpose, string method, string path, IMessage body, IMessage into, string what, string authorization, bool quiet)
        {
            bool read = PhoneRequest.IsReadPurpose(purpose);
            PhoneRequest outstanding = read ? _read : _change;
            if (outstanding != null)
            {
                if (!quiet)
                {
                    // Refused on the screen, never queued behind the first.
                    _screen.Status = "Busy: " + outstanding.What;
                }

                return null;
            }

            if (_serverDown && SignedIn)
            {
                if (!quiet)
                {
                    ShowOutage();
                }

                return null;
            }

            PhoneRequest request = NewRequest(purpose, method, path, body, into, what, authorization);
            if (read) _read = request;
            else _change = request;
            SetStatusRow();
            return request;
        }

        private PhoneRequest NewRequest(Purpose purpose, string method, string path, IMessage body, IMessage into, string what, string authorization)
        {
            PhoneRequest request = new PhoneRequest();
            request.Purpose = purpose;
            request.Method = method;
            request.Path = path;
            request.Body = body;
            request.Into = into;
            request.What = what;
            request.Authorization = authorization;
            request.Token = _link.Token;
            request.View = _view;
            return request;
        }

        /// <summary>A request of the session (the Authorization is its token).</summary>
        private PhoneRequest SendSession(Purpose purpose, string method, string path, IMessage body, IMessage into, string what)
        {
            return Send(purpose, method, path, body, into, what, _link.Authorization, false);
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
                    CallAction(CallActions.Answer, null);
                }

                return;
            }

            if (key == Key.Hangup)
            {
                if (_call != null && _call.State != LegStates.Ringing)
                {
                    CallAction(CallActions.Release, null);
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
            else if (label == KeyAnswer) CallAction(CallActions.Answer, null);
            else if (label == KeyRelease) CallAction(CallActions.Release, null);
            else if (label == KeyHold) CallAction(CallActions.Hold, null);
            else if (label == KeyResume) CallAction(CallActions.Resume, null);
            else if (label == KeyTransfer) TransferOrConference(DialTransfer);
            else if (label == KeyConference) TransferOrConference(DialConference);
            else if (label == KeyConsult) PlaceDialEntry(true);
            else if (label == KeyDial) Dial();
            else if (label == KeyOk) CloseMessage();
        }

        /// <summary>Moves a long body (the caller's data on a small panel) a line; the view stops
        /// at the last page, so the offset never runs past what DOWN can show.</summary>
        private void ScrollLines(int step)
        {
            int first = _screen.FirstLine + step;
            int last = _screen.LineCount - _bodyRows;
            _screen.FirstLine = first < 0 ? 0 : first > last ? (last > 0 ? last : 0) : first;
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
            if (_view == PhoneView.Stats) RefreshStats(false);
            else if (_view == PhoneView.Team) ShowTeam();
            else if (_view == PhoneView.CallerData) ShowCallerData();
        }

        // ---- menus ----

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
                else if (_screen.Menu == null)
                {
                    ScrollLines(key == Key.Down ? 1 : -1);
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
                RefreshStats(true);
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

        private const int RowState = 0;
        private const int RowSending = 1;
        private const int RowDown = 2;

        /// <summary>The status row: "Agent State: Not Ready"; "Sending: Ready" while a change is
        /// outstanding; the outage and the server being retried while none answers. Built again
        /// only when what it shows changes.</summary>
        private void SetStatusRow()
        {
            int mode = _serverDown && SignedIn ? RowDown : _change != null && _change.What != null ? RowSending : RowState;
            object what = mode == RowDown ? (object)_link.Server(_link.Active) : mode == RowSending ? (object)_change : _status == null ? null : _status.State;
            if (mode != _rowMode || !Same(what, _rowFor))
            {
                _rowMode = mode;
                _rowFor = what;
                _statusRow = mode == RowDown ? "Down, retrying " + Host((string)what)
                    : mode == RowSending ? "Sending: " + _change.What
                    : what == null ? string.Empty : StateRow(StateText((string)what));
            }

            _screen.Status = _statusRow;
        }

        /// <summary>"Agent State: Not Ready" as Cisco's phones show it, shortened to "State: Not
        /// Ready" and then to the state alone where the panel is narrower: never cut mid-word.</summary>
        private string StateRow(string state)
        {
            string full = "Agent State: " + state;
            if (full.Length <= _columns)
            {
                return full;
            }

            string shorter = "State: " + state;
            return shorter.Length <= _columns ? shorter : state;
        }

        /// <summary>A labelled line, or its shorter label where the panel is too narrow for the
        /// first ("Wrap-up reason: No sale", then "Reason: No sale").</summary>
        private string Labelled(string label, string shorter, string value)
        {
            string full = label + value;
            return full.Length <= _columns ? full : shorter + value;
        }

        private static bool Same(object a, object b)
        {
            string text = a as string;
            return text != null ? text == b as string : a == b;
        }

        /// <summary>The host of a base URL (http://10.0.0.5:8082 → 10.0.0.5:8082).</summary>
        private static string Host(string url)
        {
            int scheme = url.IndexOf("//");
            return scheme < 0 ? url : url.Substring(scheme + 2);
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
        private bool Succeeded(PhoneRequest request)
        {
            Reply reply = request.Reply;
            if (reply == Reply.Ok)
            {
                return true;
            }

            if (reply == Reply.Down)
            {
                _serverDown = true;
                ShowOutage();
            }
            else if (reply == Reply.ServiceError)
            {
                ShowMessage("Server", ServiceErrorText, null);
            }
            else
            {
                Refused(request.RefusalCode, request.RefusalMessage);
            }

            return false;
        }

        /// <summary>The Cisco guide's outage message; it clears itself when a server answers again.</summary>
        private void ShowOutage()
        {
            ShowMessage("Server", ConnectionDown, null);
            _outageShown = true;
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

        /// <summary>The agent asks to read the status anew (after a refusal, or from More) and see
        /// where it really is; no new sign-in.</summary>
        private void Resynchronize()
        {
            PhoneRequest request = SendSession(Purpose.Status, Methods.Get, Routes.Agents + Routes.Me, null, new AgentStatus(), "Status");
            if (request != null)
            {
                request.Arg = 1;
            }
        }

        /// <summary>A status read's answer: the agent's own Resynchronize shows the call or the
        /// state menu; a read the phone made itself keeps the agent where it is.</summary>
        private void StatusAnswered(PhoneRequest request)
        {
            if (request.Arg == 0 && request.Reply != Reply.Ok)
            {
                if (request.Reply == Reply.Refused && request.RefusalCode == ErrorCode.Unauthorized)
                {
                    SignedOut();
                    ShowIdle();
                }
                else if (request.Reply == Reply.Down)
                {
                    _serverDown = true;
                }

                return;
            }

            if (!Succeeded(request))
            {
                return;
            }

            AgentStatus status = (AgentStatus)request.Into;
            if (status.State == AgentStates.ToWire(AgentState.Logout))
            {
                SignedOut();
                ShowIdle();
                return;
            }

            Adopt(status);
            if (request.Arg == 1)
            {
                if (_call != null && _call.State == LegStates.Ringing) ShowCallerData();
                else if (_call != null) ShowTalking();
                else ShowAgentMenu();
                return;
            }

            ShowCurrent();
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
