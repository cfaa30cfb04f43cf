using System;
using System.Device.Wifi;
using System.IO;
using System.Net.NetworkInformation;
using System.Text;
using System.Threading;
using nanoFramework.Networking;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>The device's place on the network: Wi-Fi, time from SNTP, its MAC address, and
    /// the configuration file the flashing tool leaves in internal storage.</summary>
    public static class NanoNetwork
    {
        /// <summary>Joins the network and waits (at most <paramref name="timeoutMs"/>) for an
        /// address and a clock set by SNTP. False when either did not come.</summary>
        public static bool Connect(string ssid, string password, string sntpServer, int timeoutMs)
        {
            if (sntpServer != null && sntpServer.Length > 0)
            {
                Sntp.Server1 = sntpServer;
            }

            CancellationTokenSource deadline = new CancellationTokenSource(timeoutMs);
            bool connected = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, deadline.Token);
            if (connected && !Sntp.IsStarted)
            {
                Sntp.Start();
            }

            return connected;
        }

        /// <summary>The MAC address of the first network interface (Wi-Fi on the ESP32).</summary>
        public static byte[] MacAddress()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            return interfaces.Length == 0 ? new byte[6] : interfaces[0].PhysicalAddress;
        }

        /// <summary>A text file from internal storage, or null when it is not there.</summary>
        public static string ReadText(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] bytes = new byte[(int)file.Length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = file.Read(bytes, read, bytes.Length - read);
                    if (n <= 0)
                    {
                        break;
                    }

                    read += n;
                }

                return Encoding.UTF8.GetString(bytes, 0, read);
            }
        }
    }
}
