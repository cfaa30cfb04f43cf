using System.Reflection;
using AgentPhone.Build.Tests;
using AgentPhone.Conformance;

namespace AgentPhone.NanoClr.Tests;

/// <summary>
/// Every device test, run on nanoFramework's runtime as the virtual device runs it: the device
/// test projects built for nanoFramework (tests/*.Tests.nfproj, against nanoFramework's own
/// libraries) and run on nanoCLR with a heap an ESP32 can give (<see cref="DeviceTestRun.DeviceHeapBytes"/>).
/// Each device test is a test here, a data row a test of its own, listed from the same sources'
/// host build and named as nanoFramework's launcher names it (<c>Namespace.Class.Method.row</c>):
/// it passes when nanoCLR reported it passed, and fails with nanoCLR's message, or with the
/// runtime's last words when it never reported (a crash, a hang, the heap run out before it).
/// </summary>
[TestClass]
public sealed class OnNanoClrTests
{
    private static readonly (string Project, Type Anchor)[] Suites =
    [
        ("AgentPhone.Firmware.Tests", typeof(AgentPhone.Firmware.Tests.AgentStatesTests)),
        ("AgentPhone.Hardware.Tests", typeof(AgentPhone.Hardware.Tests.KeypadTests)),
    ];

    public static IEnumerable<object[]> DeviceTests() =>
        Suites.SelectMany(s => DeviceTestMethods.Of(s.Anchor.Assembly)
            .SelectMany(m => Enumerable.Range(0, m.Rows).Select(row => new object[] { s.Project, $"{m.Name}.{row}" })));

    public static string NameOf(MethodInfo _, object[] row) => $"{row[1]} on nanoCLR";

    [TestMethod]
    [DynamicData(nameof(DeviceTests), DynamicDataSourceType.Method, DynamicDataDisplayName = nameof(NameOf))]
    public void PassesOnNanoClr(string project, string test)
    {
        DeviceTestRun run = DeviceRuns.Of(project);
        if (!run.Results.TryGetValue(test, out DeviceTestResult? result))
        {
            Assert.Fail($"{test} never reported on nanoCLR: the runtime stopped before it. Its last lines:\n{run.Tail()}");
        }

        Assert.AreNotEqual(DeviceOutcome.Failed, result.Outcome, $"failed on nanoCLR ({DeviceTestRun.DeviceHeapBytes / 1024} KB heap): {result.Detail}");
        if (result.Outcome == DeviceOutcome.Skipped)
        {
            Assert.Inconclusive("skipped on nanoCLR: " + result.Detail);
        }
    }

    [TestMethod]
    [DataRow("AgentPhone.Firmware.Tests")]
    [DataRow("AgentPhone.Hardware.Tests")]
    public void TheLauncherRanToItsEndAndReportedNothingElse(string project)
    {
        DeviceTestRun run = DeviceRuns.Of(project);
        Assert.IsTrue(run.Finished, $"the runtime stopped before the launcher's end:\n{run.Tail()}");
        var listed = DeviceTestMethods.Of(Suites.Single(s => s.Project == project).Anchor.Assembly).Select(m => m.Name).ToHashSet();
        var unlisted = run.Results.Keys.Where(k => !listed.Contains(k[..k.LastIndexOf('.')])).ToList();
        Assert.AreEqual(0, unlisted.Count, "nanoCLR ran tests the host build does not have: " + string.Join(", ", unlisted));
    }
}

/// <summary>The device test methods of a test assembly's host build, named as nanoFramework's
/// launcher names them (<c>Namespace.Class.Method</c>), with how many rows each reports.</summary>
internal static class DeviceTestMethods
{
    public static IReadOnlyList<(string Name, int Rows)> Of(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && t.GetCustomAttributes().Any(a => a is nanoFramework.TestFramework.TestClassAttribute))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => (Name: $"{t.FullName}.{m.Name}", Rows: Rows(m))))
            .Where(m => m.Rows > 0)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    // The launcher reports a method once per DataRow, else once if it is a test, a setup or a cleanup.
    private static int Rows(MethodInfo method)
    {
        var attributes = method.GetCustomAttributes().ToList();
        int dataRows = attributes.Count(a => a is nanoFramework.TestFramework.DataRowAttribute);
        if (dataRows > 0)
        {
            return dataRows;
        }

        return attributes.Any(a => a is nanoFramework.TestFramework.TestMethodAttribute or nanoFramework.TestFramework.SetupAttribute or nanoFramework.TestFramework.CleanupAttribute) ? 1 : 0;
    }
}

/// <summary>Each device test assembly runs once per test process, on first need.</summary>
internal static class DeviceRuns
{
    private static readonly Lazy<(NanoKit Kit, DeviceBuild Build)> Built = new(() =>
    {
        NanoKit kit = NanoKit.Open(Repo.Root);
        return (kit, kit.BuildDevice(Directory.CreateTempSubdirectory("agentphone-nano-").FullName));
    });

    private static readonly Dictionary<string, Lazy<DeviceTestRun>> Runs = new(StringComparer.Ordinal);

    public static DeviceTestRun Of(string project)
    {
        Lazy<DeviceTestRun> run;
        lock (Runs)
        {
            if (!Runs.TryGetValue(project, out run!))
            {
                Runs[project] = run = new Lazy<DeviceTestRun>(() =>
                {
                    var (kit, build) = Built.Value;
                    return DeviceTestRun.Run(kit.Runtime, kit.LoadOrder(build, build.Named(project)));
                });
            }
        }

        return run.Value;
    }
}
