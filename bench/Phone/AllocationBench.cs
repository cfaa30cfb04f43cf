using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Server;
using AgentPhone.Server.Api;

namespace AgentPhone.Bench.Phone;

/// <summary>What one board's grid costs the phone core once warm: bytes allocated per menu key
/// and per stats refresh.</summary>
public sealed record AllocationRow(string Board, string Grid, long PerMenuKey, long PerRefreshSame, long PerRefreshChanging);

/// <summary>
/// What the phone core allocates per key press while scrolling a menu and per skill-stats
/// refresh, once warm, on the host (the nanoCLR runs the same code; its GC is what the aims
/// protect). Stats answers are recorded from the server and replayed, so the figure is the
/// phone's alone (the request, the read of the answer, the redraw): once with the same figures
/// every time, once with the oldest call a second older at each refresh.
/// </summary>
public static class AllocationBench
{
    private const string Base = "http://local";
    private const int Presses = 2000;
    private const int Refreshes = 200;

    public static IReadOnlyList<AllocationRow> Run()
    {
        var rows = new List<AllocationRow>();
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
        foreach (var (name, columns, rows_) in new[] { ("SSD1306 128x64 (6x8 font)", 21, 8), ("ST7735 160x128 (6x8 font)", 26, 16), ("ILI9342C 320x240 (6x10 font)", 53, 24) })
        {
            var grid = new CharGrid(columns, rows_);
            var phone = new InlinePhone(settings, http, clock, columns);
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
            rows.Add(new AllocationRow(name, columns + "x" + rows_, menu, same, changing));
            server.HangUp(first.Id);
            server.HangUp(second.Id);
            phone.Press(Key.Soft4);
            phone.Press(Key.D2);
            phone.Press(Key.D1);
        }

        return rows;
    }

    private static long PerPress(InlinePhone phone, CharGrid grid, Key key, int count)
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

    private static void Step(InlinePhone phone, CharGrid grid, Key key)
    {
        phone.Press(key);
        ScreenView.Draw(phone.Core.Screen, grid, phone.Core.LocalMs, phone.Core.Extension);
        grid.MarkClean();
    }
}
