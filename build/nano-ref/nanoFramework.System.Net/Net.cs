// Mirrors nanoframework/System.Net at tag v1.11.52 (package nanoFramework.System.Net 1.11.52,
// assembly System.Net): the network interfaces (the MAC address the device name comes from),
// the address type HttpListener's constructor takes, and the certificate type HttpClient checks
// https:// servers against (its string constructor takes PEM or DER text). SNTP is not here: it is the package
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

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { }
        public X509Certificate(string certificate) { }
    }
}
