using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentPhone.Conformance;

/// <summary>
/// The IL-to-PE conversion every nanoFramework build runs: nanoFramework's MetadataProcessor at
/// the pinned tag, compiled here for .NET from its shared sources (with Mono.Cecil and
/// System.Drawing.Common from NuGet; the skeleton and dump generators, which need a template
/// engine the feed lacks and make no PE, left out) together with PeDriver/PeWriter.cs, once per
/// set of pins, and called in this process.
/// </summary>
public sealed class PeConverter
{
    private static readonly string[] LeftOut = ["nanoSkeletonGenerator.cs", "nanoDumperGenerator.cs"];
    private readonly MethodInfo _convert;

    public PeConverter(NanoSources sources)
    {
        string dll = Path.Combine(sources.Made("mdp"), "AgentPhone.PeWriter.dll");
        using (NanoSources.Lock(dll + ".lock"))
        {
            if (!File.Exists(dll))
            {
                Build(sources, dll);
            }
        }

        // Its own load context: Mono.Cecil and System.Drawing.Common resolve to this process's copies.
        Assembly writer = new AssemblyLoadContext("nanoFramework MetadataProcessor").LoadFromAssemblyPath(dll);
        _convert = writer.GetType("AgentPhonePeWriter")!.GetMethod("Convert")!;
    }

    /// <summary>Writes <paramref name="assembly"/>'s .pe from its .dll.</summary>
    /// <param name="references">Every assembly it may reference, by name.</param>
    public void Convert(NanoAssembly assembly, IEnumerable<NanoAssembly> references)
    {
        var hints = references.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().Dll);
        byte[] pe;
        try
        {
            pe = (byte[])_convert.Invoke(null, [assembly.Dll, hints, assembly.Name == "mscorlib"])!;
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"MetadataProcessor could not convert {assembly.Dll}: {e.InnerException}", e.InnerException);
        }

        File.WriteAllBytes(assembly.Pe, pe);
    }

    private static void Build(NanoSources sources, string dll)
    {
        string shared = Path.Combine(sources.Tree(sources.Pins.OfRepository("metadata-processor")), "MetadataProcessor.Shared");
        var files = Directory.GetFiles(shared, "*.cs", SearchOption.AllDirectories)
            .Where(f => !LeftOut.Contains(Path.GetFileName(f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
            .Append(CSharpSyntaxTree.ParseText(Driver(), path: "PeDriver/PeWriter.cs"));

        // This process's framework and the two packages it carries for the converter.
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(framework, "*.dll")
            .Where(f => IsManaged(f))
            .Append(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location)
            .Append(typeof(System.Drawing.Bitmap).Assembly.Location)
            .Select(f => MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create("AgentPhone.PeWriter", files, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable)
                .WithSpecificDiagnosticOptions([new("CA1416", ReportDiagnostic.Suppress)]));
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        using var output = new MemoryStream();
        var emitted = compilation.Emit(output);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("nanoFramework's MetadataProcessor does not compile:\n" +
                string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        File.WriteAllBytes(dll, output.ToArray());
    }

    private static string Driver()
    {
        using Stream stream = typeof(PeConverter).Assembly.GetManifestResourceStream("PeWriter.cs")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
