using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AgentPhone.Boards;
using AgentPhone.Emulator;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The emulator end to end through its control API, as tests and scripts drive it: two virtual
/// phones on the embedded server with the demo data, in real time, over HTTP on 127.0.0.1.
/// </summary>
[TestClass]
public sealed class EmulatorTests
{
    private const string Phone1 = "SEP000000002101";
    private static readonly string Root = AgentPhone.Build.Tests.Repo.Root;

    [TestMethod]
    [Timeout(90_000)]
    public async Task TheCiscoDayOnAPhoneThroughTheControlApi()
    {
        string data = TempData();
        await using var emulator = await Start(data);
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };

        var phones = JsonNode.Parse(await http.GetStringAsync("/emulator/phones"))!.AsArray();
        Assert.AreEqual(2, phones.Count);
        Assert.AreEqual(Phone1, (string?)phones[0]!["id"]);
        Assert.AreEqual("2102", (string?)phones[1]!["extension"]);
        Assert.AreEqual("virtual", (string?)phones[0]!["board"]);

        // Sign in by multi-tap: 7 cycles p q r s 7; 0 twice needs the timeout between.
        await Keys(http, "SOFT1 7 7 7 7 7 0 PAUSE 0 1 DOWN SOFT3 1 2 3 4 SOFT1");
        JsonNode screen = await Screen(http);
        Assert.AreEqual("Agent: 7001", Row(screen, 1));
        Assert.AreEqual("Agent State: Not Ready", Row(screen, -2));
        CollectionAssert.AreEqual(new[] { "Select", "Stats", "More", "Exit" }, Softkeys(screen));
        Assert.IsFalse((bool)screen["ringing"]!);

        await Keys(http, "1");
        Assert.AreEqual("Agent State: Ready", Row(await Screen(http), -2));

        // A queue call rings with its caller data.
        var offer = await http.PostAsync("/emulator/calls", Json("{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"FirstName\",\"value\":\"Ada\"}]}"));
        Assert.AreEqual(HttpStatusCode.Created, offer.StatusCode, await offer.Content.ReadAsStringAsync());
        screen = await WaitFor(http, s => (bool)s["ringing"]!, "the offered call rings");
        StringAssert.Contains(Text(screen), "2301");
        StringAssert.Contains(Text(screen), "Ada");

        await Keys(http, "ANSWER");
        screen = await Screen(http);
        Assert.IsFalse((bool)screen["ringing"]!);
        Assert.AreEqual("Agent State: Talking", Row(screen, -2));

        // Work chosen during the call is pending; the screen keeps showing Talking.
        await Keys(http, "SERVICES");
        string work = MenuNumber(await Screen(http), "Work");
        await Keys(http, work);
        screen = await Screen(http);
        StringAssert.Contains(Text(screen), "Next: Work");
        Assert.AreEqual("Agent State: Talking", Row(screen, -2));

        // Released: the chosen Work (wrap-up) holds until the agent makes themselves Ready.
        await Keys(http, "HANGUP");
        screen = await Screen(http);
        Assert.AreEqual("Agent State: Work", Row(screen, -2));
        await Keys(http, MenuNumber(screen, "Ready"));
        Assert.AreEqual("Agent State: Ready", Row(await Screen(http), -2));

        // Skill stats.
        await Keys(http, "SOFT2");
        screen = await Screen(http);
        Assert.AreEqual("Skill Stats", Row(screen, 1));
        StringAssert.Contains(Text(screen), "Calls queued: 0");
        await Keys(http, "SOFT4");

        // Not Ready with a reason, then logout with a reason.
        await Keys(http, MenuNumber(await Screen(http), "Not Ready"));
        screen = await Screen(http);
        Assert.AreEqual("Not Ready Reason", Row(screen, 1));
        await Keys(http, MenuNumber(screen, "Break"));
        Assert.AreEqual("Agent State: Not Ready", Row(await Screen(http), -2));
        await Keys(http, MenuNumber(await Screen(http), "Logout"));
        screen = await Screen(http);
        Assert.AreEqual("Logout Reason", Row(screen, 1));
        await Keys(http, MenuNumber(screen, "End of shift"));
        Assert.AreEqual("No User", Row(await Screen(http), 1));

        var png = await http.GetAsync($"/emulator/phones/{Phone1}/screen.png");
        Assert.AreEqual("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue((await png.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [TestMethod]
    [Timeout(60_000)]
    public async Task BadRequestsChangeNothing()
    {
        await using var emulator = await Start(TempData());
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        string before = Text(await Screen(http));

        var unknownKey = await http.PostAsync($"/emulator/phones/{Phone1}/keys", new StringContent("SOFT1 FLASH 1"));
        Assert.AreEqual(HttpStatusCode.BadRequest, unknownKey.StatusCode);
        StringAssert.Contains(await unknownKey.Content.ReadAsStringAsync(), "Unknown key 'FLASH'");
        Assert.AreEqual(before, Text(await Screen(http)), "not even SOFT1 was pressed");

        Assert.AreEqual(HttpStatusCode.NotFound, (await http.GetAsync("/emulator/phones/SEP999/screen")).StatusCode);
        var noQueue = await http.PostAsync("/emulator/calls", Json("{\"queue\":\"Nowhere\",\"ani\":\"1\"}"));
        Assert.AreEqual(HttpStatusCode.NotFound, noQueue.StatusCode, await noQueue.Content.ReadAsStringAsync());

        // A path nobody serves: 404 NOT_FOUND naming it, not "not well-formed HTTP".
        var nothing = await http.GetAsync("/favicon.ico");
        Assert.AreEqual(HttpStatusCode.NotFound, nothing.StatusCode);
        JsonNode error = JsonNode.Parse(await nothing.Content.ReadAsStringAsync())!["error"]!;
        Assert.AreEqual("NOT_FOUND", (string?)error["code"]);
        StringAssert.Contains((string?)error["message"], "/favicon.ico");
    }

    [TestMethod]
    [Timeout(60_000)]
    public async Task ASecondStartReusesTheDataFolderAndLosesNothing()
    {
        string data = TempData();
        await using (var first = await Start(data))
        {
            Assert.IsTrue(first.CreatedData);
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
            await Keys(http, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
            Assert.AreEqual("Agent State: Ready", Row(await Screen(http), -2));
        }

        await using var second = await Start(data);
        Assert.IsFalse(second.CreatedData);
        Assert.IsNotNull(second.Center!.LoadedSnapshot, "the clean stop left a snapshot to start from");
        Assert.AreEqual("READY", AgentPhone.Protocol.AgentStates.ToWire(second.Center.Server.FindAgent(null, "7001").State));

        // The side panel still offers calls: the emulator knows the PBX key after a restart too.
        using var pbx = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        using HttpResponseMessage offered = await pbx.PostAsync("emulator/calls", new StringContent("{\"queue\":\"Support\",\"ani\":\"2301\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.AreEqual(201, (int)offered.StatusCode, await offered.Content.ReadAsStringAsync());
    }

    [TestMethod]
    [Timeout(60_000)]
    public async Task TheTrafficGeneratorFillsTheQueueTheSidePanelShows()
    {
        await using var emulator = await Start(TempData());
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };

        var bad = await http.PostAsync("/emulator/traffic", Json("{\"callsPerMinute\":0,\"handleSeconds\":5}"));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await http.PostAsync("/emulator/traffic", Json("{calls"))).StatusCode);
        Assert.IsFalse((bool)JsonNode.Parse(await http.GetStringAsync("/emulator/center"))!["traffic"]!["running"]!);

        var start = await http.PostAsync("/emulator/traffic", Json("{\"callsPerMinute\":240,\"handleSeconds\":2,\"queue\":\"Support\"}"));
        Assert.AreEqual(HttpStatusCode.OK, start.StatusCode, await start.Content.ReadAsStringAsync());

        // Nobody is Ready, so the offered calls wait in Support.
        JsonNode? view = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            view = JsonNode.Parse(await http.GetStringAsync("/emulator/center"));
            if ((int)view!["center"]!["queues"]!.AsArray().Single(q => (string?)q!["name"] == "Support")!["queued"]! >= 2)
            {
                break;
            }

            await Task.Delay(200);
        }

        var support = view!["center"]!["queues"]!.AsArray().Single(q => (string?)q!["name"] == "Support")!;
        Assert.IsTrue((int)support["queued"]! >= 2, view.ToJsonString());
        Assert.IsTrue((int)view["traffic"]!["offered"]! >= 2);
        var agent = view["center"]!["agents"]!.AsArray().Single(a => (string?)a!["id"] == "7001")!;
        Assert.AreEqual("Logout", (string?)agent["state"]);

        var stop = JsonNode.Parse(await (await http.DeleteAsync("/emulator/traffic")).Content.ReadAsStringAsync())!;
        Assert.IsFalse((bool)stop["running"]!);
    }

    /// <summary>The page's keys (wait=false) come back while the phone still waits for a server
    /// that does not answer; a script's keys (the default) come back once the phone gave up.</summary>
    [TestMethod]
    [Timeout(90_000)]
    public async Task KeysMayGoWithoutWaitingForASlowServer()
    {
        using var silent = new SilentServer();
        var options = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 1, Servers = [silent.Url] };
        await using var emulator = new EmulatorApp(options, BoardCatalog.Virtual, Root);
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        Assert.IsTrue(SpinWait.SpinUntil(() => silent.Requests > 0, TimeSpan.FromSeconds(30)), "the phone asks the server");

        var response = await http.PostAsync($"/emulator/phones/{Phone1}/keys?wait=false", new StringContent("SOFT1", Encoding.UTF8, "text/plain"));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(0, silent.Closed, "the answer came while the phone still waited for its server");

        await Keys(http, "SOFT1");
        Assert.IsTrue(silent.Closed > 0, "by default the keys come back once the phone has its answers, or gave up waiting");

        var wrong = await http.PostAsync($"/emulator/phones/{Phone1}/keys?wait=maybe", new StringContent("SOFT1", Encoding.UTF8, "text/plain"));
        Assert.AreEqual(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    /// <summary>Takes connections and reads requests, and never answers: counts the requests, and the
    /// connections the client gave up on.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _requests;
        private int _closed;

        public SilentServer()
        {
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Socket client = await _listener.AcceptSocketAsync(_stop.Token);
                    _ = Task.Run(async () =>
                    {
                        var buffer = new byte[4096];
                        using (client)
                        {
                            try
                            {
                                while (await client.ReceiveAsync(buffer, _stop.Token) > 0)
                                {
                                    Interlocked.Increment(ref _requests);
                                }
                            }
                            catch (Exception e) when (e is SocketException or OperationCanceledException)
                            {
                            }
                        }

                        Interlocked.Increment(ref _closed);
                    });
                }
            });
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public int Closed => Volatile.Read(ref _closed);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    [TestMethod]
    [Timeout(60_000)]
    public async Task MorePhonesOnARealBoardsPanelAgainstAnExternalServer()
    {
        await using var center = await Start(TempData());
        var options = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 3, Board = "esp32-ssd1306", Servers = [center.BaseUrl] };
        await using var emulator = new EmulatorApp(options, BoardCatalog.Esp32Ssd1306, Root);
        await emulator.StartAsync();
        Assert.IsNull(emulator.Center, "no embedded server with --server");
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };

        var phones = JsonNode.Parse(await http.GetStringAsync("/emulator/phones"))!.AsArray();
        CollectionAssert.AreEqual(new[] { "2101", "2102", "2103" }, phones.Select(p => (string)p!["extension"]!).ToArray());
        Assert.AreEqual("esp32-ssd1306", (string?)phones[2]!["board"]);
        byte[] png = await http.GetByteArrayAsync($"/emulator/phones/{Phone1}/screen.png");
        Assert.AreEqual(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.AreEqual(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

        // Signed in here, Ready there: the external server holds the agent.
        await Keys(http, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
        Assert.AreEqual(AgentPhone.Protocol.AgentState.Ready, center.Center!.Server.FindAgent(null, "7001").State);
        Assert.AreEqual(HttpStatusCode.Conflict, (await http.GetAsync("/emulator/center")).StatusCode);
    }

    [TestMethod]
    [Timeout(90_000)]
    public async Task PhonesAgainstAnHttpsServerCheckItsCertificate()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-https-").FullName;
        var certificates = new TestCertificates(folder);
        using var server = new ServerProcess(TestCenter.Config().ToJsonString(), folder,
            "--cert", certificates.Pfx, "--cert-password", TestCertificates.Password);
        Assert.AreEqual("https", server.BaseAddress.Scheme, server.StartLine);

        using (var untrusting = new HttpClient { BaseAddress = server.BaseAddress })
        {
            await Assert.ThrowsExceptionAsync<HttpRequestException>(() => untrusting.GetAsync("health"), "a client without the CA does not trust the server");
        }

        using var plain = new AgentPhone.Hardware.Virtual.LoopbackHttp();
        Assert.AreEqual(0, plain.Send("GET", new Uri(server.BaseAddress, "health").ToString(), null!, null!, 5000, out _), "nor does a phone without it");

        // The emulator's phones, given the CA as a phone's configuration gives it: sign-in,
        // state, and a call that rings through the event long-poll, all over TLS.
        var options = new EmulatorOptions
        {
            Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 1, Servers = [server.BaseAddress.ToString().TrimEnd('/')], CaCertificate = certificates.CaPem,
        };
        await using var emulator = new EmulatorApp(options, BoardCatalog.Virtual, Root);
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        await Keys(http, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
        Assert.AreEqual("Agent State: Ready", Row(await Screen(http), -2));

        using HttpClient pbx = certificates.Client(server.BaseAddress);
        pbx.DefaultRequestHeaders.Add("X-Api-Key", TestCenter.ApiKey);
        var offer = await pbx.PostAsync("api/v1/calls", Json("{\"queue\":\"Support\",\"ani\":\"2301\",\"dnis\":\"2101\"}"));
        Assert.AreEqual(HttpStatusCode.Created, offer.StatusCode, await offer.Content.ReadAsStringAsync());
        JsonNode screen = await WaitFor(http, s => (bool)s["ringing"]!, "the call rings over HTTPS");
        StringAssert.Contains(Text(screen), "2301");
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task AnEmulatedPhoneRidesOutAServerKilledAndRestarted()
    {
        using var server = new ServerProcess(TestCenter.Config().ToJsonString());
        var options = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 1, Servers = [server.BaseAddress.ToString().TrimEnd('/')] };
        await using var emulator = new EmulatorApp(options, BoardCatalog.Virtual, Root);
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        await Keys(http, "SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1 1");
        Assert.AreEqual("Agent State: Ready", Row(await Screen(http), -2));

        // The server dies; the agent picks Not Ready: told at once, the outage on the state row.
        server.Kill();
        await Keys(http, "SERVICES 1");
        JsonNode down = await Screen(http);
        StringAssert.Contains(Text(down), AgentPhone.Phone.PhoneCore.ConnectionDown);
        StringAssert.StartsWith(Row(down, -2), "Down, retrying 127.0.0.1:");
        await Keys(http, "SELECT DOWN UP");

        // Back on the same database: the outage clears by itself, the agent is still Ready, and the
        // Not Ready chosen during the outage was not sent.
        server.Start();
        JsonNode back = await WaitFor(http, s => Row(s, -2) == "Agent State: Ready" && !Text(s).Contains(AgentPhone.Phone.PhoneCore.ConnectionDown), "the outage clears by itself", 15_000);
        StringAssert.Contains(Text(back), "Agent: 7001");

        using var pbx = new HttpClient { BaseAddress = server.BaseAddress };
        pbx.DefaultRequestHeaders.Add("X-Api-Key", TestCenter.ApiKey);
        var offer = await pbx.PostAsync("api/v1/calls", Json("{\"queue\":\"Support\",\"ani\":\"2301\",\"dnis\":\"2101\"}"));
        Assert.AreEqual(HttpStatusCode.Created, offer.StatusCode, await offer.Content.ReadAsStringAsync());
        JsonNode ringing = await WaitFor(http, s => (bool)s["ringing"]!, "the call rings after the restart");
        StringAssert.Contains(Text(ringing), "ANI: 2301");
    }

    [TestMethod]
    [Timeout(120_000)]
    public async Task WithAServerTheEmulatorOffersCallsWithItsPbxKey()
    {
        using var server = new ServerProcess(TestCenter.Config().ToJsonString());
        string url = server.BaseAddress.ToString().TrimEnd('/');
        string call = "{\"queue\":\"Support\",\"ani\":\"2301\"}";

        // Without the server's PBX key the server refuses the call, and the page says so.
        var keyless = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 1, Servers = [url] };
        await using (var emulator = new EmulatorApp(keyless, BoardCatalog.Virtual, Root))
        {
            await emulator.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
            var refused = await http.PostAsync("/emulator/calls", Json(call));
            Assert.AreEqual(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var keyed = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Phones = 1, Servers = [url], PbxKey = TestCenter.ApiKey };
        await using (var emulator = new EmulatorApp(keyed, BoardCatalog.Virtual, Root))
        {
            await emulator.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
            var offered = await http.PostAsync("/emulator/calls", Json(call));
            Assert.AreEqual(HttpStatusCode.Created, offered.StatusCode, await offered.Content.ReadAsStringAsync());
        }

        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{typeof(EmulatorApp).Assembly.Location}\" --pbx-key k", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "--pbx-key is for a --server");
    }

    [TestMethod]
    public void AServerWithACertificateItCannotReadDoesNotStart()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-badcert-").FullName;
        var certificates = new TestCertificates(folder);
        File.Copy(AgentPhone.Build.Tests.Repo.PathOf("host/agentserver.json"), Path.Combine(folder, "center.json"));
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet",
            $"\"{typeof(AgentPhone.ServerHost.CenterHost).Assembly.Location}\" --config \"{Path.Combine(folder, "center.json")}\" --port 0 --cert \"{certificates.Pfx}\" --cert-password wrong",
            TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Cannot start: cannot read the certificate");
        Assert.IsFalse(output.Contains("   at "), "no stack trace: " + output);
        Assert.IsFalse(File.Exists(Path.Combine(folder, "agentserver.db")), "nothing created");
        Directory.Delete(folder, true);
    }

    private static async Task<EmulatorApp> Start(string data)
    {
        var options = new EmulatorOptions { Port = AgentPhone.Build.Tests.Repo.FreePort(), Data = data };
        var emulator = new EmulatorApp(options, BoardCatalog.Virtual, Root);
        await emulator.StartAsync();
        return emulator;
    }

    private static async Task Keys(HttpClient http, string keys)
    {
        var response = await http.PostAsync($"/emulator/phones/{Phone1}/keys", new StringContent(keys, Encoding.UTF8, "text/plain"));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> Screen(HttpClient http) =>
        JsonNode.Parse(await http.GetStringAsync($"/emulator/phones/{Phone1}/screen"))!;

    private static async Task<JsonNode> WaitFor(HttpClient http, Func<JsonNode, bool> condition, string what, int timeoutMs = 5_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            JsonNode screen = await Screen(http);
            if (condition(screen))
            {
                return screen;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not within {timeoutMs} ms. Screen:\n{Text(screen)}");
            }

            await Task.Delay(100);
        }
    }

    private static string Row(JsonNode screen, int row)
    {
        var rows = screen["rows"]!.AsArray();
        return (string)rows[row < 0 ? rows.Count + row : row]!;
    }

    private static string Text(JsonNode screen) => string.Join("\n", screen["rows"]!.AsArray().Select(r => (string?)r));

    private static string[] Softkeys(JsonNode screen) => screen["softkeys"]!.AsArray().Select(k => (string)k!).ToArray();

    /// <summary>The number of the menu item with this label (" 3 Work" or ">3 Work" gives "3").</summary>
    private static string MenuNumber(JsonNode screen, string label)
    {
        foreach (string row in screen["rows"]!.AsArray().Select(r => (string)r!))
        {
            string item = row.Length > 1 ? row[1..].TrimStart() : "";
            int space = item.IndexOf(' ');
            if (space > 0 && item[(space + 1)..] == label && int.TryParse(item[..space], out _))
            {
                return item[..space];
            }
        }

        Assert.Fail($"no menu item '{label}' on:\n{Text(screen)}");
        return "";
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static readonly List<string> DataFolders = [];

    private static string TempData()
    {
        string folder = Path.Combine(Path.GetTempPath(), "agentphone-emulator-" + Guid.NewGuid().ToString("N"));
        lock (DataFolders)
        {
            DataFolders.Add(folder);
        }

        return folder;
    }

    [ClassCleanup]
    public static void RemoveDataFolders()
    {
        foreach (string folder in DataFolders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
