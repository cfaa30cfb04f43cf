using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentPhone.Conformance;

/// <summary>
/// Compiles every device project of the repository the way the nanoFramework build would see
/// it: its .nfproj Compile items, against nanoFramework's real libraries (the CoreLibrary
/// package's mscorlib.dll and the other packages of its packages.config, built from their sources
/// at the pins, <see cref="NanoLibraries"/>) plus the device projects it references, with no .NET
/// base library at all. Anything nanoFramework lacks fails to bind, and the subset rules name the
/// C# constructs the device cannot run.
/// </summary>
public static class ConformanceBuild
{
    public const string CoreLibrary = "nanoFramework.CoreLibrary";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Runs the conformance build over the repository at <paramref name="repoRoot"/>.</summary>
    /// <param name="overlay">Extra or replaced device files (repository-relative path → text), as if they were on disk and in their project.</param>
    /// <param name="packagesFolder">A packages.config restore folder (packages/&lt;id&gt;.&lt;version&gt;/lib/*.dll,
    /// as Visual Studio leaves it): compile against those assemblies instead of the ones built from the pins.</param>
    public static ConformanceReport Run(string repoRoot, IReadOnlyDictionary<string, string>? overlay = null, string? packagesFolder = null)
    {
        repoRoot = Path.GetFullPath(repoRoot);
        var findings = new List<Finding>();
        Dictionary<string, IReadOnlyList<MetadataReference>> packageRefs;
        if (packagesFolder is null)
        {
            NanoKit kit = NanoKit.Open(repoRoot);
            packageRefs = kit.Libraries.ToDictionary(l => l.Key, l => (IReadOnlyList<MetadataReference>)l.Value.Select(a => MetadataReference.CreateFromFile(a.Dll)).ToList());
        }
        else
        {
            packageRefs = RestoredPackages(Path.GetFullPath(packagesFolder), NfProject.FindAll(repoRoot), findings);
        }

        return Run(repoRoot, overlay, packageRefs, findings);
    }

    /// <summary>The conformance build against the given package references (id → assemblies).</summary>
    public static ConformanceReport Run(string repoRoot, IReadOnlyDictionary<string, string>? overlay,
        IReadOnlyDictionary<string, IReadOnlyList<MetadataReference>> packageRefs, List<Finding>? findings = null)
    {
        overlay ??= new Dictionary<string, string>();
        findings ??= [];
        var projects = NfProject.FindAll(repoRoot);
        var built = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
        var compiled = new List<(NfProject, CSharpCompilation)>();
        int files = 0;

        foreach (NfProject project in InBuildOrder(projects, findings, repoRoot))
        {
            var trees = new List<SyntaxTree>();
            foreach (string file in SourcesOf(project, repoRoot, overlay, findings))
            {
                string relative = Relative(repoRoot, file);
                string text = overlay.TryGetValue(relative, out string? o) ? o : File.ReadAllText(file);
                trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, relative));
            }

            files += trees.Count;
            var references = new List<MetadataReference>();
            foreach (PackageRef package in project.Packages)
            {
                if (packageRefs.TryGetValue(package.Id, out IReadOnlyList<MetadataReference>? r))
                {
                    references.AddRange(r);
                }
                else
                {
                    findings.Add(new Finding(Relative(repoRoot, project.Directory) + "/packages.config", 1, 1, $"{package.Id} is not a package {NanoPins.File} pins"));
                }
            }

            foreach (string reference in project.ProjectReferences)
            {
                if (built.TryGetValue(reference, out CSharpCompilation? r))
                {
                    references.Add(r.ToMetadataReference());
                }
            }

            if (!project.Packages.Any(p => p.Id == CoreLibrary))
            {
                findings.Add(new Finding(Relative(repoRoot, project.Path), 1, 1, $"{CoreLibrary} is missing from packages.config"));
            }

            CSharpCompilation compilation = CSharpCompilation.Create(
                project.AssemblyName, trees, references,
                new CSharpCompilationOptions(
                    project.OutputType == "Exe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Disable,
                    optimizationLevel: OptimizationLevel.Release));

            findings.AddRange(Check(compilation));
            built[project.Path] = compilation;
            compiled.Add((project, compilation));
        }

        return new ConformanceReport(projects.Count, files, findings, compiled);
    }

    private static IEnumerable<Finding> Check(CSharpCompilation compilation)
    {
        var ruleFindings = new List<Finding>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            new SubsetRules(model, (location, message) => ruleFindings.Add(At(location, message)))
                .Visit(tree.GetRoot());
        }

        // A construct the rules named is not reported a second time as the compiler error it causes.
        var ruleLines = new HashSet<(string, int)>(ruleFindings.Select(f => (f.File, f.Line)));
        var compileFindings = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource)
            .Select(d => At(d.Location, $"{d.Id}: {d.GetMessage()}{Hints.For(d)}"))
            .Where(f => !ruleLines.Contains((f.File, f.Line)));

        return ruleFindings.Concat(compileFindings).Distinct();
    }

    private static Finding At(Location location, string message)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        return new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
    }

    /// <summary>The real assemblies of every package the projects name, from a restore folder.</summary>
    private static Dictionary<string, IReadOnlyList<MetadataReference>> RestoredPackages(string folder, IReadOnlyList<NfProject> projects, List<Finding> findings)
    {
        var result = new Dictionary<string, IReadOnlyList<MetadataReference>>(StringComparer.Ordinal);
        foreach (PackageRef package in projects.SelectMany(p => p.Packages).Distinct())
        {
            string lib = Path.Combine(folder, $"{package.Id}.{package.Version}", "lib");
            string[] assemblies = Directory.Exists(lib) ? Directory.GetFiles(lib, "*.dll") : [];
            if (assemblies.Length == 0)
            {
                findings.Add(new Finding(package.ToString(), 1, 1, $"not restored: no assembly in {lib}"));
                continue;
            }

            // Its id, not its files' names, is what packages.config names.
            result[package.Id] = assemblies.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a)).ToList();
        }

        return result;
    }

    /// <summary>The nanoFramework.CoreLibrary version this build compiles against; every
    /// packages.config must pin the same.</summary>
    public static string CoreLibraryVersion => Metadata("NanoCoreLibraryVersion");

    /// <summary>nanoFramework's own mscorlib.dll, which the project file downloads at restore.</summary>
    public static string CoreLibraryPath => Metadata("NanoCoreLibrary");

    private static string Metadata(string key) =>
        typeof(ConformanceBuild).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;

    private static IEnumerable<string> SourcesOf(NfProject project, string repoRoot, IReadOnlyDictionary<string, string> overlay, List<Finding> findings)
    {
        foreach (string file in project.Compile)
        {
            if (File.Exists(file) || overlay.ContainsKey(Relative(repoRoot, file)))
            {
                yield return file;
            }
            else
            {
                findings.Add(new Finding(Relative(repoRoot, project.Path), 1, 1, $"Compile item {Relative(repoRoot, file)} does not exist"));
            }
        }

        string prefix = Relative(repoRoot, project.Directory) + "/";
        foreach (string planted in overlay.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string full = Path.GetFullPath(Path.Combine(repoRoot, planted));
            if (!project.Compile.Contains(full))
            {
                yield return full;
            }
        }
    }

    /// <summary>Referenced projects before the projects that reference them.</summary>
    private static IEnumerable<NfProject> InBuildOrder(IReadOnlyList<NfProject> projects, List<Finding> findings, string repoRoot)
    {
        var byPath = projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<NfProject>();

        void Visit(NfProject p)
        {
            if (done.Contains(p.Path) || !visiting.Add(p.Path))
            {
                return;
            }

            foreach (string r in p.ProjectReferences)
            {
                if (byPath.TryGetValue(r, out NfProject? dep))
                {
                    Visit(dep);
                }
                else
                {
                    findings.Add(new Finding(Relative(repoRoot, p.Path), 1, 1, $"ProjectReference {Relative(repoRoot, r)} does not exist"));
                }
            }

            done.Add(p.Path);
            order.Add(p);
        }

        foreach (NfProject p in projects)
        {
            Visit(p);
        }

        return order;
    }

    public static string Relative(string repoRoot, string path) => Path.GetRelativePath(repoRoot, path).Replace('\\', '/');
}
