using AgentPhone.Hardware;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// A phone's <see cref="IHttp"/> straight into a server on the same machine: requests to
    /// <see cref="BaseUrl"/> go through the route table and the wire codec as over the network,
    /// without sockets. The single-agent demo's phone reaches the device's own server this way;
    /// tests and benchmarks use it for a whole center. Other URLs get no answer (status 0).
    /// </summary>
    public sealed class LocalHttp : IHttp
    {
        private readonly ApiService _service;

        public LocalHttp(ApiService service, string baseUrl)
        {
            _service = service;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; private set; }

        public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
        {
            responseBody = null;
            if (!Protocol.Strings.StartsWith(url, BaseUrl))
            {
                return 0;
            }

            ApiRequest request = new ApiRequest();
            request.Method = method;
            request.SetUrl(url.Substring(BaseUrl.Length));
            request.Authorization = authorization;
            request.Body = body;
            ApiResponse response = new ApiResponse();
            _service.Serve(request, response);
            responseBody = response.Body;
            return response.Status;
        }
    }
}
