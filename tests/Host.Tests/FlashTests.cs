using AgentPhone.Flash;

namespace AgentPhone.Host.Tests;

/// <summary>The flashing command as a user runs it: its plan per board with --what-if, its
/// errors, and its runner stopping at a failing step.</summary>
[TestClass]
public sealed class FlashTests
{
    private static readonly string Root = AgentPhone.Build.Tests.Repo.Root;
    private static readonly string FakeMsBuild = typeof(FlashTests).Assembly.Location;

    private static (int Exit, string Output) Flash(string[] args, Func<string, string?>? findOnPath = null)
    {
        var output = new StringWriter();
        int exit = FlashCommand.Run(args, output, Root, findOnPath ?? (_ => null));
        return (exit, output.ToString());
    }

    [TestMethod]
    [DataRow("devkitc-st7735", "ESP32_REV3", "SPI1: MOSI 23, SCK 18, CS 5, DC 16, RST 17, BL 4", "keypad rows 13,14,27,26,22, columns 32,33,19,21")]
    [DataRow("m5stack-core", "M5Core", "SPI1: MOSI 23, SCK 18, CS 14, DC 27, RST 33, BL 32", "CardKB on I2C 0x5F")]
    [DataRow("esp32-ssd1306", "ESP32_REV3", "I2C1: SDA 21, SCL 22", "buttons 16,17,4,18")]
    public void WhatIfPrintsTheWholePlanForEachBoard(string board, string target, string panelPins, string keyPins)
    {
        var (exit, output) = Flash(new[] { "-Board", board, "-Port", "COM5", "-WifiSsid", "office", "-WifiPassword", "s3cret",
            "-Server", "http://10.0.0.5:8082", "-WhatIf" });

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, panelPins);
        StringAssert.Contains(output, keyPins);
        StringAssert.Contains(output, "Build: the app's PEs and its deployment image");
        Assert.IsFalse(output.Contains("nf.sln", StringComparison.Ordinal) || output.Contains("missing: MSBuild", StringComparison.Ordinal), "a board is flashed without MSBuild: " + output);
        StringAssert.Contains(output, "[1/4] Tools: install or update nanoff");
        StringAssert.Contains(output, "dotnet tool update --global nanoff");
        StringAssert.Contains(output, $"[2/4] Firmware: flash nanoFramework for {target}");
        StringAssert.Contains(output, $"nanoff --target {target} --serialport COM5 --update");
        StringAssert.Contains(output, "nanoff --filedeployment ");
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex($@"nanoff --target {target} --serialport COM5 --deploy --image \S+AgentPhone\.App\.bin\r?\n"));
        StringAssert.Contains(output, $"\"board\": \"{board}\"");
        StringAssert.Contains(output, "\"demo\": false");
        Assert.IsFalse(output.Contains("s3cret"), "the Wi-Fi password is not printed");
        StringAssert.Contains(output, "What-if: nothing was run.");
    }

    [TestMethod]
    public void TheDeviceSecretAndTheCaCertificateGoIntoThePhonesConfiguration()
    {
        string folder = Directory.CreateTempSubdirectory("flash-ca-").FullName;
        var certificates = new TestCertificates(folder);
        var (exit, output) = Flash(new[] { "--board", "devkitc-st7735", "--port", "COM5", "--server", "https://10.0.0.5:8443",
            "--device-secret", "d3v1ce-s3cret", "--ca-cert", certificates.CaPemFile, "--what-if" });
        Assert.AreEqual(0, exit, output);
        Assert.IsFalse(output.Contains("d3v1ce-s3cret"), "the device secret is not printed");
        StringAssert.Contains(output, "\"deviceSecret\": \"********\"");
        StringAssert.Contains(output, "\"caCertificate\": \"-----BEGIN CERTIFICATE-----");

        var o = new FlashOptions { DeviceSecret = "d3v1ce-s3cret", CaCertificate = certificates.CaPem };
        o.Servers.Add("https://10.0.0.5:8443");
        string json = FlashPlan.ConfigJson(o, AgentPhone.Boards.BoardCatalog.Find("devkitc-st7735"));
        var config = AgentPhone.Device.DeviceConfig.Parse(json, out string error);
        Assert.IsNull(error, json);
        Assert.AreEqual("d3v1ce-s3cret", config.DeviceSecret, "the phone reads what the flash wrote");
        Assert.AreEqual(certificates.CaPem, config.CaCertificate);

        (exit, output) = Flash(new[] { "--board", "devkitc-st7735", "--port", "COM5", "--ca-cert", Path.Combine(folder, "server.pfx"), "--what-if" });
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "is not a PEM certificate file");
        Directory.Delete(folder, true);
    }

    [TestMethod]
    public void WithoutAServerTheDeviceRunsTheDemo()
    {
        var (exit, output) = Flash(new[] { "--board", "devkitc-st7735", "--port", "/dev/ttyUSB0", "--what-if" });
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "\"demo\": true");
        StringAssert.Contains(output, "--serialport /dev/ttyUSB0");
    }

    [TestMethod]
    public void TheVirtualDeviceRunsTheDeviceTests()
    {
        var (exit, output) = Flash(new[] { "--virtual", "--msbuild", FakeMsBuild, "--what-if" });
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "dotnet tool update --global nanoclr");
        StringAssert.Contains(output, "nanoclr instance --update");
        StringAssert.Contains(output, "run Hardware.Tests on the virtual device");
        StringAssert.Contains(output, "nano.runsettings");
        Assert.IsFalse(output.Contains("nanoff"), output);
    }

    [TestMethod]
    public void AnUnknownBoardOrAMissingPortIsABadRequest()
    {
        var (exit, output) = Flash(new[] { "--board", "arduino-uno", "--port", "COM5", "--what-if" });
        Assert.AreEqual(2, exit);
        StringAssert.Contains(output, "Unknown board 'arduino-uno'. Boards: devkitc-st7735, m5stack-core, esp32-ssd1306.");

        (exit, output) = Flash(new[] { "--board", "virtual", "--port", "COM5" });
        Assert.AreEqual(2, exit, "the virtual board is not flashed");

        (exit, output) = Flash(new[] { "--board", "m5stack-core" });
        Assert.AreEqual(2, exit);
        StringAssert.Contains(output, "--port");

        (exit, output) = Flash(new[] { "--colour", "blue" });
        Assert.AreEqual(2, exit);
        StringAssert.Contains(output, "Unrecognized command or argument '--colour'.");
        StringAssert.Contains(output, "--what-if", "the help follows the fault");
    }

    [TestMethod]
    public void TheVirtualDeviceNamesMissingMsBuildBeforeAnythingRuns()
    {
        // Only Visual Studio's virtual device needs MSBuild.
        var (exit, output) = Flash(new[] { "--virtual" });
        Assert.AreEqual(3, exit);
        StringAssert.Contains(output, "MSBuild not found. Install Visual Studio 2022");
        Assert.IsFalse(output.Contains("[1/"), "nothing ran");

        (exit, output) = Flash(new[] { "--virtual", "--msbuild", "/no/such/MSBuild.exe" });
        Assert.AreEqual(3, exit);
        StringAssert.Contains(output, "MSBuild not found at /no/such/MSBuild.exe.");
    }

    [TestMethod]
    public void WhatIfPrintsThePlanWhereNoToolIsInstalledAndMarksWhatIsMissing()
    {
        var (exit, output) = Flash(new[] { "--board", "devkitc-st7735", "--port", "COM5", "--what-if" });

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "    missing: nanoff is not on PATH (the Tools step installs it)");
        StringAssert.Contains(output, "[4/4] Deploy");
        StringAssert.Contains(output, "What-if: nothing was run.");
    }

    [TestMethod]
    public void TheImageHoldsTheAppsPesInLoadOrderMscorlibFirst()
    {
        var kit = AgentPhone.Conformance.NanoKit.Open(Root);
        string folder = Directory.CreateTempSubdirectory("flash-image-").FullName;

        var image = AgentPhone.Conformance.DeploymentImage.Build(kit, folder);

        var names = image.Parts.Select(p => Path.GetFileNameWithoutExtension(p.Pe)).ToList();
        Assert.AreEqual("mscorlib", names[0], "mscorlib first: every other assembly references it");
        CollectionAssert.IsSubsetOf(new[] { "AgentPhone.App", "AgentPhone.Device", "AgentPhone.Phone", "AgentPhone.Server", "AgentPhone.Protocol",
            "AgentPhone.Hardware.Nano", "AgentPhone.Listener", "AgentPhone.Boards", "System.Net.Http", "System.Net", "nanoFramework.Hardware.Esp32" }, names);
        Assert.AreEqual(names.Count, names.Distinct().Count(), "each assembly once");
        Assert.IsFalse(names.Any(n => n.Contains("Test", StringComparison.Ordinal)), "no test assembly or launcher on the device");

        // The file is the PEs one after another, each whole and marked as nanoFramework's, on a 4-byte word.
        byte[] bytes = File.ReadAllBytes(image.File);
        Assert.AreEqual(image.Bytes, bytes.LongLength);
        long at = 0;
        foreach (var (pe, size) in image.Parts)
        {
            Assert.AreEqual(new FileInfo(pe).Length, size);
            Assert.AreEqual(0, at % 4, pe + " starts on a word");
            Assert.AreEqual("NFMRK1", System.Text.Encoding.ASCII.GetString(bytes, (int)at, 6), pe);
            CollectionAssert.AreEqual(File.ReadAllBytes(pe), bytes.Skip((int)at).Take((int)size).ToArray(), pe);
            at += size;
        }

        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void TheReadmeWhatIfCommandRunsAsWritten()
    {
        // The command of the README, from the repository root, on a machine without Visual Studio.
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet run --project host/Flash -- --board devkitc-st7735 --port COM5 --what-if");

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "AgentPhone.App.bin");
        StringAssert.Contains(output, "    mscorlib.pe");
        StringAssert.Contains(output, "[1/4] Tools");
        StringAssert.Contains(output, "[4/4] Deploy");
        StringAssert.Contains(output, "What-if: nothing was run.");
    }

    [TestMethod]
    public void TheRunnerStopsAtTheFirstFailingStep()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("uses /bin/true and /bin/false");
        }

        // The build and dotnet succeed, nanoff fails: progress up to Firmware, then the failure.
        var (exit, output) = Flash(new[] { "--board", "esp32-ssd1306", "--port", "COM5" },
            program => program == "dotnet" ? "/bin/true" : program == "nanoff" ? "/bin/false" : null);

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "AgentPhone.App.bin");
        StringAssert.Contains(output, "[2/4] Firmware");
        StringAssert.Contains(output, "Firmware failed (exit code 1): nanoff --target ESP32_REV3 --serialport COM5 --update");
        Assert.IsFalse(output.Contains("[3/4]"), output);
    }
}
