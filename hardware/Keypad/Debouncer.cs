namespace AgentPhone.Hardware.Keypad
{
    /// <summary>What a key did on this scan.</summary>
    public enum KeyEdge
    {
        None = 0,
        Pressed = 1,
        Released = 2
    }

    /// <summary>
    /// Debounces one key: a change of the raw contact counts only after it has held steady for
    /// the debounce time, so contact bounce yields exactly one press and one release.
    /// </summary>
    public sealed class Debouncer
    {
        private readonly int _debounceMs;
        private bool _stable;
        private bool _candidate;
        private long _candidateSince;

        public Debouncer(int debounceMs)
        {
            _debounceMs = debounceMs;
        }

        /// <summary>The debounced state: true while the key is held.</summary>
        public bool IsDown
        {
            get { return _stable; }
        }

        /// <summary>Feeds one raw reading taken at <paramref name="nowMs"/>.</summary>
        public KeyEdge Update(bool rawDown, long nowMs)
        {
            if (rawDown != _candidate)
            {
                _candidate = rawDown;
                _candidateSince = nowMs;
            }

            if (_candidate == _stable || nowMs - _candidateSince < _debounceMs)
            {
                return KeyEdge.None;
            }

            _stable = _candidate;
            return _stable ? KeyEdge.Pressed : KeyEdge.Released;
        }
    }
}
