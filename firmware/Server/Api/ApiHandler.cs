using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// The agent API over the server core: one route table for every host (Kestrel on a PC,
    /// HttpListener on the device). Strings in, status and JSON out, no I/O; the host holds the
    /// server's lock around <see cref="Handle"/>. A refused request gets
    /// <c>{"error":{"code","message"}}</c> and changes nothing.
    /// </summary>
    public sealed class ApiHandler
    {
        /// <summary>Most events one long-poll answer carries; the client asks again for the rest.</summary>
        public const int MaxEventsPerAnswer = 64;

        private readonly AgentServer _server;
        private readonly IJsonCodec _json;
        private readonly ITokenSource _tokens;
        private readonly ApiOptions _options;
        private readonly PlainSecrets _compare = new PlainSecrets();
        private readonly ServerEvent[] _events = new ServerEvent[MaxEventsPerAnswer];
        private readonly ServerEvent _layoutScratch = new ServerEvent();

        public ApiHandler(AgentServer server, IJsonCodec json, ITokenSource tokens, ApiOptions options)
        {
            _server = server;
            _json = json;
            _tokens = tokens;
            _options = options == null ? new ApiOptions() : options;
        }

        public ApiOptions Options
        {
            get { return _options; }
        }

        public void Handle(ApiRequest request, ApiResponse response)
        {
            response.Clear();
            try
            {
                Route(request, response);
            }
            catch (JsonFormatException e)
            {
                Fail(response, ErrorCode.MalformedJson, e.Message);
            }
        }

        private void Route(ApiRequest q, ApiResponse r)
        {
            string path = q.Path == null ? string.Empty : q.Path;
            if (path == Routes.Health)
            {
                if (Allow(q, r, "GET"))
                {
                    HealthResponse health = new HealthResponse();
                    health.Status = "ok";
                    health.NowMs = _server.NowMs;
                    Ok(r, 200, health);
                }

                return;
            }

            if (q.BodyTooLarge || (q.Body != null && q.Body.Length > _options.MaxBodyChars))
            {
                Fail(r, ErrorCode.BodyTooLarge, null);
                return;
            }

            string rest;
            if (path == Routes.SignIn)
            {
                if (Allow(q, r, "POST")) SignIn(q, r);
            }
            else if (path == Routes.SignOut)
            {
                if (Allow(q, r, "POST")) SignOut(q, r);
            }
            else if (path == Routes.Reasons)
            {
                if (Allow(q, r, "GET")) ReasonsOf(q, r);
            }
            else if (path == Routes.Stats)
            {
                if (Allow(q, r, "GET")) MyStats(q, r);
            }
            else if (path == Routes.Team)
            {
                if (Allow(q, r, "GET")) Team(q, r);
            }
            else if (path == Routes.Calls)
            {
                if (Allow(q, r, "POST")) OfferCall(q, r);
            }
            else if ((rest = After(path, Routes.Calls + "/")) != null)
            {
                string id = Head(rest);
                if (Tail(rest) != "hangup" || id.Length == 0) NotFound(r);
                else if (Allow(q, r, "POST")) HangUp(q, r, id);
            }
            else if ((rest = After(path, Routes.Agents)) != null)
            {
                AgentRoute(q, r, Head(rest), Tail(rest));
            }
            else if ((rest = After(path, Routes.Queues)) != null)
            {
                if (Tail(rest) != "stats" || Head(rest).Length == 0) NotFound(r);
                else if (Allow(q, r, "GET")) QueueStatsOf(q, r, Head(rest));
            }
            else if ((rest = After(path, Routes.Devices)) != null)
            {
                if (rest.Length == 0 || rest.IndexOf('/') >= 0) NotFound(r);
                else if (Allow(q, r, "GET")) Provision(r, rest);
            }
            else
            {
                NotFound(r);
            }
        }

        // /api/v1/agents/{id}[/state|/wrapup|/events|/call/{action}]
        private void AgentRoute(ApiRequest q, ApiResponse r, string id, string what)
        {
            if (id.Length == 0)
            {
                NotFound(r);
                return;
            }

            string agentId = id == Routes.Me ? null : id;
            if (what == null)
            {
                Agent agent;
                if (Allow(q, r, "GET") && Authorized(q, r, agentId, out agent)) Ok(r, 200, Status(agent));
            }
            else if (what == "state")
            {
                if (Allow(q, r, "PUT")) ChangeState(q, r, agentId);
            }
            else if (what == "wrapup")
            {
                Agent agent;
                if (Allow(q, r, "PUT") && Own(q, r, agentId, out agent)) WrapUpReason(q, r, agent);
            }
            else if (what == "events")
            {
                Agent agent;
                if (Allow(q, r, "GET") && Authorized(q, r, agentId, out agent)) Events(q, r, agent);
            }
            else if (Head(what) == "call" && Tail(what) != null)
            {
                Agent agent;
                if (Allow(q, r, "POST") && Own(q, r, agentId, out agent)) CallAction(q, r, agent, Tail(what));
            }
            else
            {
                NotFound(r);
            }
        }

        // ---- sign-in and state ----

        private void SignIn(ApiRequest q, ApiResponse r)
        {
            SignInRequest m = (SignInRequest)ReadBody(q, new SignInRequest(), true);
            if (!Fits(r, "tenant", m.Tenant) || !Fits(r, "agentId", m.AgentId) || !Fits(r, "password", m.Password)
                || !Fits(r, "pin", m.Pin) || !Fits(r, "extension", m.Extension) || !Required(r, "device", m.Device))
            {
                return;
            }

            Agent agent;
            ErrorCode error;
            if (m.Pin != null)
            {
                error = _server.SignInWithPin(m.Tenant, m.AgentId != null ? m.AgentId : m.Extension, m.Pin, m.Extension, out agent);
            }
            else if (m.Password != null)
            {
                if (!Required(r, "agentId", m.AgentId) || !Required(r, "extension", m.Extension))
                {
                    return;
                }

                error = _server.SignIn(m.Tenant, m.AgentId, m.Password, m.Extension, out agent);
            }
            else
            {
                error = _server.SignInFromDevice(m.Device, m.Extension, out agent);
            }

            if (error == ErrorCode.UnknownAgent)
            {
                error = ErrorCode.BadCredentials; // do not tell which agent IDs exist
            }

            Session session = null;
            if (error == ErrorCode.None)
            {
                error = _server.OpenSession(agent, m.Device, _tokens, out session);
            }

            if (error != ErrorCode.None)
            {
                Fail(r, error, null);
                return;
            }

            SignInResponse answer = new SignInResponse();
            answer.Token = session.Token;
            answer.Agent = Status(agent);
            Ok(r, 200, answer);
        }

        private void SignOut(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            if (!Own(q, r, null, out agent))
            {
                return;
            }

            ReasonRequest m = (ReasonRequest)ReadBody(q, new ReasonRequest(), false);
            if (Done(r, _server.SignOut(agent, m.ReasonCode)))
            {
                Ok(r, 200, Status(agent));
            }
        }

        private void ChangeState(ApiRequest q, ApiResponse r, string agentId)
        {
            Agent agent;
            if (!Authorized(q, r, agentId, out agent))
            {
                return;
            }

            StateRequest m = (StateRequest)ReadBody(q, new StateRequest(), true);
            AgentState wanted;
            if (!AgentStates.TryParseWire(m.State, out wanted))
            {
                Fail(r, ErrorCode.InvalidArgument, "state must be one of LOGOUT, NOT_READY, READY, WORK.");
                return;
            }

            Agent self = _server.FindSession(Token(q)).Agent;
            ErrorCode error = self == agent
                ? _server.SetState(agent, wanted, m.ReasonCode)
                : _server.SetStateBySupervisor(self, agent.Id, wanted, m.ReasonCode);
            if (Done(r, error))
            {
                Ok(r, 200, Status(agent));
            }
        }

        private void WrapUpReason(ApiRequest q, ApiResponse r, Agent agent)
        {
            ReasonRequest m = (ReasonRequest)ReadBody(q, new ReasonRequest(), true);
            if (Done(r, _server.SetWrapUpReason(agent, m.ReasonCode)))
            {
                Ok(r, 200, Status(agent));
            }
        }

        private void ReasonsOf(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            if (!Own(q, r, null, out agent))
            {
                return;
            }

            ReasonKind kind;
            if (!ReasonKinds.TryParseWire(q.QueryValue("kind"), out kind))
            {
                Fail(r, ErrorCode.InvalidArgument, "kind must be NOT_READY, LOGOUT or WRAP_UP.");
                return;
            }

            ReasonCatalog catalog = _server.Reasons(agent.Tenant);
            ReasonCode[] codes = catalog.Applicable(kind, agent.Team);
            ReasonList list = new ReasonList();
            list.Kind = ReasonKinds.ToWire(kind);
            list.Required = catalog.IsRequired(kind);
            list.Reasons = new ReasonItem[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                list.Reasons[i] = new ReasonItem();
                list.Reasons[i].Code = codes[i].Code;
                list.Reasons[i].Label = codes[i].Label;
            }

            Ok(r, 200, list);
        }

        // ---- events ----

        private void Events(ApiRequest q, ApiResponse r, Agent agent)
        {
            long after;
            long wait;
            if (!Number(r, q.QueryValue("after"), "after", 0, 999999999999999999L, 0, out after)
                || !Number(r, q.QueryValue("wait"), "wait", 0, _options.EventWaitSeconds, _options.EventWaitSeconds, out wait))
            {
                return;
            }

            EventStream stream = agent.Events;
            EventsResponse answer = new EventsResponse();
            if (stream.Missed(after))
            {
                answer.Resync = true;
                answer.LastSeq = stream.LastSeq;
                answer.Events = new EventInfo[0];
                Ok(r, 200, answer);
                return;
            }

            int n = stream.CopyAfter(after, _events);
            if (n == 0 && q.MayWait && wait > 0)
            {
                r.WaitStream = stream;
                r.WaitAfterSeq = after;
                r.WaitSeconds = (int)wait;
                return;
            }

            answer.Events = new EventInfo[n];
            for (int i = 0; i < n; i++)
            {
                answer.Events[i] = EventMessage(_events[i]);
                _events[i] = null;
            }

            answer.LastSeq = n == 0 ? after : answer.Events[n - 1].Seq;
            Ok(r, 200, answer);
        }

        // ---- calls ----

        private void CallAction(ApiRequest q, ApiResponse r, Agent agent, string action)
        {
            ErrorCode error;
            if (action == "answer") error = _server.Answer(agent);
            else if (action == "release") error = _server.Release(agent);
            else if (action == "hold") error = _server.Hold(agent);
            else if (action == "resume") error = _server.Resume(agent);
            else if (action == "transfer" || action == "conference")
            {
                TargetRequest m = (TargetRequest)ReadBody(q, new TargetRequest(), true);
                if (!Required(r, "extension", m.Extension))
                {
                    return;
                }

                error = action == "transfer" ? _server.Transfer(agent, m.Extension) : _server.Conference(agent, m.Extension);
            }
            else if (action == "dial")
            {
                TargetRequest m = (TargetRequest)ReadBody(q, new TargetRequest(), true);
                Call call;
                if (Required(r, "number", m.Number) && Done(r, _server.Dial(agent, m.Number, out call)))
                {
                    Ok(r, 201, Created(call.Id));
                }

                return;
            }
            else
            {
                NotFound(r);
                return;
            }

            if (Done(r, error))
            {
                Ok(r, 200, Status(agent));
            }
        }

        private void OfferCall(ApiRequest q, ApiResponse r)
        {
            if (!Pbx(q, r))
            {
                return;
            }

            OfferCallRequest m = (OfferCallRequest)ReadBody(q, new OfferCallRequest(), true);
            if (!Fits(r, "tenant", m.Tenant) || !Required(r, "ani", m.Ani) || !Fits(r, "dnis", m.Dnis)
                || !Fits(r, "queue", m.Queue) || !Fits(r, "extension", m.Extension))
            {
                return;
            }

            if ((m.Queue == null) == (m.Extension == null))
            {
                Fail(r, ErrorCode.InvalidArgument, "Give either queue or extension.");
                return;
            }

            int count = m.Variables == null ? 0 : m.Variables.Length;
            string[] names = new string[count];
            string[] values = new string[count];
            for (int i = 0; i < count; i++)
            {
                CallVariable v = m.Variables[i];
                if (v == null)
                {
                    Fail(r, ErrorCode.InvalidArgument, "variables holds a null.");
                    return;
                }

                if (!Required(r, "variables.name", v.Name) || !Fits(r, "variables.value", v.Value))
                {
                    return;
                }

                names[i] = v.Name;
                values[i] = v.Value == null ? string.Empty : v.Value;
            }

            Call call;
            ErrorCode error = m.Queue != null
                ? _server.OfferToQueue(m.Tenant, m.Queue, m.Ani, m.Dnis, names, values, out call)
                : _server.OfferToExtension(m.Tenant, m.Extension, m.Ani, m.Dnis, names, values, out call);
            if (Done(r, error))
            {
                Ok(r, 201, Created(call.Id));
            }
        }

        private void HangUp(ApiRequest q, ApiResponse r, string id)
        {
            if (Pbx(q, r) && Done(r, _server.HangUp(id)))
            {
                Ok(r, 200, Created(id));
            }
        }

        // ---- stats, team, provisioning ----

        private void MyStats(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            if (!Own(q, r, null, out agent))
            {
                return;
            }

            StatsResponse answer = new StatsResponse();
            answer.Queues = new QueueFigures[agent.Memberships.Count];
            for (int i = 0; i < answer.Queues.Length; i++)
            {
                answer.Queues[i] = Figures(((Membership)agent.Memberships[i]).Queue);
            }

            answer.CallsHandled = agent.CallsHandled;
            Ok(r, 200, answer);
        }

        private void QueueStatsOf(ApiRequest q, ApiResponse r, string name)
        {
            Agent agent;
            if (!Own(q, r, null, out agent))
            {
                return;
            }

            Queue queue = _server.FindQueue(agent.Tenant, name);
            if (queue == null)
            {
                Fail(r, ErrorCode.UnknownQueue, null);
                return;
            }

            StatsResponse answer = new StatsResponse();
            answer.Queues = new QueueFigures[] { Figures(queue) };
            Ok(r, 200, answer);
        }

        private void Team(ApiRequest q, ApiResponse r)
        {
            Agent self;
            Agent[] members;
            if (!Own(q, r, null, out self) || !Done(r, _server.TeamView(self, out members)))
            {
                return;
            }

            TeamView view = new TeamView();
            view.Team = self.SupervisedTeam;
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
                m.TimeInStateMs = _server.NowMs - a.StateSinceMs;
                view.Agents[i] = m;
            }

            Ok(r, 200, view);
        }

        private void Provision(ApiResponse r, string device)
        {
            DeviceProfile profile = _server.FindDevice(device);
            Provisioning p = new Provisioning();
            p.Device = device;
            if (profile != null)
            {
                p.Tenant = profile.Tenant.Length == 0 ? null : profile.Tenant;
                p.AgentId = profile.AgentId;
                p.Extension = profile.Extension;
                p.PasswordStored = profile.PasswordStored;
            }

            p.Servers = _options.Servers;
            p.StatsPollSeconds = _options.StatsPollSeconds;
            p.EventWaitSeconds = _options.EventWaitSeconds;
            p.Layout = _options.DefaultLayout;
            Ok(r, 200, p);
        }

        // ---- views ----

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
            AgentState[] allowed = agent.SignedIn ? _server.Choosable(agent) : new AgentState[0];
            s.Allowed = new string[allowed.Length];
            for (int i = 0; i < allowed.Length; i++)
            {
                s.Allowed[i] = AgentStates.ToWire(allowed[i]);
            }

            if (agent.Leg != null)
            {
                s.Call = CallOf(agent.Leg);
            }

            s.LastSeq = agent.Events.LastSeq;
            return s;
        }

        private CallInfo CallOf(Leg leg)
        {
            Call call = leg.Call;
            CallInfo c = new CallInfo();
            c.Id = call.Id;
            c.State = LegStates.ToWire(leg.State);
            c.Routed = leg.Routed;
            c.Queue = call.Queue == null ? null : call.Queue.Name;
            c.Ani = call.Ani;
            c.Dnis = call.Dnis;
            Layout layout = call.Queue == null || call.Queue.Layout == null ? Layout.Default : call.Queue.Layout;
            layout.Apply(call.VariableNames, call.VariableValues, _layoutScratch);
            c.Layout = _layoutScratch.Layout;
            c.Variables = Variables(_layoutScratch.Labels, _layoutScratch.Values);
            return c;
        }

        /// <summary>An event as the API sends it.</summary>
        public static EventInfo EventMessage(ServerEvent e)
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
                }

                w.WrapUpEndsMs = e.WrapUpEndsMs;
            }

            w.CallId = e.CallId;
            w.Routed = e.Routed;
            w.Queue = e.Queue;
            w.Ani = e.Ani;
            w.Dnis = e.Dnis;
            w.Party = e.Party;
            w.EndReason = e.Kind == EventKind.CallEnded ? CallEndReasons.ToWire(e.EndReason) : null;
            w.Layout = e.Layout;
            w.Variables = e.Labels == null ? null : Variables(e.Labels, e.Values);
            w.CallsQueued = e.CallsQueued;
            return w;
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

        private QueueFigures Figures(Queue queue)
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

        private static CallCreated Created(string id)
        {
            CallCreated c = new CallCreated();
            c.Id = id;
            return c;
        }

        // ---- checks ----

        private static string Token(ApiRequest q)
        {
            string h = q.Authorization;
            return h != null && h.Length > Routes.BearerPrefix.Length && h.Substring(0, Routes.BearerPrefix.Length) == Routes.BearerPrefix
                ? h.Substring(Routes.BearerPrefix.Length)
                : null;
        }

        /// <summary>The session may act for the agent (itself, or a supervised team member).</summary>
        private bool Authorized(ApiRequest q, ApiResponse r, string agentId, out Agent agent)
        {
            return Done(r, _server.Authorize(Token(q), agentId, out agent));
        }

        /// <summary>The session's own agent only (call control, wrap-up, reasons, stats).</summary>
        private bool Own(ApiRequest q, ApiResponse r, string agentId, out Agent agent)
        {
            if (!Authorized(q, r, agentId, out agent))
            {
                return false;
            }

            if (agent != _server.FindSession(Token(q)).Agent)
            {
                agent = null;
                return Done(r, ErrorCode.Forbidden);
            }

            return true;
        }

        private bool Pbx(ApiRequest q, ApiResponse r)
        {
            if (_options.ApiKey != null && _compare.Matches(_options.ApiKey, q.ApiKey))
            {
                return true;
            }

            Fail(r, ErrorCode.Unauthorized, "This route needs the PBX API key (X-Api-Key).");
            return false;
        }

        private IMessage ReadBody(ApiRequest q, IMessage blank, bool required)
        {
            if (IsBlank(q.Body))
            {
                if (required)
                {
                    throw new JsonFormatException("A JSON body is required.");
                }

                return blank;
            }

            IMessage m = _json.Read(q.Body, blank);
            if (m == null)
            {
                throw new JsonFormatException("The body must be a JSON object.");
            }

            return m;
        }

        private static bool IsBlank(string s)
        {
            if (s == null)
            {
                return true;
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
                {
                    return false;
                }
            }

            return true;
        }

        private bool Required(ApiResponse r, string field, string value)
        {
            if (value == null || value.Length == 0)
            {
                Fail(r, ErrorCode.InvalidArgument, field + " is required.");
                return false;
            }

            return Fits(r, field, value);
        }

        private bool Fits(ApiResponse r, string field, string value)
        {
            if (value != null && value.Length > _options.MaxFieldChars)
            {
                Fail(r, ErrorCode.InvalidArgument, field + " is longer than " + _options.MaxFieldChars.ToString() + " characters.");
                return false;
            }

            return true;
        }

        private bool Number(ApiResponse r, string text, string name, long min, long max, long absent, out long value)
        {
            value = absent;
            if (text == null)
            {
                return true;
            }

            long n = 0;
            bool ok = text.Length > 0 && text.Length <= 18;
            for (int i = 0; ok && i < text.Length; i++)
            {
                ok = text[i] >= '0' && text[i] <= '9';
                n = n * 10 + (text[i] - '0');
            }

            if (!ok || n < min || n > max)
            {
                Fail(r, ErrorCode.InvalidArgument, name + " must be a whole number from " + min.ToString() + " to " + max.ToString() + ".");
                return false;
            }

            value = n;
            return true;
        }

        private bool Allow(ApiRequest q, ApiResponse r, string method)
        {
            if (q.Method == method)
            {
                return true;
            }

            Fail(r, ErrorCode.MethodNotAllowed, q.Method + " is not allowed here; use " + method + ".");
            return false;
        }

        private bool Done(ApiResponse r, ErrorCode error)
        {
            if (error == ErrorCode.None)
            {
                return true;
            }

            Fail(r, error, null);
            return false;
        }

        private void NotFound(ApiResponse r)
        {
            Fail(r, ErrorCode.NotFound, null);
        }

        private void Fail(ApiResponse r, ErrorCode error, string message)
        {
            ErrorResponse body = new ErrorResponse();
            body.Error = new ErrorInfo();
            body.Error.Code = ErrorCodes.ToWire(error);
            body.Error.Message = message == null ? ErrorCodes.Message(error) : message;
            r.Error = error;
            r.Status = ErrorCodes.HttpStatus(error);
            r.Body = _json.Write(body);
        }

        private void Ok(ApiResponse r, int status, IMessage body)
        {
            r.Status = status;
            r.Body = _json.Write(body);
        }

        // ---- paths ----

        /// <summary>The rest of <paramref name="path"/> after <paramref name="prefix"/>, or null.</summary>
        private static string After(string path, string prefix)
        {
            return Strings.StartsWith(path, prefix) ? path.Substring(prefix.Length) : null;
        }

        private static string Head(string rest)
        {
            int slash = rest.IndexOf('/');
            return slash < 0 ? rest : rest.Substring(0, slash);
        }

        private static string Tail(string rest)
        {
            int slash = rest.IndexOf('/');
            return slash < 0 ? null : rest.Substring(slash + 1);
        }
    }
}
