namespace AgentPhone.Hardware
{
    /// <summary>Blocking waits a driver needs between commands (a panel's reset and wake-up);
    /// virtual in tests, so an init sequence takes no real time there.</summary>
    public interface IDelay
    {
        void Sleep(int milliseconds);
    }
}
