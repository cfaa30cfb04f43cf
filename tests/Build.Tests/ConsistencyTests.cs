using System.Text.Json;
using AgentPhone.Conformance;

namespace AgentPhone.Build.Tests;

/// <summary>
/// The device build (.nfproj + packages.config) and the host build (.csproj) stay in step:
/// same source files, same project references, and every package referenced with the
/// version its packages.config pins.
/// </summary>
[TestClass]
public class ConsistencyTests
{
    /// <summary>Device projects with no host build: they bind APIs only nanoFramework has.</summary>
    private static readonly string[] DeviceOnly = { "AgentPhone.App", "AgentPhone.Hardware.Nano", "AgentPhone.Listener", "AgentPhone.Bench.Device" };

    // Parsed once for the class: every test reads the same project files.
    private static readonly IReadOnlyList<NfProject> Projects = NfProject.FindAll(Repo.Root);

    public static IEnumerable<object[]> ProjectNames => Projects.Select(p => new object[] { p.Name });

    [TestMethod]
    public void EveryDeviceFolderHasItsProject()
    {
        string[] expected =
        {
            "firmware/Protocol", "firmware/Server", "firmware/Listener", "firmware/Phone", "firmware/App",
            "hardware/Abstractions", "hardware/Display", "hardware/Keypad", "hardware/Ringer", "hardware/Nano", "boards",
        };
        var folders = Projects.Select(p => ConformanceBuild.Relative(Repo.Root, p.Directory)).ToHashSet();
        foreach (string folder in expected)
        {
            Assert.IsTrue(folders.Contains(folder), folder + " has no .nfproj");
        }
    }

    [TestMethod]
    [DynamicData(nameof(ProjectNames))]
    public void NfprojListsExactlyTheSourceFilesOnDisk(string name)
    {
        NfProject project = Project(name);
        var onDisk = SourcesOnDisk(project.Directory);
        var listed = project.Compile.Select(f => Rel(project, f)).ToHashSet();

        CollectionAssert.AreEquivalent(onDisk.ToList(), listed.ToList(),
            $"{name}.nfproj: missing {string.Join(", ", onDisk.Except(listed))}; stale {string.Join(", ", listed.Except(onDisk))}");
    }

    [TestMethod]
    [DynamicData(nameof(ProjectNames))]
    public void HostBuildCompilesTheSameFilesAndReferences(string name)
    {
        NfProject project = Project(name);
        string csproj = Path.Combine(project.Directory, name + ".csproj");
        if (DeviceOnly.Contains(name))
        {
            Assert.IsFalse(File.Exists(csproj), name + " is device-only and must not have a host build");
            return;
        }

        Assert.IsTrue(File.Exists(csproj), name + " has no host .csproj beside its .nfproj");
        (var compile, var references) = Evaluate(csproj);

        CollectionAssert.AreEquivalent(project.Compile.Select(f => Rel(project, f)).ToList(), compile.Select(f => Rel(project, f)).ToList(),
            name + ".csproj compiles other files than the .nfproj");

        // Device projects reference device projects; the host build references their host builds.
        var deviceRefs = project.ProjectReferences.Select(Path.GetFileNameWithoutExtension).ToList();
        var hostRefs = references.Select(Path.GetFileNameWithoutExtension)
            .Where(r => r != "AgentPhone.TestFramework")
            .ToList();
        CollectionAssert.AreEquivalent(deviceRefs, hostRefs, name + ": project references differ between .nfproj and .csproj");
    }

    [TestMethod]
    [DynamicData(nameof(ProjectNames))]
    public void EveryPackageIsReferencedWithItsPinnedVersion(string name)
    {
        NfProject project = Project(name);

        Assert.IsTrue(project.Packages.Count > 0, name + " has no packages.config entries");
        CollectionAssert.AreEquivalent(
            project.Packages.Select(p => p.ToString()).ToList(),
            project.ReferencedPackages.Select(p => p.ToString()).ToList(),
            name + ": packages.config and the .nfproj HintPaths disagree");
    }

    [TestMethod]
    public void APackageVersionIsTheSameEverywhere()
    {
        var versions = Projects.SelectMany(p => p.Packages).Distinct().GroupBy(p => p.Id);
        foreach (var package in versions)
        {
            Assert.AreEqual(1, package.Count(), $"{package.Key} is pinned at {string.Join(" and ", package.Select(p => p.Version))}");
        }
    }

    [TestMethod]
    public void EveryPackageIsBuiltFromItsSourcesAtThePinnedVersion()
    {
        // The nanoFramework build compiles each package from its repository at the tag of the
        // version packages.config pins: build/nanoframework.tsv names that tag and its commit.
        NanoPins pins = NanoPins.Load(Repo.Root);
        foreach (PackageRef package in Projects.SelectMany(p => p.Packages).Distinct())
        {
            NanoPin? pin = pins.OfPackage(package.Id);
            Assert.IsNotNull(pin, $"{package.Id} is in a packages.config but not in {NanoPins.File}");
            Assert.AreEqual(package.Version, pin.Version, $"{NanoPins.File} builds {package.Id} at another version than packages.config pins");
            Assert.AreEqual("v" + package.Version, pin.Tag, $"{package.Id}: the tag of the pinned version");
            Assert.AreEqual(40, pin.Commit.Length, $"{package.Id}: a whole commit id");
        }
    }

    [TestMethod]
    public void TheDeviceTestProjectsBuildWithTheTestFrameworkAsItShips()
    {
        // TestFramework stopped shipping its .targets file in 2.1.64: an import of it, or a check
        // that it exists, fails the build in Visual Studio.
        foreach (NfProject project in Projects.Where(p => p.Name.EndsWith(".Tests", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(project.Path);
            Assert.IsFalse(text.Contains("nanoFramework.TestFramework.targets", StringComparison.Ordinal), project.Name + ".nfproj refers to nanoFramework.TestFramework.targets");
            Assert.IsFalse(text.Contains("EnsureNuGetPackageBuildImports", StringComparison.Ordinal), project.Name + ".nfproj checks for package build imports");
            StringAssert.Contains(text, "nanoFramework.UnitTestLauncher.exe", project.Name + ".nfproj references the launcher, as nanoFramework's own test projects do");
        }
    }

    [TestMethod]
    public void HostSolutionFilterHoldsEveryHostProject()
    {
        using JsonDocument filter = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("nf.host.slnf")));
        var listed = filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(p => p.GetString()!.Replace('\\', '/'))
            .ToHashSet();
        string sln = File.ReadAllText(Repo.PathOf("nf.sln"));

        foreach (string csproj in Directory.EnumerateFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
                     .Select(p => ConformanceBuild.Relative(Repo.Root, p))
                     .Where(p => !NfProject.IsGenerated(p)))
        {
            bool isFixture = csproj.StartsWith("tests/Facade.Fixture/", StringComparison.Ordinal);
            Assert.AreEqual(!isFixture, listed.Contains(csproj), csproj + (isFixture ? " must stay out of" : " is missing from") + " nf.host.slnf");
            StringAssert.Contains(sln, csproj.Replace('/', '\\'), csproj + " is missing from nf.sln");
        }

        foreach (NfProject project in Projects)
        {
            StringAssert.Contains(sln, ConformanceBuild.Relative(Repo.Root, project.Path).Replace('/', '\\'), project.Name + ".nfproj is missing from nf.sln");
        }
    }

    private static NfProject Project(string name) => Projects.Single(p => p.Name == name);

    private static string Rel(NfProject project, string file) => Path.GetRelativePath(project.Directory, file).Replace('\\', '/');

    private static HashSet<string> SourcesOnDisk(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !NfProject.IsGenerated(f))
            .ToHashSet();

    /// <summary>What MSBuild itself evaluates for the host project: Compile and ProjectReference items.</summary>
    private static (List<string> Compile, List<string> References) Evaluate(string csproj)
    {
        var (exitCode, output) = Repo.Run("dotnet", $"msbuild \"{csproj}\" -nologo -getItem:Compile -getItem:ProjectReference", TimeSpan.FromMinutes(2));
        Assert.AreEqual(0, exitCode, output);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement items = json.RootElement.GetProperty("Items");

        List<string> Paths(string kind) => items.TryGetProperty(kind, out JsonElement list)
            ? list.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList()
            : new List<string>();

        return (Paths("Compile"), Paths("ProjectReference"));
    }
}
