// Mirrors nanoframework/System.Device.Wifi at tag v1.5.144 (package nanoFramework.System.Device.Wifi
// 1.5.144, assembly System.Device.Wifi):
// the network helper that joins a Wi-Fi network and waits for an address (and, if asked, a
// valid clock from the firmware's SNTP client).

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static bool ConnectDhcp(string ssid, string password, System.Device.Wifi.WifiReconnectionKind reconnectionKind = System.Device.Wifi.WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, System.Threading.CancellationToken token = default) => throw null;
        public static System.Exception HelperException => throw null;
    }
}
