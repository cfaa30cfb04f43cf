using System.Diagnostics;
using AgentPhone.Device;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Bench.Phone;

/// <summary>One body the device parses: its size, and what the device's codec allocates and
/// takes (host time) to read it into its message, once warm.</summary>
public sealed record CodecRow(string Body, int Chars, long BytesPerRead, double MicrosPerRead);

/// <summary>
/// The cost of the device's own JSON codec (firmware/Protocol/Json) on the bodies the phone and
/// the device read: an agent's status during a call, an event batch, skill statistics, the
/// provisioning answer and the device's configuration file. The figures back the decision in
/// docs/device.md.
/// </summary>
public static class CodecBench
{
    private const int Reads = 20_000;

    public static IReadOnlyList<CodecRow> Run()
    {
        string fixtures = Path.Combine(RepositoryRoot.Find(), "tests", "Fixtures", "api");
        string config = """{"board":"devkitc-st7735","wifiSsid":"office","wifiPassword":"secret","servers":["http://10.0.0.5:8082","http://10.0.0.6:8082"],"extension":"2101","utcOffsetMinutes":60,"ringVolume":5,"demo":false}""";
        var wire = new WireJson();
        return
        [
            Measure("agent status (talking, 2 call variables)", File.ReadAllText(Path.Combine(fixtures, "AgentStatus.talking.json")), body => wire.Read(body, new AgentStatus())),
            Measure("event batch", File.ReadAllText(Path.Combine(fixtures, "EventsResponse.json")), body => wire.Read(body, new EventsResponse())),
            Measure("skill statistics", File.ReadAllText(Path.Combine(fixtures, "StatsResponse.json")), body => wire.Read(body, new StatsResponse())),
            Measure("provisioning", File.ReadAllText(Path.Combine(fixtures, "Provisioning.json")), body => wire.Read(body, new Provisioning())),
            Measure("device configuration file", config, body => DeviceConfig.Parse(body, out _) ?? throw new InvalidOperationException("config")),
        ];
    }

    private static CodecRow Measure(string name, string body, Func<string, object> read)
    {
        for (int i = 0; i < 1000; i++)
        {
            read(body);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Reads; i++)
        {
            read(body);
        }

        watch.Stop();
        return new CodecRow(name, body.Length, (GC.GetAllocatedBytesForCurrentThread() - before) / Reads, watch.Elapsed.TotalMicroseconds / Reads);
    }
}
