using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Tests
{
    /// <summary>An <see cref="ITone"/> that writes down what it was told to do.</summary>
    internal sealed class RecordingTone : ITone
    {
        public string Log = "";
        public bool Sounding;

        public void Play(int frequencyHz, int volumePercent)
        {
            Log += "play " + frequencyHz + " " + volumePercent + ";";
            Sounding = true;
        }

        public void Silence()
        {
            Log += "silence;";
            Sounding = false;
        }
    }
}
