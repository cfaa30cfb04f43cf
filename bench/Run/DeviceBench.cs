using AgentPhone.Bench.Phone;

namespace AgentPhone.Bench.Run;

/// <summary>The device's budget: the managed heap the app keeps once booted, per board, and what
/// its JSON codec costs per body it reads (bench/Phone's figures, as a report).</summary>
public static class DeviceBench
{
    private const long PhoneAim = 32 * 1024;
    private const long DemoAim = 64 * 1024;

    public static Report Run()
    {
        var report = new Report("Device", "An ESP32 without PSRAM leaves the managed heap roughly 80-110 KB (about 50 KB with Bluetooth in the firmware), and TLS needs native heap beside it. " +
            "What the app keeps alive once booted, signed in, Ready and ringing with Caller Data on screen: every object reachable from the device, at its size on the 64-bit host heap, " +
            "whose 8-byte references and UTF-16 strings (string literals included, which the nanoCLR leaves in flash) make it an upper bound of the ESP32's figure. Then the device codec's cost per body read (host, once warm).");
        var (rows, statics) = DeviceMemoryBench.Run();
        report.Table(["board", "phone (server elsewhere)", "phone + on-device demo center"],
            rows.Select(r => new[] { r.Board, Kb(r.Phone), Kb(r.PhoneAndDemo) }));
        report.Note($"Static tables (boards, font, key maps, wire names, error messages), loaded once and outside the figures above: {Kb(statics)}. " +
            "The largest single buffer is the text renderer's pixel run, one row of cells across the panel (6.4 KB on the M5Stack's 320-pixel ILI9342C), which lets a row go out in one bulk write.");
        var codec = CodecBench.Run();
        report.Table(["body", "characters", "allocated per read", "time per read (host)"],
            codec.Select(r => new[] { r.Body, r.Chars.ToString(), $"{r.BytesPerRead} B", $"{r.MicrosPerRead:F1} µs" }));

        long phone = rows.Max(r => r.Phone + statics);
        long demo = rows.Max(r => r.PhoneAndDemo + statics);
        report.Target("the phone keeps < 32 KB alive (statics included)", phone < PhoneAim, $"{Kb(phone)} at most");
        report.Target("phone + demo center keep < 64 KB alive (statics included)", demo < DemoAim, $"{Kb(demo)} at most");
        return report;
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";
}
