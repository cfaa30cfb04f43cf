namespace AgentPhone.Flash;

/// <summary>What the user asked for. Options are accepted as <c>--board</c> or as PowerShell's
/// <c>-Board</c>, so flash.ps1 passes its parameters through untouched.</summary>
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
    public bool Help { get; set; }

    public const string Usage = """
        Usage: flash --board <name> --port <serial port> [options]
               flash --virtual [options]

          --board <name>          devkitc-st7735 | m5stack-core | esp32-ssd1306
          --port <port>           the board's serial port (COM5, /dev/ttyUSB0)
          --virtual               run the device tests on nanoFramework's virtual device (nanoclr)
          --wifi-ssid <ssid>      Wi-Fi network the phone joins
          --wifi-password <pw>
          --server <url>          agent server, primary first (repeat for the secondary)
          --extension <ext>       the phone's extension (else provisioning decides)
          --utc-offset <minutes>  local time for the title row
          --demo                  run the single-agent demo server on the device itself
          --msbuild <path>        MSBuild.exe to use (default: found with vswhere)
          --what-if               print every step without running it
        Options may also be written PowerShell-style: -Board, -Port, -WhatIf, -WifiSsid, ...
        """;

    /// <summary>Parses the command line; null and a message for anything it does not understand.</summary>
    public static FlashOptions? Parse(string[] args, out string? error)
    {
        var o = new FlashOptions();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = Normalize(args[i]);
            string? Value()
            {
                if (i + 1 < args.Length)
                {
                    return args[++i];
                }

                return null;
            }

            switch (name)
            {
                case "board": o.Board = Value(); break;
                case "port": o.Port = Value(); break;
                case "virtual": o.Virtual = true; break;
                case "whatif": o.WhatIf = true; break;
                case "msbuild": o.MsBuild = Value(); break;
                case "wifissid": o.WifiSsid = Value(); break;
                case "wifipassword": o.WifiPassword = Value(); break;
                case "server":
                    string? server = Value();
                    if (server != null)
                    {
                        o.Servers.AddRange(server.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    }

                    break;
                case "extension": o.Extension = Value(); break;
                case "utcoffset":
                    if (!int.TryParse(Value(), out int offset))
                    {
                        error = "--utc-offset needs minutes, e.g. 60";
                        return null;
                    }

                    o.UtcOffsetMinutes = offset;
                    break;
                case "demo": o.Demo = true; break;
                case "help": case "h": case "?": o.Help = true; break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    return null;
            }
        }

        return o;
    }

    // --wifi-ssid, -WifiSsid and --WIFI_SSID all become "wifissid".
    private static string Normalize(string arg) =>
        new string(arg.TrimStart('-', '/').Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
