using AgentPhone.Bench.Phone;
using AgentPhone.Conformance;

namespace AgentPhone.Bench.Run;

/// <summary>The device's budget, measured on nanoFramework's runtime (nanoCLR built 32-bit, as an
/// ESP32 is): the managed heap the app keeps once booted, per board, the size of every assembly
/// it deploys, and what its JSON codec costs per body it reads (host).</summary>
public static class DeviceBench
{
    private const long PhoneAim = 32 * 1024;
    private const long DemoAim = 64 * 1024;
    private static readonly string[] Boards = ["devkitc-st7735", "m5stack-core", "esp32-ssd1306"];

    public static Report Run()
    {
        var report = new Report("Device", "An ESP32 without PSRAM leaves the managed heap roughly 80-110 KB (about 50 KB with Bluetooth in the firmware), and TLS needs native heap beside it. " +
            $"Measured on nanoCLR (nf-interpreter's POSIX target built 32-bit: 12-byte heap blocks and 4-byte references, as on the ESP32) with a {DeviceTestRun.DeviceHeapBytes / 1024} KB heap, by bench/Device: " +
            "the runtime's own count of free heap after a full collection, at start, with the phone booted, signed in, Ready and ringing with Caller Data on screen, with the phone dropped, and with everything dropped. " +
            "The phone keeps what dropping it gives back; the statics are what never comes back (the tables its code filled); a center standing in for the remote server is not counted.");
        NanoKit kit = NanoKit.Open(RepositoryRoot.Find());
        var rows = Boards.Select(b => (Phone: DeviceMemory.Measure(kit, b, withDemo: false), Demo: DeviceMemory.Measure(kit, b, withDemo: true))).ToList();
        report.Table(["board", "phone (server elsewhere)", "phone + on-device demo center", "statics", "heap free while ringing (phone / with demo)"],
            rows.Select(r => new[] { r.Phone.Board, Kb(r.Phone.Kept), Kb(r.Demo.Kept), Kb(r.Phone.Statics), $"{Kb(r.Phone.Free)} / {Kb(r.Demo.Free)}" }));
        report.Note($"Before bench/Device's Main runs, the runtime holds {Kb(rows[0].Phone.Runtime)} of the heap for its loaded assemblies' tables and types; " +
            "the app loads the network, Wi-Fi and pin libraries besides (the PE sizes below), whose tables this figure leaves out. " +
            "The largest single buffer is the text renderer's pixel run, one row of cells across the panel (6.4 KB on the M5Stack's 320-pixel ILI9342C), which lets a row go out in one bulk write.");

        string folder = Directory.CreateTempSubdirectory("agentphone-pe-sizes-").FullName;
        DeviceBuild build = kit.BuildDevice(folder);
        DeviceProject app = build.Named("AgentPhone.App");
        var deployed = kit.LoadOrder(build, app).Select(pe => new FileInfo(pe)).ToList();
        var own = build.Projects.Select(p => p.Assembly.Pe).ToHashSet();
        report.Table(["assembly the app deploys", "PE size"],
            deployed.Select(f => new[] { Path.GetFileNameWithoutExtension(f.Name) + (own.Contains(f.FullName) ? "" : " (nanoFramework)"), $"{f.Length:N0} B" })
                .Append(["all of the app's own", $"{deployed.Where(f => own.Contains(f.FullName)).Sum(f => f.Length):N0} B"])
                .Append(["all of nanoFramework's", $"{deployed.Where(f => !own.Contains(f.FullName)).Sum(f => f.Length):N0} B"]));
        Directory.Delete(folder, recursive: true);

        var codec = CodecBench.Run();
        report.Table(["body", "characters", "allocated per read", "time per read (host)"],
            codec.Select(r => new[] { r.Body, r.Chars.ToString(), $"{r.BytesPerRead} B", $"{r.MicrosPerRead:F1} µs" }));

        long phone = rows.Max(r => r.Phone.Kept + r.Phone.Statics);
        long demo = rows.Max(r => r.Demo.Kept + r.Demo.Statics);
        report.Target("the phone keeps < 32 KB alive on nanoCLR (statics included)", phone < PhoneAim, $"{Kb(phone)} at most");
        report.Target("phone + demo center keep < 64 KB alive on nanoCLR (statics included)", demo < DemoAim, $"{Kb(demo)} at most");
        report.Target("every board rings with Caller Data on screen in the measurement", rows.All(r => r.Phone.CallerDataShown && r.Demo.CallerDataShown), "as the device tests drive it");
        return report;
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";
}
