using AgentPhone.Conformance;

// Usage: dotnet run --project build/Conformance [repository root] [--packages <folder>] [--pe] [--device-tests]
//   (nothing):       the conformance build against nanoFramework's libraries built from the pins
//   --packages:      against the real assemblies of a packages.config restore (the packages/ folder
//                    Visual Studio fills for nf.sln) instead
//   --pe:            also every device assembly as .pe (artifacts/nano/device), with their sizes
//   --device-tests:  the device test assemblies on nanoCLR, a line per test
//   --memory:        what the phone keeps alive on nanoCLR, per board, with and without the demo center
//   --heap <KB>:     the managed heap nanoCLR gets (default: DeviceTestRun.DeviceHeapBytes)
//   (AGENTPHONE_NANO_OUTPUT=<folder>: also keep everything nanoCLR printed, a file per test assembly)
string? Value(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

string? packages = Value("--packages");
int heap = Value("--heap") is string kb ? int.Parse(kb) * 1024 : DeviceTestRun.DeviceHeapBytes;
string[] rest = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--packages" or "--heap"))).ToArray();
string root = rest.Length > 0 ? rest[0] : FindRepositoryRoot(Directory.GetCurrentDirectory());

if (!args.Contains("--pe") && !args.Contains("--device-tests") && !args.Contains("--memory"))
{
    ConformanceReport report = ConformanceBuild.Run(root, packagesFolder: packages);
    Console.WriteLine(report);
    return report.Passed ? 0 : 1;
}

NanoKit kit = NanoKit.Open(root);
if (args.Contains("--memory"))
{
    foreach (string board in new[] { "devkitc-st7735", "m5stack-core", "esp32-ssd1306" })
    {
        foreach (bool demo in new[] { false, true })
        {
            DeviceMemory m = DeviceMemory.Measure(kit, board, demo, heap);
            Console.WriteLine($"{board,-16} {(demo ? "phone + demo" : "phone"),-13} kept {m.Kept,7:N0} B  statics {m.Statics,7:N0} B  runtime {m.Runtime,7:N0} B  free {m.Free,7:N0} B of {m.HeapBytes / 1024} KB{(m.CallerDataShown ? "" : "  (not on Caller Data!)")}");
        }
    }

    return 0;
}

// One build at a time in the shared folder (another command may be running from this clone).
string folder = Path.Combine(kit.Sources.Root, "device");
using IDisposable held = NanoSources.Lock(folder + ".lock");
DeviceBuild build = kit.BuildDevice(folder);
if (args.Contains("--pe"))
{
    foreach (DeviceProject p in build.Projects)
    {
        Console.WriteLine($"{new FileInfo(p.Assembly.Pe).Length,8:N0} B  {ConformanceBuild.Relative(root, p.Assembly.Pe)}");
    }
}

if (!args.Contains("--device-tests"))
{
    return 0;
}

int failed = 0;
foreach (DeviceProject tests in build.Projects.Where(p => p.Project.Name.EndsWith(".Tests", StringComparison.Ordinal)))
{
    DeviceTestRun run = DeviceTestRun.Run(kit.Runtime, kit.LoadOrder(build, tests), heap);
    Console.WriteLine($"{tests.Project.Name} on nanoCLR ({heap / 1024} KB heap):");
    foreach (var (name, result) in run.Results)
    {
        Console.WriteLine($"  {result.Outcome,-7} {name}{(result.Outcome == DeviceOutcome.Passed ? string.Empty : ": " + result.Detail)}");
        failed += result.Outcome == DeviceOutcome.Failed ? 1 : 0;
    }

    if (Environment.GetEnvironmentVariable("AGENTPHONE_NANO_OUTPUT") is string dump)
    {
        File.WriteAllText(Path.Combine(dump, tests.Project.Name + ".log"), run.Output);
    }

    if (!run.Finished)
    {
        failed++;
        Console.WriteLine("  The runtime stopped before the launcher's end:\n" + run.Tail());
    }
}

return failed == 0 ? 0 : 1;

static string FindRepositoryRoot(string start)
{
    for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
    {
        if (File.Exists(Path.Combine(dir, "nf.sln")))
        {
            return dir;
        }
    }

    throw new DirectoryNotFoundException("Run from inside the AgentPhone repository or pass its root.");
}
