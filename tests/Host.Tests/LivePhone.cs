using AgentPhone.Hardware;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Phone;

namespace AgentPhone.Host.Tests;

internal sealed class SystemClock : IClock, IWallClock
{
    public long NowMs => Environment.TickCount64;

    public long UnixMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

internal sealed class Ringer : IRinger
{
    public bool IsRinging { get; private set; }

    public void Ring(bool routed) => IsRinging = true;

    public void Stop() => IsRinging = false;
}

/// <summary>A phone as the device runs it, over real HTTP: keys, its request worker and its
/// event pump share one lock.</summary>
internal sealed class LivePhone : IDisposable
{
    private readonly object _lock = new();
    private readonly LoopbackHttp _http = new();
    private readonly EventPump _pump;
    private readonly RequestWorker _worker;
    private readonly CharGrid _grid = new(26, 10);
    public readonly Ringer Ringer = new();
    public readonly PhoneCore Core;

    /// <param name="servers">Its servers, primary first.</param>
    public LivePhone(string deviceName, string extension, params Uri[] servers)
    {
        var clock = new SystemClock();
        var settings = new PhoneSettings
        {
            DeviceName = deviceName,
            Extension = extension,
            Servers = servers.Select(s => s.ToString().TrimEnd('/')).ToArray(),
            EventWaitSeconds = 2,
            RequestTimeoutMs = 3000,
        };
        Core = new PhoneCore(settings, clock, clock, Ringer, _grid.Columns, _grid.Rows);
        _worker = new RequestWorker(Core, _lock, _http, clock);
        _pump = new EventPump(Core, _lock, _http, clock);
        lock (_lock)
        {
            Core.Start();
        }

        _worker.Start();
        _pump.Start();
    }

    /// <summary>Keys as a patient agent presses them: each after the answer to the one before.</summary>
    public void Keys(string names)
    {
        WaitForAnswers();
        foreach (string name in names.Split(' '))
        {
            lock (_lock)
            {
                Core.Press(KeyNames.Parse(name));
            }

            _worker.Wake();
            WaitForAnswers();
        }
    }

    private void WaitForAnswers()
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            lock (_lock)
            {
                if (!Core.Waiting)
                {
                    return;
                }
            }

            Thread.Sleep(10);
        }
    }

    public string Text()
    {
        lock (_lock)
        {
            Core.Tick();
            ScreenView.Draw(Core.Screen, _grid, Core.LocalMs, Core.Extension);
            var rows = new string[_grid.Rows];
            for (int r = 0; r < rows.Length; r++)
            {
                var row = new char[_grid.Columns];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = _grid[r, c];
                }

                rows[r] = new string(row).TrimEnd();
            }

            return string.Join("\n", rows);
        }
    }

    /// <summary>Waits (bounded) until the screen shows a text, as the agent would watch for it.</summary>
    public void WaitFor(string text, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!Text().Contains(text, StringComparison.Ordinal))
        {
            Assert.IsTrue(DateTime.UtcNow < until, $"the screen never showed \"{text}\":\n{Text()}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        _http.Close();   // a long-poll the server holds ends now
        _pump.Stop();
        _worker.Stop();
        _http.Dispose();
    }
}
