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
    /// requests the keys make go out on a worker thread, and the event long-poll runs on a thread
    /// of its own, so no key waits for the network. Keys, ticks, answers, events and drawing
    /// share one lock, which nobody holds across a request.
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
        private readonly RequestWorker _worker;
        private bool _threads;
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
            _core = new PhoneCore(settings, clock, wall, _ringer, board.Columns, board.Rows);
            _pump = new EventPump(_core, _lock, http, clock);
            _worker = new RequestWorker(_core, _lock, http, clock);
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

        /// <summary>Wakes the panel, clears it, asks for provisioning and shows the first screen.
        /// With <paramref name="threads"/> the request worker and the event long-poll start on
        /// threads of their own; without, <see cref="Step"/> sends what the keys asked for and
        /// <see cref="PollEvents"/> looks at the event stream (tests in virtual time).</summary>
        public void Start(bool threads)
        {
            _threads = threads;
            _panel.Initialize();
            lock (_lock)
            {
                _bytesSent += _renderer.Clear();
                _panel.SetBacklight(true);
                _core.Start();
                Draw();
            }

            if (threads)
            {
                _worker.Start();
                _pump.Start();
            }
            else
            {
                RunRequests();
            }
        }

        public void Stop()
        {
            _pump.Stop();
            _worker.Stop();
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

            bool waiting;
            lock (_lock)
            {
                _core.Tick();
                _ringer.Tick();
                if (now - _drawnAtMs >= DrawMs)
                {
                    Draw();
                }

                waiting = _core.HasRequest;
            }

            HandOver(waiting);
        }

        /// <summary>What the keys or the clock asked of the server goes to the worker (read under
        /// the lock by the caller, which already held it).</summary>
        private void HandOver(bool waiting)
        {
            if (!_threads)
            {
                RunRequests();
            }
            else if (waiting)
            {
                _worker.Wake();
            }
        }

        /// <summary>Without threads: sends the requests waiting and applies their answers, in turn.</summary>
        public void RunRequests()
        {
            _worker.RunWaiting(4);
            Redraw();
        }

        /// <summary>Without threads: one look at the event stream (no wait), and what it asks for.</summary>
        public void PollEvents()
        {
            _pump.PollOnce(0);
            RunRequests();
        }

        /// <summary>A key pressed now (from the keypad, or the emulator's control API); the screen
        /// shows it when this returns, and a request it made is on its way (its answer shows
        /// when it comes).</summary>
        public void Press(Key key)
        {
            bool waiting;
            lock (_lock)
            {
                _ringer.Click();
                _core.Press(key);
                Draw();
                waiting = _core.HasRequest;
            }

            HandOver(waiting);
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
