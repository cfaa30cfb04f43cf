namespace AgentPhone.Conformance;

/// <summary>
/// What the phone keeps alive on nanoCLR (bench/Device, one run per board and mode, each built
/// with its own Scenario.cs): free heap read by the runtime at start, with the device alive,
/// with it dropped, and with everything dropped.
/// </summary>
public sealed record DeviceMemory(string Board, bool WithDemo, bool CallerDataShown, int HeapBytes, long Start, long Alive, long Dropped, long Empty)
{
    public const string Project = "AgentPhone.Bench.Device";
    private const string ScenarioFile = "bench/Device/Scenario.cs";

    /// <summary>What the device keeps: what dropping it gives back.</summary>
    public long Kept => Dropped - Alive;

    /// <summary>Static tables its code filled: what never comes back.</summary>
    public long Statics => Start - Empty;

    /// <summary>The heap left free for the phone's work with it booted and ringing (a center
    /// standing for the remote server is not counted: what dropping it gives back is added).</summary>
    public long Free => Alive + (Empty - Dropped);

    /// <summary>The runtime's own share before the app ran: assembly tables, types, the first statics.</summary>
    public long Runtime => HeapBytes - Start;

    /// <summary>Runs the measurement for one board and mode on <paramref name="kit"/>'s runtime.</summary>
    public static DeviceMemory Measure(NanoKit kit, string board, bool withDemo, int heapBytes = DeviceTestRun.DeviceHeapBytes)
    {
        string scenario = $$"""
            namespace AgentPhone.Bench.Device
            {
                internal static class Scenario
                {
                    public const string Board = "{{board}}";
                    public const bool WithDemo = {{(withDemo ? "true" : "false")}};
                }
            }
            """;
        string folder = Directory.CreateTempSubdirectory("agentphone-memory-").FullName;
        try
        {
            DeviceBuild build = kit.BuildDevice(folder, new Dictionary<string, string> { [ScenarioFile] = scenario });
            DeviceTestRun run = DeviceTestRun.Run(kit.Runtime, kit.LoadOrder(build, build.Named(Project)), heapBytes, TimeSpan.FromMinutes(5));
            string? line = run.Output.Split('\n').FirstOrDefault(l => l.StartsWith("memory,", StringComparison.Ordinal));
            if (line == null)
            {
                throw new InvalidOperationException($"{board} ({(withDemo ? "with" : "without")} the demo center) did not run to its end in a {heapBytes / 1024} KB heap:\n{run.Tail()}");
            }

            string[] parts = line.Trim().Split(',');
            long Value(string name) => long.Parse(parts.Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..]);
            return new DeviceMemory(board, withDemo, parts[3] == "CallerData", heapBytes, Value("start"), Value("alive"), Value("dropped"), Value("empty"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
