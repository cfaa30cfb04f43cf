using System.Threading;
using AgentPhone.Boards;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Display;
using AgentPhone.Hardware.Ringer;
using AgentPhone.Phone;

namespace AgentPhone.Device
{
    /// <summary>
    /// The phone as a device: a board's panel, keys and buzzer around the phone core. One loop
    /// scans the keys, lets time pass in the core and the ringer, and draws what changed; the
    /// event long-poll runs on its own thread. Keys, ticks, events and drawing share one lock.
    /// A held UP or DOWN repeats; a held ANSWER offers a demo call when the demo server runs.
    /// </summary>
    public sealed class PhoneDevice : IKeySink
    {
        /// <summary>Loop period: keys are scanned this often.</summary>
        public const int LoopMs = 10;

        /// <summary>Without a key, the screen is laid out again this often (clock, timers, events).</summary>
        public const int DrawMs = 100;

        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly IDisplay _panel;
        private readonly IKeypad[] _keypads;
        private readonly PhoneRinger _ringer;
        private readonly CharGrid _grid;
        private readonly TextRenderer _renderer;
        private readonly PhoneCore _core;
        private readonly EventPump _pump;
        private readonly DemoCenter _demo;
        private long _drawnAtMs = long.MinValue;
        private bool _demoOfferedThisHold;
        private long _bytesSent;

        /// <param name="demo">The on-device demo server, or null when the phone talks to a real one.</param>
        public PhoneDevice(BoardProfile board, IBoardPorts ports, PhoneSettings settings, IHttp http, IClock clock, IWallClock wall,
            int ringVolume, DemoCenter demo)
        {
            _clock = clock;
            _demo = demo;
            _panel = DeviceDrivers.OpenPanel(board, ports);
            _keypads = DeviceDrivers.OpenKeypads(board, ports);
            _ringer = DeviceDrivers.OpenRinger(board, ports, clock, ringVolume);
            _grid = new CharGrid(board.Columns, board.Rows);
            _renderer = new TextRenderer(_grid, _panel, board.CellWidth, board.CellHeight);
            _renderer.SetInverted(0, true);
            _renderer.SetInverted(board.Rows - 1, true);
            _core = new PhoneCore(settings, http, clock, wall, _ringer, board.Columns);
            _pump = new EventPump(_core, _lock, http, clock);
        }

        public PhoneCore Core
        {
            get { return _core; }
        }

        /// <summary>The characters on the panel as last drawn.</summary>
        public CharGrid Grid
        {
            get { return _grid; }
        }

        public PhoneRinger Ringer
        {
            get { return _ringer; }
        }

        /// <summary>The lock every user of the core holds (keys, ticks, the event pump, readers of the grid).</summary>
        public object Lock
        {
            get { return _lock; }
        }

        /// <summary>Pixel bytes sent to the panel since start.</summary>
        public long BytesSent
        {
            get { return _bytesSent; }
        }

        /// <summary>Wakes the panel, clears it, fetches provisioning and shows the first screen;
        /// with <paramref name="startEvents"/> the event long-poll starts on its thread.</summary>
        public void Start(bool startEvents)
        {
            _panel.Initialize();
            lock (_lock)
            {
                _bytesSent += _renderer.Clear();
                _panel.SetBacklight(true);
                _core.Start();
                Draw();
            }

            if (startEvents)
            {
                _pump.Start();
            }
        }

        public void Stop()
        {
            _pump.Stop();
            _ringer.Stop();
        }

        /// <summary>Runs the loop for ever (the device's main thread).</summary>
        public void Run()
        {
            while (true)
            {
                Step();
                Thread.Sleep(LoopMs);
            }
        }

        /// <summary>One pass of the loop.</summary>
        public void Step()
        {
            long now = _clock.NowMs;
            for (int i = 0; i < _keypads.Length; i++)
            {
                _keypads[i].Scan(now, this);
            }

            lock (_lock)
            {
                _core.Tick();
                _ringer.Tick();
                if (now - _drawnAtMs >= DrawMs)
                {
                    Draw();
                }
            }
        }

        /// <summary>A key pressed now (from the keypad, or the emulator's control API); the
        /// screen shows its outcome when this returns.</summary>
        public void Press(Key key)
        {
            lock (_lock)
            {
                _ringer.Click();
                _core.Press(key);
                Draw();
            }
        }

        /// <summary>Lays the screen out and draws it now, so what a reader sees next matches the
        /// core (events may have arrived since the last pass of the loop).</summary>
        public void Redraw()
        {
            lock (_lock)
            {
                Draw();
            }
        }

        public void OnKey(Key key, KeyAction action)
        {
            if (action == KeyAction.Press)
            {
                Press(key);
            }
            else if (action == KeyAction.Repeat && (key == Key.Up || key == Key.Down))
            {
                Press(key);
            }
            else if (action == KeyAction.Repeat && key == Key.Answer && _demo != null && !_demoOfferedThisHold && !_ringer.IsRinging)
            {
                _demoOfferedThisHold = true;
                _demo.OfferCall();
            }
            else if (action == KeyAction.Release && key == Key.Answer)
            {
                _demoOfferedThisHold = false;
            }
        }

        private void Draw()
        {
            ScreenView.Draw(_core.Screen, _grid, _core.LocalMs, _core.Extension);
            _bytesSent += _renderer.Render();
            _drawnAtMs = _clock.NowMs;
        }
    }
}
