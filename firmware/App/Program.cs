using System.Diagnostics;
using System.Threading;
using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Nano;
using AgentPhone.Phone;
using AgentPhone.Server.Listener;
using AgentPhone.Server.Api;

namespace AgentPhone.App
{
    /// <summary>
    /// The nanoFramework entry point: reads the configuration the flashing tool left in internal
    /// storage, joins Wi-Fi and sets the clock, names the phone after its MAC, optionally starts
    /// the single-agent demo server, and runs the phone on the configured board.
    /// </summary>
    public static class Program
    {
        private const int NetworkTimeoutMs = 60000;
        private const int DemoPort = 80;
        private const string Loopback = "http://127.0.0.1";

        // Held here so the collector never takes the demo's timer while the app runs.
        private static Timer _demoTicks;

        public static void Main()
        {
            DeviceConfig config = ReadConfig();
            BoardProfile board = BoardCatalog.Find(config.Board);
            if (board == null)
            {
                Debug.WriteLine("AgentPhone: unknown board '" + config.Board + "' in " + DeviceConfig.FilePath);
                Thread.Sleep(Timeout.Infinite);
            }

            bool online = false;
            if (config.WifiSsid != null && config.WifiSsid.Length > 0)
            {
                Debug.WriteLine("AgentPhone: joining " + config.WifiSsid);
                online = NanoNetwork.Connect(config.WifiSsid, config.WifiPassword, null, NetworkTimeoutMs);
                Debug.WriteLine(online ? "AgentPhone: online" : "AgentPhone: no network; the phone will keep retrying its servers");
            }

            NanoClock clock = new NanoClock();
            PhoneSettings settings = new PhoneSettings();
            settings.DeviceName = PhoneSettings.DeviceNameOf(NanoNetwork.MacAddress());
            settings.Extension = config.Extension;
            settings.Servers = config.Servers;
            settings.UtcOffsetMinutes = config.UtcOffsetMinutes;
            settings.DeviceSecret = config.DeviceSecret;

            IHttp http;
            DemoCenter demo = null;
            if (config.Demo)
            {
                demo = new DemoCenter(clock, new RandomTokens(), settings.DeviceName);
                StartDemoServer(demo, online);
                settings.Servers = new string[] { Loopback };
                settings.DeviceSecret = demo.DeviceSecret;
                http = new LocalHttp(demo.Service, Loopback);
            }
            else
            {
                http = new NanoHttp(config.CaCertificate);
            }

            Debug.WriteLine("AgentPhone " + settings.DeviceName + " on " + board.Name);
            PhoneDevice phone = new PhoneDevice(board, new NanoBoardPorts(), settings, http, clock, new NanoWallClock(), config.RingVolume, demo);
            phone.Start(true);
            phone.Run();
        }

        /// <summary>The stored configuration; without one, the single-agent demo on the default board.</summary>
        private static DeviceConfig ReadConfig()
        {
            string text = NanoNetwork.ReadText(DeviceConfig.FilePath);
            if (text != null)
            {
                string error;
                DeviceConfig config = DeviceConfig.Parse(text, out error);
                if (config != null)
                {
                    return config;
                }

                Debug.WriteLine("AgentPhone: " + error + "; running the demo instead");
            }

            DeviceConfig demo = new DeviceConfig();
            demo.Board = DeviceConfig.DefaultBoard;
            demo.Demo = true;
            return demo;
        }

        /// <summary>Serves the demo's API on the network when there is one (a desktop or the
        /// emulator can join in); its timers run either way.</summary>
        private static void StartDemoServer(DemoCenter demo, bool online)
        {
            if (online)
            {
                new DeviceApiListener(demo.Service, DemoPort, new ApiOptions().MaxBodyChars).Start();
                return;
            }

            ApiService service = demo.Service;
            _demoTicks = new Timer(delegate { service.Tick(); }, null, ApiService.TickMs, ApiService.TickMs);
        }
    }
}
