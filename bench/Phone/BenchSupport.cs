using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Server;

namespace AgentPhone.Bench.Phone;

public sealed class BenchClock : IClock, IWallClock
{
    public long NowMs { get; set; } = 1_000_000;

    public long UnixMs => 1_040_134_980_000;
}

public sealed class BenchTokens : ITokenSource
{
    private int _next;

    public string NewToken() => "bench-token-" + (++_next).ToString("D20");
}

public sealed class SilentRinger : IRinger
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
public sealed class ReplayHttp(IHttp inner) : IHttp
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

    public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
    {
        if (_recording == null && url == _url)
        {
            responseBody = _answers[_next];
            _next = (_next + 1) % _answers.Count;
            return 200;
        }

        int status = inner.Send(method, url, authorization, body, timeoutMs, out responseBody);
        if (_recording != null)
        {
            _url = url;
            _recording.Add(responseBody);
        }

        return status;
    }
}

/// <summary>
/// The phone core with its request worker run in line: each key's request is sent and its answer
/// applied before <see cref="Press"/> returns, as on a device whose worker is quick, so a bench
/// measures what a key costs the phone, answer included.
/// </summary>
public sealed class InlinePhone
{
    private readonly RequestWorker _worker;

    public InlinePhone(PhoneSettings settings, IHttp http, BenchClock clock, int columns)
    {
        Core = new PhoneCore(settings, clock, clock, new SilentRinger(), columns);
        _worker = new RequestWorker(Core, Lock, http, clock);
    }

    /// <summary>The lock the worker takes; an event pump beside the phone takes it too.</summary>
    public object Lock { get; } = new();

    public PhoneCore Core { get; }

    public PhoneView View => Core.View;

    public void Start()
    {
        Core.Start();
        Answer();
    }

    /// <summary>A request is being held back (a slow network): keys go on, nothing is sent.</summary>
    public bool Holding { get; private set; }

    public void Press(Key key)
    {
        Core.Press(key);
        if (!Holding)
        {
            Answer();
        }
    }

    /// <summary>A key whose request stays outstanding, with the keys after it, until <see cref="Answer"/>.</summary>
    public void PressHeld(Key key)
    {
        Holding = true;
        Core.Press(key);
    }

    /// <summary>Every request waiting is sent and its answer applied.</summary>
    public void Answer()
    {
        Holding = false;
        _worker.RunWaiting(int.MaxValue);
    }
}
