using nanoFramework.Hardware.Esp32;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>Routes the ESP32's peripherals to the pins a board wires them to.</summary>
    public static class Esp32Pins
    {
        /// <summary>SPI1 for a write-only panel: MOSI and clock.</summary>
        public static void UseSpi1(int mosiPin, int clockPin)
        {
            Configuration.SetPinFunction(mosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(clockPin, DeviceFunction.SPI1_CLOCK);
        }

        /// <summary>PWM1 on the buzzer pin.</summary>
        public static void UsePwm(int pin)
        {
            Configuration.SetPinFunction(pin, DeviceFunction.PWM1);
        }
    }
}
