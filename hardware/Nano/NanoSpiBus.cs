using System;
using System.Device.Spi;

namespace AgentPhone.Hardware.Nano
{
    /// <summary><see cref="ISpiBus"/> over nanoFramework's SpiDevice.</summary>
    public sealed class NanoSpiBus : ISpiBus
    {
        private readonly SpiDevice _device;

        /// <param name="busId">1 or 2 on the ESP32 (its pins are set with <see cref="Esp32Pins.UseSpi1"/>).</param>
        /// <param name="chipSelectPin">GPIO driven as chip select.</param>
        /// <param name="clockHz">SPI clock; panels take 20-40 MHz.</param>
        public NanoSpiBus(int busId, int chipSelectPin, int clockHz)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.ClockFrequency = clockHz;
            settings.Mode = SpiMode.Mode0;
            _device = SpiDevice.Create(settings);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            // SpanByte is a view over the array: one transfer, no copy on our side.
            _device.Write(new SpanByte(buffer, offset, count));
        }
    }
}
