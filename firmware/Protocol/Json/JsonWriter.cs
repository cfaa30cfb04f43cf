namespace AgentPhone.Protocol.Json
{
    /// <summary>
    /// Writes compact JSON into a reusable character buffer: one writer per thread, reset for each
    /// body, so a warm writer allocates only the final string. Members whose value is null
    /// (strings, messages, arrays) are left out, as the host's serializer is told to do too.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxDepth = 16;
        private static readonly char[] Hex = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f' };

        private char[] _buffer;
        private int _length;
        // Per open object or array: whether a value has been written (so the next needs a comma).
        private readonly bool[] _hasValue = new bool[MaxDepth + 1];
        private int _depth;
        private bool _afterName;

        public JsonWriter()
        {
            _buffer = new char[256];
        }

        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _afterName = false;
            _hasValue[0] = false;
        }

        public override string ToString()
        {
            return new string(_buffer, 0, _length);
        }

        public void BeginObject()
        {
            Open('{');
        }

        public void EndObject()
        {
            Close('}');
        }

        public void BeginArray()
        {
            Open('[');
        }

        public void EndArray()
        {
            Close(']');
        }

        /// <summary>Starts a member; the next value written is its value.</summary>
        public void Name(string name)
        {
            BeforeValue();
            Quoted(name);
            Append(':');
            _afterName = true;
        }

        public void String(string value)
        {
            if (value == null)
            {
                Null();
                return;
            }

            BeforeValue();
            Quoted(value);
        }

        public void Number(long value)
        {
            BeforeValue();
            if (value < 0)
            {
                Append('-');
            }

            // Digits from the right, into the buffer directly: no string per number.
            int start = _length;
            do
            {
                long digit = value % 10;
                Append((char)('0' + (digit < 0 ? -digit : digit)));
                value /= 10;
            }
            while (value != 0);

            for (int i = start, j = _length - 1; i < j; i++, j--)
            {
                char c = _buffer[i];
                _buffer[i] = _buffer[j];
                _buffer[j] = c;
            }
        }

        public void Bool(bool value)
        {
            BeforeValue();
            Raw(value ? "true" : "false");
        }

        public void Null()
        {
            BeforeValue();
            Raw("null");
        }

        /// <summary>A string member, left out when null.</summary>
        public void Member(string name, string value)
        {
            if (value != null)
            {
                Name(name);
                String(value);
            }
        }

        public void Member(string name, long value)
        {
            Name(name);
            Number(value);
        }

        public void Member(string name, bool value)
        {
            Name(name);
            Bool(value);
        }

        /// <summary>A member holding an array of strings, left out when null.</summary>
        public void Member(string name, string[] values)
        {
            if (values == null)
            {
                return;
            }

            Name(name);
            BeginArray();
            for (int i = 0; i < values.Length; i++)
            {
                String(values[i]);
            }

            EndArray();
        }

        /// <summary>A nested message member, left out when null.</summary>
        public void Member(string name, IMessage value)
        {
            if (value != null)
            {
                Name(name);
                Message(value);
            }
        }

        /// <summary>A member holding an array of messages, left out when null.</summary>
        public void Member(string name, IMessage[] values)
        {
            if (values == null)
            {
                return;
            }

            Name(name);
            BeginArray();
            for (int i = 0; i < values.Length; i++)
            {
                Message(values[i]);
            }

            EndArray();
        }

        public void Message(IMessage value)
        {
            if (value == null)
            {
                Null();
                return;
            }

            BeginObject();
            value.WriteMembers(this);
            EndObject();
        }

        private void Open(char c)
        {
            if (_depth == MaxDepth)
            {
                throw new System.InvalidOperationException("JSON nested too deeply.");
            }

            BeforeValue();
            Append(c);
            _depth++;
            _hasValue[_depth] = false;
        }

        private void Close(char c)
        {
            if (_depth == 0)
            {
                throw new System.InvalidOperationException("Nothing open to close.");
            }

            _depth--;
            Append(c);
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_hasValue[_depth])
            {
                Append(',');
            }

            _hasValue[_depth] = true;
        }

        private void Quoted(string s)
        {
            Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    Append('\\');
                    Append(c);
                }
                else if (c == '\n')
                {
                    Raw("\\n");
                }
                else if (c == '\r')
                {
                    Raw("\\r");
                }
                else if (c == '\t')
                {
                    Raw("\\t");
                }
                else if (c < ' ')
                {
                    Raw("\\u00");
                    Append(Hex[c >> 4]);
                    Append(Hex[c & 0xF]);
                }
                else
                {
                    Append(c);
                }
            }

            Append('"');
        }

        private void Raw(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Append(s[i]);
            }
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                char[] bigger = new char[_buffer.Length * 2];
                System.Array.Copy(_buffer, 0, bigger, 0, _length);
                _buffer = bigger;
            }

            _buffer[_length++] = c;
        }
    }
}
