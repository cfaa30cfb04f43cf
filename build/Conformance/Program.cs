using AgentPhone.Conformance;

// Usage: dotnet run --project build/Conformance [repository root]
string root = args.Length > 0 ? args[0] : FindRepositoryRoot(Directory.GetCurrentDirectory());
ConformanceReport report = ConformanceBuild.Run(root);
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
