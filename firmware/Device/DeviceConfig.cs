using System;
using AgentPhone.Protocol.Json;

namespace AgentPhone.Device
{
    /// <summary>
    /// What the flashing tool writes to the device's internal storage (<see cref="FilePath"/>):
    /// the board, the Wi-Fi network, the agent servers, the phone's extension and whether to run
    /// the single-agent demo server on the device itself.
    /// </summary>
    public sealed class DeviceConfig : IMessage
    {
        /// <summary>Where nanoFramework's internal flash file system keeps it.</summary>
        public const string FilePath = "I:\\agentphone.json";

        /// <summary>The board a device without a configuration file assumes.</summary>
        public const string DefaultBoard = "devkitc-st7735";

        public DeviceConfig()
        {
            RingVolume = -1;
        }

        public string Board;
        public string WifiSsid;
        public string WifiPassword;

        /// <summary>Agent server base URLs, primary first; empty with <see cref="Demo"/>.</summary>
        public string[] Servers;

        public string Extension;
        public int UtcOffsetMinutes;

        /// <summary>Run the single-agent demo server on the device and talk to it.</summary>
        public bool Demo;

        /// <summary>Ring volume step, or -1 for the board's default.</summary>
        public int RingVolume;

        /// <summary>The phone's device secret (One Button Sign In), or null.</summary>
        public string DeviceSecret;

        /// <summary>PEM text of the CA certificate that https:// servers are checked against, or null.</summary>
        public string CaCertificate;

        /// <summary>Reads a configuration; null and a reason in <paramref name="error"/> when it
        /// is not valid JSON or lacks what the phone cannot start without.</summary>
        public static DeviceConfig Parse(string json, out string error)
        {
            DeviceConfig config = new DeviceConfig();
            try
            {
                JsonReader.Read(json, config);
            }
            catch (Exception)
            {
                error = "agentphone.json is not valid JSON";
                return null;
            }

            if (config.Board == null || config.Board.Length == 0)
            {
                error = "agentphone.json names no board";
                return null;
            }

            if (!config.Demo && (config.Servers == null || config.Servers.Length == 0))
            {
                error = "agentphone.json names no server (or set \"demo\": true)";
                return null;
            }

            for (int i = 0; !config.Demo && i < config.Servers.Length; i++)
            {
                if (Protocol.Strings.StartsWith(config.Servers[i], "https://") && config.CaCertificate == null)
                {
                    error = "agentphone.json: " + config.Servers[i] + " needs the CA certificate to check it (caCertificate)";
                    return null;
                }
            }

            error = null;
            return config;
        }

        public void WriteMembers(JsonWriter w)
        {
            w.Member("board", Board);
            w.Member("wifiSsid", WifiSsid);
            w.Member("wifiPassword", WifiPassword);
            w.Member("servers", Servers);
            w.Member("extension", Extension);
            w.Member("utcOffsetMinutes", UtcOffsetMinutes);
            w.Member("demo", Demo);
            w.Member("ringVolume", RingVolume);
            w.Member("deviceSecret", DeviceSecret);
            w.Member("caCertificate", CaCertificate);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "board") Board = r.ReadString();
            else if (name == "wifiSsid") WifiSsid = r.ReadString();
            else if (name == "wifiPassword") WifiPassword = r.ReadString();
            else if (name == "servers") Servers = r.ReadStringArray();
            else if (name == "extension") Extension = r.ReadString();
            else if (name == "utcOffsetMinutes") UtcOffsetMinutes = r.ReadInt();
            else if (name == "demo") Demo = r.ReadBool();
            else if (name == "ringVolume") RingVolume = r.ReadInt();
            else if (name == "deviceSecret") DeviceSecret = r.ReadString();
            else if (name == "caCertificate") CaCertificate = r.ReadString();
            else r.Skip();
        }
    }
}
