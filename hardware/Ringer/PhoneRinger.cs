using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Ringer
{
    /// <summary>
    /// The phone's buzzer: the ring cadences (routed and direct), a short click on every key,
    /// and the loudness in steps. The phone's loop calls <see cref="Tick"/>; tones switch only on
    /// cadence edges and at the end of a click.
    /// </summary>
    public sealed class PhoneRinger : IRinger
    {
        public const int ClickHz = 4000;
        public const int ClickMs = 12;

        /// <summary>Loudness of each step in percent of the loudest; step 0 is silent.</summary>
        private static readonly int[] StepPercent = { 0, 10, 20, 35, 55, 80, 100 };

        private readonly ITone _tone;
        private readonly IClock _clock;
        private readonly RingPlayer _player;
        private int _volumeStep;
        private long _clickEndsMs = -1;
        private bool _ringing;

        public PhoneRinger(ITone tone, IClock clock, int volumeStep)
        {
            _tone = tone;
            _clock = clock;
            _player = new RingPlayer(tone);
            VolumeStep = volumeStep;
            KeyClicks = true;
        }

        public static int MaxStep
        {
            get { return StepPercent.Length - 1; }
        }

        /// <summary>0 (silent) to <see cref="MaxStep"/>; out-of-range values are clamped.</summary>
        public int VolumeStep
        {
            get { return _volumeStep; }
            set
            {
                _volumeStep = value < 0 ? 0 : value > MaxStep ? MaxStep : value;
                _player.VolumePercent = StepPercent[_volumeStep];
            }
        }

        public bool KeyClicks { get; set; }

        public bool IsRinging
        {
            get { return _ringing; }
        }

        public void Louder()
        {
            VolumeStep = _volumeStep + 1;
        }

        public void Softer()
        {
            VolumeStep = _volumeStep - 1;
        }

        public void Ring(bool routed)
        {
            _clickEndsMs = -1;
            _ringing = true;

            // At step 0 the phone still rings (the screen says so), silently.
            if (_volumeStep > 0)
            {
                _player.Start(routed ? Cadence.Routed : Cadence.Direct, _clock.NowMs);
            }
        }

        public void Stop()
        {
            _ringing = false;
            _player.Stop();
        }

        /// <summary>A short tick for a key press; not while ringing, when the ring says enough.</summary>
        public void Click()
        {
            if (!KeyClicks || _volumeStep == 0 || _ringing)
            {
                return;
            }

            _tone.Play(ClickHz, StepPercent[_volumeStep]);
            _clickEndsMs = _clock.NowMs + ClickMs;
        }

        public void Tick()
        {
            long now = _clock.NowMs;
            if (_clickEndsMs >= 0 && now >= _clickEndsMs)
            {
                _clickEndsMs = -1;
                _tone.Silence();
            }

            _player.Tick(now);
        }
    }
}
