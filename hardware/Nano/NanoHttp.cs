using System;
using System.Net.Http;
using System.Text;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>
    /// <see cref="IHttp"/> on nanoFramework's HttpClient. A client's timeout is fixed once it has
    /// sent, and the phone uses two deadlines (ordinary requests, the event long-poll), so there is
    /// one client per deadline; the long-poll's client is used by the event thread alone.
    /// </summary>
    public sealed class NanoHttp : IHttp
    {
        private const int MaxClients = 4;

        private readonly HttpClient[] _clients = new HttpClient[MaxClients];
        private readonly int[] _timeouts = new int[MaxClients];
        private readonly object[] _locks = new object[MaxClients];

        public int Send(string method, string url, string bearerToken, string body, int timeoutMs, out string responseBody)
        {
            responseBody = null;
            int slot = SlotFor(timeoutMs);
            lock (_locks[slot])
            {
                try
                {
                    using (HttpRequestMessage request = new HttpRequestMessage(MethodOf(method), url))
                    {
                        if (bearerToken != null)
                        {
                            request.Headers.Add("Authorization", "Bearer " + bearerToken);
                        }

                        if (body != null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        }

                        using (HttpResponseMessage response = _clients[slot].Send(request, HttpCompletionOption.ResponseContentRead))
                        {
                            responseBody = response.Content == null ? null : response.Content.ReadAsString();
                            return (int)response.StatusCode;
                        }
                    }
                }
                catch (Exception)
                {
                    // No answer in time, no route, connection refused: the phone treats all as "down".
                    return 0;
                }
            }
        }

        private int SlotFor(int timeoutMs)
        {
            lock (_clients)
            {
                for (int i = 0; i < MaxClients; i++)
                {
                    if (_clients[i] != null && _timeouts[i] == timeoutMs)
                    {
                        return i;
                    }

                    if (_clients[i] == null)
                    {
                        HttpClient client = new HttpClient();
                        client.Timeout = new TimeSpan(timeoutMs * TimeSpan.TicksPerMillisecond);
                        _clients[i] = client;
                        _timeouts[i] = timeoutMs;
                        _locks[i] = new object();
                        return i;
                    }
                }

                // More deadlines than slots: reuse the last client and its deadline.
                return MaxClients - 1;
            }
        }

        private static HttpMethod MethodOf(string method)
        {
            if (method == "POST") return HttpMethod.Post;
            if (method == "PUT") return HttpMethod.Put;
            if (method == "DELETE") return HttpMethod.Delete;
            return HttpMethod.Get;
        }
    }
}
