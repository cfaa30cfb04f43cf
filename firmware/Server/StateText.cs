namespace AgentPhone.Server
{
    /// <summary>
    /// The text a snapshot of the core is written in: values separated by '|', one record per
    /// line, a string marked '=' (null is '~') and escaped so it never holds a separator. Only
    /// the order of the values gives them meaning; <see cref="StateReader"/> takes them back in
    /// the order <see cref="StateWriter"/> wrote them.
    /// </summary>
    public sealed class StateWriter
    {
        private char[] _buffer = new char[1024];
        private int _length;
        private bool _lineStarted;

        /// <summary>Characters written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        public void Long(long value)
        {
            Separate();
            // Digit by digit: a snapshot writes millions of numbers, and a string each would be
            // the center's largest allocation.
            if (value < 0)
            {
                Append('-');
            }

            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            ulong scale = 1;
            while (magnitude / scale >= 10)
            {
                scale *= 10;
            }

            for (; scale > 0; scale /= 10)
            {
                Append((char)('0' + (int)(magnitude / scale % 10)));
            }
        }

        public void Int(int value)
        {
            Long(value);
        }

        public void Bool(bool value)
        {
            Separate();
            Append(value ? '1' : '0');
        }

        public void String(string value)
        {
            Separate();
            if (value == null)
            {
                Append('~');
                return;
            }

            Append('=');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\\' || c == '|' || c == '\n' || c == '\r')
                {
                    Append('\\');
                    c = c == '|' ? 'p' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
                }

                Append(c);
            }
        }

        /// <summary>A count, then each string (-1 for a null array).</summary>
        public void Strings(string[] values)
        {
            Int(values == null ? -1 : values.Length);
            for (int i = 0; values != null && i < values.Length; i++)
            {
                String(values[i]);
            }
        }

        public void EndRecord()
        {
            Append('\n');
            _lineStarted = false;
        }

        public override string ToString()
        {
            return new string(_buffer, 0, _length);
        }

        /// <summary><paramref name="count"/> characters from <paramref name="start"/>: a piece of
        /// the text without a copy of the whole.</summary>
        public string Part(int start, int count)
        {
            return new string(_buffer, start, count);
        }

        /// <summary>Starts a new text in the same buffer, so a host that writes one snapshot after
        /// another grows it once.</summary>
        public void Clear()
        {
            _length = 0;
            _lineStarted = false;
        }

        private void Separate()
        {
            if (_lineStarted)
            {
                Append('|');
            }

            _lineStarted = true;
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                char[] bigger = new char[_buffer.Length * 2];
                System.Array.Copy(_buffer, bigger, _length);
                _buffer = bigger;
            }

            _buffer[_length++] = c;
        }
    }

    /// <summary>Reads back what <see cref="StateWriter"/> wrote; a value of the wrong kind or a
    /// text that ends early throws <see cref="StateFormatException"/>.</summary>
    public sealed class StateReader
    {
        private readonly string _text;
        private int _at;
        private bool _recordEnded;

        public StateReader(string text)
        {
            _text = text == null ? string.Empty : text;
        }

        public bool AtEnd
        {
            get { return _at >= _text.Length; }
        }

        public long Long()
        {
            int start = _at;
            int end = TokenEnd();
            bool negative = end > start && _text[start] == '-';
            int i = negative ? start + 1 : start;
            if (i == end || end - i > 18)
            {
                throw Bad("a number");
            }

            long value = 0;
            for (; i < end; i++)
            {
                char c = _text[i];
                if (c < '0' || c > '9')
                {
                    throw Bad("a number");
                }

                value = value * 10 + (c - '0');
            }

            Skip(end);
            return negative ? -value : value;
        }

        public int Int()
        {
            long value = Long();
            if (value < int.MinValue || value > int.MaxValue)
            {
                throw Bad("a 32-bit number");
            }

            return (int)value;
        }

        public bool Bool()
        {
            int end = TokenEnd();
            if (end != _at + 1 || (_text[_at] != '0' && _text[_at] != '1'))
            {
                throw Bad("0 or 1");
            }

            bool value = _text[_at] == '1';
            Skip(end);
            return value;
        }

        public string String()
        {
            int end = TokenEnd();
            if (end == _at + 1 && _text[_at] == '~')
            {
                Skip(end);
                return null;
            }

            if (end == _at || _text[_at] != '=')
            {
                throw Bad("a string");
            }

            char[] chars = new char[end - _at - 1];
            int n = 0;
            for (int i = _at + 1; i < end; i++)
            {
                char c = _text[i];
                if (c == '\\')
                {
                    if (++i == end)
                    {
                        throw Bad("an escape");
                    }

                    c = _text[i];
                    c = c == 'p' ? '|' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
                }

                chars[n++] = c;
            }

            Skip(end);
            return new string(chars, 0, n);
        }

        public string[] Strings()
        {
            int count = Int();
            if (count < -1)
            {
                throw Bad("a count");
            }

            if (count == -1)
            {
                return null;
            }

            string[] values = new string[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = String();
            }

            return values;
        }

        /// <summary>Checks that the record ends here and moves to the next one.</summary>
        public void EndRecord()
        {
            if (!_recordEnded)
            {
                throw Bad("the end of a record");
            }

            _recordEnded = false;
        }

        // Where the current value ends: at a separator or the end of the text.
        private int TokenEnd()
        {
            if (_at >= _text.Length || _recordEnded)
            {
                throw Bad("another value");
            }

            int i = _at;
            while (i < _text.Length && _text[i] != '|' && _text[i] != '\n')
            {
                i++;
            }

            return i;
        }

        // Steps past the value and its separator, noting whether it ended the record.
        private void Skip(int end)
        {
            _recordEnded = end >= _text.Length || _text[end] == '\n';
            _at = end + 1;
        }

        private StateFormatException Bad(string expected)
        {
            return new StateFormatException("State text: expected " + expected + " at character " + _at + ".");
        }
    }

    /// <summary>A snapshot text that is not what the writer makes (truncated, damaged, another version).</summary>
    public sealed class StateFormatException : System.Exception
    {
        public StateFormatException(string message)
            : base(message)
        {
        }
    }
}
