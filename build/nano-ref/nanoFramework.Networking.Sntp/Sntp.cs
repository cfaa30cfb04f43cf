// Mirrors nanoframework/nanoFramework.Networking.Sntp at tag v1.6.42 (package
// nanoFramework.Networking.Sntp 1.6.42, assembly nanoFramework.Networking.Sntp): the firmware's
// SNTP client. A class of its own (not static) whose members are all static.

namespace nanoFramework.Networking
{
    public class Sntp
    {
        public static void Start() { }
        public static void Stop() { }
        public static void UpdateNow() { }
        public static bool IsStarted => throw null;
        public static string Server1 { get => throw null; set { } }
        public static string Server2 { get => throw null; set { } }
    }
}
