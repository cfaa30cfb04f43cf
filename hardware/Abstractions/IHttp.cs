namespace AgentPhone.Hardware
{
    /// <summary>
    /// One HTTP request at a time, synchronous, with a deadline: how the phone reaches its
    /// agent server. nanoFramework's HttpClient on the device, a loopback client or an
    /// in-process server on the host.
    /// </summary>
    public interface IHttp
    {
        /// <summary>Sends a request and waits at most <paramref name="timeoutMs"/> for the answer.</summary>
        /// <param name="url">Absolute URL, e.g. <c>http://10.0.0.5:8082/api/v1/agents/me</c>.</param>
        /// <param name="authorization">The Authorization header's value (<c>Bearer …</c>, <c>Device …</c>), or null.</param>
        /// <param name="body">JSON body, or null.</param>
        /// <param name="responseBody">The answer's body (JSON), or null when none came.</param>
        /// <returns>The HTTP status, or 0 when no answer came (unreachable, refused, timed out).</returns>
        int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody);
    }
}
