using System.Device.Gpio;

namespace AgentPhone.Hardware.Nano
{
    /// <summary><see cref="IGpio"/> over nanoFramework's GpioController; pins are opened on first use.</summary>
    public sealed class NanoGpio : IGpio
    {
        // ESP32 GPIO numbers run 0-48 across the family.
        private const int MaxPins = 49;

        private readonly GpioController _controller = new GpioController();
        private readonly GpioPin[] _pins = new GpioPin[MaxPins];

        public void SetOutput(int pin)
        {
            Open(pin, PinMode.Output);
        }

        public void SetInput(int pin, bool pullUp)
        {
            Open(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
        }

        public void Write(int pin, bool high)
        {
            _pins[pin].Write(high ? PinValue.High : PinValue.Low);
        }

        public bool Read(int pin)
        {
            return _pins[pin].Read() == PinValue.High;
        }

        private void Open(int pin, PinMode mode)
        {
            if (_pins[pin] == null)
            {
                _pins[pin] = _controller.OpenPin(pin, mode);
            }
            else
            {
                _pins[pin].SetPinMode(mode);
            }
        }
    }
}
