using System.CommandLine;

namespace AgentPhone.Emulator;

/// <summary>The emulator's command line.</summary>
public sealed class EmulatorOptions
{
    public int Port { get; set; } = 8080;
    public int Phones { get; set; } = 2;
    public string Board { get; set; } = "virtual";
    /// <summary>An external agent server's URLs (a cluster's nodes), primary first; none: the embedded server.</summary>
    public string[] Servers { get; set; } = [];
    public string Data { get; set; } = "data";
    public string? Screenshots { get; set; }

    /// <summary>PEM text of the CA certificate the phones check an https:// --server against.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>The PBX key the page's and the control API's offered calls carry to a --server
    /// (the embedded server's own key otherwise).</summary>
    public string? PbxKey { get; set; }

    /// <summary>The command: <paramref name="run"/> gets what it asked for.</summary>
    public static RootCommand Command(Func<EmulatorOptions, CancellationToken, Task<int>> run)
    {
        var d = new EmulatorOptions();
        var port = Ranged("--port", "web page, control API and the embedded server's API, on 127.0.0.1", d.Port, 1, 65535);
        var phones = Ranged("--phones", "how many phones, extensions 2101 up", d.Phones, 1, 99);
        var board = new Option<string>("--board") { Description = "panel geometry of a board: virtual, devkitc-st7735, m5stack-core, esp32-ssd1306", DefaultValueFactory = _ => d.Board };
        var server = new Option<string[]>("--server") { Description = "phones against an external agent server instead of the embedded one (a cluster: every node's URL, primary first)", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string>("--data") { Description = "the embedded server's folder: configuration and SQLite database", DefaultValueFactory = _ => d.Data };
        var screenshots = new Option<string>("--screenshots") { Description = "drive a phone through the main screens, save each as PNG in this folder (relative to the repository), and exit" };
        var caCert = CommandLines.CaCertificateOption("PEM file of the CA certificate the phones check an https:// --server against");
        var pbxKey = new Option<string>("--pbx-key") { Description = "the PBX API key of the --server's tenant, for the calls the page and POST /emulator/calls offer there" };
        var command = new RootCommand("The AgentPhone emulator: phones running the real phone code, in the browser.") { port, phones, board, server, data, screenshots, caCert, pbxKey };
        command.Validators.Add(r =>
        {
            if (r.GetResult(pbxKey) is not null && (r.GetValue(server) ?? []).Length == 0)
            {
                r.AddError("--pbx-key is for a --server; the embedded server's calls carry its own key.");
            }
        });
        command.SetAction((r, cancel) => run(new EmulatorOptions
        {
            Port = r.GetValue(port),
            Phones = r.GetValue(phones),
            Board = r.GetValue(board)!,
            Servers = (r.GetValue(server) ?? []).Select(s => s.TrimEnd('/')).ToArray(),
            Data = r.GetValue(data)!,
            Screenshots = r.GetValue(screenshots),
            CaCertificate = r.GetValue(caCert) is string file ? File.ReadAllText(file) : null,
            PbxKey = r.GetValue(pbxKey),
        }, cancel));
        return command;
    }

    private static Option<int> Ranged(string name, string description, int value, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => value };
        option.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n < min || n > max)
            {
                r.AddError($"{name} takes a number from {min} to {max}.");
            }
        });
        return option;
    }
}
