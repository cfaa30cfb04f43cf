namespace AgentPhone.Hardware
{
    /// <summary>
    /// The key names of the emulator control API and of scripted tests:
    /// 0-9 * # SOFT1-SOFT4 UP DOWN SELECT SERVICES ANSWER HANGUP.
    /// </summary>
    public static class KeyNames
    {
        // Indexed by the Key enum value.
        private static readonly string[] Names =
        {
            "", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#",
            "SOFT1", "SOFT2", "SOFT3", "SOFT4", "UP", "DOWN", "SELECT", "SERVICES", "ANSWER", "HANGUP"
        };

        public static string ToName(Key key)
        {
            return Names[(int)key];
        }

        /// <summary>Parses a key name; <see cref="Key.None"/> for anything unknown (names are case-sensitive).</summary>
        public static Key Parse(string name)
        {
            for (int i = 1; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return (Key)i;
                }
            }

            return Key.None;
        }

        /// <summary>The dial character of a dial key ('0'-'9', '*', '#'), or '\0' for other keys.</summary>
        public static char ToDialChar(Key key)
        {
            if (key >= Key.D0 && key <= Key.D9)
            {
                return (char)('0' + (key - Key.D0));
            }

            if (key == Key.Star)
            {
                return '*';
            }

            return key == Key.Pound ? '#' : '\0';
        }
    }
}
