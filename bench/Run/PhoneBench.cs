using AgentPhone.Bench.Phone;

namespace AgentPhone.Bench.Run;

/// <summary>The phone's side: what the core allocates per key press and per stats refresh, and
/// what each board's panel receives per key press (bench/Phone's figures, as a report).</summary>
public static class PhoneBench
{
    public static Report Run()
    {
        var report = new Report("Phone", "Bytes allocated by the phone core once warm, per key press and per stats refresh, and the bytes each board's real panel driver sends per key press (window commands included) as a share of a full frame, with the host's layout + render time. The last column: Ready chosen and its answer held back, as on a slow network; each menu key meanwhile, from the key to its bytes on the panel's bus, sends nothing to the server and waits for nothing.");
        var allocations = AllocationBench.Run();
        report.Table(["board", "grid", "per menu key", "per stats refresh (same figures)", "(figures change)"],
            allocations.Select(r => new[] { r.Board, r.Grid, $"{r.PerMenuKey} B", $"{r.PerRefreshSame} B", $"{r.PerRefreshChanging} B" }));
        var panels = PanelBench.Run();
        report.Table(["board", "full frame", "menu DOWN", "typing a character", "state change", "layout + render (host)", "menu DOWN while a change is outstanding: key to bytes on the bus (host)"],
            panels.Select(r => new[] { r.Board, $"{r.FrameBytes:N0} B", Share(r.MenuDown, r.FrameBytes), Share(r.Typing, r.FrameBytes), Share(r.StateChange, r.FrameBytes), $"{r.RenderMicros:F0} µs",
                $"{r.HeldKeyMicros:F0} µs, {Share(r.HeldKeyBytes, r.FrameBytes)}" }));

        long worstKey = allocations.Max(r => r.PerMenuKey);
        long worstRefresh = allocations.Max(r => Math.Max(r.PerRefreshSame, r.PerRefreshChanging));
        double worstMenu = panels.Max(r => r.MenuDown / r.FrameBytes);
        report.Target("0 bytes allocated per menu key press once warm", worstKey == 0, $"{worstKey} B");
        report.Target("< 1 KB allocated per stats refresh", worstRefresh < 1024, $"{worstRefresh} B at most");
        report.Target("< 15% of a full frame sent per in-menu key press", worstMenu < 0.15, $"{worstMenu:P1} at most");
        return report;
    }

    private static string Share(double bytes, long frame) => $"{bytes:F0} B ({bytes / frame:P1})";
}
