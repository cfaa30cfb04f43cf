using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

// The agent server: dotnet run --project host/Server -- --config host/agentserver.json
HostArgs options;
try
{
    options = HostArgs.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(HostArgs.Usage);
    return 2;
}

if (options.HashPassword != null)
{
    Console.WriteLine(Pbkdf2Secrets.Hash(options.HashPassword));
    return 0;
}

CenterHost center;
try
{
    center = new CenterHost(options.ConfigPath, options.DbPath);
}
catch (Exception e) when (e is ConfigException or IOException)
{
    Console.Error.WriteLine($"Cannot start: {e.Message}");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 << 20);
builder.WebHost.UseUrls($"http://{options.Bind}:{options.Port}");
var app = builder.Build();
var codec = new SystemTextJsonCodec();

app.MapPost("/api/v1/admin/reload", (HttpContext http) =>
{
    string? key = http.Request.Headers[Routes.ApiKeyHeader];
    if (center.ApiKey == null || key != center.ApiKey)
    {
        return Error(401, ErrorCode.Unauthorized, "This route needs the PBX API key (X-Api-Key).");
    }

    try
    {
        center.Reload();
        return Results.Text("{\"status\":\"reloaded\"}", "application/json", Encoding.UTF8, 200);
    }
    catch (ConfigException e)
    {
        return Error(400, ErrorCode.InvalidArgument, "The configuration was not applied: " + e.Message);
    }
});

app.Map("/{**path}", async (HttpContext http) =>
{
    var request = new ApiRequest
    {
        Method = http.Request.Method,
        Path = http.Request.Path.Value,
        Query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : null,
        Authorization = http.Request.Headers.Authorization.FirstOrDefault(),
        ApiKey = http.Request.Headers[Routes.ApiKeyHeader].FirstOrDefault(),
        Body = await ReadLimited(http.Request, 1 << 16),
    };
    ApiResponse response = await center.ServeAsync(request, http.RequestAborted);
    http.Response.StatusCode = response.Status;
    http.Response.ContentType = "application/json; charset=utf-8";
    await http.Response.WriteAsync(response.Body ?? string.Empty, http.RequestAborted);
});

app.Lifetime.ApplicationStopped.Register(center.Dispose);
await app.StartAsync();
Console.WriteLine($"AgentPhone server listening on {string.Join(", ", app.Urls)} (database {Path.GetFullPath(options.DbPath)}, {center.ReplayedEntries} journal entries replayed)");
await app.WaitForShutdownAsync();
return 0;

IResult Error(int status, ErrorCode code, string message) => Results.Text(
    codec.Write(new ErrorResponse { Error = new ErrorInfo { Code = ErrorCodes.ToWire(code), Message = message } }),
    "application/json", Encoding.UTF8, status);

// Reads at most `limit` characters and one more, so an oversized body is refused without holding it all.
static async Task<string?> ReadLimited(HttpRequest request, int limit)
{
    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    var buffer = new char[limit + 1];
    int read = 0, n;
    while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read))) > 0)
    {
        read += n;
    }

    return read == 0 ? null : new string(buffer, 0, read);
}
