// Mirrors nanoframework/System.Device.I2c at tag v1.1.29 (package nanoFramework.System.Device.I2c
// 1.1.29, assembly System.Device.I2c), the SpanByte generation that pairs with CoreLibrary 1.17.

namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { }
        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;
        public I2cTransferResult Read(SpanByte buffer) => throw null;
        public I2cTransferResult Write(SpanByte buffer) => throw null;
        public void Dispose() { }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { }
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { }
    }

    public enum I2cBusSpeed
    {
        StandardMode = 0,
        FastMode = 1
    }

    public struct I2cTransferResult
    {
        public uint BytesTransferred => throw null;
        public I2cTransferStatus Status => throw null;
    }

    public enum I2cTransferStatus
    {
        UnknownError = 0,
        FullTransfer = 1,
        ClockStretchTimeout = 2,
        PartialTransfer = 3,
        SlaveAddressNotAcknowledged = 4
    }
}
