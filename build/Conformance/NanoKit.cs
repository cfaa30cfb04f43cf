using Microsoft.CodeAnalysis;

namespace AgentPhone.Conformance;

/// <summary>
/// The nanoFramework build on any OS, in one place: nanoFramework's libraries and PE converter
/// built from their sources at the pins (<see cref="NanoPins"/>), the device projects compiled
/// against them and converted to .pe, and the runtime that loads those .pe files. What is
/// built from the pins is kept under artifacts/nano, so a second run costs nothing.
/// </summary>
public sealed class NanoKit
{
    private readonly Lazy<PeConverter> _converter;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<NanoAssembly>>> _libraries;
    private readonly Lazy<NanoRuntime> _runtime;

    private NanoKit(string repoRoot)
    {
        RepoRoot = repoRoot;
        Sources = new NanoSources(repoRoot, NanoPins.Load(repoRoot));
        _converter = new(() => new PeConverter(Sources));
        _libraries = new(() => NanoLibraries.Build(Sources, _converter.Value));
        _runtime = new(() => NanoRuntime.Build(Sources));
    }

    public static NanoKit Open(string repoRoot) => new(Path.GetFullPath(repoRoot));

    public string RepoRoot { get; }

    public NanoSources Sources { get; }

    /// <summary>nanoFramework's libraries by package id (built when missing).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NanoAssembly>> Libraries => _libraries.Value;

    public PeConverter Converter => _converter.Value;

    /// <summary>nanoCLR (built when missing).</summary>
    public NanoRuntime Runtime => _runtime.Value;

    /// <summary>Builds every device project (with <paramref name="overlay"/>'s planted files) into
    /// <paramref name="folder"/> as .dll and .pe; throws with the findings when it does not conform.</summary>
    public DeviceBuild BuildDevice(string folder, IReadOnlyDictionary<string, string>? overlay = null)
    {
        ConformanceReport report = ConformanceBuild.Run(RepoRoot, overlay);
        if (!report.Passed)
        {
            throw new InvalidOperationException(report.ToString());
        }

        Directory.CreateDirectory(folder);
        var projects = new List<DeviceProject>();
        foreach (var (project, compilation) in report.Compiled)
        {
            // Test projects share the launcher's name for them (NFUnitTest): each gets a folder of its own.
            string into = Path.Combine(folder, project.Name);
            Directory.CreateDirectory(into);
            var assembly = new NanoAssembly(project.AssemblyName, Path.Combine(into, project.AssemblyName + ".dll"), Path.Combine(into, project.AssemblyName + ".pe"));
            var emitted = compilation.Emit(assembly.Dll);
            if (!emitted.Success)
            {
                throw new InvalidOperationException($"{project.Path} does not emit:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            List<NanoAssembly> packages = project.Packages.SelectMany(p => Libraries[p.Id]).ToList();
            Converter.Convert(assembly, packages.Concat(Libraries.Values.SelectMany(l => l)).Concat(projects.Select(p => p.Assembly)));
            projects.Add(new DeviceProject(project, assembly, packages));
        }

        return new DeviceBuild(projects);
    }

    /// <summary>Every .pe the runtime loads to run <paramref name="project"/>: mscorlib first, then
    /// each assembly the project, the packages its packages.config names (a test launcher among
    /// them) and those assemblies reference, by their metadata.</summary>
    public IReadOnlyList<string> LoadOrder(DeviceBuild build, DeviceProject project)
    {
        var known = Libraries.Values.SelectMany(l => l).Concat(build.Projects.Select(p => p.Assembly))
            .GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        known[project.Assembly.Name] = project.Assembly;
        var order = new List<NanoAssembly>();
        void Visit(NanoAssembly a)
        {
            if (order.Contains(a))
            {
                return;
            }

            order.Add(a);
            foreach (string name in References(a.Dll))
            {
                if (known.TryGetValue(name, out NanoAssembly? r))
                {
                    Visit(r);
                }
            }
        }

        Visit(Libraries[ConformanceBuild.CoreLibrary][0]);
        foreach (NanoAssembly a in project.Packages.Append(project.Assembly))
        {
            Visit(a);
        }

        return order.Select(a => a.Pe).ToList();
    }

    private static IEnumerable<string> References(string dll)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(dll));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}

/// <summary>A device project built for nanoFramework: its assembly, and the libraries its
/// packages.config names.</summary>
public sealed record DeviceProject(NfProject Project, NanoAssembly Assembly, IReadOnlyList<NanoAssembly> Packages);

/// <summary>Every device project, built.</summary>
public sealed record DeviceBuild(IReadOnlyList<DeviceProject> Projects)
{
    public DeviceProject Named(string projectName) => Projects.Single(p => p.Project.Name == projectName);
}
