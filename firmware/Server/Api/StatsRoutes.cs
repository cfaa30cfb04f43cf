using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>The routes that show figures: an agent's skill statistics, one queue's, and a
    /// supervisor's team.</summary>
    internal sealed class StatsRoutes
    {
        private readonly AgentServer _server;
        private readonly ApiChecks _check;
        private readonly WireViews _views;

        public StatsRoutes(AgentServer server, ApiChecks check, WireViews views)
        {
            _server = server;
            _check = check;
            _views = views;
        }

        /// <summary>GET /stats: the figures of the agent's queues.</summary>
        public void Mine(ApiRequest q, ApiResponse r)
        {
            Agent agent;
            if (!_check.Own(q, r, null, out agent))
            {
                return;
            }

            StatsResponse answer = new StatsResponse();
            answer.Queues = new QueueFigures[agent.Memberships.Count];
            for (int i = 0; i < answer.Queues.Length; i++)
            {
                answer.Queues[i] = _views.Figures(((Membership)agent.Memberships[i]).Queue);
            }

            answer.CallsHandled = agent.CallsHandled;
            _check.Ok(r, 200, answer);
        }

        /// <summary>GET /queues/{name}/stats.</summary>
        public void Queue(ApiRequest q, ApiResponse r, string name)
        {
            Agent agent;
            if (!_check.Own(q, r, null, out agent))
            {
                return;
            }

            Server.Queue queue = _server.FindQueue(agent.Tenant, name);
            if (queue == null)
            {
                _check.Fail(r, ErrorCode.UnknownQueue, null);
                return;
            }

            StatsResponse answer = new StatsResponse();
            answer.Queues = new QueueFigures[] { _views.Figures(queue) };
            _check.Ok(r, 200, answer);
        }

        /// <summary>GET /team: a supervisor's agents.</summary>
        public void Team(ApiRequest q, ApiResponse r)
        {
            Agent self;
            Agent[] members;
            if (_check.Own(q, r, null, out self) && _check.Done(r, _server.TeamView(self, out members)))
            {
                _check.Ok(r, 200, _views.Team(self, members));
            }
        }
    }
}
