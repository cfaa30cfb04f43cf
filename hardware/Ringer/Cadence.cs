namespace AgentPhone.Hardware.Ringer
{
    /// <summary>
    /// A repeating ring pattern: alternating on and off durations in milliseconds, starting
    /// with on. Routed (queue) calls and direct calls ring differently so the agent can tell
    /// them apart without looking.
    /// </summary>
    public sealed class Cadence
    {
        private readonly int[] _stepsMs;
        private readonly int _periodMs;

        public Cadence(int frequencyHz, int[] stepsMs)
        {
            FrequencyHz = frequencyHz;
            _stepsMs = stepsMs;
            for (int i = 0; i < stepsMs.Length; i++)
            {
                _periodMs += stepsMs[i];
            }
        }

        /// <summary>Routed call: double ring, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off.</summary>
        public static readonly Cadence Routed = new Cadence(1400, new int[] { 400, 200, 400, 2000 });

        /// <summary>Direct call: one long ring, 1 s on, 3 s off.</summary>
        public static readonly Cadence Direct = new Cadence(1000, new int[] { 1000, 3000 });

        public int FrequencyHz { get; private set; }

        public int PeriodMs
        {
            get { return _periodMs; }
        }

        /// <summary>Whether the tone sounds <paramref name="elapsedMs"/> after ringing started.</summary>
        public bool IsOnAt(long elapsedMs)
        {
            long t = elapsedMs % _periodMs;
            for (int i = 0; i < _stepsMs.Length; i++)
            {
                if (t < _stepsMs[i])
                {
                    return i % 2 == 0;
                }

                t -= _stepsMs[i];
            }

            return false;
        }
    }
}
