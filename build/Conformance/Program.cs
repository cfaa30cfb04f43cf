using AgentPhone.Conformance;

// Usage: dotnet run --project build/Conformance [repository root] [--packages <folder>]
//   --packages: compile against the real assemblies of a packages.config restore (the packages/
//   folder Visual Studio fills for nf.sln) instead of build/nano-ref.
int at = Array.IndexOf(args, "--packages");
string? packages = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
string[] rest = at >= 0 ? args.Where((_, i) => i != at && i != at + 1).ToArray() : args;
string root = rest.Length > 0 ? rest[0] : FindRepositoryRoot(Directory.GetCurrentDirectory());
ConformanceReport report = ConformanceBuild.Run(root, packagesFolder: packages);
Console.WriteLine(report);
return report.Passed ? 0 : 1;

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
