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

        // The code points a screen would not show as themselves, as ranges (first, last): the
        // controls (Unicode Cc), the format characters (Cf: bidirectional overrides and isolates,
        // zero-width marks, the byte-order mark…), the line and paragraph separators (Zl, Zp), and
        // U+FFFD, which a broken UTF-8 sequence decodes to. A host test holds it to .NET's tables.
        private static readonly int[] Hidden =
        {
            0x0000, 0x001F, 0x007F, 0x009F, 0x00AD, 0x00AD, 0x0600, 0x0605, 0x061C, 0x061C,
            0x06DD, 0x06DD, 0x070F, 0x070F, 0x0890, 0x0891, 0x08E2, 0x08E2, 0x180E, 0x180E,
            0x200B, 0x200F, 0x2028, 0x202E, 0x2060, 0x2064, 0x2066, 0x206F, 0xFEFF, 0xFEFF,
            0xFFF9, 0xFFFB, 0xFFFD, 0xFFFD,
            0x110BD, 0x110BD, 0x110CD, 0x110CD, 0x13430, 0x1343F, 0x1BCA0, 0x1BCA3,
            0x1D173, 0x1D17A, 0xE0001, 0xE0001, 0xE0020, 0xE007F,
        };

        /// <summary>Where the first hidden character of <paramref name="text"/> is (see
        /// <see cref="Hidden"/>; a lone surrogate counts too), or -1 when there is none.</summary>
        public static int HiddenAt(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    if (IsHidden(c))
                    {
                        return i;
                    }

                    i++;
                    continue;
                }

                if (IsHidden(c) || (c >= 0xD800 && c <= 0xDFFF))
                {
                    return i;   // hidden, or half of a surrogate pair (no character at all)
                }
            }

            return -1;
        }

        private static bool IsHidden(int c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return false;
            }

            for (int k = 0; k < Hidden.Length; k += 2)
            {
                if (c < Hidden[k])
                {
                    return false;
                }

                if (c <= Hidden[k + 1])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
