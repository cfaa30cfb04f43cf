using AgentPhone.Build.Tests;
using AgentPhone.Emulator;
using AgentPhone.Protocol;
using Microsoft.Playwright;

namespace AgentPhone.Browser.Tests;

/// <summary>
/// The agent desk and the supervisor's team page in headless Chromium, beside the emulator's
/// phones on its embedded server: phone and desk in step through the one event stream, the
/// desktop's sign-in signing the phone at its extension in, the supervisor's change reaching the
/// phone, the server's refusals shown, and a refresh keeping the session.
/// </summary>
[TestClass]
public sealed class DeskTests : BrowserTest
{
    [TestMethod]
    [Timeout(180_000)]
    public async Task PhoneAndDeskStayInStepThroughACall()
    {
        await using var emulator = await StartEmulator();
        VirtualPhone phone = emulator.Phones[0];
        Keys(phone, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        await ExpectPhone(phone, "Agent State: Not Ready");

        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");
        await SignIn(desk, "7001", "1234", "2101");
        await ExpectState(desk, "Not Ready");

        // Ready on the desk shows on the phone.
        await desk.ClickAsync("#to-ready");
        await ExpectPhone(phone, "Agent State: Ready");

        // Not Ready with a reason on the phone shows on the desk.
        Keys(phone, "1 1");
        await ExpectState(desk, "Not Ready");
        await ExpectText(desk, "#reason", "Break");

        // Ready again; a queue call rings on both, with its caller data on the desk.
        await desk.ClickAsync("#to-ready");
        await ExpectPhone(phone, "Agent State: Ready");
        Post(emulator, "/emulator/calls", "{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"FirstName\",\"value\":\"Ada\"},{\"name\":\"LastName\",\"value\":\"Lovelace\"}]}");
        await desk.Locator("body[data-ringing=\"true\"]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await ExpectPhone(phone, "ANI: 2301");
        Assert.IsTrue(phone.Screen().Ringing);
        await ExpectText(desk, "#caller-data", "2301");
        await ExpectText(desk, "#caller-data", "Ada");

        // Answered on the phone: the desk shows Talking.
        Keys(phone, "ANSWER");
        await ExpectState(desk, "Talking");
        await ExpectText(desk, "#call-state", "Talking · Ada Lovelace");
        Assert.AreEqual("false", await desk.GetAttributeAsync("body", "data-ringing"), "the desk stops ringing");
        await ExpectText(desk, "#call-timer", "Call 00:00:0");
        await ExpectText(desk, "#in-state", "for 00:00:0");

        // Held and resumed on the desk: the hold has a timer of its own, the call's runs on.
        await desk.ClickAsync("#hold");
        await ExpectPhone(phone, "Agent State: Hold");
        await ExpectText(desk, "#call-state", "On hold · Ada Lovelace");
        await ExpectText(desk, "#call-timer", " · on hold 00:00:0");
        await desk.ClickAsync("#resume");
        await ExpectText(desk, "#call-state", "Talking");
        Assert.IsFalse((await desk.TextContentAsync("#call-timer"))!.Contains("on hold", StringComparison.Ordinal));
        await desk.SetViewportSizeAsync(1100, 720);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Root, "artifacts", "screens", "desk.png") });

        // Released: wrap-up on both.
        Keys(phone, "HANGUP");
        await ExpectPhone(phone, "Agent State: Work");
        await ExpectState(desk, "Work");
        await ExpectText(desk, "#wrapup", "Wrap-up:");

        // The call is the first of the recent calls, with its caller, name, queue and duration.
        await ExpectText(desk, "#recent tr:first-child", "2301");
        StringAssert.Contains(await desk.TextContentAsync("#recent tr:first-child"), "Ada Lovelace");
        StringAssert.Contains(await desk.TextContentAsync("#recent tr:first-child"), "Support");
        StringAssert.Matches(await desk.TextContentAsync("#recent tr:first-child"), new System.Text.RegularExpressions.Regex(@"00:00:\d\d"));
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task SigningInOnTheDeskWithThePhonesExtensionSignsThePhoneIn()
    {
        await using var emulator = await StartEmulator();
        VirtualPhone phone = emulator.Phones[1];
        await ExpectPhone(phone, "No User");

        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");
        await SignIn(desk, "7002", "1234", "2102");
        await ExpectState(desk, "Not Ready");
        await ExpectPhone(phone, "Agent: 7002");
        await ExpectPhone(phone, "Agent State: Not Ready");

        // And the phone, signed in so, works the agent: Ready on the phone shows on the desk.
        Keys(phone, "1");
        await ExpectState(desk, "Ready");
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task ANotReadyAgentMovesToAnotherReasonOnTheDeskAndThePhoneShowsIt()
    {
        await using var emulator = await StartEmulator();
        VirtualPhone phone = emulator.Phones[0];
        Keys(phone, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        await ExpectPhone(phone, "Agent State: Not Ready");

        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");
        await SignIn(desk, "7001", "1234", "2101");
        await ExpectState(desk, "Not Ready");

        // Not Ready is open in Not Ready: Break, then Lunch, never Ready between.
        await desk.SelectOptionAsync("#not-ready-reason", "1");
        await desk.ClickAsync("#not-ready");
        await ExpectText(desk, "#reason", "Break");
        await ExpectPhone(phone, "Reason: Break");
        await desk.SelectOptionAsync("#not-ready-reason", "2");
        Assert.IsTrue(await desk.IsEnabledAsync("#not-ready"), "the desk offers Not Ready while Not Ready");
        await desk.ClickAsync("#not-ready");
        await ExpectText(desk, "#reason", "Lunch");
        await ExpectPhone(phone, "Reason: Lunch");
        await ExpectState(desk, "Not Ready");
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task TheSupervisorChangesAnAgentsStateAndThePhoneShowsIt()
    {
        await using var emulator = await StartEmulator();
        VirtualPhone phone = emulator.Phones[0];
        Keys(phone, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
        await ExpectPhone(phone, "Agent State: Ready");

        await using var browser = await Browser();
        IPage team = await browser.NewPageAsync();
        await team.GotoAsync(emulator.BaseUrl + "/desk/team");
        // At his own desk the supervisor leaves the extension out: the configuration's is used.
        await SignIn(team, "7100", "1234", "");
        await ExpectText(team, "#team", "7001");
        Assert.AreEqual("Support Team", await team.TextContentAsync("#team-title"), "the team's own name heads the page");
        await ExpectText(team, "#team tr:has(td:text-is('7001'))", "2101");
        await ExpectText(team, "#team", "Ready");
        await ExpectText(team, "#queues", "Support");
        StringAssert.Contains(await team.TextContentAsync("#queues-panel thead"), "Not Ready");

        // A signed-out member offers nothing to set (Ready was offered, and refused).
        Assert.IsTrue(await team.IsDisabledAsync("#state-for-7002"), "nothing to set for a member who is signed out");
        Assert.IsTrue(await team.IsDisabledAsync("#set-7002"));

        // A state picked but not yet set survives the events that redraw the page meanwhile:
        // here another member signs in.
        await team.SelectOptionAsync("#state-for-7001", "NOT_READY");
        (await SignedInClient(emulator.BaseUrl, "7002", "2102")).Dispose();
        await ExpectText(team, "#team tr:has(td:text-is('7002'))", "Not Ready");
        Assert.AreEqual("NOT_READY", await team.InputValueAsync("#state-for-7001"), "the supervisor's choice is still there");
        Assert.IsFalse(await team.IsDisabledAsync("#state-for-7002"), "a member who signed in may be set");

        // Not Ready with the supervisor's reason, on the phone as on the page.
        await team.SelectOptionAsync("#reason-for-7001", new SelectOptionValue { Label = "Meeting" });
        await team.ClickAsync("#set-7001");
        await ExpectPhone(phone, "Reason: Meeting");
        // The reason column itself (the row's reason list holds the word too).
        await ExpectText(team, "#team tr:has(td:text-is('7001')) td:nth-child(5)", "Meeting");

        // On a call: the call shows, and a change made meanwhile shows as pending.
        Keys(phone, "1");
        await ExpectPhone(phone, "Agent State: Ready");
        // The page lists the states it saw: wait for it to see this Ready before the call moves on.
        await ExpectText(team, "#team tr:has(td:text-is('7001')) td:nth-child(7)", "Not Ready (Meeting)");
        Post(emulator, "/emulator/calls", "{\"queue\":\"Support\",\"ani\":\"2301\"}");
        await ExpectPhone(phone, "2301");
        Keys(phone, "ANSWER");
        await ExpectText(team, "#team tr:has(td:text-is('7001'))", "2301 · Support");
        await team.SelectOptionAsync("#state-for-7001", "NOT_READY");
        await team.SelectOptionAsync("#reason-for-7001", new SelectOptionValue { Label = "Break" });
        await team.ClickAsync("#set-7001");
        await ExpectText(team, "#team tr:has(td:text-is('7001'))", "Talking, then Not Ready (Break)");
        await ExpectText(team, "#team tr:has(td:text-is('7001'))", "Not Ready (Meeting), Ready");
        await team.SetViewportSizeAsync(1100, 620);
        await team.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Root, "artifacts", "screens", "team.png") });
    }

    [TestMethod]
    [Timeout(180_000)]
    public async Task TheDeskConsultsAnotherAgentThenTransfers()
    {
        await using var emulator = await StartEmulator();
        VirtualPhone ada = emulator.Phones[0];
        VirtualPhone alan = emulator.Phones[1];
        Keys(ada, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
        await ExpectPhone(ada, "Agent State: Ready");
        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");
        await SignIn(desk, "7001", "1234", "2101");
        await ExpectState(desk, "Ready");
        Post(emulator, "/emulator/calls", "{\"queue\":\"Support\",\"ani\":\"2301\"}");
        await ExpectState(desk, "Reserved");
        await desk.ClickAsync("#answer");
        await ExpectState(desk, "Talking");
        // The second agent is Ready only now, so the queue call went to the first.
        Keys(alan, "SOFT1 SOFT3 7 0 0 2 DOWN 1 2 3 4 SOFT1 1");
        await ExpectPhone(alan, "Agent State: Ready");

        // Consult: the caller on hold, the call rings at 2102 saying who consults.
        await desk.FillAsync("#target", "2102");
        await desk.ClickAsync("#consult");
        await ExpectText(desk, "#consult-status", "Consulting 2102: ringing");
        await ExpectText(desk, "#call-state", "On hold");
        await ExpectPhone(alan, "Consult from 2101");
        await ExpectPhone(ada, "2102 ringing");

        // Answered there: the two talk; Release would end the consult only.
        Keys(alan, "ANSWER");
        await ExpectText(desk, "#consult-status", "Consulting 2102: talking");
        Assert.AreEqual("End consult", await desk.TextContentAsync("#release"));
        await ExpectPhone(ada, "2102 talking");

        // Completed: the caller is 2102's; the desk's call is over.
        await desk.ClickAsync("#complete-transfer");
        await desk.Locator("#no-call").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await ExpectPhone(alan, "ANI: 2301");
        // No longer a consult at 2102: the caller is its call now.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (string.Join("\n", alan.Screen().Rows).Contains("Consult from", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.IsFalse(string.Join("\n", alan.Screen().Rows).Contains("Consult from", StringComparison.Ordinal), "2102 still shows the consult");
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task ARefusalShowsTheServersMessage()
    {
        await using var emulator = await StartEmulator();
        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");
        await SignIn(desk, "7001", "9999", "2101");
        await ExpectText(desk, "#message", ErrorCodes.Message(ErrorCode.BadCredentials));
        Assert.IsTrue(await desk.IsVisibleAsync("#signin"), "still at the sign-in form");

        // Signed in, Dial with no number: the server's own words again, and no call.
        await SignIn(desk, "7001", "1234", "2101");
        await ExpectState(desk, "Not Ready");
        await desk.ClickAsync("#dial");
        await ExpectText(desk, "#message", "number is required.");
        Assert.IsNull(emulator.Center!.Server.FindAgent(null, "7001").Leg);
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task ARefreshKeepsTheSessionOnAPhoneSizedScreenByKeyboardAlone()
    {
        await using var emulator = await StartEmulator();
        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await desk.GotoAsync(emulator.BaseUrl + "/desk/");

        // Keyboard alone: the form's fields in tab order, Enter submits.
        await desk.FocusAsync("#agentId");
        await desk.Keyboard.TypeAsync("7001");
        await desk.Keyboard.PressAsync("Tab");
        await desk.Keyboard.TypeAsync("1234");
        await desk.Keyboard.PressAsync("Tab");
        await desk.Keyboard.PressAsync("Tab");
        await desk.Keyboard.TypeAsync("2101");
        await desk.Keyboard.PressAsync("Enter");
        await ExpectState(desk, "Not Ready");

        // The focused Ready button keeps the focus while events redraw the desk: here a direct
        // call rings at the extension, Enter makes Ready the next state, and the caller hangs up.
        await desk.FocusAsync("#to-ready");
        string call = Post(emulator, "/emulator/calls", "{\"extension\":\"2101\",\"ani\":\"2301\"}");
        await desk.Locator("body[data-ringing=\"true\"]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await desk.Keyboard.PressAsync("Enter");
        await ExpectText(desk, "#pending", "Next: Ready");
        Post(emulator, $"/emulator/calls/{call}/hangup", "");
        await ExpectState(desk, "Ready");
        Assert.IsTrue(await desk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "nothing wider than a 360 px screen");

        await desk.ReloadAsync();
        await ExpectState(desk, "Ready");
        Assert.IsFalse(await desk.IsVisibleAsync("#signin"), "no new sign-in after a refresh");
        Assert.AreEqual(AgentState.Ready, emulator.Center!.Server.FindAgent(null, "7001").State);
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task TheDeskRidesOutAServerKilledAndRestarted()
    {
        string config = File.ReadAllText(Path.Combine(Repo.Root, "host", "agentserver.json"));
        using var server = new ServerProcess(config);
        await using var browser = await Browser();
        IPage desk = await browser.NewPageAsync();
        await desk.GotoAsync(new Uri(server.BaseAddress, "desk/").ToString());
        await SignIn(desk, "7001", "1234", "2101");
        await ExpectState(desk, "Not Ready");

        server.Kill();
        await ExpectText(desk, "#message", "Connection to server is down");

        // Back on the same database, where another client made the agent Ready meanwhile.
        server.Start();
        using (var phone = new HttpClient { BaseAddress = server.BaseAddress })
        {
            var signIn = await phone.PostAsync("api/v1/signin", new StringContent(
                "{\"agentId\":\"7001\",\"password\":\"1234\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}", System.Text.Encoding.UTF8, "application/json"));
            string token = (string)System.Text.Json.Nodes.JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"]!;
            using var ready = new HttpRequestMessage(HttpMethod.Put, "api/v1/agents/me/state") { Content = new StringContent("{\"state\":\"READY\"}", System.Text.Encoding.UTF8, "application/json") };
            ready.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.IsTrue((await phone.SendAsync(ready)).IsSuccessStatusCode);
        }

        await ExpectState(desk, "Ready");
        Assert.AreEqual("", (await desk.TextContentAsync("#message"))?.Trim(), "the outage message goes by itself");
        Assert.IsFalse(await desk.IsVisibleAsync("#signin"), "the desk's session survived the restart");
    }

    private static async Task SignIn(IPage page, string agent, string password, string extension)
    {
        await page.FillAsync("#agentId", agent);
        await page.FillAsync("#secret", password);
        await page.FillAsync("#extension", extension);
        await page.ClickAsync("#signin-form button[type=submit]");
    }

    /// <summary>Another client of the agent (a phone over the API) signed in at <paramref name="extension"/>.</summary>
    private static async Task<HttpClient> SignedInClient(string baseUrl, string agent, string extension)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var signIn = await client.PostAsync("api/v1/signin", new StringContent(
            $"{{\"agentId\":\"{agent}\",\"password\":\"1234\",\"extension\":\"{extension}\",\"device\":\"SEP00000000{extension}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.IsTrue(signIn.IsSuccessStatusCode, await signIn.Content.ReadAsStringAsync());
        string token = (string)System.Text.Json.Nodes.JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void Keys(VirtualPhone phone, string keys) => Assert.IsNull(phone.Keys(keys, out _));

    /// <summary>A request the caller's side makes (a call offered, a hang-up): the call's id.</summary>
    private static string Post(EmulatorApp emulator, string path, string body)
    {
        using var http = new HttpClient();
        var response = http.PostAsync(emulator.BaseUrl + path, new StringContent(body, System.Text.Encoding.UTF8, "application/json")).Result;
        string text = response.Content.ReadAsStringAsync().Result;
        Assert.IsTrue(response.IsSuccessStatusCode, text);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!;
    }

    /// <summary>Waits until the desk shows the agent in <paramref name="state"/> exactly ("Ready" is not "Not Ready").</summary>
    private static async Task ExpectState(IPage page, string state, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string shown = "";
        while (DateTime.UtcNow < deadline)
        {
            shown = (await page.TextContentAsync("#state") ?? "").Trim();
            if (shown == state)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the desk did not show the state '{state}' within {timeoutMs} ms; it shows '{shown}'. Message: '{await page.TextContentAsync("#message")}'");
    }

    /// <summary>Waits until an element's text holds <paramref name="text"/>, as the agent watches for it.</summary>
    private static async Task ExpectText(IPage page, string selector, string text, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string shown = "";
        while (DateTime.UtcNow < deadline)
        {
            shown = await page.TextContentAsync(selector) ?? "";
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{selector} did not show '{text}' within {timeoutMs} ms; it shows '{shown}'. Message: '{await page.TextContentAsync("#message")}'");
    }

    /// <summary>Waits until the phone's screen shows <paramref name="text"/>.</summary>
    private static async Task ExpectPhone(VirtualPhone phone, string text, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string shown = "";
        while (DateTime.UtcNow < deadline)
        {
            shown = string.Join("\n", phone.Screen().Rows);
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the phone did not show '{text}' within {timeoutMs} ms; it shows:\n{shown}");
    }
}
