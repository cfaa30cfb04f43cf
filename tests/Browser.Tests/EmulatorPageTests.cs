using AgentPhone.Build.Tests;
using AgentPhone.Emulator;
using Microsoft.Playwright;

namespace AgentPhone.Browser.Tests;

/// <summary>
/// The Cisco guide's typical call, clicked through the emulator's page in headless Chromium:
/// the keys on the page, the LCD picture and the state the phone shows.
/// </summary>
[TestClass]
public sealed class EmulatorPageTests : BrowserTest
{
    private const string Phone = ".phone[data-id=\"SEP000000002101\"]";

    [TestMethod]
    [Timeout(180_000)]
    public async Task TheTypicalCallByClickingThePage()
    {
        await using var emulator = await StartEmulator();
        await using var browser = await Browser();
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl);
        ILocator phone = page.Locator(Phone);
        await Expect(phone, "2101");

        // Sign in: Login, agent ID 7001 by multi-tap (the pause lets a character commit),
        // password 1234 as digits, Submit.
        await Click(phone, "SOFT1", "7", "7", "7", "7", "7", "0");
        await page.WaitForTimeoutAsync(1_600);
        await Click(phone, "0", "1", "DOWN", "SOFT3", "1", "2", "3", "4", "SOFT1");
        await Expect(phone, "Agent State: Not Ready");
        Assert.AreEqual("Select", (await phone.Locator(".soft").First.TextContentAsync())?.Trim());

        await Click(phone, "1");
        await Expect(phone, "Agent State: Ready");

        // The side panel offers a queue call; the phone rings with the caller's number.
        await page.FillAsync("#queue", "Support");
        await page.FillAsync("#ani", "2301");
        await page.ClickAsync("#offer");
        await page.Locator(Phone + " .ring.on").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await Expect(phone, "2301");

        await Click(phone, "ANSWER");
        await Expect(phone, "Agent State: Talking");
        Assert.AreEqual(0, await page.Locator(Phone + " .ring.on").CountAsync(), "answering stops the ringing");

        await Click(phone, "HANGUP");
        await Expect(phone, "Agent State: Work");
        await Expect(phone, "Agent State: Ready", 20_000);

        // The LCD is the panel's picture, 320x240 drawn at twice its size.
        ILocator lcd = phone.Locator(".lcd");
        Assert.AreEqual(640, await lcd.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.AreEqual(480, await lcd.EvaluateAsync<int>("img => img.naturalHeight"));

        // On a 1400 px wide screen both phones and the side panel stand side by side.
        await page.SetViewportSizeAsync(1400, 900);
        var first = (await phone.BoundingBoxAsync())!;
        var second = (await page.Locator(".phone[data-id=\"SEP000000002102\"]").BoundingBoxAsync())!;
        var panel = (await page.Locator(".panel").BoundingBoxAsync())!;
        Assert.AreEqual(first.Y, second.Y, 1, "the second phone beside the first, not below it");
        Assert.IsTrue(second.X >= first.X + first.Width && panel.X >= second.X + second.Width, $"phones at {first.X} and {second.X}, panel at {panel.X}");
        Assert.IsTrue(panel.X + panel.Width <= 1400, "nothing beyond the screen's width");
    }

    private static async Task Click(ILocator phone, params string[] keys)
    {
        foreach (string key in keys)
        {
            await phone.Locator($"button[data-key=\"{key}\"]").ClickAsync();
        }
    }

    /// <summary>Waits until the LCD's text (the image's title, refreshed from the screen) shows <paramref name="text"/>.</summary>
    private static async Task Expect(ILocator phone, string text, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string shown = "";
        while (DateTime.UtcNow < deadline)
        {
            shown = await phone.Locator(".lcd").GetAttributeAsync("title") ?? "";
            if (shown.Contains(text))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the phone did not show '{text}' within {timeoutMs} ms; it shows:\n{shown}");
    }
}
