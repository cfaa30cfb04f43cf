using System.Diagnostics;

namespace AgentPhone.Bench.Run;

/// <summary>The baseline: Kestrel answering the state-change route with a fixed body and no
/// work at all, in a process of its own like the server (this program with --bare-kestrel).</summary>
public sealed class BareKestrel : IDisposable
{
    private readonly Process _process;

    private BareKestrel(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static BareKestrel Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(BareKestrel).Assembly.Location);
        start.ArgumentList.Add("--bare-kestrel");
        var process = Process.Start(start)!;
        string url = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the bare endpoint did not start");
        return new BareKestrel(process, url.Trim() + "/");
    }

    /// <summary>The baseline's own main: serve until killed, after printing the address.</summary>
    public static async Task Serve()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        const string Body = "{\"agentId\":\"x\",\"state\":\"READY\",\"lastSeq\":1}";
        app.MapPut("/api/v1/agents/me/state", () => Results.Text(Body, "application/json"));
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await app.WaitForShutdownAsync();
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
