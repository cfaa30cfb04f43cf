using System;
using System.Collections;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>
    /// <see cref="IHttp"/> on nanoFramework's HttpClient. The deadline is set on the client before
    /// each request (nanoFramework.System.Net.Http 1.5.207 allows that after a send). A client
    /// serves one request at a time, since its handler holds the request's settings, and the phone
    /// sends from two threads at once (the event long-poll and everything else), so idle clients
    /// wait in a pool: as many clients as requests ever in flight together, two on the phone.
    /// An https:// server is checked against the CA certificate given (TLS 1.2, the client's default).
    /// </summary>
    public sealed class NanoHttp : IHttp
    {
        private readonly ArrayList _idle = new ArrayList();
        private readonly X509Certificate _ca;

        /// <param name="caCertificatePem">The CA certificate (PEM) https:// servers are checked
        /// against, or null for plain http:// only.</param>
        public NanoHttp(string caCertificatePem)
        {
            _ca = caCertificatePem == null ? null : new X509Certificate(caCertificatePem);
        }

        public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
        {
            responseBody = null;
            HttpClient client = Take();
            try
            {
                client.Timeout = new TimeSpan(timeoutMs * TimeSpan.TicksPerMillisecond);
                using (HttpRequestMessage request = new HttpRequestMessage(MethodOf(method), url))
                {
                    if (authorization != null)
                    {
                        request.Headers.Add("Authorization", authorization);
                    }

                    if (body != null)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using (HttpResponseMessage response = client.Send(request, HttpCompletionOption.ResponseContentRead))
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
            finally
            {
                lock (_idle)
                {
                    _idle.Add(client);
                }
            }
        }

        private HttpClient Take()
        {
            lock (_idle)
            {
                int last = _idle.Count - 1;
                if (last >= 0)
                {
                    HttpClient client = (HttpClient)_idle[last];
                    _idle.RemoveAt(last);
                    return client;
                }
            }

            HttpClient created = new HttpClient();
            created.HttpsAuthentCert = _ca;
            return created;
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
