using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace AgentPhone.Conformance;

/// <summary>
/// Where the nanoFramework build keeps what it made (artifacts/nano under the repository), and
/// how it gets a repository's sources at its pinned commit: from a folder of source archives
/// when there is one (offline), else by fetching the commit from GitHub.
/// </summary>
public sealed class NanoSources
{
    /// <summary>An environment variable naming a folder of source archives (<c>&lt;repository&gt;-&lt;tag&gt;.tar.gz</c>).</summary>
    public const string ArchivesVariable = "AGENTPHONE_NANO_SOURCES";

    private readonly string _repoRoot;

    public NanoSources(string repoRoot, NanoPins pins)
    {
        _repoRoot = repoRoot;
        Pins = pins;
        Root = Path.Combine(repoRoot, "artifacts", "nano");
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pins.Text + "\n" + FormatVersion)))[..12];
        Directory.CreateDirectory(Root);
    }

    // Changes when what the kit makes from the same pins changes.
    private const string FormatVersion = "1";

    public NanoPins Pins { get; }

    /// <summary>artifacts/nano: everything the nanoFramework build makes.</summary>
    public string Root { get; }

    /// <summary>Names what was made from these pins, so a second run finds it.</summary>
    public string Key { get; }

    /// <summary>A folder for what is made from these pins (<paramref name="part"/>: lib, clr…).</summary>
    public string Made(string part) => Path.Combine(Root, Key, part);

    /// <summary>The folder of archives to use, or null: the variable's, else a
    /// <c>shared/nanoframework/sources</c> folder beside the repository.</summary>
    public string? ArchiveFolder
    {
        get
        {
            string? named = Environment.GetEnvironmentVariable(ArchivesVariable);
            if (!string.IsNullOrEmpty(named))
            {
                return named;
            }

            string beside = Path.GetFullPath(Path.Combine(_repoRoot, "..", "shared", "nanoframework", "sources"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>The repository's tree at its pinned commit, unpacked once.</summary>
    public string Tree(NanoPin pin)
    {
        string tree = Path.Combine(Root, "src", $"{pin.Repository}-{pin.Commit[..12]}");
        using (Lock(tree + ".lock"))
        {
            if (File.Exists(Path.Combine(tree, ".complete")))
            {
                return Path.Combine(tree, pin.Repository);
            }

            if (Directory.Exists(tree))
            {
                Directory.Delete(tree, recursive: true);
            }

            Directory.CreateDirectory(tree);
            string? archive = ArchiveFolder is string folder ? Path.Combine(folder, pin.Archive) : null;
            if (archive != null && File.Exists(archive))
            {
                Unpack(archive, pin, tree);
            }
            else
            {
                Clone(pin, Path.Combine(tree, pin.Repository));
            }

            File.WriteAllText(Path.Combine(tree, ".complete"), pin.Commit);
            return Path.Combine(tree, pin.Repository);
        }
    }

    private static void Unpack(string archive, NanoPin pin, string into)
    {
        byte[] bytes = File.ReadAllBytes(archive);
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha != pin.ArchiveSha256)
        {
            throw new InvalidOperationException($"{archive} is not the archive of {pin.Repository} at {pin.Tag} that {NanoPins.File} names (sha256 {sha}, expected {pin.ArchiveSha256}).");
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, into, overwriteFiles: true);
    }

    private static void Clone(NanoPin pin, string into)
    {
        Directory.CreateDirectory(into);
        foreach (string args in new[] { "init -q", $"fetch -q --depth 1 {pin.GitUrl} {pin.Commit}", "checkout -q FETCH_HEAD" })
        {
            var (exit, output) = Run("git", args, into, TimeSpan.FromMinutes(10));
            if (exit != 0)
            {
                throw new InvalidOperationException($"Could not get {pin.Repository} at {pin.Commit} (git {args}, exit {exit}): {output}\n" +
                    $"Without network, put the source archives ({pin.Archive} and the others of {NanoPins.File}) in a folder and name it in {ArchivesVariable}.");
            }
        }
    }

    /// <summary>Runs a program to its end (bounded): its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return (-1, output + $"\n(stopped: no end within {timeout.TotalSeconds:F0} s)");
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>A lock across processes (test assemblies run in parallel): held until disposed.</summary>
    public static IDisposable Lock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(200);   // another process is building the same thing
            }
        }
    }
}
