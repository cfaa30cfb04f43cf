using AgentPhone.Hardware;
using AgentPhone.Hardware.Display;
using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Server;
using AgentPhone.Server.Api;

// What the phone core allocates per key press while scrolling a menu and per skill-stats
// refresh, once warm, on the host (the nanoCLR runs the same code; its GC is what the aims
// protect). Stats answers are recorded from the server and replayed, so the figure is the
// phone's alone (the request, the read of the answer, the redraw): once with the same figures
// every time, once with the oldest call a second older at each refresh.
const string Base = "http://local";
const int Presses = 2000;
const int Refreshes = 200;

var clock = new BenchClock();
var server = new AgentServer(clock, new PlainSecrets(), null);
var support = new Queue(null, "Support", Strategy.Linear);
server.AddQueue(support);
var agent = new Agent(null, "7001", "Ada Lovelace") { PasswordSecret = "1234", HomeExtension = "2101" };
server.AddAgent(agent);
server.AddToQueue(agent, support, 1);
for (int code = 1; code <= 20; code++)
{
    server.Reasons(null).Add(new ReasonCode(ReasonKind.NotReady, code, "Reason " + code, null));
}

var handler = new ApiHandler(server, new WireJson(), new BenchTokens(), new ApiOptions());
var http = new ReplayHttp(new LocalHttp(new ApiService(server, handler), Base));
var settings = new PhoneSettings { DeviceName = "SEP000000002101", Extension = "2101", Servers = [Base] };

Console.WriteLine("Phone core, bytes allocated once warm (host, Release build)");
Console.WriteLine($"{"",-28} {"",7} {"",13} {"per stats refresh",31}");
Console.WriteLine($"{"board",-28} {"grid",7} {"per menu key",13} {"same figures",15} {"figures change",15}");
foreach (var (name, columns, rows) in new[] { ("SSD1306 128x64 (6x8 font)", 21, 8), ("ST7735 160x128 (6x8 font)", 26, 16), ("ILI9342C 320x240 (6x10 font)", 53, 24) })
{
    var grid = new CharGrid(columns, rows);
    var phone = new PhoneCore(settings, http, clock, clock, new SilentRinger(), columns);
    phone.Start();
    foreach (Key k in new[] { Key.Soft1, Key.Soft3, Key.D7, Key.D0, Key.D0, Key.D1, Key.Down, Key.D1, Key.D2, Key.D3, Key.D4, Key.Down, Key.D2, Key.D1, Key.D0, Key.D1, Key.Soft1 })
    {
        phone.Press(k);
    }

    // Not Ready reasons: the 20-item menu the agent scrolls.
    phone.Press(Key.D1);
    phone.Press(Key.D1);
    if (phone.View != PhoneView.Reasons)
    {
        throw new InvalidOperationException("the bench expected the reason menu, found " + phone.View);
    }

    long menu = PerPress(phone, grid, Key.Down, Presses);

    // Not Ready with a reason; then two calls wait in Support, their wait growing with time.
    phone.Press(Key.Select);
    server.OfferToQueue(null, "Support", "2301", "2101", null, null, out Call first);
    server.OfferToQueue(null, "Support", "2302", "2101", null, null, out Call second);
    phone.Press(Key.Soft2);
    http.Record(() => phone.Press(Key.Soft1), 1, clock);
    long same = PerPress(phone, grid, Key.Soft1, Refreshes);
    http.Record(() => phone.Press(Key.Soft1), 60, clock);
    long changing = PerPress(phone, grid, Key.Soft1, Refreshes);
    Console.WriteLine($"{name,-28} {columns + "x" + rows,7} {menu,11} B {same,13} B {changing,13} B");
    server.HangUp(first.Id);
    server.HangUp(second.Id);
    phone.Press(Key.Soft4);
    phone.Press(Key.D2);
    phone.Press(Key.D1);
}

Console.WriteLine($"aims: 0 B per menu key press once warm; under 1 KB per stats refresh");
PanelBench.Run();

static long PerPress(PhoneCore phone, CharGrid grid, Key key, int count)
{
    for (int i = 0; i < 50; i++)
    {
        Step(phone, grid, key);
    }

    long before = GC.GetAllocatedBytesForCurrentThread();
    for (int i = 0; i < count; i++)
    {
        Step(phone, grid, key);
    }

    return (GC.GetAllocatedBytesForCurrentThread() - before) / count;
}

static void Step(PhoneCore phone, CharGrid grid, Key key)
{
    phone.Press(key);
    ScreenView.Draw(phone.Screen, grid, phone.LocalMs, phone.Extension);
    grid.MarkClean();
}

sealed class BenchClock : IClock, IWallClock
{
    public long NowMs { get; set; } = 1_000_000;

    public long UnixMs => 1_040_134_980_000;
}

sealed class BenchTokens : ITokenSource
{
    private int _next;

    public string NewToken() => "bench-token-" + (++_next).ToString("D20");
}

sealed class SilentRinger : IRinger
{
    public bool IsRinging => false;

    public void Ring(bool routed)
    {
    }

    public void Stop()
    {
    }
}

/// <summary>Passes requests to the server until answers are recorded; then replays them in turn
/// for the recorded URL, so the server's own work stays out of the phone's figure.</summary>
sealed class ReplayHttp(IHttp inner) : IHttp
{
    private readonly List<string> _answers = [];
    private string? _url;
    private int _next;

    /// <summary>Records <paramref name="count"/> answers to what <paramref name="request"/> asks,
    /// one second apart.</summary>
    public void Record(Action request, int count, BenchClock clock)
    {
        _url = null;
        var answers = new List<string>();
        for (int i = 0; i < count; i++)
        {
            _recording = answers;
            request();
            clock.NowMs += 1000;
        }

        _recording = null;
        _answers.Clear();
        _answers.AddRange(answers);
        _next = 0;
    }

    private List<string>? _recording;

    public int Send(string method, string url, string bearerToken, string body, int timeoutMs, out string responseBody)
    {
        if (_recording == null && url == _url)
        {
            responseBody = _answers[_next];
            _next = (_next + 1) % _answers.Count;
            return 200;
        }

        int status = inner.Send(method, url, bearerToken, body, timeoutMs, out responseBody);
        if (_recording != null)
        {
            _url = url;
            _recording.Add(responseBody);
        }

        return status;
    }
}
