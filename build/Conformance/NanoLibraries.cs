using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentPhone.Conformance;

/// <summary>
/// nanoFramework's class libraries at the pinned commits, compiled from their own .nfproj files
/// against the CoreLibrary package's mscorlib.dll (as nanoFramework's own build does), each
/// converted to .pe, once per set of pins. mscorlib itself is the package's (its .pe is the one the
/// runtime's natives expect).
/// </summary>
public static class NanoLibraries
{
    // A library with natives binds them by method index: C# 11 and later add a synthesized
    // attribute type with a method, which shifts the indexes while the checksum still matches.
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp10);

    /// <summary>Every pinned library (package id → its assemblies, .dll and .pe), built when missing.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<NanoAssembly>> Build(NanoSources sources, PeConverter converter)
    {
        string folder = sources.Made("lib");
        using (NanoSources.Lock(folder + ".lock"))
        {
            var result = new Dictionary<string, IReadOnlyList<NanoAssembly>>(StringComparer.Ordinal)
            {
                [ConformanceBuild.CoreLibrary] = [CoreLibrary()],
            };
            string done = Path.Combine(folder, ".complete");
            bool built = File.Exists(done);
            if (!built)
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Directory.CreateDirectory(folder);
            }

            foreach (NanoPin pin in InOrder(sources))
            {
                var assemblies = new List<NanoAssembly>();
                foreach (string project in pin.Projects)
                {
                    NfProject nf = NfProject.Load(Path.Combine(sources.Tree(pin), project));
                    var assembly = new NanoAssembly(nf.AssemblyName, Path.Combine(folder, nf.AssemblyName + ".dll"), Path.Combine(folder, nf.AssemblyName + ".pe"));
                    if (!built)
                    {
                        var references = nf.Packages.Where(p => p.Id != pin.Package && result.ContainsKey(p.Id)).SelectMany(p => result[p.Id])
                            .Concat(assemblies).Concat(result[ConformanceBuild.CoreLibrary]).Distinct().ToList();
                        Compile(nf, assembly, references);
                        converter.Convert(assembly, references);
                    }

                    assemblies.Add(assembly);
                }

                result[pin.Package] = assemblies;
            }

            if (!built)
            {
                File.WriteAllText(done, sources.Key);
            }

            return result;
        }
    }

    /// <summary>The CoreLibrary package's mscorlib (downloaded at restore), used as it is.</summary>
    public static NanoAssembly CoreLibrary()
    {
        string dll = ConformanceBuild.CoreLibraryPath;
        return new NanoAssembly("mscorlib", dll, Path.ChangeExtension(dll, ".pe"));
    }

    // The libraries in an order where each comes after the packages its packages.config names.
    private static List<NanoPin> InOrder(NanoSources sources)
    {
        var libraries = sources.Pins.All.Where(p => p.Projects.Count > 0).ToList();
        var order = new List<NanoPin>();
        var placed = new HashSet<string>(StringComparer.Ordinal) { ConformanceBuild.CoreLibrary };
        while (order.Count < libraries.Count)
        {
            NanoPin next = libraries.Where(p => !placed.Contains(p.Package)).FirstOrDefault(p => p.Projects
                    .SelectMany(project => NfProject.Load(Path.Combine(sources.Tree(p), project)).Packages)
                    .All(d => placed.Contains(d.Id) || d.Id == p.Package || sources.Pins.OfPackage(d.Id) == null))
                ?? throw new InvalidOperationException($"The libraries of {NanoPins.File} depend on each other in a circle.");
            order.Add(next);
            placed.Add(next.Package);
        }

        return order;
    }

    // Their projects are written on Windows, where a file's name matches whatever its case
    // (Rtc.cs names RTC.cs).
    private static string AsOnDisk(string file)
    {
        if (File.Exists(file))
        {
            return file;
        }

        string folder = Path.GetDirectoryName(file)!;
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), Path.GetFileName(file), StringComparison.OrdinalIgnoreCase)) ?? file
            : file;
    }

    private static void Compile(NfProject project, NanoAssembly assembly, IReadOnlyList<NanoAssembly> references)
    {
        var trees = project.Compile.Select(AsOnDisk).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse.WithPreprocessorSymbols(project.DefineConstants), f));
        var compilation = CSharpCompilation.Create(project.AssemblyName, trees,
            references.Select(r => MetadataReference.CreateFromFile(r.Dll)),
            new CSharpCompilationOptions(project.OutputType == "Exe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: true,
                cryptoKeyFile: project.KeyFile == null ? null : AsOnDisk(project.KeyFile),
                strongNameProvider: project.KeyFile == null ? null : new DesktopStrongNameProvider()));
        using var dll = new MemoryStream();
        var emitted = compilation.Emit(dll);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{project.Path} does not compile:\n" +
                string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        File.WriteAllBytes(assembly.Dll, dll.ToArray());
    }
}

/// <summary>An assembly of the nanoFramework build: its IL (.dll) and what the runtime loads (.pe).</summary>
public sealed record NanoAssembly(string Name, string Dll, string Pe);
