namespace AgentPhone.Hardware
{
    /// <summary>The phone's ringer: a cadence per call kind, and a short click per key.</summary>
    public interface IRinger
    {
        /// <summary>Starts ringing: the routed (queue) cadence or the direct-call one.</summary>
        void Ring(bool routed);

        void Stop();

        bool IsRinging { get; }
    }
}
