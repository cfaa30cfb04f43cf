// Mirrors nanoframework/System.Device.Spi at tag v1.3.82 (package nanoFramework.System.Device.Spi
// 1.3.82, assembly System.Device.Spi).

namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0,
        Mode1,
        Mode2,
        Mode3
    }

    public enum DataFlow
    {
        MsbFirst,
        LsbFirst
    }

    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) { }
        public int BusId { get => throw null; set { } }
        public int ChipSelectLine { get => throw null; set { } }
        public SpiMode Mode { get => throw null; set { } }
        public int DataBitLength { get => throw null; set { } }
        public int ClockFrequency { get => throw null; set { } }
        public DataFlow DataFlow { get => throw null; set { } }
    }

    public class SpiDevice : IDisposable
    {
        public SpiDevice(SpiConnectionSettings settings) { }
        public static SpiDevice Create(SpiConnectionSettings settings) => throw null;
        public SpiConnectionSettings ConnectionSettings => throw null;
        public void Write(SpanByte buffer) { }
        public void WriteByte(byte value) { }
        public void Dispose() { }
    }
}
