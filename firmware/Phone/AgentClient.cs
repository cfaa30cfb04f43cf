using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>How a request to the agent server ended, as the phone tells the agent.</summary>
    public enum Reply
    {
        Ok = 0,
        /// <summary>The server answered with a refusal (<see cref="AgentClient.RefusalCode"/>).</summary>
        Refused,
        /// <summary>No server answered: every one was unreachable or timed out.</summary>
        Down,
        /// <summary>A server answered, but not with what the API promises (5xx, unreadable body).</summary>
        ServiceError
    }

    /// <summary>
    /// The phone's side of the agent API: one request at a time over <see cref="IHttp"/>, JSON by
    /// the wire codec, the session token, and failover. A request that gets no answer from the
    /// server in use is tried on the next one of the list, and so on once round; the first that
    /// answers becomes the server in use. While on another, the preferred server (the primary, or
    /// the cluster node that runs the agent's center) is tried first again once
    /// <see cref="FailbackMs"/> has passed. The servers and the token live in a
    /// <see cref="ServerLink"/>, which the event long-poll's own client shares.
    /// </summary>
    public sealed class AgentClient
    {
        public const int FailbackMs = 60000;

        private readonly IHttp _http;
        private readonly IJsonCodec _json = new WireJson();
        private readonly ServerLink _link;
        private readonly IClock _clock;
        private readonly ErrorResponse _error = new ErrorResponse();

        public AgentClient(IHttp http, ServerLink link, IClock clock)
        {
            _http = http;
            _link = link;
            _clock = clock;
        }

        public ServerLink Link
        {
            get { return _link; }
        }

        /// <summary>The refusal's wire code (e.g. <c>BAD_CREDENTIALS</c>) after <see cref="Reply.Refused"/>.</summary>
        public ErrorCode RefusalCode { get; private set; }

        /// <summary>The refusal's message after <see cref="Reply.Refused"/>.</summary>
        public string RefusalMessage { get; private set; }

        /// <summary>Sends a request to <paramref name="path"/> (from <see cref="Routes"/>), reads the
        /// answer into <paramref name="into"/> (may be null).</summary>
        public Reply Call(string method, string path, IMessage body, IMessage into, int timeoutMs)
        {
            return Call(method, path, _link.Authorization, body, into, timeoutMs);
        }

        /// <summary>The same with an Authorization of the caller's choosing (the phone's device secret).</summary>
        public Reply Call(string method, string path, string authorization, IMessage body, IMessage into, int timeoutMs)
        {
            string json = body == null ? null : _json.Write(body);
            int count = _link.Count;
            if (count == 0)
            {
                return Reply.Down;
            }

            int first = _link.Active;
            if (first != _link.Preferred && _clock.NowMs - _link.ActiveSinceMs >= FailbackMs)
            {
                first = _link.Preferred;
            }

            for (int i = 0; i < count; i++)
            {
                int server = (first + i) % count;
                string answer;
                int status = _http.Send(method, Url(server, path), authorization, json, timeoutMs, out answer);
                if (status == 0)
                {
                    continue;
                }

                if (server != _link.Active)
                {
                    _link.Use(server, _clock.NowMs);
                }

                return Read(status, answer, into);
            }

            return Reply.Down;
        }

        private int _urlServer = -1;
        private string _urlBase;
        private string _urlPath;
        private string _url;

        /// <summary>The request's URL; the same server and path as last time (a poll, a refresh)
        /// reuse the string built then.</summary>
        private string Url(int server, string path)
        {
            string serverBase = _link.Server(server);
            if (server != _urlServer || (object)serverBase != (object)_urlBase || path != _urlPath)
            {
                _urlServer = server;
                _urlBase = serverBase;
                _urlPath = path;
                _url = serverBase + path;
            }

            return _url;
        }

        private Reply Read(int status, string answer, IMessage into)
        {
            RefusalCode = ErrorCode.None;
            RefusalMessage = null;
            try
            {
                if (status >= 200 && status < 300)
                {
                    if (into != null && answer != null && answer.Length > 0)
                    {
                        _json.Read(answer, into);
                    }

                    return Reply.Ok;
                }

                if (status >= 400 && status < 500 && answer != null)
                {
                    _error.Error = null;
                    _json.Read(answer, _error);
                    if (_error.Error != null)
                    {
                        ErrorCode code;
                        ErrorCodes.TryParseWire(_error.Error.Code, out code);
                        RefusalCode = code;
                        RefusalMessage = _error.Error.Message;
                        return Reply.Refused;
                    }
                }
            }
            catch (JsonFormatException)
            {
                // Falls through: an answer the phone cannot read is a service error.
            }

            return Reply.ServiceError;
        }
    }

    /// <summary>The servers a phone may use (primary first), which one answers now, and the
    /// session token; shared by the phone's clients.</summary>
    public sealed class ServerLink
    {
        private string[] _servers = new string[0];

        /// <summary>Base URLs without a trailing slash, e.g. <c>http://10.0.0.5:8082</c>.</summary>
        public void SetServers(string[] servers)
        {
            string[] copy = new string[servers == null ? 0 : servers.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = Trim(servers[i]);
            }

            _servers = copy;
            Active = 0;
            Preferred = 0;
        }

        public int Count
        {
            get { return _servers.Length; }
        }

        /// <summary>Whether two base URLs name the same server (a trailing slash aside).</summary>
        public static bool SameServer(string a, string b)
        {
            return Trim(a) == Trim(b);
        }

        /// <summary>Where <paramref name="servers"/> names <paramref name="server"/> (-1: nowhere).</summary>
        public static int IndexOf(string[] servers, string server)
        {
            for (int i = 0; i < servers.Length; i++)
            {
                if (SameServer(servers[i], server))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Trim(string url)
        {
            return url.Length > 0 && url[url.Length - 1] == '/' ? url.Substring(0, url.Length - 1) : url;
        }

        public string Server(int index)
        {
            return _servers[index];
        }

        /// <summary>Index of the server that answered last.</summary>
        public int Active { get; private set; }

        /// <summary>Index of the server to use when it answers: the primary, until the server
        /// names the node that runs the agent's center (<see cref="Prefer"/>).</summary>
        public int Preferred { get; private set; }

        /// <summary>The server named the node that runs the agent's center: when the list has it,
        /// it becomes the preferred server and the one in use. A name the list lacks changes nothing.</summary>
        public void Prefer(string server, long nowMs)
        {
            int i = IndexOf(_servers, server);
            if (i < 0)
            {
                return;
            }

            Preferred = i;
            if (Active != i)
            {
                Use(i, nowMs);
            }
        }

        public long ActiveSinceMs { get; private set; }

        /// <summary>The session token; setting it sets <see cref="Authorization"/>.</summary>
        public string Token
        {
            get { return _token; }
            set
            {
                _token = value;
                Authorization = value == null ? null : Routes.BearerPrefix + value;
            }
        }

        private string _token;

        /// <summary>The Authorization header of the session's requests, or null.</summary>
        public string Authorization { get; private set; }

        internal void Use(int server, long nowMs)
        {
            Active = server;
            ActiveSinceMs = nowMs;
        }
    }
}
