using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// The agent API over the server core: the one route table of every host (Kestrel on a PC,
    /// HttpListener on the device) and the agent's routes. Strings in, status and JSON out, no
    /// I/O; the host holds the server's lock around <see cref="Handle"/>. A refused request gets
    /// <c>{"error":{"code","message"}}</c> and changes nothing. Checks live in
    /// <see cref="ApiChecks"/>, the mapping to messages in <see cref="WireViews"/>, call control
    /// and the PBX routes in <see cref="CallRoutes"/>, figures and the team in <see cref="StatsRoutes"/>.
    /// </summary>
    public sealed class ApiHandler
    {
        /// <summary>Most events one long-poll answer carries; the client asks again for the rest.</summary>
        public const int MaxEventsPerAnswer = 64;

        private readonly AgentServer _server;
        private readonly ITokenSource _tokens;
        private readonly ApiOptions _options;
        private readonly ApiChecks _check;
        private readonly WireViews _views;
        private readonly CallRoutes _calls;
        private readonly StatsRoutes _stats;
        private readonly ServerEvent[] _events = new ServerEvent[MaxEventsPerAnswer];

        public ApiHandler(AgentServer server, IJsonCodec json, ITokenSource tokens, ApiOptions options)
        {
            _server = server;
            _tokens = tokens;
            _options = options == null ? new ApiOptions() : options;
            _check = new ApiChecks(server, json, _options);
            _views = new WireViews(server);
            _calls = new CallRoutes(server, _check, _views);
            _stats = new StatsRoutes(server, _check, _views);
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
                _check.Fail(response, ErrorCode.MalformedJson, e.Message);
            }
        }

        private void Route(ApiRequest q, ApiResponse r)
        {
            string path = q.Path == null ? string.Empty : q.Path;
            if (path == Routes.Health)
            {
                if (_check.Allow(q, r, Methods.Get)) Health(r);
                return;
            }

            if (q.BodyTooLarge || (q.Body != null && q.Body.Length > _options.MaxBodyChars))
            {
                _check.Fail(r, ErrorCode.BodyTooLarge, null);
                return;
            }

            string rest;
            if (path == Routes.SignIn) { if (_check.Allow(q, r, Methods.Post)) SignIn(q, r); }
            else if (path == Routes.SignOut) { if (_check.Allow(q, r, Methods.Post)) SignOut(q, r); }
            else if (path == Routes.Reasons) { if (_check.Allow(q, r, Methods.Get)) ReasonsOf(q, r); }
            else if (path == Routes.Stats) { if (_check.Allow(q, r, Methods.Get)) _stats.Mine(q, r); }
            else if (path == Routes.Team) { if (_check.Allow(q, r, Methods.Get)) _stats.Team(q, r); }
            else if (path == Routes.TeamEvents) { if (_check.Allow(q, r, Methods.Get)) TeamEvents(q, r); }
            else if (path == Routes.Calls) { if (_check.Allow(q, r, Methods.Post)) _calls.Offer(q, r); }
            else if (path == Routes.AdminReload && _options.Admin != null) { if (_check.Allow(q, r, Methods.Post)) Reload(q, r); }
            else if ((rest = After(path, Routes.Calls + "/")) != null)
            {
                if (Tail(rest) != Routes.HangUp || Head(rest).Length == 0) NotFound(r);
                else if (_check.Allow(q, r, Methods.Post)) _calls.HangUp(q, r, Head(rest));
            }
            else if ((rest = After(path, Routes.Agents)) != null)
            {
                AgentRoute(q, r, Head(rest), Tail(rest));
            }
            else if ((rest = After(path, Routes.Queues)) != null)
            {
                if (Tail(rest) != Routes.QueueStats || Head(rest).Length == 0) NotFound(r);
                else if (_check.Allow(q, r, Methods.Get)) _stats.Queue(q, r, Head(rest));
            }
            else if ((rest = After(path, Routes.Devices)) != null)
            {
                if (Head(rest).Length == 0) NotFound(r);
                else if (Tail(rest) == Routes.Session) { if (_check.Allow(q, r, Methods.Post) && _check.Fits(r, "device", Head(rest))) Join(q, r, Head(rest)); }
                else if (rest.IndexOf('/') >= 0) NotFound(r);
                else if (_check.Allow(q, r, Methods.Get) && _check.Fits(r, "device", rest)) Provision(q, r, rest);
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
            Agent agent;
            if (what == null)
            {
                if (_check.Allow(q, r, Methods.Get) && _check.Authorized(q, r, agentId, out agent)) _check.Ok(r, 200, _views.Status(agent));
            }
            else if (what == Routes.State)
            {
                if (_check.Allow(q, r, Methods.Put) && _check.Authorized(q, r, agentId, out agent)) ChangeState(q, r, agent);
            }
            else if (what == Routes.WrapUp)
            {
                if (_check.Allow(q, r, Methods.Put) && _check.Own(q, r, agentId, out agent)) WrapUpReason(q, r, agent);
            }
            else if (what == Routes.Events)
            {
                if (_check.Allow(q, r, Methods.Get) && _check.Authorized(q, r, agentId, out agent)) Events(q, r, agent.Events, agent);
            }
            else if (Head(what) == Routes.Call && Tail(what) != null)
            {
                if (_check.Allow(q, r, Methods.Post) && _check.Own(q, r, agentId, out agent)) _calls.Control(q, r, agent, Tail(what));
            }
            else
            {
                NotFound(r);
            }
        }

        private void Health(ApiResponse r)
        {
            HealthResponse health = new HealthResponse();
            health.Status = "ok";
            health.NowMs = _server.NowMs;
            _check.Ok(r, 200, health);
        }

        private void Reload(ApiRequest q, ApiResponse r)
        {
            if (!_check.Admin(q, r))
            {
                return;
            }

            string fault = _options.Admin.Reload();
            if (fault != null)
            {
                _check.Fail(r, ErrorCode.InvalidArgument, "The configuration was not applied: " + fault);
                return;
            }

            HealthResponse answer = new HealthResponse();
            answer.Status = "reloaded";
            answer.NowMs = _server.NowMs;
            _check.Ok(r, 200, answer);
        }

        private void Provision(ApiRequest q, ApiResponse r, string device)
        {
            DeviceProfile profile;
            if (_server.OpenDevice(device, ApiChecks.DeviceSecret(q), out profile) != ErrorCode.None)
            {
                _check.Fail(r, ErrorCode.BadCredentials, "This is not the secret of device " + device + ".");
                return;
            }

            _check.Ok(r, 200, WireViews.Provisioning(device, profile, _options));
        }

        /// <summary>POST /devices/{name}/session: the phone joins the agent signed in at its station
        /// from elsewhere, with a session of its own (<see cref="AgentServer.JoinAtStation"/>).
        /// With <c>?wait=N</c>, while nobody is signed in there the answer is held up to N
        /// seconds (at most the event wait) and comes as soon as an agent signs in.</summary>
        private void Join(ApiRequest q, ApiResponse r, string device)
        {
            // Asked before provisioning, a phone may not know this server's event wait: a longer
            // one is cut to it.
            long wait;
            if (!_check.Number(r, q.QueryValue("wait"), "wait", 0, 3600, 0, out wait))
            {
                return;
            }

            wait = wait > _options.EventWaitSeconds ? _options.EventWaitSeconds : wait;
            Agent agent;
            ErrorCode error = _server.JoinAtStation(device, ApiChecks.DeviceSecret(q), out agent);
            if (error == ErrorCode.BadCredentials)
            {
                _check.Fail(r, ErrorCode.BadCredentials, "This is not the secret of device " + device + ".");
                return;
            }

            if (error == ErrorCode.AlreadySignedIn)
            {
                _check.Fail(r, ErrorCode.AlreadySignedIn, "Device " + device + " signed in itself just now.");
                return;
            }

            if (error == ErrorCode.NotSignedIn && q.MayWait && wait > 0)
            {
                EventStream signIns = _server.FindDevice(device).Events;
                r.WaitStream = signIns;
                r.WaitAfterSeq = signIns.LastSeq;
                r.WaitSeconds = (int)wait;
                return;
            }

            Session session = null;
            if (error == ErrorCode.None)
            {
                error = _server.OpenSession(agent, device, _tokens, out session);
            }

            if (_check.Done(r, error))
            {
                SignInResponse answer = new SignInResponse();
                answer.Token = session.Token;
                answer.Agent = _views.Status(agent);
                _check.Ok(r, 200, answer);
            }
        }

        private void SignIn(ApiRequest q, ApiResponse r)
        {
            SignInRequest m = (SignInRequest)_check.Body(q, new SignInRequest(), true);
            if (!_check.Fits(r, "tenant", m.Tenant) || !_check.Fits(r, "agentId", m.AgentId) || !_check.Fits(r, "password", m.Password)
                || !_check.Fits(r, "pin", m.Pin) || !_check.Fits(r, "extension", m.Extension) || !_check.Required(r, "device", m.Device))
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
                if (!_check.Required(r, "agentId", m.AgentId))
                {
                    return;
                }

                error = _server.SignIn(m.Tenant, m.AgentId, m.Password, m.Extension, out agent);
            }
            else
            {
                error = _server.SignInFromDevice(m.Device, ApiChecks.DeviceSecret(q), m.Extension, out agent);
            }

            if (error == ErrorCode.UnknownAgent)
            {
                // The wire does not tell which agent IDs exist; the host still knows nothing changed.
                _check.Fail(r, ErrorCode.BadCredentials, null);
                r.Error = ErrorCode.UnknownAgent;
                return;
            }

            if (error == ErrorCode.InvalidArgument)
            {
                _check.Fail(r, error, "extension must be digits: the extension to sign in at (it may be left out when the configuration gives the agent one).");
                return;
            }

            Session session = null;
            if (error == ErrorCode.None)
            {
                error = _server.OpenSession(agent, m.Device, _tokens, out session);
            }

            if (_check.Done(r, error))
            {
                SignInResponse answer = new SignInResponse();
                answer.Token = session.Token;
                answer.Agent = _views.Status(agent);
                _check.Ok(r, 200, answer);
            }
        }

        private void SignOut(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            if (_check.Own(q, r, null, out agent))
            {
                ReasonRequest m = (ReasonRequest)_check.Body(q, new ReasonRequest(), false);
                if (_check.Done(r, _server.SignOut(agent, m.ReasonCode))) _check.Ok(r, 200, _views.Status(agent));
            }
        }

        private void ChangeState(ApiRequest q, ApiResponse r, Agent agent)
        {
            StateRequest m = (StateRequest)_check.Body(q, new StateRequest(), true);
            AgentState wanted;
            if (!AgentStates.TryParseWire(m.State, out wanted))
            {
                _check.Fail(r, ErrorCode.InvalidArgument, "state must be one of " + AgentStates.ToWire(AgentState.Logout) + ", " + AgentStates.ToWire(AgentState.NotReady)
                    + ", " + AgentStates.ToWire(AgentState.Ready) + ", " + AgentStates.ToWire(AgentState.Work) + ".");
                return;
            }

            Agent self = _check.Caller(q);
            ErrorCode error = self == agent
                ? _server.SetState(agent, wanted, m.ReasonCode)
                : _server.SetStateBySupervisor(self, agent.Id, wanted, m.ReasonCode);
            if (_check.Done(r, error)) _check.Ok(r, 200, _views.Status(agent));
        }

        private void WrapUpReason(ApiRequest q, ApiResponse r, Agent agent)
        {
            ReasonRequest m = (ReasonRequest)_check.Body(q, new ReasonRequest(), true);
            ErrorCode error = _server.SetWrapUpReason(agent, m.ReasonCode);
            if (error == ErrorCode.InvalidTransition)
            {
                // A reason, not a state: say what is over, not that a state cannot be chosen.
                _check.Fail(r, error, "No call to give a wrap-up reason for: the wrap-up has ended.");
            }
            else if (_check.Done(r, error))
            {
                _check.Ok(r, 200, _views.Status(agent));
            }
        }

        private void ReasonsOf(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            ReasonKind kind;
            if (!_check.Own(q, r, null, out agent))
            {
                return;
            }

            if (!ReasonKinds.TryParseWire(q.QueryValue("kind"), out kind))
            {
                _check.Fail(r, ErrorCode.InvalidArgument, "kind must be " + ReasonKinds.ToWire(ReasonKind.NotReady) + ", " + ReasonKinds.ToWire(ReasonKind.Logout)
                    + " or " + ReasonKinds.ToWire(ReasonKind.WrapUp) + ".");
                return;
            }

            ReasonCatalog catalog = _server.Reasons(agent.Tenant);
            _check.Ok(r, 200, WireViews.Reasons(kind, catalog.IsRequired(kind), catalog.Applicable(kind, agent.Team)));
        }

        /// <summary>GET /team/events: a supervisor's team stream, long-polled like an agent's.</summary>
        private void TeamEvents(ApiRequest q, ApiResponse r)
        {
            Agent self;
            EventStream stream;
            if (_check.Own(q, r, null, out self) && _check.Done(r, _server.TeamEvents(self, out stream)))
            {
                Events(q, r, stream, null);
            }
        }

        /// <param name="owner">The agent whose own stream it is (its events carry its allowed
        /// states), or null for a team's.</param>
        private void Events(ApiRequest q, ApiResponse r, EventStream stream, Agent owner)
        {
            long after;
            long wait;
            if (!_check.Number(r, q.QueryValue("after"), "after", 0, 999999999999999999L, 0, out after)
                || !_check.Number(r, q.QueryValue("wait"), "wait", 0, _options.EventWaitSeconds, _options.EventWaitSeconds, out wait))
            {
                return;
            }

            EventsResponse answer = new EventsResponse();
            answer.Server = _options.OwnServer;
            if (stream.Missed(after))
            {
                answer.Resync = true;
                answer.LastSeq = stream.LastSeq;
                answer.Events = new EventInfo[0];
                _check.Ok(r, 200, answer);
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
                answer.Events[i] = owner == null ? WireViews.Event(_events[i]) : WireViews.Event(_events[i], owner);
                _events[i] = null;
            }

            answer.LastSeq = n == 0 ? after : answer.Events[n - 1].Seq;
            _check.Ok(r, 200, answer);
        }

        private void NotFound(ApiResponse r)
        {
            _check.Fail(r, ErrorCode.NotFound, null);
        }

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
