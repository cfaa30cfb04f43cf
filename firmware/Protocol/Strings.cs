namespace AgentPhone.Protocol
{
    /// <summary>String tests the device code needs without allocating.</summary>
    public static class Strings
    {
        /// <summary>Whether <paramref name="text"/> begins with <paramref name="prefix"/> (ordinal).</summary>
        public static bool StartsWith(string text, string prefix)
        {
            if (text == null || text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
