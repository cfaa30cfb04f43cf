namespace AgentPhone.Hardware
{
    /// <summary>Every key of the phone, whatever the board's keypad looks like.</summary>
    public enum Key
    {
        None = 0,
        D0, D1, D2, D3, D4, D5, D6, D7, D8, D9,
        Star,
        Pound,
        Soft1, Soft2, Soft3, Soft4,
        Up,
        Down,
        Select,
        Services,
        Answer,
        Hangup
    }
}
