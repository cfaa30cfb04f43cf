namespace AgentPhone.Protocol.Json
{
    /// <summary>
    /// Reads JSON text straight into messages, without building a tree: a message pulls the value
    /// of each member it knows and skips the rest. Strings are cut from the text when they hold no
    /// escapes. Any fault throws <see cref="JsonFormatException"/> naming the member and position.
    /// </summary>
    public sealed class JsonReader
    {
        private const int MaxDepth = 16;

        private string _text;
        private int _pos;
        private int _depth;
        private string _member;
        private char[] _scratch = new char[64];
        // The member names of the objects being read, outermost first: a name given twice in one
        // object is refused (which one did the writer mean?).
        private string[] _names = new string[16];
        private int _nameCount;

        public JsonReader(string text)
        {
            Reset(text);
        }

        public void Reset(string text)
        {
            _text = text == null ? string.Empty : text;
            _pos = 0;
            _depth = 0;
            _member = null;
            _nameCount = 0;
        }

        /// <summary>Reads a whole text holding one object into <paramref name="message"/>.</summary>
        public static void Read(string text, IMessage message)
        {
            JsonReader reader = new JsonReader(text);
            reader.ReadMessage(message);
            reader.SkipWhitespace();
            if (reader._pos != reader._text.Length)
            {
                throw reader.Fault("unexpected text after the JSON value");
            }
        }

        /// <summary>Reads an object into <paramref name="message"/>.</summary>
        public void ReadMessage(IMessage message)
        {
            Expect('{', "an object");
            Enter();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                _depth--;
                return;
            }

            int first = _nameCount;
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Fault("expected a member name");
                }

                string name = ScanName();
                Remember(name, first);
                Expect(':', "':'");
                string outer = _member;
                _member = name;
                message.ReadMember(name, this);
                _member = outer;
                SkipWhitespace();
                char c = Peek();
                if (c != '}' && c != ',')
                {
                    throw Fault("expected ',' or '}'");
                }

                _pos++;
                if (c == '}')
                {
                    break;
                }
            }

            _nameCount = first;
            _depth--;
        }

        private void Remember(string name, int first)
        {
            for (int i = first; i < _nameCount; i++)
            {
                if (_names[i] == name)
                {
                    throw Fault("member \"" + name + "\" given twice");
                }
            }

            if (_nameCount == _names.Length)
            {
                string[] more = new string[2 * _names.Length];
                System.Array.Copy(_names, more, _nameCount);
                _names = more;
            }

            _names[_nameCount++] = name;
        }

        /// <summary>A string, or null for JSON null.</summary>
        public string ReadString()
        {
            SkipWhitespace();
            if (TryNull())
            {
                return null;
            }

            if (Peek() != '"')
            {
                throw Fault("expected a string");
            }

            return ScanString();
        }

        /// <summary>An integer; fractions and exponents are refused.</summary>
        public long ReadLong()
        {
            SkipWhitespace();
            int start = _pos;
            bool negative = false;
            if (Peek() == '-')
            {
                negative = true;
                _pos++;
            }

            long value = 0;
            int digits = 0;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                if (digits == 18)
                {
                    _pos = start;
                    throw Fault("number too large");
                }

                value = value * 10 + (_text[_pos] - '0');
                digits++;
                _pos++;
            }

            if (digits == 0 || (digits > 1 && _text[start + (negative ? 1 : 0)] == '0'))
            {
                _pos = start;
                throw Fault("expected an integer");
            }

            if (_pos < _text.Length && (_text[_pos] == '.' || _text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos = start;
                throw Fault("expected an integer");
            }

            return negative ? -value : value;
        }

        public int ReadInt()
        {
            int start = _pos;
            long value = ReadLong();
            if (value > int.MaxValue || value < int.MinValue)
            {
                _pos = start;
                throw Fault("number out of range");
            }

            return (int)value;
        }

        public bool ReadBool()
        {
            SkipWhitespace();
            if (Match("true"))
            {
                return true;
            }

            if (Match("false"))
            {
                return false;
            }

            throw Fault("expected true or false");
        }

        /// <summary>An array of strings; null for JSON null.</summary>
        public string[] ReadStringArray()
        {
            SkipWhitespace();
            if (TryNull())
            {
                return null;
            }

            System.Collections.ArrayList items = new System.Collections.ArrayList();
            BeginArray();
            while (NextElement())
            {
                items.Add(ReadString());
            }

            string[] result = new string[items.Count];
            items.CopyTo(result, 0);
            return result;
        }

        /// <summary>An array of objects, each read into a message <paramref name="create"/> makes;
        /// empty for JSON null. Copy it into a typed array with <c>CopyTo</c>.</summary>
        public System.Collections.ArrayList ReadMessages(MessageFactory create)
        {
            System.Collections.ArrayList items = new System.Collections.ArrayList();
            BeginArray();
            while (NextElement())
            {
                IMessage item = create();
                ReadMessage(item);
                items.Add(item);
            }

            return items;
        }

        /// <summary>Opens an array; follow with <see cref="NextElement"/> before each element.
        /// Returns false for JSON null (then there are no elements).</summary>
        public bool BeginArray()
        {
            SkipWhitespace();
            if (TryNull())
            {
                _arrayIsNull = true;
                return false;
            }

            Expect('[', "an array");
            Enter();
            _arrayFirst = true;
            return true;
        }

        private bool _arrayFirst;
        private bool _arrayIsNull;

        /// <summary>True when another element follows (read it next); false at the end of the array.</summary>
        public bool NextElement()
        {
            if (_arrayIsNull)
            {
                _arrayIsNull = false;
                return false;
            }

            SkipWhitespace();
            char c = Peek();
            if (c == ']')
            {
                _pos++;
                _depth--;
                _arrayFirst = false;
                return false;
            }

            if (!_arrayFirst)
            {
                if (c != ',')
                {
                    throw Fault("expected ',' or ']'");
                }

                _pos++;
            }

            _arrayFirst = false;
            return true;
        }

        /// <summary>Skips one value of any kind (a member the message does not know).</summary>
        public void Skip()
        {
            SkipWhitespace();
            char c = Peek();
            if (c == '{')
            {
                ReadMessage(Skipper.Instance);
            }
            else if (c == '[')
            {
                BeginArray();
                while (NextElement())
                {
                    _arrayFirst = false;
                    Skip();
                }
            }
            else if (c == '"')
            {
                ScanString();
            }
            else if (!Match("true") && !Match("false") && !Match("null"))
            {
                SkipNumber();
            }
        }

        private void SkipNumber()
        {
            int start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            int digits = CountDigits();
            if (Peek() == '.')
            {
                _pos++;
                digits = CountDigits() == 0 ? 0 : digits;
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                digits = CountDigits() == 0 ? 0 : digits;
            }

            if (digits == 0)
            {
                _pos = start;
                throw Fault("expected a value");
            }
        }

        private int CountDigits()
        {
            int n = 0;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
                n++;
            }

            return n;
        }

        // Member names repeat in every message of a kind: the strings made for them are kept
        // (by a hash of their characters), so reading the same kind again allocates no names.
        // Slots are only ever set to a complete name, so threads racing on one merely miss.
        private static readonly string[] Names = new string[128];

        private string ScanName()
        {
            int start = _pos + 1;
            int end = start;
            int hash = 17;
            while (end < _text.Length && _text[end] != '"')
            {
                char c = _text[end];
                if (c == '\\' || c < ' ')
                {
                    return ScanString();
                }

                hash = hash * 31 + c;
                end++;
            }

            if (end >= _text.Length)
            {
                return ScanString();
            }

            int slot = (hash & 0x7FFFFFFF) % Names.Length;
            string name = Names[slot];
            if (name == null || !SameText(name, start, end))
            {
                name = _text.Substring(start, end - start);
                Names[slot] = name;
            }

            _pos = end + 1;
            return name;
        }

        private bool SameText(string name, int start, int end)
        {
            if (name.Length != end - start)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] != _text[start + i])
                {
                    return false;
                }
            }

            return true;
        }

        private string ScanString()
        {
            _pos++; // opening quote
            int start = _pos;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return _text.Substring(start, _pos - 1 - start);
                }

                if (c == '\\')
                {
                    return ScanEscaped(start);
                }

                if (c < ' ')
                {
                    throw Fault("control character in a string");
                }

                _pos++;
            }

            throw Fault("unterminated string");
        }

        private string ScanEscaped(int start)
        {
            int length = 0;
            for (int i = start; i < _pos; i++)
            {
                Put(ref length, _text[i]);
            }

            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    return new string(_scratch, 0, length);
                }

                if (c < ' ')
                {
                    _pos--;
                    throw Fault("control character in a string");
                }

                if (c != '\\')
                {
                    Put(ref length, c);
                    continue;
                }

                char e = _pos < _text.Length ? _text[_pos++] : '\0';
                switch (e)
                {
                    case '"': Put(ref length, '"'); break;
                    case '\\': Put(ref length, '\\'); break;
                    case '/': Put(ref length, '/'); break;
                    case 'b': Put(ref length, '\b'); break;
                    case 'f': Put(ref length, '\f'); break;
                    case 'n': Put(ref length, '\n'); break;
                    case 'r': Put(ref length, '\r'); break;
                    case 't': Put(ref length, '\t'); break;
                    case 'u': Put(ref length, (char)ScanHex4()); break;
                    default:
                        _pos--;
                        throw Fault("bad escape in a string");
                }
            }

            throw Fault("unterminated string");
        }

        private int ScanHex4()
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char c = _pos < _text.Length ? _text[_pos] : '\0';
                int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    throw Fault("bad \\u escape");
                }

                value = value * 16 + digit;
                _pos++;
            }

            return value;
        }

        private void Put(ref int length, char c)
        {
            if (length == _scratch.Length)
            {
                char[] bigger = new char[_scratch.Length * 2];
                System.Array.Copy(_scratch, 0, bigger, 0, length);
                _scratch = bigger;
            }

            _scratch[length++] = c;
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Fault("nested too deeply");
            }
        }

        private bool TryNull()
        {
            return Match("null");
        }

        private bool Match(string word)
        {
            if (_pos + word.Length > _text.Length)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (_text[_pos + i] != word[i])
                {
                    return false;
                }
            }

            int end = _pos + word.Length;
            if (end < _text.Length && IsWordChar(_text[end]))
            {
                return false;
            }

            _pos = end;
            return true;
        }

        private static bool IsWordChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        private void Expect(char c, string what)
        {
            SkipWhitespace();
            if (Peek() != c)
            {
                throw Fault("expected " + what);
            }

            _pos++;
        }

        private char Peek()
        {
            return _pos < _text.Length ? _text[_pos] : '\0';
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private JsonFormatException Fault(string what)
        {
            string where = _pos >= _text.Length ? "at the end" : "at character " + (_pos + 1).ToString();
            string member = _member == null ? string.Empty : _member + ": ";
            return new JsonFormatException(member + what + " " + where + ".");
        }

        // Reads an object and keeps nothing.
        private sealed class Skipper : IMessage
        {
            public static readonly Skipper Instance = new Skipper();

            public void WriteMembers(JsonWriter writer)
            {
            }

            public void ReadMember(string name, JsonReader reader)
            {
                reader.Skip();
            }
        }
    }
}
