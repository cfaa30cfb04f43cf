using System.Text.Json;
using AgentPhone.Boards;

namespace AgentPhone.Flash;

/// <summary>One command of the plan, shown before it runs.</summary>
public sealed record FlashStep(string Stage, string Description, string Program, IReadOnlyList<string> Arguments)
{
    public string CommandLine => Program + (Arguments.Count == 0 ? "" : " " + string.Join(' ', Arguments.Select(Quote)));

    private static string Quote(string a) => a.Length == 0 || a.Any(char.IsWhiteSpace) ? "\"" + a + "\"" : a;
}

/// <summary>
/// Everything flashing does, as a list of commands: install or update nanoff, flash
/// nanoFramework's firmware for the board's target, write the phone's configuration file to the
/// device's storage, deploy the app's image (built beforehand, in this process, by
/// <see cref="AgentPhone.Conformance.DeploymentImage"/>). With --virtual: nanoclr, the build with
/// MSBuild, and the device tests on Visual Studio's virtual device. Pure: files it would write
/// are returned, not written.
/// </summary>
public static class FlashPlan
{
    public const string ConfigFileName = "agentphone.json";
    public const string DeploymentFileName = "agentphone.deploy.json";

    public static IReadOnlyList<FlashStep> For(FlashOptions o, BoardProfile? board, string repoRoot, string msbuild, string workDir, string image,
        out IReadOnlyDictionary<string, string> files)
    {
        var steps = new List<FlashStep>();
        var written = new Dictionary<string, string>();

        if (o.Virtual)
        {
            string solution = Path.Combine(repoRoot, "nf.sln");
            var build = new List<string> { solution, "-restore", "-p:RestorePackagesConfig=true", "-p:Configuration=Release", "-m", "-v:minimal" };
            steps.Add(new FlashStep("Tools", "install or update nanoclr, the virtual device", "dotnet", new[] { "tool", "update", "--global", "nanoclr" }));
            steps.Add(new FlashStep("Firmware", "update the virtual device's runtime", "nanoclr", new[] { "instance", "--update" }));
            steps.Add(new FlashStep("Build", "build the device solution", msbuild, build));
            foreach (string tests in new[] { "Hardware.Tests", "Firmware.Tests" })
            {
                string dir = Path.Combine(repoRoot, "tests", tests);
                steps.Add(new FlashStep("Test", $"run {tests} on the virtual device", VsTestNextTo(msbuild),
                    new[] { Path.Combine(dir, "bin", "Release", "NFUnitTest.dll"), "/Settings:" + Path.Combine(dir, "nano.runsettings"),
                        "/TestAdapterPath:" + Path.Combine(repoRoot, "packages", "nanoFramework.TestFramework.2.1.112", "lib", "net48") }));
            }

            files = written;
            return steps;
        }

        string target = board!.FirmwareTarget!;
        string port = o.Port!;
        string config = Path.Combine(workDir, ConfigFileName);
        string deployment = Path.Combine(workDir, DeploymentFileName);
        written[config] = ConfigJson(o, board);
        written[deployment] = JsonSerializer.Serialize(new
        {
            serialport = port,
            files = new[] { new { DestinationFilePath = "I:\\" + ConfigFileName, SourceFilePath = config } },
        }, new JsonSerializerOptions { WriteIndented = true });

        steps.Add(new FlashStep("Tools", "install or update nanoff, nanoFramework's flasher", "dotnet", new[] { "tool", "update", "--global", "nanoff" }));
        steps.Add(new FlashStep("Firmware", $"flash nanoFramework for {target}", "nanoff", new[] { "--target", target, "--serialport", port, "--update" }));
        steps.Add(new FlashStep("Configure", $"write {ConfigFileName} to the device's storage (I:)", "nanoff", new[] { "--filedeployment", deployment }));
        steps.Add(new FlashStep("Deploy", "deploy the AgentPhone app's image", "nanoff", new[] { "--target", target, "--serialport", port, "--deploy", "--image", image }));
        files = written;
        return steps;
    }

    /// <summary>Visual Studio's test runner, in the installation the MSBuild belongs to
    /// (MSBuild\Current\Bin\MSBuild.exe beside Common7\IDE\Extensions\TestPlatform).</summary>
    public static string VsTestNextTo(string msbuild)
    {
        string? bin = Path.GetDirectoryName(msbuild);
        string? install = bin is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(bin)));
        return install is null ? "vstest.console" : Path.Combine(install, "Common7", "IDE", "Extensions", "TestPlatform", "vstest.console.exe");
    }

    /// <summary>The device's configuration file, read at boot by firmware/Device/DeviceConfig.
    /// Without a server the phone runs the single-agent demo on the device.</summary>
    public static string ConfigJson(FlashOptions o, BoardProfile board) =>
        JsonSerializer.Serialize(new
        {
            board = board.Name,
            wifiSsid = o.WifiSsid,
            wifiPassword = o.WifiPassword,
            servers = o.Servers.ToArray(),
            extension = o.Extension,
            utcOffsetMinutes = o.UtcOffsetMinutes,
            demo = o.Demo || o.Servers.Count == 0,
            deviceSecret = o.DeviceSecret,
            caCertificate = o.CaCertificate,
        }, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    /// <summary>The board's wiring as the plan prints it.</summary>
    public static IEnumerable<string> PinMap(BoardProfile b)
    {
        yield return $"Board {b.Name}: {b.Description}";
        yield return $"  panel {b.Panel} {b.PanelWidth}x{b.PanelHeight}, rotation {b.PanelRotation}, {b.Columns}x{b.Rows} characters";
        if (b.SpiMosi >= 0)
        {
            yield return $"  SPI{b.SpiBus}: MOSI {b.SpiMosi}, SCK {b.SpiClock}, CS {b.PanelCs}, DC {b.PanelDc}, RST {Pin(b.PanelReset)}, BL {Pin(b.PanelBacklight)}";
        }

        if (b.I2cData >= 0)
        {
            yield return $"  I2C{b.I2cBus}: SDA {b.I2cData}, SCL {b.I2cClock}";
        }

        if (b.RowPins.Length > 0)
        {
            yield return $"  keypad rows {string.Join(",", b.RowPins)}, columns {string.Join(",", b.ColumnPins)}";
        }

        if (b.ButtonPins.Length > 0)
        {
            yield return $"  buttons {string.Join(",", b.ButtonPins)}";
        }

        if (b.CardKb)
        {
            yield return "  CardKB on I2C 0x5F";
        }

        yield return $"  buzzer {Pin(b.BuzzerPin)}";
    }

    private static string Pin(int pin) => pin < 0 ? "-" : pin.ToString();
}
