namespace AgentPhone.Hardware
{
    /// <summary>One device on a SPI bus (chip select handled by the bus).</summary>
    public interface ISpiBus
    {
        /// <summary>Sends <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> in one transfer.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
