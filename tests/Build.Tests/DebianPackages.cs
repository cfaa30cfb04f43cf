namespace AgentPhone.Build.Tests;

/// <summary>
/// The real components tests need (Chromium now; PostgreSQL and Redis next) come from Debian's
/// packages: a test asks for the program, and the package is installed when it is missing, so
/// the README's test command needs nothing but the .NET SDK.
/// </summary>
internal static class DebianPackages
{
    private static readonly object Gate = new();

    /// <summary>The path of <paramref name="program"/>, installing <paramref name="package"/> first
    /// when the program is not there. Inconclusive where there is no apt-get (not Debian); a
    /// failed install fails the test with apt's output.</summary>
    public static string Require(string package, string program)
    {
        lock (Gate)
        {
            if (File.Exists(program))
            {
                return program;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                Assert.Inconclusive($"{program} is missing; install Debian's {package} package to run this test.");
            }

            // Waits for another install's lock rather than failing on it.
            const string Wait = "-o DPkg::Lock::Timeout=600";
            var update = Repo.Run("apt-get", $"{Wait} update -q", TimeSpan.FromMinutes(10));
            var install = Repo.Run("apt-get", $"{Wait} install -y -q --no-install-recommends {package}", TimeSpan.FromMinutes(15),
                new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (install.ExitCode != 0 || !File.Exists(program))
            {
                Assert.Fail($"Installing {package} failed ({install.ExitCode}):\n{update.Output}\n{install.Output}");
            }

            return program;
        }
    }
}
