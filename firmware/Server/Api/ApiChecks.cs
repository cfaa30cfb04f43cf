using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// What every route checks before it acts (method, session, key, body, fields, numbers) and
    /// how it answers. A check that fails has already written the refusal; the route just stops.
    /// </summary>
    internal sealed class ApiChecks
    {
        private readonly AgentServer _server;
        private readonly IJsonCodec _json;
        private readonly ApiOptions _options;
        private readonly PlainSecrets _compare = new PlainSecrets();

        public ApiChecks(AgentServer server, IJsonCodec json, ApiOptions options)
        {
            _server = server;
            _json = json;
            _options = options;
        }

        public bool Allow(ApiRequest q, ApiResponse r, string method)
        {
            if (q.Method == method)
            {
                return true;
            }

            Fail(r, ErrorCode.MethodNotAllowed, q.Method + " is not allowed here; use " + method + ".");
            return false;
        }

        /// <summary>The bearer token of the request, or null.</summary>
        public static string Token(ApiRequest q)
        {
            return Credential(q, Routes.BearerPrefix);
        }

        /// <summary>The device secret the request presents, or null.</summary>
        public static string DeviceSecret(ApiRequest q)
        {
            return Credential(q, Routes.DevicePrefix);
        }

        private static string Credential(ApiRequest q, string scheme)
        {
            string h = q.Authorization;
            return h != null && h.Length > scheme.Length && Strings.StartsWith(h, scheme) ? h.Substring(scheme.Length) : null;
        }

        /// <summary>The agent whose session made the request.</summary>
        public Agent Caller(ApiRequest q)
        {
            return _server.FindSession(Token(q)).Agent;
        }

        /// <summary>The session may act for the agent (itself, or a supervised team member).</summary>
        public bool Authorized(ApiRequest q, ApiResponse r, string agentId, out Agent agent)
        {
            return Done(r, _server.Authorize(Token(q), agentId, out agent));
        }

        /// <summary>The session's own agent only (call control, wrap-up, reasons, stats).</summary>
        public bool Own(ApiRequest q, ApiResponse r, string agentId, out Agent agent)
        {
            if (!Authorized(q, r, agentId, out agent))
            {
                return false;
            }

            if (agent != Caller(q))
            {
                agent = null;
                return Done(r, ErrorCode.Forbidden);
            }

            return true;
        }

        /// <summary>A PBX route needs the key of the tenant it acts in.</summary>
        public bool Pbx(ApiRequest q, ApiResponse r, string tenant)
        {
            return Keyed(q, r, _options.PbxKey(tenant), "This route needs the tenant's PBX API key (X-Api-Key).");
        }

        /// <summary>An administration route needs the administration key.</summary>
        public bool Admin(ApiRequest q, ApiResponse r)
        {
            return Keyed(q, r, _options.AdminKey, "This route needs the administration key (X-Api-Key).");
        }

        private bool Keyed(ApiRequest q, ApiResponse r, string key, string message)
        {
            if (key != null && _compare.Matches(key, q.ApiKey))
            {
                return true;
            }

            Fail(r, ErrorCode.Unauthorized, message);
            return false;
        }

        /// <summary>The body read into <paramref name="blank"/>; a missing body is a blank message
        /// unless <paramref name="required"/>. Throws <see cref="JsonFormatException"/> otherwise.</summary>
        public IMessage Body(ApiRequest q, IMessage blank, bool required)
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

        public bool Required(ApiResponse r, string field, string value)
        {
            if (value == null || value.Length == 0)
            {
                Fail(r, ErrorCode.InvalidArgument, field + " is required.");
                return false;
            }

            return Fits(r, field, value);
        }

        /// <summary>Not too long, and text only: a character a screen would not show as itself
        /// (<see cref="Strings.HiddenAt"/>: controls, bidirectional overrides, zero-width marks,
        /// line separators, the replacement character of broken UTF-8) is refused.</summary>
        public bool Fits(ApiResponse r, string field, string value)
        {
            if (value == null)
            {
                return true;
            }

            if (value.Length > _options.MaxFieldChars)
            {
                Fail(r, ErrorCode.InvalidArgument, field + " is longer than " + _options.MaxFieldChars.ToString() + " characters.");
                return false;
            }

            int at = Strings.HiddenAt(value);
            if (at >= 0)
            {
                Fail(r, ErrorCode.InvalidArgument, field + " holds a character a screen would not show as itself (a control, format or line-separator character) or a byte that is not UTF-8 (at " + (at + 1).ToString() + ").");
                return false;
            }

            return true;
        }

        /// <summary>A whole number from the query, <paramref name="absent"/> when not given.</summary>
        public bool Number(ApiResponse r, string text, string name, long min, long max, long absent, out long value)
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

        /// <summary>True when the core did it; else the refusal is written.</summary>
        public bool Done(ApiResponse r, ErrorCode error)
        {
            if (error == ErrorCode.None)
            {
                return true;
            }

            Fail(r, error, null);
            return false;
        }

        public void Fail(ApiResponse r, ErrorCode error, string message)
        {
            r.Error = error;
            r.Status = ErrorCodes.HttpStatus(error);
            r.Body = _json.Write(ErrorResponse.For(error, message));
        }

        public void Ok(ApiResponse r, int status, IMessage body)
        {
            r.Status = status;
            r.Body = _json.Write(body);
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
    }
}
