namespace AgentPhone.Hardware
{
    /// <summary>A monotonic millisecond clock; virtual in tests, so timing runs in virtual time.</summary>
    public interface IClock
    {
        long NowMs { get; }
    }
}
