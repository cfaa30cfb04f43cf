using System.Net;
using System.Text;
using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Virtual;

/// <summary>The phone's <see cref="IHttp"/> on the host: System.Net.Http, synchronous, each
/// request with its own deadline; no answer (refused, unreachable, timed out) is status 0.</summary>
public sealed class LoopbackHttp : IHttp, IDisposable
{
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };

    public int Send(string method, string url, string bearerToken, string body, int timeoutMs, out string responseBody)
    {
        responseBody = null!;
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (bearerToken != null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (body != null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var deadline = new CancellationTokenSource(timeoutMs);
        try
        {
            using HttpResponseMessage response = _client.Send(request, deadline.Token);
            using var reader = new StreamReader(response.Content.ReadAsStream(deadline.Token), Encoding.UTF8);
            responseBody = reader.ReadToEnd();
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public void Dispose() => _client.Dispose();
}
