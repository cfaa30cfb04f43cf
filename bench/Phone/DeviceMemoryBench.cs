using System.Reflection;
using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Server.Api;

namespace AgentPhone.Bench.Phone;

/// <summary>What one board's device app keeps alive once booted, signed in and showing a call's
/// Caller Data: the phone alone (its server elsewhere) and the phone with the on-device demo
/// center.</summary>
public sealed record DeviceMemoryRow(string Board, long Phone, long PhoneAndDemo);

/// <summary>
/// The managed heap the device app keeps: every object reachable from the device once booted, at
/// its size on the 64-bit host heap. The objects are the device's own; the host's 8-byte
/// references and UTF-16 strings (the ESP32 has 4-byte references and UTF-8) make the figures an
/// upper bound. The panel, keys and buzzer sit on ports that keep nothing (the device's are
/// native). Static tables (font, key maps, wire names) are counted once, apart.
/// </summary>
public static class DeviceMemoryBench
{
    private const string Local = "http://127.0.0.1";

    public static (IReadOnlyList<DeviceMemoryRow> Rows, long Statics) Run()
    {
        BoardProfile[] boards = [BoardCatalog.DevKitCSt7735, BoardCatalog.M5StackCore, BoardCatalog.Esp32Ssd1306];
        var rows = boards.Select(b => new DeviceMemoryRow(b.Name, Booted(b, withDemo: false), Booted(b, withDemo: true))).ToList();
        return (rows, new RetainedSize().OfStatics(DeviceAssemblies));
    }

    private static readonly Assembly[] DeviceAssemblies = new[]
    {
        typeof(PhoneDevice), typeof(PhoneCore), typeof(BoardProfile), typeof(LocalHttp), typeof(Protocol.ErrorCodes),
        typeof(Hardware.Display.Font5x7), typeof(KeyNames), typeof(Hardware.Ringer.PhoneRinger), typeof(Hardware.Keypad.KeyScanner),
    }.Select(t => t.Assembly).Distinct().ToArray();

    /// <summary>Bytes reachable from the device after booting, signing in, going Ready and
    /// ringing with a demo caller's data on screen.</summary>
    private static long Booted(BoardProfile board, bool withDemo)
    {
        var clock = new BenchClock();
        var ports = new NullPorts();
        var settings = new PhoneSettings { DeviceName = "SEP000000002101", Servers = [Local] };

        // Without the demo on the device, its center stands for the remote server: built before
        // the baseline, so only what the sign-in and the call add to it is counted.
        DemoCenter? remote = withDemo ? null : new DemoCenter(clock, new BenchTokens(), settings.DeviceName);
        DemoCenter demo = remote ?? new DemoCenter(clock, new BenchTokens(), settings.DeviceName);
        settings.DeviceSecret = demo.DeviceSecret;
        var device = new PhoneDevice(board, ports, settings, new LocalHttp(demo.Service, Local), clock, clock, -1, withDemo ? demo : null);
        device.Start(false);
        foreach (string key in "SOFT1 SOFT3 1 2 3 4 SOFT1 1".Split(' '))
        {
            device.OnKey(KeyNames.Parse(key), KeyAction.Press);
            device.OnKey(KeyNames.Parse(key), KeyAction.Release);
        }

        if (demo.OfferCall() != 201)
        {
            throw new InvalidOperationException("the demo center did not offer its call");
        }

        device.PollEvents();

        clock.NowMs += PhoneDevice.DrawMs;
        device.Step();
        if (device.Core.View != PhoneView.CallerData)
        {
            throw new InvalidOperationException("the bench expected Caller Data on " + board.Name + ", found " + device.Core.View);
        }

        // The remote center, its answers' leftovers and the static tables are not the device's.
        var size = new RetainedSize();
        if (remote != null)
        {
            size.Exclude(remote);
        }

        size.OfStatics(DeviceAssemblies);
        return size.Of(device);
    }

    /// <summary>Ports that keep nothing: the device's buses and pins live in native code.</summary>
    private sealed class NullPorts : IBoardPorts, IGpio, IDelay, ISpiBus, II2cBus, ITone
    {
        public IGpio Gpio => this;

        public IDelay Delay => this;

        public ISpiBus OpenPanelSpi(BoardProfile board) => this;

        public II2cBus OpenI2c(BoardProfile board, int address) => this;

        public ITone OpenTone(BoardProfile board) => this;

        public void SetOutput(int pin)
        {
        }

        public void SetInput(int pin, bool pullUp)
        {
        }

        public void Write(int pin, bool high)
        {
        }

        public bool Read(int pin) => true;

        public void Sleep(int milliseconds)
        {
        }

        public void Write(byte[] buffer, int offset, int count)
        {
        }

        bool II2cBus.Write(byte[] buffer, int offset, int count) => true;

        bool II2cBus.Read(byte[] buffer, int offset, int count) => false;

        public void Play(int frequencyHz, int volumePercent)
        {
        }

        public void Silence()
        {
        }
    }
}
