// Mirrors nanoframework/System.Net at tag v1.11.52 (package nanoFramework.System.Net 1.11.52,
// assembly System.Net): the network interfaces (the MAC address the device name comes from) and
// the address type HttpListener's constructor takes. SNTP is not here: it is the package
// nanoFramework.Networking.Sntp.

namespace System.Net
{
    public class IPAddress
    {
        public IPAddress(long newAddress) { }
        public IPAddress(byte[] address) { }
    }
}

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { }
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;
        public byte[] PhysicalAddress { get => throw null; set { } }
    }
}
