namespace AgentPhone.Protocol
{
    /// <summary>The three lists of reason codes: why Not Ready, why signing out, how a call ended.</summary>
    public enum ReasonKind
    {
        NotReady = 0,
        Logout,
        WrapUp
    }

    /// <summary>Wire names of <see cref="ReasonKind"/>.</summary>
    public static class ReasonKinds
    {
        public static readonly NameTable Names = new NameTable(new string[]
        {
            "NOT_READY", "LOGOUT", "WRAP_UP"
        });

        public static string ToWire(ReasonKind value) => Names.Name((int)value);

        /// <summary>Parses a wire name; false (and the first value) for anything else.</summary>
        public static bool TryParseWire(string name, out ReasonKind value)
        {
            int index = Names.ValueOf(name);
            value = (ReasonKind)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
