using nanoFramework.Hardware.Esp32;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>Routes the ESP32's peripherals to the pins a board wires them to.</summary>
    public static class Esp32Pins
    {
        /// <summary>SPI1: MOSI and clock, and MISO when wired (-1 for a write-only panel).</summary>
        public static void UseSpi1(int mosiPin, int misoPin, int clockPin)
        {
            Configuration.SetPinFunction(mosiPin, DeviceFunction.SPI1_MOSI);
            if (misoPin >= 0)
            {
                Configuration.SetPinFunction(misoPin, DeviceFunction.SPI1_MISO);
            }

            Configuration.SetPinFunction(clockPin, DeviceFunction.SPI1_CLOCK);
        }

        /// <summary>I2C1 on the board's data and clock pins.</summary>
        public static void UseI2c1(int dataPin, int clockPin)
        {
            Configuration.SetPinFunction(dataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(clockPin, DeviceFunction.I2C1_CLOCK);
        }

        /// <summary>PWM1 on the buzzer pin.</summary>
        public static void UsePwm(int pin)
        {
            Configuration.SetPinFunction(pin, DeviceFunction.PWM1);
        }
    }
}
