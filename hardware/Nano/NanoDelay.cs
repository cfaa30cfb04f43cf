using System.Threading;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>Waits on the device: the calling thread sleeps.</summary>
    public sealed class NanoDelay : IDelay
    {
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
