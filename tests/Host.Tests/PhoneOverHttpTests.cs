using AgentPhone.Hardware;
using AgentPhone.Hardware.Virtual;
using AgentPhone.Phone;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The phone core against the agent server process over real HTTP on 127.0.0.1, with its event
/// long-poll on its own thread as on the device: the typical call with a pending reason, a
/// desktop's change reaching the phone, and a server killed and restarted under the phone.
/// </summary>
[TestClass]
public sealed class PhoneOverHttpTests
{
    private sealed class SystemClock : IClock, IWallClock
    {
        public long NowMs => Environment.TickCount64;

        public long UnixMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    private sealed class Ringer : IRinger
    {
        public bool IsRinging { get; private set; }

        public void Ring(bool routed) => IsRinging = true;

        public void Stop() => IsRinging = false;
    }

    /// <summary>A phone as the device runs it: keys and the pump share one lock.</summary>
    private sealed class LivePhone : IDisposable
    {
        private readonly object _lock = new();
        private readonly LoopbackHttp _http = new();
        private readonly EventPump _pump;
        private readonly RequestWorker _worker;
        private readonly CharGrid _grid = new(26, 10);
        public readonly Ringer Ringer = new();
        public readonly PhoneCore Core;

        public LivePhone(Uri server)
        {
            var clock = new SystemClock();
            var settings = new PhoneSettings
            {
                DeviceName = "SEP000000002101",
                Extension = "2101",
                Servers = [server.ToString()],
                EventWaitSeconds = 2,
                RequestTimeoutMs = 3000,
            };
            Core = new PhoneCore(settings, clock, clock, Ringer, _grid.Columns);
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
            _pump.Stop();
            _worker.Stop();
            _http.Dispose();
        }
    }

    [TestMethod]
    public void TheTypicalCallWithAPendingReasonOverHttp()
    {
        using var server = TestCenter.Start();
        using var phone = new LivePhone(server.BaseAddress);
        using Client pbx = server.NewClient();
        // The sample center provisions this phone's extension: the form asks ID and password only.
        phone.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        phone.WaitFor("Agent State: Not Ready");
        phone.Keys("1");
        phone.WaitFor("Agent State: Ready");

        pbx.Offer("Support");
        phone.WaitFor("Caller Data");
        Assert.IsTrue(phone.Ringer.IsRinging);
        StringAssert.Contains(phone.Text(), "Layout: Customer\nANI: 2301\nDNIS: 2101\nFirst name: Ada", "the layout labels the caller data");

        phone.Keys("ANSWER SERVICES 2");
        phone.WaitFor("Not Ready Reason");
        phone.Keys("1");
        phone.WaitFor("Next: Not Ready (Break)");
        StringAssert.Contains(phone.Text(), "Agent State: Talking");

        phone.Keys("HANGUP");
        phone.WaitFor("Agent State: Work");
        StringAssert.Contains(phone.Text(), "Wrap-up:");
    }

    [TestMethod]
    public void ADesktopChangeAndAServerRestartReachThePhoneWithoutANewSignIn()
    {
        using var server = TestCenter.Start();
        using var phone = new LivePhone(server.BaseAddress);
        // The sample center provisions this phone's extension: the form asks ID and password only.
        phone.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        phone.WaitFor("Agent State: Not Ready");

        using Client desktop = server.NewClient();
        desktop.SignIn("7001", "2101", "DESKTOP-7001");
        desktop.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        phone.WaitFor("Agent State: Ready", 2);

        server.Kill();
        server.Start();
        desktop.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":2}");
        phone.WaitFor("Agent State: Not Ready", 15);
        Assert.IsTrue(phone.Core.SignedIn, "the phone kept its session across the restart");
        phone.Keys("1");
        phone.WaitFor("Agent State: Ready");
    }
}
