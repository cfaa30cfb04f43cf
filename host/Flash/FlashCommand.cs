using System.CommandLine;
using System.Diagnostics;
using AgentPhone.Boards;
using AgentPhone.Conformance;

namespace AgentPhone.Flash;

/// <summary>Checks the request and the tools, prints the plan with progress, and runs it
/// (or only prints it with --what-if). Exit codes: 0 done, 1 a step failed, 2 bad request,
/// 3 a tool is missing.</summary>
public static class FlashCommand
{
    public static int Run(string[] args, TextWriter output, string repoRoot, Func<string, string?>? findOnPath = null)
    {
        RootCommand command = FlashOptions.Command(o => Run(o, output, repoRoot, findOnPath ?? FindOnPath));
        return CommandLines.Invoke(command, FlashOptions.PowerShellStyle(command, args), output);
    }

    private static int Run(FlashOptions o, TextWriter output, string repoRoot, Func<string, string?> findOnPath)
    {
        BoardProfile? board = null;
        if (!o.Virtual)
        {
            string names = string.Join(", ", BoardCatalog.All.Where(b => b.FirmwareTarget != null).Select(b => b.Name));
            if (o.Board is null)
            {
                output.WriteLine($"Name the board with --board ({names}), or use --virtual.");
                return CommandLines.BadRequest;
            }

            board = BoardCatalog.Find(o.Board);
            if (board is null || board.FirmwareTarget is null)
            {
                output.WriteLine($"Unknown board '{o.Board}'. Boards: {names}.");
                return CommandLines.BadRequest;
            }

            if (string.IsNullOrWhiteSpace(o.Port))
            {
                output.WriteLine("Name the board's serial port with --port (COM5, /dev/ttyUSB0); `nanoff --listports` lists them.");
                return CommandLines.BadRequest;
            }
        }

        // Only the virtual device's tests are built with MSBuild (Visual Studio's virtual device).
        // --what-if prints the whole plan on any machine, so only a real run stops here.
        string? found = o.Virtual ? o.MsBuild ?? FindMsBuild(findOnPath) : null;
        string msbuild = found ?? "MSBuild.exe";
        string? missingMsBuild = !o.Virtual ? null : found is null
            ? "MSBuild not found. Install Visual Studio 2022 (or its Build Tools) with the .NET nanoFramework extension, or pass --msbuild <path to MSBuild.exe>."
            : File.Exists(msbuild) ? null : $"MSBuild not found at {msbuild}.";
        if (missingMsBuild != null && !o.WhatIf)
        {
            output.WriteLine(missingMsBuild);
            return 3;
        }

        string workDir = Path.Combine(Path.GetTempPath(), "agentphone-flash");
        string image = string.Empty;
        if (board != null)
        {
            foreach (string line in FlashPlan.PinMap(board))
            {
                output.WriteLine(line);
            }

            // Built with --what-if too: the plan shows the image it deploys.
            output.WriteLine("Build: the app's PEs and its deployment image (nanoFramework's libraries and PE converter from their sources at the pins)");
            try
            {
                DeploymentImage built = DeploymentImage.Build(NanoKit.Open(repoRoot), Directory.CreateTempSubdirectory("agentphone-image-").FullName);
                image = built.File;
                output.WriteLine($"Image {built.File} ({built.Bytes:N0} B), its PEs in load order:");
                foreach (var (pe, bytes) in built.Parts)
                {
                    output.WriteLine($"    {Path.GetFileName(pe),-45} {bytes,9:N0} B");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                output.WriteLine("Build failed: " + e.Message);
                return 1;
            }
        }

        var steps = FlashPlan.For(o, board, repoRoot, msbuild, workDir, image, out var files);

        foreach (var (path, content) in files)
        {
            output.WriteLine($"File {path}:");
            // Secrets go to the device, not to the screen or a log.
            string shown = content;
            foreach (string? secret in new[] { o.WifiPassword, o.DeviceSecret })
            {
                shown = secret is { Length: > 0 } ? shown.Replace(secret, "********") : shown;
            }

            output.WriteLine(shown);
            if (!o.WhatIf)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
        }

        for (int i = 0; i < steps.Count; i++)
        {
            FlashStep step = steps[i];
            output.WriteLine($"[{i + 1}/{steps.Count}] {step.Stage}: {step.Description}");
            output.WriteLine($"    {step.CommandLine}");
            string? program = File.Exists(step.Program) ? step.Program : findOnPath(step.Program);
            if (o.WhatIf)
            {
                if (step.Program == msbuild && missingMsBuild != null)
                {
                    output.WriteLine("    missing: " + missingMsBuild);
                }
                else if (program is null)
                {
                    output.WriteLine($"    missing: {step.Program} is not on PATH{(steps.Take(i).Any(s => s.Stage == "Tools") ? " (the Tools step installs it)" : "")}");
                }

                continue;
            }

            if (program is null)
            {
                output.WriteLine($"{step.Program} not found on PATH (the Tools step installs the dotnet tools; open a new shell if it was just installed).");
                return 3;
            }

            int exit = Execute(program, step.Arguments, repoRoot);
            if (exit != 0)
            {
                output.WriteLine($"{step.Stage} failed (exit code {exit}): {step.CommandLine}");
                return 1;
            }
        }

        output.WriteLine(o.WhatIf ? "What-if: nothing was run." : "Done.");
        return 0;
    }

    private static int Execute(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>MSBuild of the newest Visual Studio, as vswhere reports it.</summary>
    private static string? FindMsBuild(Func<string, string?> findOnPath)
    {
        string vswhere = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft Visual Studio", "Installer", "vswhere.exe");
        if (!File.Exists(vswhere))
        {
            return findOnPath("msbuild");
        }

        var start = new ProcessStartInfo(vswhere, "-latest -requires Microsoft.Component.MSBuild -find MSBuild\\**\\Bin\\MSBuild.exe")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        string first = process.StandardOutput.ReadLine() ?? "";
        process.WaitForExit();
        return first.Length > 0 ? first : findOnPath("msbuild");
    }

    /// <summary>A program on PATH (with Windows' extensions), or null.</summary>
    public static string? FindOnPath(string program)
    {
        string[] extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : new[] { "" };
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string ext in extensions)
            {
                string candidate = Path.Combine(dir, program + ext);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        string tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        foreach (string ext in extensions)
        {
            string candidate = Path.Combine(tools, program + ext);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
