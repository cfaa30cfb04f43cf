namespace AgentPhone.Hardware
{
    /// <summary>What a key did.</summary>
    public enum KeyAction
    {
        /// <summary>Went down (after debounce).</summary>
        Press = 1,

        /// <summary>Still held: first after the long-press time, then at the repeat rate.</summary>
        Repeat = 2,

        Release = 3
    }

    /// <summary>Where a keypad reports its keys.</summary>
    public interface IKeySink
    {
        void OnKey(Key key, KeyAction action);
    }

    /// <summary>A source of keys the phone's loop scans every few milliseconds.</summary>
    public interface IKeypad
    {
        /// <summary>Reads the keys once and reports what changed since the last scan.</summary>
        void Scan(long nowMs, IKeySink sink);
    }
}
