using System.Security.Cryptography.X509Certificates;

namespace AgentPhone.ServerHost;

/// <summary>The web host the single server and a cluster node share: Kestrel on the command
/// line's address and port (HTTPS with a certificate), connections within the open-file limit,
/// every refusal as a JSON body.</summary>
public static class WebHosting
{
    public static WebApplicationBuilder CreateBuilder(HostArgs options, X509Certificate2? certificate, ConnectionLimits connections)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start that fails is said in one line, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // It logs nothing above Information, yet while enabled it opens an activity and a log scope
        // for every request: a tenth of the server's allocation under load.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // A stop answers the open long-polls at once (CenterHost.AnswerWaits); what else is in
        // flight gets this long before the process ends anyway.
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 1 << 20;
            k.Listen(options.BindAddress, options.Port, listen =>
            {
                // Outermost, so a connection refused costs no TLS handshake.
                connections.Apply(listen);
                if (certificate != null)
                {
                    listen.UseHttps(certificate);
                }

                listen.UseJsonRefusals();
            });
        });
        return builder;
    }

    /// <summary>Why a server that others can reach must not start with this configuration: the
    /// demo's published keys would let anyone on the network offer calls, administer the center
    /// or join a phone's session (null when it may start).</summary>
    public static string? PublishedKeysRefusal(HostArgs options, CenterConfig config)
    {
        List<string> published = config.PublishedKeys();
        if (System.Net.IPAddress.IsLoopback(options.BindAddress) || published.Count == 0)
        {
            return null;
        }

        return $"{string.Join(", ", published)} in {options.ConfigPath} {(published.Count == 1 ? "is" : "are")} the demo's published {(published.Count == 1 ? "key" : "keys")}, " +
            $"and --bind {options.Bind} opens the server to the network: replace {(published.Count == 1 ? "it" : "them")} (--new-secret prints a new secret and its hash), or keep to this machine with --bind 127.0.0.1.";
    }

    /// <summary>A warning when the HTTPS certificate is not valid today (clients will refuse it).</summary>
    public static string? CertificateWarning(X509Certificate2? certificate, DateTime now)
    {
        if (certificate == null)
        {
            return null;
        }

        if (now > certificate.NotAfter)
        {
            return $"Warning: the certificate {certificate.Subject} expired on {certificate.NotAfter.ToUniversalTime():u}; phones and browsers will refuse the server until it is renewed.";
        }

        return now < certificate.NotBefore
            ? $"Warning: the certificate {certificate.Subject} is not valid before {certificate.NotBefore.ToUniversalTime():u}; phones and browsers will refuse the server until then (is this machine's clock right?)."
            : null;
    }

    /// <summary>Where it listens, as the start line says it: on every interface (0.0.0.0) also the
    /// addresses phones on the network can use, since 0.0.0.0 is none they can reach.</summary>
    public static string Listening(IEnumerable<string> urls, HostArgs options)
    {
        string said = string.Join(", ", urls);
        if (!options.BindAddress.Equals(System.Net.IPAddress.Any) && !options.BindAddress.Equals(System.Net.IPAddress.IPv6Any))
        {
            return said;
        }

        // The port as bound (--port 0 takes any).
        var first = new Uri(urls.First().Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "[::1]"));
        string[] reachable = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))
            .Select(a => $"{first.Scheme}://{a}:{first.Port}")
            .ToArray();
        return reachable.Length == 0 ? $"{said} (every interface)" : $"{said} (every interface: {string.Join(", ", reachable)})";
    }

    public static string CannotListen(HostArgs options, IOException e) =>
        $"Cannot listen on {options.Bind}:{options.Port}: {e.Message} (another program has the port? try --port)";
}
