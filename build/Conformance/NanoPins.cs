namespace AgentPhone.Conformance;

/// <summary>One line of build/nanoframework.tsv: a nanoFramework repository at the commit the
/// project builds from, and what it builds there.</summary>
public sealed record NanoPin(string Package, string Version, string Repository, string Tag, string Commit, string ArchiveSha256, string Build)
{
    /// <summary>The name of the source archive of this repository at its tag.</summary>
    public string Archive => $"{Repository}-{Tag}.tar.gz";

    /// <summary>The .nfproj files built from the repository (paths inside it), for a class library.</summary>
    public IReadOnlyList<string> Projects => Package == "-" ? [] : Build.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public string GitUrl => $"https://github.com/nanoframework/{Repository}";
}

/// <summary>build/nanoframework.tsv: every nanoFramework source the device build uses.</summary>
public sealed class NanoPins
{
    public const string File = "build/nanoframework.tsv";

    private NanoPins(IReadOnlyList<NanoPin> pins, string text)
    {
        All = pins;
        Text = text;
    }

    public IReadOnlyList<NanoPin> All { get; }

    /// <summary>The file's text: what every cached build is keyed by.</summary>
    public string Text { get; }

    public static NanoPins Load(string repoRoot)
    {
        string text = System.IO.File.ReadAllText(Path.Combine(repoRoot, File));
        var pins = text.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("package\t", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r').Split('\t'))
            .Select(c => new NanoPin(c[0], c[1], c[2], c[3], c[4], c[5], c.Length > 6 ? c[6] : string.Empty))
            .ToList();
        return new NanoPins(pins, text);
    }

    /// <summary>The pin of a package that packages.config names, or null.</summary>
    public NanoPin? OfPackage(string id) => All.FirstOrDefault(p => p.Package == id);

    public NanoPin OfRepository(string repository) => All.Single(p => p.Repository == repository);
}
