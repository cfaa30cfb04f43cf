using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Phone;

namespace AgentPhone.Emulator;

/// <summary>
/// One emulated phone: the real phone device (core, drivers, renderer) on a board's virtual
/// ports, its loop on a thread of its own in real time, and the event long-poll. Keys come from
/// the control API; the picture is what the panel model decoded from the driver's bytes.
/// </summary>
public sealed class VirtualPhone : IDisposable
{
    private readonly PhoneDevice _device;
    private readonly VirtualBoardPorts _ports = new();
    private readonly LoopbackHttp _http;
    private readonly Thread _loop;
    private volatile bool _running = true;

    /// <param name="deviceSecret">The phone's device secret, or null (the demo center's phones have one).</param>
    public VirtualPhone(BoardProfile board, string extension, string[] servers, string? caCertificatePem = null, string? deviceSecret = null)
    {
        _http = new LoopbackHttp(caCertificatePem);
        Board = board;
        Extension = extension;
        Id = "SEP" + extension.PadLeft(12, '0');
        var clock = new SystemClock();
        var settings = new PhoneSettings { DeviceName = Id, Extension = extension, Servers = servers, DeviceSecret = deviceSecret };
        _device = new PhoneDevice(board, _ports, settings, _http, clock, clock, -1, null);
        _loop = new Thread(Loop) { IsBackground = true, Name = Id };
    }

    public string Id { get; }

    public string Extension { get; }

    public BoardProfile Board { get; }

    public IFramebuffer Panel => _ports.Panel!;

    public VirtualTone Tone => _ports.Tone;

    public void Start()
    {
        _device.Start(true);
        _loop.Start();
    }

    /// <summary>Presses keys by the control API's names, in order, as a patient agent would: each
    /// key once the answers to what came before have come (bounded by the request timeout per
    /// server); or, when <paramref name="wait"/> is false, as fast as fingers do, the phone
    /// answering when its server does (the page's clicks). PAUSE lets the multi-tap timeout pass.
    /// Every name is checked first: one unknown name and no key is pressed.</summary>
    public string? Keys(string text, out int pressed, bool wait = true)
    {
        pressed = 0;
        string[] names = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in names)
        {
            if (name != "PAUSE" && KeyNames.Parse(name) == Key.None)
            {
                return $"Unknown key '{name}'. Keys: 0-9 * # SOFT1-SOFT4 UP DOWN SELECT SERVICES ANSWER HANGUP PAUSE.";
            }
        }

        // The phone may still be waiting for its provisioning, or an answer to a key before.
        if (wait)
        {
            WaitForAnswers();
        }

        foreach (string name in names)
        {
            if (name == "PAUSE")
            {
                Thread.Sleep(_device.Core.Settings.MultiTapTimeoutMs + 100);
                _device.Step();
            }
            else
            {
                _device.Press(KeyNames.Parse(name));
                if (wait)
                {
                    WaitForAnswers();
                }
            }

            pressed++;
        }

        return null;
    }

    /// <summary>The screen as text: the rows, the four softkey labels in full, and whether it rings.</summary>
    public ScreenState Screen()
    {
        lock (_device.Lock)
        {
            _device.Redraw();
            var grid = _device.Grid;
            var rows = new string[grid.Rows];
            for (int r = 0; r < grid.Rows; r++)
            {
                var chars = new char[grid.Columns];
                for (int c = 0; c < chars.Length; c++)
                {
                    chars[c] = grid[r, c];
                }

                rows[r] = new string(chars).TrimEnd();
            }

            var softkeys = new string[Phone.Screen.SoftkeyCount];
            for (int i = 0; i < softkeys.Length; i++)
            {
                softkeys[i] = _device.Core.Screen.Softkey(i) ?? "";
            }

            return new ScreenState(rows, softkeys, _device.Ringer.IsRinging, Tone.FrequencyHz, Panel.Version);
        }
    }

    private void WaitForAnswers()
    {
        var settings = _device.Core.Settings;
        // A sign-in may take its longer deadline (the server checks secrets slowly by design).
        long deadline = Math.Max(settings.RequestTimeoutMs, settings.SignInTimeoutMs);
        long until = Environment.TickCount64 + deadline * Math.Max(1, settings.Servers?.Length ?? 1) + 1000;
        while (Environment.TickCount64 < until)
        {
            lock (_device.Lock)
            {
                if (!_device.Core.Waiting)
                {
                    return;
                }
            }

            Thread.Sleep(5);
        }
    }

    private void Loop()
    {
        while (_running)
        {
            _device.Step();
            Thread.Sleep(PhoneDevice.LoopMs);
        }
    }

    public void Dispose()
    {
        _running = false;
        if (!_loop.ThreadState.HasFlag(ThreadState.Unstarted))
        {
            _loop.Join();
        }

        // The event pump may be in a long-poll the server holds: cut it, then stop the threads.
        _http.Close();
        _device.Stop();
        _http.Dispose();
    }
}

/// <summary>The control API's screen: rows, softkeys, ringing (and the tone and picture version the page uses).</summary>
public sealed record ScreenState(string[] Rows, string[] Softkeys, bool Ringing, int ToneHz, long Picture);
