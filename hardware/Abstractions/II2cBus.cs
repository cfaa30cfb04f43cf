namespace AgentPhone.Hardware
{
    /// <summary>One device on an I2C bus (its address is fixed when the bus is opened).</summary>
    public interface II2cBus
    {
        /// <summary>Sends <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/> in one transfer; false when the device did not acknowledge.</summary>
        bool Write(byte[] buffer, int offset, int count);

        /// <summary>Reads <paramref name="count"/> bytes into <paramref name="buffer"/> from
        /// <paramref name="offset"/>; false when the device did not answer.</summary>
        bool Read(byte[] buffer, int offset, int count);
    }
}
