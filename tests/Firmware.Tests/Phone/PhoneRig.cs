using AgentPhone.Firmware.Tests.Server;
using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Protocol.Json;
using AgentPhone.Server;
using AgentPhone.Server.Api;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Phone
{
    /// <summary>
    /// The server core behind two addresses (primary and secondary, as two nodes of one center),
    /// each a <see cref="LocalHttp"/>: every request goes through the API's route table and wire
    /// codec exactly as over HTTP. Either address can be taken down, or both made to fail.
    /// </summary>
    internal sealed class InProcessServers : IHttp
    {
        public const string Primary = "http://primary:8082";
        public const string Secondary = "http://secondary:8082";

        private readonly LocalHttp _primary;
        private readonly LocalHttp _secondary;
        public bool PrimaryDown;
        public bool SecondaryDown;

        /// <summary>Every server of the phone's list stops (or starts again) answering.</summary>
        public void Down(bool down)
        {
            PrimaryDown = down;
            SecondaryDown = down;
        }
        /// <summary>Both addresses answer 500 with a body that is not the API's.</summary>
        public bool Broken;

        /// <summary>How long the servers take to answer (a busy server): a request that gives up
        /// sooner gets no answer.</summary>
        public int AnswerMs;

        public InProcessServers(ApiService service)
        {
            _primary = new LocalHttp(service, Primary);
            _secondary = new LocalHttp(service, Secondary);
        }

        /// <summary>Requests that reached a server (answered or not), the event long-poll aside.</summary>
        public int Requests;

        /// <summary>Every request, the event long-poll's included.</summary>
        public int AllRequests;

        public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
        {
            responseBody = null;
            AllRequests++;
            if (url.IndexOf("/events?") < 0)
            {
                Requests++;
            }

            LocalHttp server = PrimaryDown ? null : _primary;
            if (server == null || url.IndexOf(Primary) != 0)
            {
                server = SecondaryDown || url.IndexOf(Secondary) != 0 ? null : _secondary;
            }

            if (server == null || timeoutMs < AnswerMs)
            {
                return 0;
            }

            if (Broken)
            {
                responseBody = "<html>Internal Server Error</html>";
                return 500;
            }

            return server.Send(method, url, authorization, body, timeoutMs, out responseBody);
        }
    }

    internal sealed class TestRinger : IRinger
    {
        public int Rings;
        public bool LastRouted;

        public bool IsRinging { get; private set; }

        public void Ring(bool routed)
        {
            Rings++;
            LastRouted = routed;
            IsRinging = true;
        }

        public void Stop()
        {
            IsRinging = false;
        }
    }

    /// <summary>17 December 2002, 14:23 UTC, as in the Cisco guide's figures.</summary>
    internal sealed class TestWall : IWallClock
    {
        public long Ms = 1040134980000;

        public long UnixMs
        {
            get { return Ms; }
        }
    }

    /// <summary>
    /// A phone on a virtual board against the demo center: keys in by the emulator's names,
    /// screen rows out, everything in the center's virtual time. The phone's request worker and
    /// event pump run without threads: <see cref="Keys"/> lets the worker send what each key asked
    /// for at once (a server that answers at once); <see cref="Press"/> leaves it waiting, so a
    /// test can hold a request in flight while keys go on.
    /// </summary>
    internal sealed class PhoneRig
    {
        public const string Device = "SEP000000002101";
        public const string DeviceSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

        public readonly Center Center;

        /// <summary>The API's options, read by the server as it answers.</summary>
        public readonly ApiOptions Options = new ApiOptions();
        public readonly InProcessServers Servers;
        public readonly TestRinger Ringer = new TestRinger();
        public readonly TestWall Wall = new TestWall();
        public readonly CharGrid Grid;
        public PhoneCore Phone;
        public RequestWorker Worker;
        public EventPump Pump;
        /// <summary>The lock the device's threads would share; the worker and the pump take it.</summary>
        public readonly object Lock = new object();

        public PhoneRig()
            : this(new Center(Strategy.Linear, 10), 26, 10)
        {
        }

        public PhoneRig(Center center, int columns, int rows)
        {
            Center = center;
            ApiHandler handler = new ApiHandler(center.Server, new WireJson(), new CountingTokens(), Options);
            Servers = new InProcessServers(new ApiService(center.Server, handler));
            Grid = new CharGrid(columns, rows);
            Boot(Device, "2101");
        }

        /// <summary>Powers the phone on: a fresh core that fetches its provisioning.</summary>
        public void Boot(string device, string extension)
        {
            Boot(device, extension, DeviceSecret);
        }

        public void Boot(string device, string extension, string deviceSecret)
        {
            PhoneSettings settings = new PhoneSettings();
            settings.DeviceName = device;
            settings.DeviceSecret = deviceSecret;
            settings.Extension = extension;
            settings.Servers = new string[] { InProcessServers.Primary, InProcessServers.Secondary };
            Phone = new PhoneCore(settings, Center.Clock, Wall, Ringer, Grid.Columns, Grid.Rows);
            Worker = new RequestWorker(Phone, Lock, Servers, Center.Clock);
            Pump = new EventPump(Phone, Lock, Servers, Center.Clock);
            Phone.Start();
            Answer();
        }

        /// <summary>Presses keys by name, separated by spaces; PAUSE lets the multi-tap timeout pass.</summary>
        public void Keys(string names)
        {
            string[] keys = names.Split(' ');
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Length == 0)
                {
                    continue;
                }

                if (keys[i] == "PAUSE")
                {
                    Wait(MultiTap.DefaultTimeoutMs + 100);
                    continue;
                }

                Press(keys[i]);
                Answer();
            }
        }

        /// <summary>One key by name, the screen drawn; a request it makes stays with the worker.</summary>
        public void Press(string name)
        {
            Key key = KeyNames.Parse(name);
            Assert.AreNotEqual((int)Key.None, (int)key, "unknown key name " + name);
            Phone.Press(key);
            Draw();
        }

        /// <summary>The worker sends every request waiting, in turn, and the answers show.</summary>
        public void Answer()
        {
            Worker.RunWaiting(8);

            Draw();
        }

        /// <summary>Time passes for phone and server: the server's timers and the phone's tick run.</summary>
        public void Wait(int ms)
        {
            Center.Clock.Now += ms;
            Wall.Ms += ms;
            Center.Server.Tick();
            Phone.Tick();
            Answer();
        }

        /// <summary>One turn of the event long-poll (no wait), and the requests it leads to.</summary>
        public void Events()
        {
            Pump.PollOnce(0);
            Answer();
        }

        public void Draw()
        {
            ScreenView.Draw(Phone.Screen, Grid, Phone.LocalMs, Phone.Extension);
        }

        public string Row(int row)
        {
            char[] text = new char[Grid.Columns];
            for (int c = 0; c < text.Length; c++)
            {
                text[c] = Grid[row, c];
            }

            return new string(text).TrimEnd();
        }

        /// <summary>Every row, one per line.</summary>
        public string Text()
        {
            string text = string.Empty;
            for (int r = 0; r < Grid.Rows; r++)
            {
                text += Row(r) + "\n";
            }

            return text;
        }

        /// <summary>The body rows that hold text, joined by spaces: a wrapped message in one line.</summary>
        public string Body()
        {
            string text = string.Empty;
            for (int r = 2; r < Grid.Rows - 2; r++)
            {
                string row = Row(r);
                if (row.Length > 0)
                {
                    text = text.Length == 0 ? row : text + " " + row;
                }
            }

            return text;
        }

        public string Softkeys()
        {
            Screen s = Phone.Screen;
            return s.Softkey(0) + "|" + s.Softkey(1) + "|" + s.Softkey(2) + "|" + s.Softkey(3);
        }

        public string State()
        {
            return Phone.Status == null ? null : Phone.Status.State;
        }

        /// <summary>The PBX offers a call to a queue, with caller data.</summary>
        public string Offer(string queue, string ani)
        {
            Call call;
            Assert.AreEqual(0, (int)Center.Server.OfferToQueue(null, queue, ani, "2101", new string[] { "FirstName", "AccountNumberOfTheCaller" }, new string[] { "Ada", "12345" }, out call));
            return call.Id;
        }

        /// <summary>7001 signed in and Ready, a Support call from 2301 ringing on the phone.</summary>
        public void RingingQueueCall()
        {
            SignIn7001();
            Keys("1");
            Offer("Support", "2301");
            Events();
        }

        /// <summary>Signs 7001 in through the login form, typing the ID by multi-tap.</summary>
        public void SignIn7001()
        {
            Keys("SOFT1 7 7 7 7 7 0 PAUSE 0 1 DOWN SOFT3 1 2 3 4 DOWN 2 1 0 1 SOFT1");
        }
    }
}
