// Mirrors nanoframework/nanoFramework.Hardware.Esp32 at tag v1.6.34 (package
// nanoFramework.Hardware.Esp32 1.6.34, assembly nanoFramework.Hardware.Esp32).

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { }
        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }

    /// <summary>Only the members AgentPhone routes; the values are the library's own encoding.</summary>
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10100,
        SPI1_MISO = 0x10101,
        SPI1_CLOCK = 0x10102,
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
        PWM1 = 0x40100
    }
}
