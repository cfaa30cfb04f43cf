using System;
using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Server.Api;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace AgentPhone.Bench.Device
{
    /// <summary>
    /// What the phone keeps alive on nanoFramework's runtime, on one board (<see cref="Scenario"/>):
    /// booted, signed in, Ready and ringing with Caller Data on screen, with its server elsewhere
    /// or the demo center on the device. The runtime's own count of free heap (a full collection
    /// each time) is read at start, with the device alive, with it dropped, and with everything
    /// dropped: the device keeps the difference between the middle two, and what never comes
    /// back is the static tables its code filled.
    /// </summary>
    public static class Program
    {
        private const string DeviceName = "SEP000000002101";
        private const string Local = "http://127.0.0.1";

        public static void Main()
        {
            uint start = NativeGC.Run(true);
            BenchClock clock = new BenchClock();

            // Without the demo on the device, a center stands for the remote server; it is not the device's.
            DemoCenter remote = Scenario.WithDemo ? null : new DemoCenter(clock, new BenchTokens(), DeviceName);
            PhoneDevice device = Boot(BoardCatalog.Find(Scenario.Board), clock, remote);
            uint alive = NativeGC.Run(true);
            string view = device.Core.View == PhoneView.CallerData ? "CallerData" : "not CallerData";

            device = null;
            uint dropped = NativeGC.Run(true);
            remote = null;
            uint empty = NativeGC.Run(true);

            Console.WriteLine("memory," + Scenario.Board + "," + (Scenario.WithDemo ? "phone+demo" : "phone") + "," + view
                + ",start=" + start + ",alive=" + alive + ",dropped=" + dropped + ",empty=" + empty);
        }

        private static PhoneDevice Boot(BoardProfile board, BenchClock clock, DemoCenter remote)
        {
            DemoCenter demo = remote != null ? remote : new DemoCenter(clock, new BenchTokens(), DeviceName);
            PhoneSettings settings = new PhoneSettings();
            settings.DeviceName = DeviceName;
            settings.Servers = new string[] { Local };
            settings.DeviceSecret = demo.DeviceSecret;
            PhoneDevice device = new PhoneDevice(board, new BenchPorts(), settings, new LocalHttp(demo.Service, Local), clock, clock, -1, remote != null ? null : demo);
            device.Start(false);
            string[] keys = "SOFT1 SOFT3 1 2 3 4 SOFT1 1".Split(' ');
            for (int i = 0; i < keys.Length; i++)
            {
                device.OnKey(KeyNames.Parse(keys[i]), KeyAction.Press);
                device.OnKey(KeyNames.Parse(keys[i]), KeyAction.Release);
            }

            demo.OfferCall();
            device.PollEvents();
            clock.Now += PhoneDevice.DrawMs;
            device.Step();
            return device;
        }
    }
}
