using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    // Sessions and who may act for whom.
    public sealed partial class AgentServer
    {
        private readonly NameMap _sessions = new NameMap();   // token

        /// <summary>Opens a session for a signed-in agent on a device; a session the agent already
        /// had on that device ends (one token per agent and device).</summary>
        public ErrorCode OpenSession(Agent agent, string device, ITokenSource tokens, out Session session)
        {
            session = null;
            if (!agent.SignedIn)
            {
                return ErrorCode.NotSignedIn;
            }

            if (device == null || device.Length == 0)
            {
                return ErrorCode.InvalidArgument;
            }

            for (int i = agent.Sessions.Count - 1; i >= 0; i--)
            {
                Session old = (Session)agent.Sessions[i];
                if (old.Device == device)
                {
                    Close(old);
                }
            }

            string token = tokens.NewToken();
            if (token == null || token.Length < 16 || _sessions.Contains(token))
            {
                throw new System.InvalidOperationException("The token source gave a short or repeated token.");
            }

            session = new Session(token, agent, device, _clock.NowMs);
            session.Open = true;
            _sessions.Set(token, session);
            agent.Sessions.Add(session);
            return ErrorCode.None;
        }

        /// <summary>The open session of a token, or null.</summary>
        public Session FindSession(string token)
        {
            return token == null ? null : (Session)_sessions.Get(token);
        }

        /// <summary>
        /// Whether the session may act for agent <paramref name="agentId"/>: its own agent, or a
        /// member of the team its supervisor watches; never across tenants.
        /// </summary>
        public ErrorCode Authorize(string token, string agentId, out Agent agent)
        {
            agent = null;
            Session session = FindSession(token);
            if (session == null)
            {
                return ErrorCode.Unauthorized;
            }

            Agent self = session.Agent;
            if (agentId == null || agentId == self.Id)
            {
                agent = self;
                return ErrorCode.None;
            }

            Agent other = FindAgent(self.Tenant, agentId);
            bool supervises = other != null && self.Role == AgentRole.Supervisor
                && other.TeamRef != null && other.TeamRef == FindTeam(self.Tenant, self.SupervisedTeam);
            if (!supervises)
            {
                return ErrorCode.Forbidden;
            }

            agent = other;
            return ErrorCode.None;
        }

        private void CloseSessions(Agent agent)
        {
            for (int i = agent.Sessions.Count - 1; i >= 0; i--)
            {
                Close((Session)agent.Sessions[i]);
            }
        }

        private void Close(Session session)
        {
            session.Open = false;
            _sessions.Remove(session.Token);
            session.Agent.Sessions.Remove(session);
        }
    }
}
