using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>The routes that move calls: the PBX offering and hanging up, and an agent's call
    /// control (answer, release, hold, resume, consult, transfer, conference, dial).</summary>
    internal sealed class CallRoutes
    {
        private readonly AgentServer _server;
        private readonly ApiChecks _check;
        private readonly WireViews _views;

        public CallRoutes(AgentServer server, ApiChecks check, WireViews views)
        {
            _server = server;
            _check = check;
            _views = views;
        }

        /// <summary>POST /agents/{id}/call/{action}.</summary>
        public void Control(ApiRequest q, ApiResponse r, Agent agent, string action)
        {
            ErrorCode error;
            if (action == CallActions.Answer) error = _server.Answer(agent);
            else if (action == CallActions.Release) error = _server.Release(agent);
            else if (action == CallActions.Hold) error = _server.Hold(agent);
            else if (action == CallActions.Resume) error = _server.Resume(agent);
            else if (action == CallActions.Consult || action == CallActions.Transfer || action == CallActions.Conference)
            {
                // A transfer or conference that completes a consult names nobody new.
                bool completing = action != CallActions.Consult && agent.Leg != null && agent.Leg.OpenConsult != null;
                TargetRequest m = (TargetRequest)_check.Body(q, new TargetRequest(), !completing);
                if (completing ? !_check.Fits(r, "extension", m.Extension) : !_check.Required(r, "extension", m.Extension))
                {
                    return;
                }

                error = action == CallActions.Consult ? _server.Consult(agent, m.Extension)
                    : action == CallActions.Transfer ? _server.Transfer(agent, m.Extension) : _server.Conference(agent, m.Extension);
            }
            else if (action == CallActions.Dial)
            {
                TargetRequest m = (TargetRequest)_check.Body(q, new TargetRequest(), true);
                Call call;
                if (_check.Required(r, "number", m.Number) && _check.Done(r, _server.Dial(agent, m.Number, out call)))
                {
                    _check.Ok(r, 201, WireViews.Created(call.Id));
                }

                return;
            }
            else
            {
                _check.Fail(r, ErrorCode.NotFound, null);
                return;
            }

            if (_check.Done(r, error))
            {
                _check.Ok(r, 200, _views.Status(agent));
            }
        }

        /// <summary>POST /calls: the PBX offers a call to a queue or an extension.</summary>
        public void Offer(ApiRequest q, ApiResponse r)
        {
            OfferCallRequest m = (OfferCallRequest)_check.Body(q, new OfferCallRequest(), true);
            if (!_check.Pbx(q, r, m.Tenant) || !_check.Fits(r, "tenant", m.Tenant) || !_check.Required(r, "ani", m.Ani) || !_check.Fits(r, "dnis", m.Dnis)
                || !_check.Fits(r, "queue", m.Queue) || !_check.Fits(r, "extension", m.Extension))
            {
                return;
            }

            if ((m.Queue == null) == (m.Extension == null))
            {
                _check.Fail(r, ErrorCode.InvalidArgument, "Give either queue or extension.");
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
                    _check.Fail(r, ErrorCode.InvalidArgument, "variables holds a null.");
                    return;
                }

                if (!_check.Required(r, "variables.name", v.Name) || !_check.Fits(r, "variables.value", v.Value))
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
            if (_check.Done(r, error))
            {
                _check.Ok(r, 201, WireViews.Created(call.Id));
            }
        }

        /// <summary>POST /calls/{id}/hangup: the caller hangs up.</summary>
        public void HangUp(ApiRequest q, ApiResponse r, string id)
        {
            // An unknown call is checked against the default tenant's key, so no call's existence
            // is told to a client without a key.
            Call call = _server.FindCall(id);
            if (_check.Pbx(q, r, call == null ? null : call.Tenant) && _check.Done(r, _server.HangUp(id)))
            {
                _check.Ok(r, 200, WireViews.Created(id));
            }
        }
    }
}
