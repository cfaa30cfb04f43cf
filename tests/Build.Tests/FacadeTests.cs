using System.Xml.Linq;

namespace AgentPhone.Build.Tests;

/// <summary>
/// The nanoFramework.TestFramework facade, run for real: tests/Facade.Fixture goes through its
/// own `dotnet test`, and what MSTest reported and what ran are checked. A test that fails on
/// purpose must come out failed; Setup and Cleanup run once around their class; each DataRow
/// is a test of its own.
/// </summary>
[TestClass]
public class FacadeTests
{
    private static XElement? _counters;
    private static List<(string Test, string Outcome)> _results = new();
    private static string[] _log = Array.Empty<string>();
    private static string _output = "";

    [ClassInitialize]
    public static void RunFixture(TestContext context)
    {
        string work = Path.Combine(Path.GetTempPath(), "agentphone-facade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        string log = Path.Combine(work, "fixture.log");
        var (_, output) = Repo.Run(
            "dotnet",
            $"test tests/Facade.Fixture/AgentPhone.Facade.Fixture.csproj --logger \"trx;LogFileName=fixture.trx\" --results-directory \"{work}\"",
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["FACADE_FIXTURE_LOG"] = log });
        _output = output;

        string trx = Path.Combine(work, "fixture.trx");
        Assert.IsTrue(File.Exists(trx), "the fixture run wrote no results:\n" + output);
        XDocument doc = XDocument.Load(trx);
        XNamespace ns = doc.Root!.Name.Namespace;
        _counters = doc.Descendants(ns + "Counters").Single();
        _results = doc.Descendants(ns + "UnitTestResult")
            .Select(r => ((string)r.Attribute("testName")!, (string)r.Attribute("outcome")!))
            .ToList();
        _log = File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();
        Directory.Delete(work, recursive: true);
    }

    [TestMethod]
    public void AFailingTestIsReportedAsFailed()
    {
        Assert.AreEqual("2", (string?)_counters!.Attribute("failed"), _output);
        Assert.AreEqual("Failed", Outcome("FailsOnPurpose"));
        StringAssert.Contains(_output, "this test must be reported as failed");
    }

    [TestMethod]
    public void PassingTestsAndEachDataRowPass()
    {
        Assert.AreEqual("3", (string?)_counters!.Attribute("passed"), _output);
        Assert.AreEqual("Passed", Outcome("Passes"));
        Assert.AreEqual(2, _results.Count(r => r.Test.StartsWith("Rows", StringComparison.Ordinal) && r.Outcome == "Passed"));
        CollectionAssert.Contains(_log, "row 1 one");
        CollectionAssert.Contains(_log, "row 2 two");
    }

    [TestMethod]
    public void SetupRunsOnceFirstAndCleanupOnceLast()
    {
        var lifecycle = _log.Where(l => l is "setup" or "passes" or "row 1 one" or "row 2 two" or "fails" or "cleanup").ToList();
        Assert.AreEqual(6, lifecycle.Count, string.Join(", ", _log));
        Assert.AreEqual("setup", lifecycle.First());
        Assert.AreEqual("cleanup", lifecycle.Last());
        Assert.AreEqual(1, _log.Count(l => l == "setup"));
        Assert.AreEqual(1, _log.Count(l => l == "cleanup"));
    }

    [TestMethod]
    public void ASetupThatSkipsSkipsItsClass()
    {
        Assert.AreNotEqual("Passed", Outcome("NeverRuns"));
        Assert.AreNotEqual("Failed", Outcome("NeverRuns"));
        CollectionAssert.DoesNotContain(_log, "never");
    }

    [TestMethod]
    public void ASetupThatThrowsFailsItsClass()
    {
        Assert.AreEqual("Failed", Outcome("ReportedAsFailed"));
        StringAssert.Contains(_output, "[Setup] failed: fixture is broken");
        CollectionAssert.DoesNotContain(_log, "after-broken-setup");
    }

    private static string Outcome(string test) => _results.Single(r => r.Test == test).Outcome;
}
