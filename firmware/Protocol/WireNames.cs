namespace AgentPhone.Protocol
{
    /// <summary>Lookup shared by the enums that travel as names (states, errors, events).</summary>
    internal static class WireNames
    {
        /// <summary>The index of <paramref name="name"/> in <paramref name="names"/>, or -1.</summary>
        public static int IndexOf(string[] names, string name)
        {
            if (name == null)
            {
                return -1;
            }

            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
