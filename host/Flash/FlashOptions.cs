using System.CommandLine;

namespace AgentPhone.Flash;

/// <summary>What the user asked for. Options are accepted as <c>--board</c> or, so that
/// flash.ps1 passes its parameters through untouched, as PowerShell's <c>-Board</c>.</summary>
public sealed class FlashOptions
{
    public string? Board { get; set; }
    public string? Port { get; set; }
    public bool Virtual { get; set; }
    public bool WhatIf { get; set; }
    public string? MsBuild { get; set; }
    public string? WifiSsid { get; set; }
    public string? WifiPassword { get; set; }
    public List<string> Servers { get; } = new();
    public string? Extension { get; set; }
    public int UtcOffsetMinutes { get; set; }
    public bool Demo { get; set; }

    /// <summary>The phone's device secret (from the server's --new-secret), or null.</summary>
    public string? DeviceSecret { get; set; }

    /// <summary>The PEM text of the CA certificate the phone trusts for https:// servers, or null.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>The command: <paramref name="run"/> gets what the user asked for.</summary>
    public static RootCommand Command(Func<FlashOptions, int> run)
    {
        var board = new Option<string>("--board") { Description = "devkitc-st7735 | m5stack-core | esp32-ssd1306" };
        var port = new Option<string>("--port") { Description = "the board's serial port (COM5, /dev/ttyUSB0)" };
        var isVirtual = new Option<bool>("--virtual") { Description = "run the device tests on nanoFramework's virtual device (nanoclr)" };
        var ssid = new Option<string>("--wifi-ssid") { Description = "the Wi-Fi network the phone joins" };
        var password = new Option<string>("--wifi-password") { Description = "its password" };
        var servers = new Option<string[]>("--server") { Description = "agent server, primary first (repeat, or separate with commas, for the secondary)", AllowMultipleArgumentsPerToken = false };
        var extension = new Option<string>("--extension") { Description = "the phone's extension (else provisioning decides)" };
        var offset = new Option<int>("--utc-offset") { Description = "local time for the title row, in minutes from UTC" };
        var demo = new Option<bool>("--demo") { Description = "run the single-agent demo server on the device itself" };
        var msbuild = new Option<string>("--msbuild") { Description = "MSBuild.exe to use (default: found with vswhere)" };
        var whatIf = new Option<bool>("--what-if") { Description = "print every step without running it" };
        var deviceSecret = new Option<string>("--device-secret") { Description = "the phone's device secret (the server's --new-secret prints one)" };
        var caCert = CommandLines.CaCertificateOption("PEM file of the CA certificate the phone trusts for https:// servers");
        var command = new RootCommand("Flashes AgentPhone onto an ESP32 devboard, or runs the device tests on nanoFramework's virtual device. " +
            "Options may also be written PowerShell-style: -Board, -Port, -WhatIf, -WifiSsid, ...")
        {
            board, port, isVirtual, ssid, password, servers, extension, offset, demo, deviceSecret, caCert, msbuild, whatIf,
        };
        command.SetAction(r =>
        {
            var o = new FlashOptions
            {
                Board = r.GetValue(board),
                Port = r.GetValue(port),
                Virtual = r.GetValue(isVirtual),
                WifiSsid = r.GetValue(ssid),
                WifiPassword = r.GetValue(password),
                Extension = r.GetValue(extension),
                UtcOffsetMinutes = r.GetValue(offset),
                Demo = r.GetValue(demo),
                MsBuild = r.GetValue(msbuild),
                WhatIf = r.GetValue(whatIf),
                DeviceSecret = r.GetValue(deviceSecret),
                CaCertificate = r.GetValue(caCert) is string file ? File.ReadAllText(file) : null,
            };
            foreach (string s in r.GetValue(servers) ?? [])
            {
                o.Servers.AddRange(s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            return run(o);
        });
        return command;
    }

    /// <summary>PowerShell's spelling of an option (<c>-WifiSsid</c>, <c>-whatif</c>) in the
    /// command's own (<c>--wifi-ssid</c>, <c>--what-if</c>); everything else as it is.</summary>
    public static string[] PowerShellStyle(RootCommand command, string[] args)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(Plain, n => n);
        return args.Select(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && names.TryGetValue(Plain(a), out string? n) ? n : a).ToArray();
    }

    // -WifiSsid, --wifi-ssid and -wifissid all become "wifissid".
    private static string Plain(string arg) => new string(arg.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
