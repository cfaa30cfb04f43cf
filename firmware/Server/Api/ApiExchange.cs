using AgentPhone.Protocol;

namespace AgentPhone.Server.Api
{
    /// <summary>An HTTP request as the handler needs it; the listener adapters fill it in.</summary>
    public sealed class ApiRequest
    {
        public string Method;
        /// <summary>The path without the query, e.g. <c>/api/v1/agents/me</c>.</summary>
        public string Path;
        /// <summary>The query without '?', or null.</summary>
        public string Query;
        /// <summary>The Authorization header (<c>Bearer …</c>), or null.</summary>
        public string Authorization;
        /// <summary>The X-Api-Key header, or null.</summary>
        public string ApiKey;
        public string Body;
        /// <summary>Set by a listener that did not read the body because its declared length
        /// is over the limit; answered like a body over <see cref="ApiOptions.MaxBodyChars"/>.</summary>
        public bool BodyTooLarge;
        /// <summary>Whether an event long-poll that finds nothing may ask to wait (false on the
        /// second ask, after the wait).</summary>
        public bool MayWait;
        /// <summary>The client's address as the listener saw it, or null.</summary>
        public string ClientAddress;

        public ApiRequest()
        {
            MayWait = true;
        }

        /// <summary>Fills <see cref="Path"/> and <see cref="Query"/> from a raw URL.</summary>
        public void SetUrl(string rawUrl)
        {
            int q = rawUrl.IndexOf('?');
            Path = q < 0 ? rawUrl : rawUrl.Substring(0, q);
            Query = q < 0 ? null : rawUrl.Substring(q + 1);
        }

        /// <summary>The value of a query parameter (no decoding: our values are names and numbers), or null.</summary>
        public string QueryValue(string name)
        {
            if (Query == null)
            {
                return null;
            }

            int start = 0;
            while (start <= Query.Length)
            {
                int end = start;
                while (end < Query.Length && Query[end] != '&')
                {
                    end++;
                }

                int eq = start + name.Length;
                if (eq < end && Query[eq] == '=' && Query.Substring(start, name.Length) == name)
                {
                    return Query.Substring(eq + 1, end - eq - 1);
                }

                start = end + 1;
            }

            return null;
        }

        /// <summary>Whether this request can change state (and so is journaled by a persistent host).</summary>
        public bool Changes
        {
            get { return Method != Methods.Get && Method != Methods.Head; }
        }
    }

    /// <summary>What the handler answers: a status and a JSON body, or a request to wait for events.</summary>
    public sealed class ApiResponse
    {
        public int Status;
        public string Body;
        public ErrorCode Error;
        /// <summary>When above 0, the answer's Retry-After (seconds).</summary>
        public int RetryAfterSeconds;

        /// <summary>Set when an event long-poll found nothing new: wait until this stream's last
        /// sequence passes <see cref="WaitAfterSeq"/> or <see cref="WaitSeconds"/> elapse, then ask
        /// again with <see cref="ApiRequest.MayWait"/> false.</summary>
        public EventStream WaitStream;
        public long WaitAfterSeq;
        public int WaitSeconds;

        public bool Waiting
        {
            get { return WaitStream != null; }
        }

        public void Clear()
        {
            Status = 0;
            Body = null;
            Error = ErrorCode.None;
            RetryAfterSeconds = 0;
            WaitStream = null;
            WaitAfterSeq = 0;
            WaitSeconds = 0;
        }
    }
}
