using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    // Sign-in, agent states, pending states, wrap-up and the supervisor's actions.
    public sealed partial class AgentServer
    {
        public const int MinPinDigits = 4;

        /// <summary>Signs an agent in with ID and password at an extension; the agent starts Not Ready.
        /// Signing in again at the same extension is accepted and changes nothing.</summary>
        public ErrorCode SignIn(string tenant, string agentId, string password, string extension, out Agent agent)
        {
            agent = FindAgent(tenant, agentId);
            if (agent == null)
            {
                return Unknown(password);
            }

            return CompleteSignIn(agent, agent.PasswordSecret, password, extension, false);
        }

        /// <summary>Signs in with a PIN (the phone's feature codes). The agent is named by ID or by
        /// its own extension.</summary>
        public ErrorCode SignInWithPin(string tenant, string agentIdOrExtension, string pin, string extension, out Agent agent)
        {
            agent = FindByIdOrHome(tenant, agentIdOrExtension);
            if (agent == null)
            {
                return Unknown(pin);
            }

            // A PIN is at least MinPinDigits digits: anything else is a wrong PIN, whatever is
            // stored, with the same answer and cost.
            if (!IsPin(pin))
            {
                _secrets.Matches(agent.PinSecret, pin);
                return ErrorCode.BadCredentials;
            }

            return CompleteSignIn(agent, agent.PinSecret, pin, extension, false);
        }

        private static bool IsPin(string pin)
        {
            if (pin == null || pin.Length < MinPinDigits)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// What a sign-in's secret will be checked against (null for an unknown agent), so a host
        /// can run the costly check outside its lock and hand the outcome in; it reads nothing
        /// but the agent's stored secret.
        /// </summary>
        public string SecretToCheck(string tenant, string agentId, bool pin)
        {
            Agent agent = pin ? FindByIdOrHome(tenant, agentId) : FindAgent(tenant, agentId);
            return agent == null ? null : pin ? agent.PinSecret : agent.PasswordSecret;
        }

        /// <summary>Replaces an agent's stored password or PIN if it is still <paramref name="expected"/>
        /// (a host storing the same secret hashed at a higher cost); whether it did.</summary>
        public bool ReplaceSecret(string tenant, string agentId, bool pin, string expected, string replacement)
        {
            Agent agent = pin ? FindByIdOrHome(tenant, agentId) : FindAgent(tenant, agentId);
            if (agent == null || expected == null || replacement == null || (pin ? agent.PinSecret : agent.PasswordSecret) != expected)
            {
                return false;
            }

            if (pin)
            {
                agent.PinSecret = replacement;
            }
            else
            {
                agent.PasswordSecret = replacement;
            }

            return true;
        }

        // A PIN sign-in names the agent by ID or by its own extension.
        private Agent FindByIdOrHome(string tenant, string agentIdOrExtension)
        {
            Agent agent = FindAgent(tenant, agentIdOrExtension);
            return agent != null || agentIdOrExtension == null ? agent : (Agent)_homes.Get(Key(tenant, agentIdOrExtension));
        }

        /// <summary>An unknown agent costs what a wrong secret costs (a check against a stand-in),
        /// so the time of the answer does not tell which agent IDs exist.</summary>
        private ErrorCode Unknown(string given)
        {
            _secrets.Matches(null, given);
            return ErrorCode.UnknownAgent;
        }

        /// <summary>
        /// The phone at a station joins the agent signed in there from elsewhere (a desktop):
        /// Genesys's rule, signing in on the desktop with the phone's extension signs the phone
        /// in. Only a phone that proves its device secret joins, and only the agent at the
        /// extension of its profile; NotSignedIn while nobody is.
        /// </summary>
        public ErrorCode JoinAtStation(string deviceName, string deviceSecret, out Agent agent)
        {
            agent = null;
            DeviceProfile profile = FindDevice(deviceName);
            if (!ProvesDevice(profile, deviceSecret) || profile.Extension == null)
            {
                return ErrorCode.BadCredentials;
            }

            agent = SignedInAt(profile.Tenant, profile.Extension);
            if (agent == null)
            {
                return ErrorCode.NotSignedIn;
            }

            // The phone signed in itself just now (its join crossed its own sign-in): joining
            // would close that session. A session of the phone's from before (it restarted) is
            // replaced, as a sign-in replaces it.
            for (int i = 0; i < agent.Sessions.Count; i++)
            {
                Session own = (Session)agent.Sessions[i];
                if (own.Device == deviceName && _clock.NowMs - own.OpenedMs < FreshSessionMs)
                {
                    return ErrorCode.AlreadySignedIn;
                }
            }

            return ErrorCode.None;
        }

        /// <summary>How long a phone's own new session wins over its join.</summary>
        public const long FreshSessionMs = 5000;

        /// <summary>One Button Sign In from a phone whose profile stores the agent's password: the
        /// phone sends its device secret instead of a password. The extension defaults to the profile's.</summary>
        public ErrorCode SignInFromDevice(string deviceName, string deviceSecret, string extension, out Agent agent)
        {
            agent = null;
            DeviceProfile profile;
            if (deviceSecret == null || OpenDevice(deviceName, deviceSecret, out profile) != ErrorCode.None || profile == null || !profile.PasswordStored)
            {
                return ErrorCode.BadCredentials;
            }

            agent = FindAgent(profile.Tenant, profile.AgentId);
            if (agent == null)
            {
                return ErrorCode.UnknownAgent;
            }

            return CompleteSignIn(agent, null, null, extension == null ? profile.Extension : extension, true);
        }

        private ErrorCode CompleteSignIn(Agent agent, string stored, string given, string extension, bool trusted)
        {
            long now = _clock.NowMs;
            if (!trusted && now < agent.LockedUntilMs)
            {
                return ErrorCode.LockedOut;
            }

            if (!trusted && !_secrets.Matches(stored, given))
            {
                agent.FailedSignIns++;
                if (_options.MaxFailedSignIns > 0 && agent.FailedSignIns >= _options.MaxFailedSignIns)
                {
                    agent.FailedSignIns = 0;
                    agent.LockedUntilMs = now + _options.LockoutSeconds * 1000L;
                }

                return ErrorCode.BadCredentials;
            }

            if (extension == null || extension.Length == 0)
            {
                // Signing in at one's own desk: the extension the configuration gives the agent.
                extension = agent.HomeExtension;
            }

            if (!IsDigits(extension, 1))
            {
                return ErrorCode.InvalidArgument;
            }

            // Failures are cleared by a sign-in that succeeds: a refused one changes nothing (it
            // is not journaled, so a restart would not see the change).
            if (agent.SignedIn)
            {
                if (agent.Extension != extension)
                {
                    return ErrorCode.AlreadySignedIn;
                }

                agent.FailedSignIns = 0;
                return ErrorCode.None;
            }

            Station station = FindStation(agent.Tenant, extension);
            if (station == null)
            {
                station = new Station(agent.Tenant, extension, false);
                _stations.Set(Key(agent.Tenant, extension), station);
            }

            if (station.Agent != null)
            {
                return ErrorCode.ExtensionInUse;
            }

            agent.FailedSignIns = 0;
            station.Agent = agent;
            agent.Extension = extension;
            agent.LastCallEndedMs = now;
            ChangeState(agent, AgentState.NotReady, null);
            WakeDevicesAt(agent);
            return ErrorCode.None;
        }

        /// <summary>Signs out, with a Logout reason (0: none); pending while on a call.</summary>
        public ErrorCode SignOut(Agent agent, int reasonCode)
        {
            return SetState(agent, AgentState.Logout, reasonCode);
        }

        /// <summary>The states the agent may choose now: what the phone's state menu lists.</summary>
        public AgentState[] Choosable(Agent agent)
        {
            return StateRules.Choosable(agent.State, agent.WrapUpEndsMs != 0, agent.MayEndWrapUpEarly, Reasons(agent.Tenant).Any(ReasonKind.NotReady, agent.Team));
        }

        /// <summary>
        /// The agent chooses a state, with a reason code for Not Ready and Logout (0: none). On a
        /// call the choice is pending and applies when the call ends; in a timed wrap-up a Not
        /// Ready choice is pending until it expires.
        /// </summary>
        public ErrorCode SetState(Agent agent, AgentState wanted, int reasonCode)
        {
            if (!agent.SignedIn)
            {
                return ErrorCode.NotSignedIn;
            }

            bool timedWrapUp = agent.WrapUpEndsMs != 0;
            if (!StateRules.CanChoose(agent.State, wanted, timedWrapUp, agent.MayEndWrapUpEarly))
            {
                return ErrorCode.InvalidTransition;
            }

            ReasonCode reason;
            ErrorCode error = ResolveReason(agent, wanted, reasonCode, out reason);
            if (error != ErrorCode.None)
            {
                return error;
            }

            ReasonCatalog catalog = Reasons(agent.Tenant);
            bool leavingWork = agent.State == AgentState.Work && wanted != AgentState.Logout;
            if (leavingWork && agent.Leg == null && !(timedWrapUp && wanted == AgentState.NotReady)
                && catalog.IsRequired(ReasonKind.WrapUp) && agent.WrapUpReason == null)
            {
                return ErrorCode.ReasonRequired;
            }

            if (agent.Leg != null || (timedWrapUp && wanted == AgentState.NotReady))
            {
                agent.HasPending = true;
                agent.PendingState = wanted;
                agent.PendingReason = reason;
                EmitState(agent);
                return ErrorCode.None;
            }

            CancelWrapUp(agent);
            ClearPending(agent);
            if (wanted == AgentState.Logout)
            {
                SignOutNow(agent, reason);
            }
            else
            {
                ChangeState(agent, wanted, reason);
            }

            return ErrorCode.None;
        }

        /// <summary>Sets the wrap-up reason of the current or just-ended queue call.</summary>
        public ErrorCode SetWrapUpReason(Agent agent, int reasonCode)
        {
            if (!agent.SignedIn)
            {
                return ErrorCode.NotSignedIn;
            }

            bool onQueueCall = agent.Leg != null && agent.Leg.Routed;
            if (agent.State != AgentState.Work && !onQueueCall)
            {
                return ErrorCode.InvalidTransition;
            }

            ReasonCode reason = Reasons(agent.Tenant).Find(ReasonKind.WrapUp, agent.Team, reasonCode);
            if (reason == null)
            {
                return ErrorCode.UnknownReason;
            }

            agent.WrapUpReason = reason;
            if (agent.State == AgentState.Work)
            {
                agent.Reason = reason;
                EmitState(agent);
            }

            return ErrorCode.None;
        }

        /// <summary>Whether the reason list for choosing <paramref name="wanted"/> must be used.</summary>
        public bool ReasonRequired(Agent agent, AgentState wanted)
        {
            ReasonKind kind;
            return StateRules.TakesReason(wanted, out kind) && Reasons(agent.Tenant).IsRequired(kind);
        }

        /// <summary>Time the agent has spent in a state since the server started, the current stretch included.</summary>
        public long TimeInStateMs(Agent agent, AgentState state)
        {
            long total = agent.StateMs[(int)state];
            if (agent.State == state)
            {
                total += _clock.NowMs - agent.StateSinceMs;
            }

            return total;
        }

        // ---- supervisor ----

        /// <summary>The members of the team a supervisor watches.</summary>
        public ErrorCode TeamView(Agent supervisor, out Agent[] members)
        {
            members = null;
            Team team;
            ErrorCode error = SupervisedTeam(supervisor, out team);
            if (error != ErrorCode.None)
            {
                return error;
            }

            members = new Agent[team.Members.Count];
            team.Members.CopyTo(members, 0);
            return ErrorCode.None;
        }

        /// <summary>The event stream of a supervisor's team: every member's state changes.</summary>
        public ErrorCode TeamEvents(Agent supervisor, out EventStream stream)
        {
            stream = null;
            Team team;
            ErrorCode error = SupervisedTeam(supervisor, out team);
            if (error == ErrorCode.None)
            {
                stream = team.Events;
            }

            return error;
        }

        /// <summary>A supervisor changes a team member's state, by the rules the agent has.</summary>
        public ErrorCode SetStateBySupervisor(Agent supervisor, string agentId, AgentState wanted, int reasonCode)
        {
            Team team;
            ErrorCode error = SupervisedTeam(supervisor, out team);
            if (error != ErrorCode.None)
            {
                return error;
            }

            Agent agent = FindAgent(supervisor.Tenant, agentId);
            if (agent == null)
            {
                return ErrorCode.UnknownAgent;
            }

            if (agent.TeamRef != team)
            {
                return ErrorCode.NotInTeam;
            }

            return SetState(agent, wanted, reasonCode);
        }

        private ErrorCode SupervisedTeam(Agent supervisor, out Team team)
        {
            team = null;
            if (supervisor.Role != AgentRole.Supervisor)
            {
                return ErrorCode.NotSupervisor;
            }

            if (!supervisor.SignedIn)
            {
                return ErrorCode.NotSignedIn;
            }

            team = FindTeam(supervisor.Tenant, supervisor.SupervisedTeam);
            return team == null ? ErrorCode.NotSupervisor : ErrorCode.None;
        }

        // ---- transitions ----

        private ErrorCode ResolveReason(Agent agent, AgentState wanted, int reasonCode, out ReasonCode reason)
        {
            reason = null;
            ReasonKind kind;
            if (!StateRules.TakesReason(wanted, out kind))
            {
                return reasonCode == 0 ? ErrorCode.None : ErrorCode.UnknownReason;
            }

            ReasonCatalog catalog = Reasons(agent.Tenant);
            if (reasonCode == 0)
            {
                return catalog.IsRequired(kind) ? ErrorCode.ReasonRequired : ErrorCode.None;
            }

            reason = catalog.Find(kind, agent.Team, reasonCode);
            return reason == null ? ErrorCode.UnknownReason : ErrorCode.None;
        }

        /// <summary>The one place an agent's state changes: time accounting, queue counts,
        /// routing availability and the event.</summary>
        private void ChangeState(Agent agent, AgentState state, ReasonCode reason)
        {
            AgentState old = agent.State;
            if (old == state && agent.Reason == reason)
            {
                return;
            }

            long now = _clock.NowMs;
            agent.StateMs[(int)old] += now - agent.StateSinceMs;
            agent.State = state;
            agent.Reason = reason;
            agent.StateSinceMs = now;
            if (state == AgentState.Ready && old != AgentState.Ready)
            {
                agent.ReadySinceMs = now;
            }

            for (int i = 0; i < agent.Memberships.Count; i++)
            {
                Membership m = (Membership)agent.Memberships[i];
                if (old != state)
                {
                    m.Queue.AgentsByState[(int)old]--;
                    m.Queue.AgentsByState[(int)state]++;
                }

                if (state != AgentState.Ready)
                {
                    m.Queue.Ready.Clear(m.Position);
                }
            }

            EmitState(agent);
            if (old != state)
            {
                for (int i = 0; i < agent.Memberships.Count; i++)
                {
                    EmitQueue(((Membership)agent.Memberships[i]).Queue);
                }
            }

            if (state == AgentState.Ready && old != AgentState.Ready)
            {
                TakeNextCallOrWait(agent);
            }
        }

        private void SignOutNow(Agent agent, ReasonCode reason)
        {
            ClearPending(agent);
            CancelWrapUp(agent);
            agent.WrapUpReason = null;
            Station station = FindStation(agent.Tenant, agent.Extension);
            if (station != null && station.Agent == agent)
            {
                station.Agent = null;
            }

            agent.Extension = null;
            CloseSessions(agent);
            ChangeState(agent, AgentState.Logout, reason);
        }

        /// <summary>The agent's state once a call is over: the pending choice, or else
        /// <paramref name="state"/> with <paramref name="reason"/>.</summary>
        private void ApplyPendingOr(Agent agent, AgentState state, ReasonCode reason)
        {
            if (agent.HasPending)
            {
                state = agent.PendingState;
                reason = agent.PendingReason;
                ClearPending(agent);
            }

            agent.WrapUpReason = null;
            if (state == AgentState.Logout)
            {
                SignOutNow(agent, reason);
            }
            else
            {
                ChangeState(agent, state, reason);
            }
        }

        private void StartWrapUp(Agent agent, long durationMs)
        {
            agent.WrapUpEndsMs = _clock.NowMs + durationMs;
            agent.WrapUpDeadline = _deadlines.Schedule(agent.WrapUpEndsMs, DeadlineKind.WrapUpEnd, agent);
            ChangeState(agent, AgentState.Work, agent.WrapUpReason);
        }

        private void EndWrapUp(Agent agent)
        {
            agent.WrapUpDeadline = null;
            agent.WrapUpEndsMs = 0;
            ApplyPendingOr(agent, AgentState.Ready, null);
        }

        private void CancelWrapUp(Agent agent)
        {
            if (agent.WrapUpDeadline != null)
            {
                agent.WrapUpDeadline.Cancelled = true;
                agent.WrapUpDeadline = null;
            }

            agent.WrapUpEndsMs = 0;
        }

        private static void ClearPending(Agent agent)
        {
            agent.HasPending = false;
            agent.PendingState = AgentState.Logout;
            agent.PendingReason = null;
        }

        private static bool IsDigits(string text, int minLength)
        {
            if (text == null || text.Length < minLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
