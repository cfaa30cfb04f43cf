using System.Diagnostics;
using AgentPhone.Boards;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Display;
using AgentPhone.Phone;
using AgentPhone.Server;

namespace AgentPhone.Bench.Phone;

/// <summary>One board's panel: bytes sent per kind of key press, and host time per render.</summary>
public sealed record PanelRow(string Board, long FrameBytes, double MenuDown, double Typing, double StateChange, double RenderMicros,
    double HeldKeyBytes, double HeldKeyMicros);

/// <summary>
/// What a key press costs on each board's panel: the bytes the renderer sends through the real
/// driver (window commands included) as a share of a full frame, and the host time to lay the
/// screen out and render it. Against the on-device demo center, as the single-agent demo runs.
/// </summary>
public static class PanelBench
{
    private const int Presses = 400;

    public static IReadOnlyList<PanelRow> Run()
    {
        var result = new List<PanelRow>();
        foreach (BoardProfile board in new[] { BoardCatalog.Esp32Ssd1306, BoardCatalog.DevKitCSt7735, BoardCatalog.M5StackCore })
        {
            var rig = new Rig(board);
            long frame = rig.Renderer.FrameBytes;

            // Sign-in form (password only: the demo provisions the agent): a character typed.
            rig.Press(Key.Soft1);
            rig.Press(Key.Soft3);
            long typed = 0;
            for (int i = 0; i < Presses; i++)
            {
                typed += rig.Bytes(Key.D7);
                rig.Press(Key.Soft2);
            }

            double typing = typed / (double)Presses;
            foreach (Key k in new[] { Key.D1, Key.D2, Key.D3, Key.D4, Key.Soft1 })
            {
                rig.Press(k);
            }

            if (rig.View != PhoneView.AgentMenu)
            {
                throw new InvalidOperationException("the bench expected the agent menu after sign-in, found " + rig.View);
            }

            // Ready, then the Not Ready reason menu, scrolled; a reason taken.
            rig.Press(Key.D1);
            rig.Press(Key.D1);
            if (rig.View != PhoneView.Reasons)
            {
                throw new InvalidOperationException("the bench expected the reason menu, found " + rig.View);
            }

            double menu = rig.Average(Key.Down, Presses);
            rig.Press(Key.Soft1);

            // Ready asked for and not answered yet: the menu keys meanwhile, key to bytes on the bus.
            rig.PressHeld(Key.D1);
            var watch = Stopwatch.StartNew();
            double held = rig.Average(Key.Down, Presses);
            double heldMicros = watch.Elapsed.TotalMicroseconds / Presses;
            rig.Answer();
            rig.Press(Key.D1);
            rig.Press(Key.D1);

            // Ready and back to Not Ready (Break): the bytes of the key that completes each change.
            long changes = 0;
            for (int i = 0; i < Presses / 2; i++)
            {
                changes += rig.Bytes(Key.D1);
                rig.Press(Key.D1);
                changes += rig.Bytes(Key.D1);
            }

            double change = changes / (double)Presses;
            result.Add(new PanelRow(board.Name, frame, menu, typing, change, rig.RenderMicros, held, heldMicros));
        }

        return result;
    }

    /// <summary>A board's real panel driver on a bus that counts, the phone core against the demo.</summary>
    private sealed class Rig
    {
        private readonly CountingPorts _ports = new();
        private readonly CharGrid _grid;
        private readonly InlinePhone _core;
        private readonly Stopwatch _render = new();
        private long _renders;

        public Rig(BoardProfile board)
        {
            var clock = new BenchClock();
            var demo = new DemoCenter(clock, new BenchTokens(), "SEP000000000001");
            var settings = new PhoneSettings { DeviceName = "SEP000000000001", Servers = ["http://demo"], DeviceSecret = demo.DeviceSecret };
            _core = new InlinePhone(settings, new AgentPhone.Server.Api.LocalHttp(demo.Service, "http://demo"), clock, board.Columns);
            IDisplay panel = DeviceDrivers.OpenPanel(board, _ports);
            panel.Initialize();
            _grid = new CharGrid(board.Columns, board.Rows);
            Renderer = new TextRenderer(_grid, panel, board.CellWidth, board.CellHeight);
            Renderer.SetInverted(0, true);
            Renderer.SetInverted(board.Rows - 1, true);
            Renderer.Clear();
            _core.Start();
            Draw();
        }

        public TextRenderer Renderer { get; }

        public PhoneView View => _core.View;

        public double RenderMicros => _render.Elapsed.TotalMicroseconds / Math.Max(1, _renders);

        public void Press(Key key)
        {
            _core.Press(key);
            Draw();
        }

        public void PressHeld(Key key)
        {
            _core.PressHeld(key);
            Draw();
        }

        public void Answer()
        {
            _core.Answer();
            Draw();
        }

        public long Bytes(Key key)
        {
            long before = _ports.Bytes;
            Press(key);
            return _ports.Bytes - before;
        }

        public double Average(Key key, int count)
        {
            long total = 0;
            for (int i = 0; i < count; i++)
            {
                total += Bytes(key);
            }

            return total / (double)count;
        }

        private void Draw()
        {
            _render.Start();
            ScreenView.Draw(_core.Core.Screen, _grid, _core.Core.LocalMs, _core.Core.Extension);
            Renderer.Render();
            _render.Stop();
            _renders++;
        }
    }

    /// <summary>Ports whose buses count bytes and whose pins and waits do nothing.</summary>
    private sealed class CountingPorts : IBoardPorts, IGpio, IDelay, ISpiBus, II2cBus, ITone
    {
        public long Bytes;

        public IGpio Gpio => this;
        public IDelay Delay => this;
        public ISpiBus OpenPanelSpi(BoardProfile board) => this;
        public II2cBus OpenI2c(BoardProfile board, int address) => this;
        public ITone OpenTone(BoardProfile board) => this;
        public void SetOutput(int pin) { }
        public void SetInput(int pin, bool pullUp) { }
        void IGpio.Write(int pin, bool high) { }
        public bool Read(int pin) => true;
        public void Sleep(int milliseconds) { }
        public void Write(byte[] buffer, int offset, int count) => Bytes += count;
        bool II2cBus.Write(byte[] buffer, int offset, int count) { Bytes += count; return true; }
        bool II2cBus.Read(byte[] buffer, int offset, int count) => false;
        public void Play(int frequencyHz, int volumePercent) { }
        public void Silence() { }
    }
}
