namespace AgentPhone.Conformance;

/// <summary>One problem in a device source file, located the way compilers report them.</summary>
public sealed record Finding(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}

/// <summary>The outcome of a conformance build.</summary>
public sealed class ConformanceReport
{
    public ConformanceReport(int projects, int files, IReadOnlyList<Finding> findings, IReadOnlyList<(NfProject Project, Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation)> compiled)
    {
        Projects = projects;
        Files = files;
        Findings = findings;
        Compiled = compiled;
    }

    /// <summary>Each device project and its compilation, referenced projects first.</summary>
    public IReadOnlyList<(NfProject Project, Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation)> Compiled { get; }

    public int Projects { get; }

    public int Files { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public bool Passed => Findings.Count == 0;

    public override string ToString()
    {
        string head = Passed
            ? $"Conformance build passed: {Projects} device projects, {Files} files, nanoFramework APIs only."
            : $"Conformance build FAILED: {Findings.Count} problem(s) in device code ({Projects} projects, {Files} files).";
        return Passed ? head : head + Environment.NewLine + string.Join(Environment.NewLine, Findings.Select(f => "  " + f));
    }
}
