// Mirrors nanoframework/System.Device.Gpio at tag v1.1.57 (package nanoFramework.System.Device.Gpio
// 1.1.57, assembly System.Device.Gpio).

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    public readonly struct PinValue
    {
        public static PinValue High => throw null;
        public static PinValue Low => throw null;
        public static implicit operator PinValue(int value) => throw null;
        public static implicit operator PinValue(bool value) => throw null;
        public static bool operator ==(PinValue a, PinValue b) => throw null;
        public static bool operator !=(PinValue a, PinValue b) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public int PinNumber => throw null;
        public PinMode GetPinMode() => throw null;
        public void SetPinMode(PinMode value) { }
        public PinValue Read() => throw null;
        public void Write(PinValue value) { }
        public void Toggle() { }
        public void Dispose() { }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }
        public GpioPin OpenPin(int pinNumber) => throw null;
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
        public void ClosePin(int pinNumber) { }
        public void Dispose() { }
    }
}
