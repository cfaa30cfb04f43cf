using System.Reflection;
using AgentPhone.Build.Tests;
using AgentPhone.Conformance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentPhone.NanoClr.Tests;

/// <summary>What passes on the desktop is not enough: a device test that needs more than an
/// ESP32 has fails on nanoCLR, by name.</summary>
[TestClass]
public sealed class DeviceLimitsTests
{
    private const string PlantedFile = "tests/Firmware.Tests/PlantedAllocationTests.cs";
    private const string PlantedTest = "AgentPhone.Firmware.Tests.PlantedAllocationTests.KeepsTwoMegabytes";

    private const string Planted = """
        using nanoFramework.TestFramework;

        namespace AgentPhone.Firmware.Tests
        {
            [TestClass]
            public class PlantedAllocationTests
            {
                [TestMethod]
                public void KeepsTwoMegabytes()
                {
                    byte[] block = new byte[2 * 1024 * 1024];
                    block[block.Length - 1] = 7;
                    Assert.AreEqual(7, (int)block[block.Length - 1]);
                }
            }
        }
        """;

    [TestMethod]
    public void ATestAllocatingTwoMegabytesPassesOnTheDesktopAndFailsOnNanoClrByName()
    {
        RunOnTheDesktop();

        NanoKit kit = NanoKit.Open(Repo.Root);
        string folder = Directory.CreateTempSubdirectory("agentphone-planted-").FullName;
        DeviceBuild build = kit.BuildDevice(folder, new Dictionary<string, string> { [PlantedFile] = Planted });
        DeviceTestRun run = DeviceTestRun.Run(kit.Runtime, kit.LoadOrder(build, build.Named("AgentPhone.Firmware.Tests")));

        var planted = run.Of(PlantedTest);
        Assert.AreEqual(1, planted.Count, $"nanoCLR reported the planted test once:\n{run.Tail()}");
        Assert.AreEqual(DeviceOutcome.Failed, planted[0].Result.Outcome, planted[0].Result.Detail);
        StringAssert.Contains(planted[0].Result.Detail, "OutOfMemoryException");
        Assert.IsTrue(run.Finished, "the launcher went on after it:\n" + run.Tail());
        Assert.IsTrue(run.Results.Count(r => r.Value.Outcome == DeviceOutcome.Passed) > 100, "the other tests still ran and passed");
        Directory.Delete(folder, recursive: true);
    }

    // The same file compiled for .NET against the TestFramework facade: its test passes there.
    private static void RunOnTheDesktop()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(framework, "System*.dll").Append(Path.Combine(framework, "netstandard.dll"))
            .Append(typeof(nanoFramework.TestFramework.Assert).Assembly.Location)
            .Append(typeof(Microsoft.VisualStudio.TestTools.UnitTesting.Assert).Assembly.Location)
            .Where(f => !f.EndsWith(".Native.dll", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create("Planted", [CSharpSyntaxTree.ParseText(Planted)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var dll = new MemoryStream();
        var emitted = compilation.Emit(dll);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Type type = Assembly.Load(dll.ToArray()).GetType("AgentPhone.Firmware.Tests.PlantedAllocationTests")!;
        type.GetMethod("KeepsTwoMegabytes")!.Invoke(Activator.CreateInstance(type), null);
    }
}

/// <summary>The PE converter built from MetadataProcessor's sources is the one nanoFramework
/// ships: it turns the CoreLibrary package's mscorlib.dll into the package's own mscorlib.pe.</summary>
[TestClass]
public sealed class PeConverterTests
{
    [TestMethod]
    public void ConvertingTheCoreLibraryGivesThePackagesPeByteForByte()
    {
        NanoKit kit = NanoKit.Open(Repo.Root);
        NanoAssembly shipped = NanoLibraries.CoreLibrary();
        string folder = Directory.CreateTempSubdirectory("agentphone-pe-").FullName;
        var converted = shipped with { Pe = Path.Combine(folder, "mscorlib.pe") };

        kit.Converter.Convert(converted, [shipped]);

        CollectionAssert.AreEqual(File.ReadAllBytes(shipped.Pe), File.ReadAllBytes(converted.Pe));
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The device memory bench runs on nanoCLR: the phone boots, signs in and rings with
/// Caller Data within the device heap, and dropping it gives its memory back.</summary>
[TestClass]
public sealed class DeviceMemoryTests
{
    [TestMethod]
    public void TheSmallestBoardRingsWithCallerDataInTheDeviceHeap()
    {
        DeviceMemory m = DeviceMemory.Measure(NanoKit.Open(Repo.Root), "esp32-ssd1306", withDemo: true);

        Assert.IsTrue(m.CallerDataShown, "the phone showed Caller Data");
        Assert.IsTrue(m.Kept > 0 && m.Kept < m.HeapBytes, $"the phone kept {m.Kept} B of {m.HeapBytes}");
        Assert.IsTrue(m.Free > 0, "heap left while ringing");
    }
}
