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
        private static readonly string[] Names = { "NOT_READY", "LOGOUT", "WRAP_UP" };

        public const int Count = 3;

        public static string ToWire(ReasonKind kind)
        {
            return Names[(int)kind];
        }

        public static bool TryParseWire(string name, out ReasonKind kind)
        {
            int index = WireNames.IndexOf(Names, name);
            kind = index < 0 ? ReasonKind.NotReady : (ReasonKind)index;
            return index >= 0;
        }
    }
}
