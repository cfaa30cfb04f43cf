namespace AgentPhone.Hardware
{
    /// <summary>Digital pins by number, as keypad scanning and panel control lines need them.</summary>
    public interface IGpio
    {
        void SetOutput(int pin);

        void SetInput(int pin, bool pullUp);

        void Write(int pin, bool high);

        bool Read(int pin);
    }
}
