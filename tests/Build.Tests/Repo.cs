using System.Diagnostics;

namespace AgentPhone.Build.Tests;

/// <summary>The repository under test and a way to run its tools.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort() => Loopback.FreePort();

    /// <summary>Runs a command line exactly as the README shows it, through the shell, from the
    /// repository root, and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string commandLine, TimeSpan? timeout = null)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", commandLine } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", commandLine } };
        return Run(start, timeout ?? TimeSpan.FromMinutes(5), null);
    }

    /// <summary>Runs a command to completion (bounded by <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string fileName, string arguments, TimeSpan timeout, IDictionary<string, string>? environment = null) =>
        Run(new ProcessStartInfo(fileName, arguments), timeout, environment);

    private static (int ExitCode, string Output) Run(ProcessStartInfo start, TimeSpan timeout, IDictionary<string, string>? environment)
    {
        start.WorkingDirectory = Root;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)}{start.Arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "nf.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException("nf.sln not found above " + AppContext.BaseDirectory);
    }
}
