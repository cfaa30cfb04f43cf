using System;
using AgentPhone.Server;

namespace AgentPhone.Hardware.Nano
{
    /// <summary>
    /// Session tokens of 128 bits for the on-device server, as hex. nanoFramework's Random reads
    /// the ESP32's hardware RNG on every call (seeds do not apply there), which makes it the
    /// platform's secure source; on other targets it may be a seeded generator.
    /// </summary>
    public sealed class RandomTokens : ITokenSource
    {
        private const string Hex = "0123456789abcdef";
        private readonly Random _random = new Random();
        private readonly byte[] _bytes = new byte[16];

        public string NewToken()
        {
            char[] text = new char[_bytes.Length * 2];
            lock (_bytes)
            {
                _random.NextBytes(_bytes);
                for (int i = 0; i < _bytes.Length; i++)
                {
                    text[2 * i] = Hex[_bytes[i] >> 4];
                    text[2 * i + 1] = Hex[_bytes[i] & 0xF];
                }
            }

            return new string(text);
        }
    }
}
