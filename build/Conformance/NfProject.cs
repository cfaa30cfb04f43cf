using System.Xml.Linq;

namespace AgentPhone.Conformance;

/// <summary>A package line of a packages.config, or the package folder named by a HintPath.</summary>
public sealed record PackageRef(string Id, string Version)
{
    public override string ToString() => $"{Id} {Version}";
}

/// <summary>A nanoFramework project (.nfproj) and its packages.config, as Visual Studio reads them.</summary>
public sealed class NfProject
{
    private NfProject(string path, string assemblyName, string outputType, IReadOnlyList<string> compile,
        IReadOnlyList<string> projectReferences, IReadOnlyList<PackageRef> packages, IReadOnlyList<PackageRef> referencedPackages,
        IReadOnlyList<string> defineConstants, string? keyFile)
    {
        DefineConstants = defineConstants;
        KeyFile = keyFile;
        Path = path;
        AssemblyName = assemblyName;
        OutputType = outputType;
        Compile = compile;
        ProjectReferences = projectReferences;
        Packages = packages;
        ReferencedPackages = referencedPackages;
    }

    /// <summary>Full path of the .nfproj file.</summary>
    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Project file name without extension: how the repository names the assembly.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string AssemblyName { get; }

    public string OutputType { get; }

    /// <summary>The strong-name key the assembly is signed with, or null (nanoFramework's own
    /// libraries are signed, and grant each other friend access by their public key).</summary>
    public string? KeyFile { get; }

    /// <summary>The conditional compilation symbols the project defines for every configuration.</summary>
    public IReadOnlyList<string> DefineConstants { get; }

    /// <summary>Compile items, full paths (a shared project's .projitems it imports included).</summary>
    public IReadOnlyList<string> Compile { get; }

    /// <summary>Referenced .nfproj files, full paths.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>The packages.config entries.</summary>
    public IReadOnlyList<PackageRef> Packages { get; }

    /// <summary>The package folders the project's &lt;Reference&gt; HintPaths point into.</summary>
    public IReadOnlyList<PackageRef> ReferencedPackages { get; }

    public static NfProject Load(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(path)!;
        XDocument doc = XDocument.Load(path);
        XNamespace ns = doc.Root!.Name.Namespace;

        List<string> Items(XDocument d, string folder, string kind) => d.Descendants(d.Root!.Name.Namespace + kind)
            .Select(e => (string?)e.Attribute("Include"))
            .Where(v => v is not null)
            .Select(v => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder,
                v!.Replace("$(MSBuildThisFileDirectory)", string.Empty).Replace('\\', '/'))))
            .ToList();

        // Shared projects (Label="Shared") bring their files in through a .projitems import.
        List<string> compile = Items(doc, dir, "Compile");
        foreach (string shared in doc.Descendants(ns + "Import")
            .Where(e => (string?)e.Attribute("Label") == "Shared")
            .Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, ((string)e.Attribute("Project")!).Replace('\\', '/')))))
        {
            compile.AddRange(Items(XDocument.Load(shared), System.IO.Path.GetDirectoryName(shared)!, "Compile"));
        }

        var referenced = doc.Descendants(ns + "HintPath")
            .Select(h => ParseHintPath(h.Value))
            .Where(p => p is not null)
            .Select(p => p!)
            .Distinct()
            .ToList();

        string configPath = System.IO.Path.Combine(dir, "packages.config");
        var packages = File.Exists(configPath)
            ? XDocument.Load(configPath).Descendants("package")
                .Select(p => new PackageRef((string)p.Attribute("id")!, (string)p.Attribute("version")!))
                .ToList()
            : new List<PackageRef>();

        string Property(string name) => doc.Descendants(ns + name).Select(e => e.Value).FirstOrDefault() ?? "";

        // Symbols defined outside a configuration's condition (a Release-only DEBUG is not wanted).
        List<string> defines = doc.Descendants(ns + "DefineConstants")
            .Where(e => e.Parent?.Attribute("Condition") is null)
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(d => d != "$(DefineConstants)")
            .Distinct()
            .ToList();

        string? keyFile = Property("SignAssembly").Equals("true", StringComparison.OrdinalIgnoreCase) && Property("AssemblyOriginatorKeyFile").Length > 0
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, Property("AssemblyOriginatorKeyFile").Replace('\\', '/')))
            : null;

        return new NfProject(path, Property("AssemblyName"), Property("OutputType"), compile, Items(doc, dir, "ProjectReference"), packages, referenced, defines, keyFile);
    }

    /// <summary>Every .nfproj under the repository root, in a stable order.</summary>
    public static IReadOnlyList<NfProject> FindAll(string repoRoot) =>
        System.IO.Directory.EnumerateFiles(repoRoot, "*.nfproj", SearchOption.AllDirectories)
            .Where(p => !IsGenerated(System.IO.Path.GetRelativePath(repoRoot, p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    /// <summary>Build output and restored packages are not sources.</summary>
    public static bool IsGenerated(string relativePath)
    {
        string[] parts = relativePath.Replace('\\', '/').Split('/');
        return parts.Any(p => p is "bin" or "obj" or "artifacts" or "packages" or "TestResults" || p.StartsWith('.'));
    }

    // ..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll -> (nanoFramework.CoreLibrary, 1.17.11)
    private static PackageRef? ParseHintPath(string hintPath)
    {
        string[] parts = hintPath.Replace('\\', '/').Split('/');
        int i = Array.IndexOf(parts, "packages");
        if (i < 0 || i + 1 >= parts.Length)
        {
            return null;
        }

        string folder = parts[i + 1];
        int cut = 0;
        string[] segments = folder.Split('.');
        // The version starts at the first all-digit segment.
        for (int s = 0; s < segments.Length; s++)
        {
            if (segments[s].Length > 0 && segments[s].All(char.IsDigit))
            {
                cut = s;
                break;
            }
        }

        return cut == 0 ? null : new PackageRef(string.Join('.', segments[..cut]), string.Join('.', segments[cut..]));
    }
}
