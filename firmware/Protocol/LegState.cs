namespace AgentPhone.Protocol
{
    /// <summary>Where one agent's part (leg) of a call stands: the <c>state</c> of a status's call.</summary>
    public enum LegState
    {
        Ringing = 0,
        Connected,
        Held
    }

    /// <summary>Wire names of <see cref="LegState"/>.</summary>
    public static class LegStates
    {
        public static readonly NameTable Names = new NameTable(new string[] { "RINGING", "CONNECTED", "HELD" });

        public static readonly string Ringing = ToWire(LegState.Ringing);

        public static readonly string Connected = ToWire(LegState.Connected);

        public static readonly string Held = ToWire(LegState.Held);

        public static string ToWire(LegState state) => Names.Name((int)state);
    }
}
