using AgentPhone.Conformance;

namespace AgentPhone.Build.Tests;

/// <summary>
/// The conformance build passes on the real tree and fails, saying where and why, when a
/// device file uses what nanoFramework does not have.
/// </summary>
[TestClass]
public class ConformanceTests
{
    private const string PlantedFile = "firmware/Phone/Planted.cs";

    [TestMethod]
    public void RealTreePasses()
    {
        ConformanceReport report = ConformanceBuild.Run(Repo.Root);

        Assert.IsTrue(report.Passed, report.ToString());
        Assert.IsTrue(report.Projects >= 12, "device projects found: " + report.Projects);
    }

    [TestMethod]
    [DataRow("System.Collections.Generic.List<int> keys = new System.Collections.Generic.List<int>();", "List<int>", "generic")]
    [DataRow("int? timeout = null;", "int?", "nullable value types")]
    [DataRow("int[] keys = new int[] { 1, 2 }; int n = System.Linq.Enumerable.Count(keys);", "'Linq'", "LINQ does not exist on nanoFramework")]
    [DataRow("object x = null; var t = (1, 2);", "(1, 2)", "ValueTuple")]
    public void PlantedStatementFailsWithItsReason(string statement, string construct, string reason)
    {
        string source = "namespace AgentPhone.Phone { public class Planted { public void Run() { " + statement + " } } }";

        ConformanceReport report = Plant(source);

        Assert.IsFalse(report.Passed);
        Finding finding = report.Findings.First(f => f.File == PlantedFile);
        StringAssert.Contains(finding.ToString(), construct);
        StringAssert.Contains(finding.ToString(), reason);
        StringAssert.StartsWith(finding.ToString(), PlantedFile + "(1,");
        StringAssert.Contains(report.ToString(), "Conformance build FAILED");
    }

    [TestMethod]
    public void PlantedLinqMethodCallFails()
    {
        string source = """
            using System.Linq;

            namespace AgentPhone.Phone
            {
                public class Planted
                {
                    public int ReadyCount(int[] states) { return states.Where(s => s == 2).Count(); }
                }
            }
            """;

        ConformanceReport report = Plant(source);

        Assert.IsFalse(report.Passed);
        Finding first = report.Findings.First(f => f.File == PlantedFile);
        Assert.AreEqual(1, first.Line);
        StringAssert.Contains(first.Message, "LINQ does not exist on nanoFramework");
        Assert.IsTrue(report.Findings.Any(f => f.File == PlantedFile && f.Line == 7), report.ToString());
    }

    [TestMethod]
    public void PlantedAsyncMethodFails()
    {
        string source = """
            namespace AgentPhone.Phone
            {
                public class Planted
                {
                    public async void Poll() { await Fetch(); }

                    private object Fetch() { return null; }
                }
            }
            """;

        ConformanceReport report = Plant(source);

        Finding finding = report.Findings.First(f => f.File == PlantedFile);
        Assert.AreEqual(5, finding.Line);
        StringAssert.Contains(finding.Message, "async method Poll");
        StringAssert.Contains(finding.Message, "use a Thread, a Timer or an event");
    }

    [TestMethod]
    public void PlantedGenericClassFailsEvenThoughItWouldCompile()
    {
        ConformanceReport report = Plant("namespace AgentPhone.Phone { public class Planted<T> { public T Value; } }");

        Finding finding = report.Findings.Single(f => f.File == PlantedFile);
        StringAssert.Contains(finding.Message, "type parameters <T>");
    }

    [TestMethod]
    public void ApiOfAPackageNotInPackagesConfigFails()
    {
        // The phone core has no GPIO package: only hardware/Nano may touch pins.
        string source = "namespace AgentPhone.Phone { public class Planted { public object Pins() { return new System.Device.Gpio.GpioController(); } } }";

        ConformanceReport report = Plant(source);

        Finding finding = report.Findings.First(f => f.File == PlantedFile);
        StringAssert.Contains(finding.Message, "Device");
        StringAssert.Contains(finding.Message, "packages.config");
    }

    [TestMethod]
    public void ApiNanoFrameworkLacksFails()
    {
        // nanoFramework 1.x has no System.Threading.Tasks.
        ConformanceReport report = Plant("namespace AgentPhone.Phone { public class Planted { public void Wait() { System.Threading.Tasks.Task.Delay(10); } } }");

        StringAssert.Contains(report.Findings.First(f => f.File == PlantedFile).Message, "Tasks");
    }

    [TestMethod]
    [DataRow("public object Attribute() { return new System.Runtime.CompilerServices.CompilerGeneratedAttribute(); }", "CompilerGeneratedAttribute")]
    [DataRow("public System.IO.Stream Body;", "Stream")]
    [DataRow("public void Finish() { Finalize(); }", "Finalize")]
    [DataRow("public System.AttributeTargets Targets = System.AttributeTargets.GenericParameter;", "GenericParameter")]
    public void ApiTheRealCoreLibraryLacksFails(string member, string missing)
    {
        // The phone core has only the core library: these exist in .NET, not in nanoFramework's mscorlib.dll.
        ConformanceReport report = Plant("namespace AgentPhone.Phone { public class Planted { " + member + " } }");

        StringAssert.Contains(report.Findings.First(f => f.File == PlantedFile).Message, missing);
    }

    [TestMethod]
    public void SntpOutsideItsPackageFails()
    {
        // SNTP is the package nanoFramework.Networking.Sntp, which only hardware/Nano references.
        ConformanceReport report = Plant("using nanoFramework.Networking; namespace AgentPhone.Phone { public class Planted { public void Clock() { Sntp.Start(); } } }");

        Assert.IsTrue(report.Findings.Any(f => f.File == PlantedFile && f.Message.Contains("'Sntp' does not exist", StringComparison.Ordinal)), report.ToString());
    }

    [TestMethod]
    public void GetOnlyAndSealedDeclarationsHold()
    {
        // WebHeaderCollection's indexer has no setter and GpioController is sealed in nanoFramework.
        const string Planted = "hardware/Nano/Planted.cs";
        string source = """
            namespace AgentPhone.Hardware.Nano
            {
                public class PlantedController : System.Device.Gpio.GpioController { }
                public class Planted { public void Set(System.Net.WebHeaderCollection h) { h["Accept"] = "x"; } }
            }
            """;

        ConformanceReport report = ConformanceBuild.Run(Repo.Root, new Dictionary<string, string> { [Planted] = source });

        var messages = report.Findings.Where(f => f.File == Planted).Select(f => f.Message).ToList();
        Assert.IsTrue(messages.Any(m => m.Contains("sealed", StringComparison.Ordinal)), report.ToString());
        Assert.IsTrue(messages.Any(m => m.Contains("read only", StringComparison.Ordinal)), report.ToString());
    }

    [TestMethod]
    public void EveryPackagesConfigPinsTheCoreLibraryTheBuildCompilesAgainst()
    {
        Assert.IsTrue(File.Exists(ConformanceBuild.CoreLibraryPath), "nanoFramework.CoreLibrary is not restored: " + ConformanceBuild.CoreLibraryPath);
        foreach (NfProject project in NfProject.FindAll(Repo.Root))
        {
            Assert.AreEqual(ConformanceBuild.CoreLibraryVersion, project.Packages.Single(p => p.Id == ConformanceBuild.CoreLibrary).Version, project.Name);
        }
    }

    private static ConformanceReport Plant(string source) =>
        ConformanceBuild.Run(Repo.Root, new Dictionary<string, string> { [PlantedFile] = source });
}
