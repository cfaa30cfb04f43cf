// Mirrors nanoframework/System.Device.Pwm at tag v1.1.23 (package nanoFramework.System.Device.Pwm
// 1.1.23, assembly System.Device.Pwm).

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { }
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;
        public int Frequency { get => throw null; set { } }
        public double DutyCycle { get => throw null; set { } }
        public void Start() { }
        public void Stop() { }
        public void Dispose() { }
    }
}
