using System;
using System.Device.I2c;

namespace AgentPhone.Hardware.Nano
{
    /// <summary><see cref="II2cBus"/> over nanoFramework's I2cDevice (pins set with <see cref="Esp32Pins.UseI2c1"/>).</summary>
    public sealed class NanoI2cBus : II2cBus
    {
        private readonly I2cDevice _device;

        public NanoI2cBus(int busId, int address)
        {
            _device = I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.FastMode));
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            return _device.Write(new SpanByte(buffer, offset, count)).Status == I2cTransferStatus.FullTransfer;
        }

        public bool Read(byte[] buffer, int offset, int count)
        {
            return _device.Read(new SpanByte(buffer, offset, count)).Status == I2cTransferStatus.FullTransfer;
        }
    }
}
