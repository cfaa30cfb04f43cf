// Reference declarations of nanoFramework.System.Net 1.11 (System.Net.dll): network interfaces
// (the MAC address the device name comes from) and the firmware's SNTP client.

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;
        public byte[] PhysicalAddress => throw null;
    }
}

namespace nanoFramework.Networking
{
    public static class Sntp
    {
        public static void Start() { }
        public static void UpdateNow() { }
        public static bool IsStarted => throw null;
        public static string Server1 { get => throw null; set { } }
    }
}
