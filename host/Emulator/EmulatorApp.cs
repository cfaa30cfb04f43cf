using System.Text;
using System.Text.Json;
using AgentPhone.Boards;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;
using AgentPhone.ServerHost;

namespace AgentPhone.Emulator;

/// <summary>
/// The emulator on one port of 127.0.0.1: the embedded agent server's /api/v1 (unless phones
/// use an external server), the virtual phones, their control API (/emulator/…, fixed by the
/// design: tests and scripts depend on it) and the page.
/// </summary>
public sealed class EmulatorApp : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WebApplication _app;
    private readonly CenterHost? _center;
    private readonly List<VirtualPhone> _phones = new();
    private readonly HttpClient _pbx = new();
    private readonly CenterView? _view;
    private readonly TrafficGenerator? _traffic;

    public EmulatorApp(EmulatorOptions options, BoardProfile board, string repoRoot)
    {
        Options = options;
        BaseUrl = $"http://127.0.0.1:{options.Port}";
        Servers = options.Servers.Length > 0 ? options.Servers : [BaseUrl];
        if (options.Servers.Length == 0)
        {
            _center = OpenCenter(options.Data, repoRoot, out bool created);
            CreatedData = created;
            _view = new CenterView(_center, Path.Combine(options.Data, "agentserver.json"));
            _traffic = new TrafficGenerator(_center, OfferAsync, id => PostPbx($"{Routes.Calls}/{Uri.EscapeDataString(id)}/{Routes.HangUp}", "", null));
        }

        Connections = ConnectionLimits.ForThisProcess(ConnectionLimits.Margin);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start that fails is said in one line by the program, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port, listen => Connections.Apply(listen).UseJsonRefusals()));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        if (_center != null)
        {
            builder.Services.AddAgentApi(_center.Options);
        }

        _app = builder.Build();
        if (_center != null)
        {
            _app.Lifetime.ApplicationStopping.Register(_center.AnswerWaits);
            _app.MapAgentApi(_center.ServeAsync, "/api/v1/{**path}");
            _app.MapDesk();
        }

        MapControlApi();
        MapPage();
        // Anything else: a JSON 404 that names what was asked for and where things are.
        _app.MapFallback("{**path}", (HttpContext http) =>
        {
            _app.Logger.LogWarning("Not found: {Method} {Path}", http.Request.Method, http.Request.Path.Value);
            return Error(ErrorCode.NotFound, $"Nothing at {http.Request.Path.Value}: the phones' page is at /, the control API under /emulator/, the agent API under /api/v1/{(_center != null ? ", the desk at /desk/" : "")}.");
        });
        for (int i = 0; i < options.Phones; i++)
        {
            string extension = (2101 + i).ToString();
            _phones.Add(new VirtualPhone(board, extension, Servers, options.CaCertificate, _center != null ? DemoDeviceSecret + extension : null));
        }
    }

    /// <summary>The embedded demo center's phones carry this and their extension as their device
    /// secret (host/agentserver.json keeps the hashes): the desk's sign-in at their extension signs them in.</summary>
    public const string DemoDeviceSecret = "demo-device-";

    public EmulatorOptions Options { get; }

    public string BaseUrl { get; }

    /// <summary>How many connections it serves at once (its open-file limit).</summary>
    public ConnectionLimits Connections { get; }

    /// <summary>The agent server's URLs the phones use, primary first (the emulator's own for the embedded server).</summary>
    public string[] Servers { get; }

    /// <summary>Whether this start created the data folder (demo data loaded for the first time).</summary>
    public bool CreatedData { get; }

    public IReadOnlyList<VirtualPhone> Phones => _phones;

    /// <summary>The embedded agent server, or null when the phones use an external one.</summary>
    public CenterHost? Center => _center;

    public async Task StartAsync()
    {
        await _app.StartAsync();
        foreach (VirtualPhone phone in _phones)
        {
            phone.Start();
        }

        Connections.Started();
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        _traffic?.Dispose();
        foreach (VirtualPhone phone in _phones)
        {
            phone.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _center?.Dispose();
        _pbx.Dispose();
    }

    /// <summary>The embedded server's folder: on first start the demo center's configuration is
    /// copied in; the SQLite journal beside it keeps everything across restarts.</summary>
    private static CenterHost OpenCenter(string data, string repoRoot, out bool created)
    {
        Directory.CreateDirectory(data);
        string config = Path.Combine(data, "agentserver.json");
        created = !File.Exists(config);
        if (created)
        {
            File.Copy(Path.Combine(repoRoot, "host", "agentserver.json"), config);
        }

        return new CenterHost(config, Path.Combine(data, "agentserver.db"));
    }

    private VirtualPhone? Find(string id) => _phones.FirstOrDefault(p => p.Id == id);

    private static IResult Error(ErrorCode code, string message) =>
        Results.Text(new SystemTextJsonCodec().Write(ErrorResponse.For(code, message)), "application/json", Encoding.UTF8, ErrorCodes.HttpStatus(code));

    private void MapControlApi()
    {
        _app.MapGet("/emulator/phones", () =>
            Results.Json(_phones.Select(p => new { id = p.Id, extension = p.Extension, board = p.Board.Name }), Json));

        _app.MapPost("/emulator/phones/{id}/keys", async (string id, HttpRequest request, string? wait) =>
        {
            if (wait is not (null or "true" or "false"))
            {
                return Error(ErrorCode.InvalidArgument, "wait is true (the default: each key once the phone has its answers) or false (at once).");
            }

            VirtualPhone? phone = Find(id);
            if (phone is null)
            {
                return Error(ErrorCode.NotFound, $"No phone '{id}'.");
            }

            string text = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            string? error = await Task.Run(() => phone.Keys(text, out _, wait != "false"));
            return error is null ? Results.Json(phone.Screen(), Json) : Error(ErrorCode.InvalidArgument, error);
        });

        _app.MapGet("/emulator/phones/{id}/screen", (string id) =>
            Find(id) is { } phone ? Results.Json(phone.Screen(), Json) : Error(ErrorCode.NotFound, $"No phone '{id}'."));

        _app.MapGet("/emulator/phones/{id}/screen.png", (string id, int? scale) =>
            Find(id) is { } phone
                ? Results.File(Png.Encode(phone.Panel, Math.Clamp(scale ?? 1, 1, 4)), "image/png")
                : Error(ErrorCode.NotFound, $"No phone '{id}'."));

        // The side panel: queues and agents live, and the traffic generator (embedded server only).
        _app.MapGet("/emulator/center", () => _view is null
            ? Error(ErrorCode.ExternalServer, "The phones use an external server; its figures are on its own dashboards.")
            : Results.Json(new { center = _view.Snapshot(), traffic = _traffic!.Status }, Json));

        _app.MapPost("/emulator/traffic", async (HttpRequest request) =>
        {
            if (_traffic is null)
            {
                return Error(ErrorCode.ExternalServer, "The traffic generator drives the embedded server only.");
            }

            TrafficRequest? t;
            try
            {
                t = await JsonSerializer.DeserializeAsync<TrafficRequest>(request.Body, Json);
            }
            catch (JsonException)
            {
                return Error(ErrorCode.MalformedJson, "The body is not JSON: {\"callsPerMinute\":6,\"handleSeconds\":30,\"queue\":\"Support\"}.");
            }

            if (t is null || t.CallsPerMinute <= 0 || t.CallsPerMinute > 600 || t.HandleSeconds < 1 || t.HandleSeconds > 3600)
            {
                return Error(ErrorCode.InvalidArgument, "callsPerMinute is 0.1-600 and handleSeconds 1-3600.");
            }

            _traffic.Start(t.CallsPerMinute, t.HandleSeconds, string.IsNullOrWhiteSpace(t.Queue) ? "Support" : t.Queue);
            return Results.Json(_traffic.Status, Json);
        });

        _app.MapDelete("/emulator/traffic", () =>
        {
            _traffic?.Stop();
            return _traffic is null ? Error(ErrorCode.ExternalServer, "No traffic generator with an external server.") : Results.Json(_traffic.Status, Json);
        });

        // The PBX-side routes, proxied with the embedded center's PBX key.
        _app.MapPost("/emulator/calls", (HttpRequest request) => Proxy(request, Routes.Calls));
        _app.MapPost("/emulator/calls/{id}/" + Routes.HangUp, (string id, HttpRequest request) => Proxy(request, $"{Routes.Calls}/{Uri.EscapeDataString(id)}/{Routes.HangUp}"));
    }

    private async Task<IResult> Proxy(HttpRequest request, string path)
    {
        string body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        try
        {
            var (status, answer) = await PostPbx(path, body, request.Headers["X-Api-Key"].FirstOrDefault());
            return Results.Text(answer, "application/json", Encoding.UTF8, status);
        }
        catch (HttpRequestException e)
        {
            return Error(ErrorCode.ServerDown, $"The agent server at {string.Join(", ", Servers)} did not answer: {e.Message}");
        }
    }

    /// <summary>A PBX route of the agent server (the first of its URLs that answers), with the
    /// key the request gives, else --pbx-key, else the embedded center's.</summary>
    private async Task<(int Status, string Body)> PostPbx(string path, string body, string? key)
    {
        key ??= Options.PbxKey ?? _center?.ApiKey;
        for (int i = 0; ; i++)
        {
            using var forward = new HttpRequestMessage(HttpMethod.Post, Servers[i] + path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (key != null)
            {
                forward.Headers.Add("X-Api-Key", key);
            }

            try
            {
                using HttpResponseMessage response = await _pbx.SendAsync(forward);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (i + 1 < Servers.Length)
            {
                // That node is down: the next one.
            }
        }
    }

    private async Task<string?> OfferAsync(string body)
    {
        var (status, answer) = await PostPbx(Routes.Calls, body, null);
        return status == 201 ? (string?)System.Text.Json.Nodes.JsonNode.Parse(answer)?["id"] : null;
    }

    private void MapPage()
    {
        string page = ReadResource("index.html");
        _app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(EmulatorApp).Assembly;
        string resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}

/// <summary>The traffic generator's settings from the side panel.</summary>
public sealed record TrafficRequest(double CallsPerMinute, int HandleSeconds, string? Queue);
