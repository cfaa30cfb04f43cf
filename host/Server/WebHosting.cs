using System.Security.Cryptography.X509Certificates;

namespace AgentPhone.ServerHost;

/// <summary>The web host the single server and a cluster node share: Kestrel on the command
/// line's address and port (HTTPS with a certificate), every refusal as a JSON body.</summary>
public static class WebHosting
{
    public static WebApplicationBuilder CreateBuilder(HostArgs options, X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start that fails is said in one line, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // It logs nothing above Information, yet while enabled it opens an activity and a log scope
        // for every request: a tenth of the server's allocation under load.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 1 << 20;
            k.Listen(options.BindAddress, options.Port, listen =>
            {
                if (certificate != null)
                {
                    listen.UseHttps(certificate);
                }

                listen.UseJsonRefusals();
            });
        });
        return builder;
    }

    public static string CannotListen(HostArgs options, IOException e) =>
        $"Cannot listen on {options.Bind}:{options.Port}: {e.Message} (another program has the port? try --port)";
}
