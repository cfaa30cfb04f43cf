// Reference declarations of nanoFramework.System.Device.Pwm 1.1 (System.Device.Pwm.dll).

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;
        public int Frequency { get => throw null; set { } }
        public double DutyCycle { get => throw null; set { } }
        public void Start() { }
        public void Stop() { }
        public void Dispose() { }
    }
}
