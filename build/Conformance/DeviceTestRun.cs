namespace AgentPhone.Conformance;

/// <summary>
/// A device test assembly run on nanoCLR, as the virtual device runs it: the runtime loads
/// mscorlib, nanoFramework's test launcher and framework, the assembly's dependencies and the
/// tests (named NFUnitTest, as the launcher expects), and the launcher prints a line per test.
/// The runtime exits 0 whatever happened, so the lines are the result: a test with no line did
/// not run (the runtime crashed, hung or ran out of memory before it).
/// </summary>
public sealed class DeviceTestRun
{
    /// <summary>The heap the device tests get: an ESP32 without PSRAM gives the managed heap about
    /// 80-110 KB; the suites pass from 96 KB up, and 128 KB keeps a margin. A test that needs
    /// more is a defect of the test or of the code (docs/device.md).</summary>
    public const int DeviceHeapBytes = 128 * 1024;

    private DeviceTestRun(string output, IReadOnlyDictionary<string, DeviceTestResult> results)
    {
        Output = output;
        Results = results;
    }

    /// <summary>Everything the runtime printed.</summary>
    public string Output { get; }

    /// <summary>Each reported test (launcher name <c>Namespace.Class.Method.index</c>) and its outcome.</summary>
    public IReadOnlyDictionary<string, DeviceTestResult> Results { get; }

    /// <summary>Whether the launcher got to its end (it prints nothing after the last test, so the
    /// runtime's own closing line tells).</summary>
    public bool Finished => Output.Contains("\nDone.", StringComparison.Ordinal);

    public static DeviceTestRun Run(NanoRuntime runtime, IEnumerable<string> pes, int heapBytes = DeviceHeapBytes, TimeSpan? timeout = null)
    {
        var (program, arguments) = runtime.Command(string.Join(' ', pes.Select(p => $"\"{p}\"")));
        var (_, output) = NanoSources.Run(program, arguments, Path.GetTempPath(), timeout ?? TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { [NanoRuntime.HeapVariable] = heapBytes.ToString() });
        var results = new Dictionary<string, DeviceTestResult>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            foreach (var (prefix, outcome) in new[] { ("Test passed,", DeviceOutcome.Passed), ("Test failed,", DeviceOutcome.Failed), ("Test skipped,", DeviceOutcome.Skipped) })
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    string[] parts = line[prefix.Length..].Split(',', 2);
                    results[parts[0]] = new DeviceTestResult(outcome, parts.Length > 1 ? parts[1] : string.Empty);
                }
            }
        }

        return new DeviceTestRun(output, results);
    }

    /// <summary>The outcome of every row of a test method (<c>Namespace.Class.Method</c>), or none.</summary>
    public IReadOnlyList<(string Name, DeviceTestResult Result)> Of(string method) =>
        Results.Where(r => r.Key.StartsWith(method + ".", StringComparison.Ordinal) && !r.Key[(method.Length + 1)..].Contains('.'))
            .Select(r => (r.Key, r.Value)).ToList();

    /// <summary>The last lines the runtime printed: what a test that never reported needs said.</summary>
    public string Tail(int lines = 15) => string.Join("\n", Output.Split('\n').TakeLast(lines));
}

public enum DeviceOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>What the launcher said of a test: its outcome, and its time in ticks or its message.</summary>
public sealed record DeviceTestResult(DeviceOutcome Outcome, string Detail);
