using AgentPhone.Boards;
using AgentPhone.Build.Tests;
using AgentPhone.Emulator;
using Microsoft.Playwright;

namespace AgentPhone.Browser.Tests;

/// <summary>
/// What the browser tests share: Debian's Chromium (installed when missing) driven headless by
/// Playwright, and an emulator on a free port with a data folder of its own, removed after.
/// </summary>
public abstract class BrowserTest
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "agentphone-browser-" + Guid.NewGuid().ToString("N"));

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static void EnsureChromium(TestContext _) => DebianPackages.Require("chromium", Chromium);

    [TestCleanup]
    public void RemoveData()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>The emulator with its embedded demo center and two phones, started.</summary>
    protected async Task<EmulatorApp> StartEmulator()
    {
        var emulator = new EmulatorApp(new EmulatorOptions { Port = Repo.FreePort(), Data = _data }, BoardCatalog.Virtual, Repo.Root);
        await emulator.StartAsync();
        return emulator;
    }

    protected static async Task<OwnedBrowser> Browser()
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new OwnedBrowser(playwright, browser);
    }

    /// <summary>Chromium and the Playwright driver it runs under, closed together.</summary>
    protected sealed class OwnedBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
