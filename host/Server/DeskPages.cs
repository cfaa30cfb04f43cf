namespace AgentPhone.ServerHost;

/// <summary>
/// The agent desk (<c>/desk/</c>) and the supervisor's team page (<c>/desk/team</c>): plain HTML,
/// CSS and JavaScript embedded in this assembly, served on the API's own origin so the pages call
/// <c>/api/v1</c> with the session's token and need nothing else. Served by the PC server and the
/// emulator's embedded server; not by the device.
/// </summary>
public static class DeskPages
{
    private static readonly (string Route, string File, string Type)[] Files =
    [
        ("/desk/", "index.html", "text/html; charset=utf-8"),   // also /desk: routing ignores the slash
        ("/desk/team", "team.html", "text/html; charset=utf-8"),
        ("/desk/desk.css", "desk.css", "text/css; charset=utf-8"),
        ("/desk/desk.js", "desk.js", "text/javascript; charset=utf-8"),
        ("/desk/agent.js", "agent.js", "text/javascript; charset=utf-8"),
        ("/desk/team.js", "team.js", "text/javascript; charset=utf-8"),
    ];

    /// <summary>The server's root: the way to the desk for someone who typed just the address
    /// (the emulator has its own page there).</summary>
    public static void MapRootToDesk(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => Results.Redirect("/desk/"));

    public static void MapDesk(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file, type) in Files)
        {
            byte[] content = Read(file);
            app.MapGet(route, (HttpContext http) =>
            {
                // Only this origin's scripts and styles, never inside another site's frame.
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
                return Results.Bytes(content, type);
            });
        }
    }

    private static byte[] Read(string file)
    {
        using Stream stream = typeof(DeskPages).Assembly.GetManifestResourceStream("desk/" + file)
            ?? throw new InvalidOperationException("The desk's " + file + " is not in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
