using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Ringer
{
    /// <summary>
    /// Plays a <see cref="Cadence"/> on a tone output. The phone's loop calls <see cref="Tick"/>;
    /// the tone is switched only on the edges of the cadence, not on every tick.
    /// </summary>
    public sealed class RingPlayer
    {
        private readonly ITone _tone;
        private Cadence _cadence;
        private long _startedMs;
        private bool _sounding;

        public RingPlayer(ITone tone)
        {
            _tone = tone;
            VolumePercent = 80;
        }

        public int VolumePercent { get; set; }

        public bool IsRinging
        {
            get { return _cadence != null; }
        }

        public void Start(Cadence cadence, long nowMs)
        {
            _cadence = cadence;
            _startedMs = nowMs;
            _sounding = false;
            Tick(nowMs);
        }

        public void Tick(long nowMs)
        {
            if (_cadence == null)
            {
                return;
            }

            bool on = _cadence.IsOnAt(nowMs - _startedMs);
            if (on == _sounding)
            {
                return;
            }

            _sounding = on;
            if (on)
            {
                _tone.Play(_cadence.FrequencyHz, VolumePercent);
            }
            else
            {
                _tone.Silence();
            }
        }

        public void Stop()
        {
            if (_sounding)
            {
                _tone.Silence();
            }

            _cadence = null;
            _sounding = false;
        }
    }
}
