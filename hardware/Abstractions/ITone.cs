namespace AgentPhone.Hardware
{
    /// <summary>A buzzer or speaker that plays one square-wave tone at a time.</summary>
    public interface ITone
    {
        /// <summary>Starts (or changes) a tone.</summary>
        /// <param name="frequencyHz">Pitch in hertz.</param>
        /// <param name="volumePercent">Loudness 0-100, mapped to the PWM duty cycle.</param>
        void Play(int frequencyHz, int volumePercent);

        void Silence();
    }
}
