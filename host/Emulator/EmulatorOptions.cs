namespace AgentPhone.Emulator;

/// <summary>The emulator's command line.</summary>
public sealed class EmulatorOptions
{
    public int Port { get; set; } = 8080;
    public int Phones { get; set; } = 2;
    public string Board { get; set; } = "virtual";
    public string? Server { get; set; }
    public string Data { get; set; } = "data";
    public string? Screenshots { get; set; }

    public const string Usage = """
        Usage: dotnet run --project host/Emulator [-- options]
          --port <n>      web page, control API and the embedded server's API (default 8080, on 127.0.0.1)
          --phones <n>    how many phones, extensions 2101 up (default 2)
          --board <name>  panel geometry of a board: virtual, devkitc-st7735, m5stack-core, esp32-ssd1306
          --server <url>  phones against an external agent server instead of the embedded one
          --data <dir>    the embedded server's folder: configuration and SQLite database (default data)
          --screenshots <dir>  drive a phone through the main screens, save each as PNG, and exit
        """;

    public static EmulatorOptions Parse(string[] args)
    {
        var o = new EmulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port": o.Port = Number(Next(), "--port", 1, 65535); break;
                case "--phones": o.Phones = Number(Next(), "--phones", 1, 99); break;
                case "--board": o.Board = Next(); break;
                case "--server": o.Server = Next().TrimEnd('/'); break;
                case "--data": o.Data = Next(); break;
                case "--screenshots": o.Screenshots = Next(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return o;
    }

    private static int Number(string text, string name, int min, int max) =>
        int.TryParse(text, out int n) && n >= min && n <= max ? n : throw new ArgumentException($"{name} takes a number from {min} to {max}.");
}
