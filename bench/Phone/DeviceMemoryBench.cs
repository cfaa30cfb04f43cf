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
/// The managed heap the device app keeps, measured on the host after a full collection: the same
/// objects as on the device, with 8-byte references and UTF-16 strings where the ESP32 has 4-byte
/// references and UTF-8, so the figures are an upper bound. The panel, keys and buzzer sit on
/// ports that keep nothing (the device's are native). Static tables (font, key maps, wire names)
/// are loaded before the baseline and reported once.
/// </summary>
public static class DeviceMemoryBench
{
    private const string Local = "http://127.0.0.1";

    public static (IReadOnlyList<DeviceMemoryRow> Rows, long Statics) Run()
    {
        BoardProfile[] boards = [BoardCatalog.DevKitCSt7735, BoardCatalog.M5StackCore, BoardCatalog.Esp32Ssd1306];

        // The first boot of the process also loads the static tables; the second does not.
        long cold = Booted(boards[0], withDemo: true);
        long warm = Booted(boards[0], withDemo: true);
        var rows = boards.Select(b => new DeviceMemoryRow(b.Name, Booted(b, withDemo: false), Booted(b, withDemo: true))).ToList();
        return (rows, Math.Max(0, cold - warm));
    }

    /// <summary>Bytes alive after booting the device, signing in, going Ready and ringing with a
    /// demo caller's data on screen.</summary>
    private static long Booted(BoardProfile board, bool withDemo)
    {
        var clock = new BenchClock();
        var ports = new NullPorts();
        var settings = new PhoneSettings { DeviceName = "SEP000000002101", Servers = [Local] };

        // Without the demo on the device, its center stands for the remote server: built before
        // the baseline, so only what the sign-in and the call add to it is counted.
        DemoCenter? remote = withDemo ? null : new DemoCenter(clock, new BenchTokens(), settings.DeviceName);
        long before = Settled();
        DemoCenter demo = remote ?? new DemoCenter(clock, new BenchTokens(), settings.DeviceName);
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

        lock (device.Lock)
        {
            device.Core.PollEvents();
        }

        clock.NowMs += PhoneDevice.DrawMs;
        device.Step();
        if (device.Core.View != PhoneView.CallerData)
        {
            throw new InvalidOperationException("the bench expected Caller Data on " + board.Name + ", found " + device.Core.View);
        }

        long after = Settled();
        GC.KeepAlive(device);
        GC.KeepAlive(demo);
        return after - before;
    }

    private static long Settled()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
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
