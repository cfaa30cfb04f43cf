using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentPhone.Conformance;

/// <summary>
/// Compiles every device project of the repository the way the nanoFramework build would see
/// it: its .nfproj Compile items, against nanoFramework's real mscorlib.dll and the reference
/// declarations (build/nano-ref) of exactly the other packages in its packages.config, plus the
/// device projects it references, with no .NET base library at all. Anything nanoFramework lacks fails to bind, and the subset
/// rules name the C# constructs the device cannot run.
/// </summary>
public static class ConformanceBuild
{
    public const string ReferenceFolder = "build/nano-ref";
    public const string CoreLibrary = "nanoFramework.CoreLibrary";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Runs the conformance build over the repository at <paramref name="repoRoot"/>.</summary>
    /// <param name="overlay">Extra or replaced device files (repository-relative path → text), as if they were on disk and in their project.</param>
    /// <param name="packagesFolder">A packages.config restore folder (packages/&lt;id&gt;.&lt;version&gt;/lib/*.dll,
    /// as Visual Studio leaves it): compile against those real assemblies instead of build/nano-ref.</param>
    public static ConformanceReport Run(string repoRoot, IReadOnlyDictionary<string, string>? overlay = null, string? packagesFolder = null)
    {
        repoRoot = Path.GetFullPath(repoRoot);
        overlay ??= new Dictionary<string, string>();
        var findings = new List<Finding>();
        var projects = NfProject.FindAll(repoRoot);
        var packageRefs = packagesFolder is null
            ? CompileReferenceDeclarations(repoRoot, findings)
            : RestoredPackages(Path.GetFullPath(packagesFolder), projects, findings);
        var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
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
                if (packageRefs.TryGetValue(package.Id, out MetadataReference? r))
                {
                    references.Add(r);
                }
            }

            foreach (string reference in project.ProjectReferences)
            {
                if (built.TryGetValue(reference, out MetadataReference? r))
                {
                    references.Add(r);
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
            built[project.Path] = compilation.ToMetadataReference();
        }

        return new ConformanceReport(projects.Count, files, findings);
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

    /// <summary>The file in a nano-ref folder that names the packages its declarations use
    /// besides the core library (the package's NuGet dependencies), one id per line.</summary>
    public const string DependsFile = "depends.txt";

    /// <summary>Compiles build/nano-ref/&lt;package id&gt;/*.cs into references: the core library
    /// first, every other folder after the folders its <see cref="DependsFile"/> names.</summary>
    private static Dictionary<string, MetadataReference> CompileReferenceDeclarations(string repoRoot, List<Finding> findings)
    {
        string root = Path.Combine(repoRoot, ReferenceFolder);
        var result = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(root)
            .Select(f => Path.GetFileName(f)!)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        MetadataReference? corlib = RealCoreLibrary(findings);
        if (corlib is not null)
        {
            result[CoreLibrary] = corlib;
        }

        var compiling = new HashSet<string>(StringComparer.Ordinal);

        MetadataReference? Compile(string package)
        {
            if (result.TryGetValue(package, out MetadataReference? done))
            {
                return done;
            }

            string folder = Path.Combine(root, package);
            if (!Directory.Exists(folder) || !compiling.Add(package))
            {
                return null;
            }

            var references = new List<MetadataReference>();
            if (corlib is not null)
            {
                references.Add(corlib);
            }

            string depends = Path.Combine(folder, DependsFile);
            if (File.Exists(depends))
            {
                foreach (string id in File.ReadAllLines(depends).Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    MetadataReference? dependency = Compile(id);
                    if (dependency is null)
                    {
                        findings.Add(new Finding(Relative(repoRoot, depends), 1, 1, $"{id} has no declarations in {ReferenceFolder} (or depends on itself)"));
                    }
                    else
                    {
                        references.Add(dependency);
                    }
                }
            }

            var trees = Directory.GetFiles(folder, "*.cs")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, Relative(repoRoot, f)))
                .ToList();
            var compilation = CSharpCompilation.Create(
                package, trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            foreach (Diagnostic d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                findings.Add(At(d.Location, $"reference declaration does not compile: {d.Id}: {d.GetMessage()}"));
            }

            MetadataReference reference = compilation.ToMetadataReference();
            result[package] = reference;
            return reference;
        }

        foreach (string package in folders)
        {
            Compile(package);
        }

        return result;
    }

    /// <summary>The real assemblies of every package the projects name, from a restore folder.</summary>
    private static Dictionary<string, MetadataReference> RestoredPackages(string folder, IReadOnlyList<NfProject> projects, List<Finding> findings)
    {
        var result = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        foreach (PackageRef package in projects.SelectMany(p => p.Packages).Distinct())
        {
            string lib = Path.Combine(folder, $"{package.Id}.{package.Version}", "lib");
            string[] assemblies = Directory.Exists(lib) ? Directory.GetFiles(lib, "*.dll") : [];
            if (assemblies.Length == 0)
            {
                findings.Add(new Finding(package.ToString(), 1, 1, $"not restored: no assembly in {lib}"));
                continue;
            }

            // A package ships one assembly; its id, not its file name, is what packages.config names.
            result[package.Id] = MetadataReference.CreateFromFile(assemblies[0]);
        }

        return result;
    }

    /// <summary>The nanoFramework.CoreLibrary version this build compiles against; every
    /// packages.config must pin the same.</summary>
    public static string CoreLibraryVersion => Metadata("NanoCoreLibraryVersion");

    /// <summary>nanoFramework's own mscorlib.dll, which the project file downloads at restore.</summary>
    public static string CoreLibraryPath => Metadata("NanoCoreLibrary");

    private static MetadataReference? RealCoreLibrary(List<Finding> findings)
    {
        if (File.Exists(CoreLibraryPath))
        {
            return MetadataReference.CreateFromFile(CoreLibraryPath);
        }

        findings.Add(new Finding("build/Conformance/AgentPhone.Conformance.csproj", 1, 1,
            $"{CoreLibrary} {CoreLibraryVersion} is not restored ({CoreLibraryPath} is missing): " +
            "run 'dotnet restore' where the NuGet feed serves it; device code cannot be checked without nanoFramework's real mscorlib.dll"));
        return null;
    }

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
