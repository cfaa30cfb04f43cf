using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Virtual;

/// <summary>The phone's <see cref="IHttp"/> on the host: System.Net.Http, synchronous, each
/// request with its own deadline; no answer (refused, unreachable, timed out, a server whose
/// certificate does not check out) is status 0. As on the device, an https:// server is checked
/// against the one CA certificate the phone is given, not the machine's store.</summary>
public sealed class LoopbackHttp : IHttp, IDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _closing = new();

    /// <param name="caCertificatePem">The CA certificate (PEM) https:// servers are checked
    /// against, or null: then no https:// server is trusted.</param>
    public LoopbackHttp(string? caCertificatePem = null)
    {
        _client = new HttpClient(TrustingOnly(caCertificatePem)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A handler that trusts https:// servers only through <paramref name="caCertificatePem"/> (none without it).</summary>
    public static SocketsHttpHandler TrustingOnly(string? caCertificatePem)
    {
        var chain = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        if (caCertificatePem != null)
        {
            chain.CustomTrustStore.Add(X509Certificate2.CreateFromPem(caCertificatePem));
        }

        return new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = chain } };
    }

    public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
    {
        responseBody = null!;
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (authorization != null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body != null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        deadline.CancelAfter(timeoutMs);
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

    /// <summary>Ends the requests on their way (a long-poll held by the server) and any sent
    /// after: each answers 0 at once, so the phone's threads stop without waiting them out.</summary>
    public void Close() => _closing.Cancel();

    public void Dispose()
    {
        _closing.Cancel();
        _client.Dispose();
        _closing.Dispose();
    }
}
