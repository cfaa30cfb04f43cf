namespace AgentPhone.Phone
{
    /// <summary>
    /// Multi-tap text entry on a 12-key dial pad. Keys 2-9 cycle their lowercase letters, the
    /// digit, then the uppercase letters (key 4: g h i 4 G H I); key 1 cycles 1 . - _ @; key 0
    /// cycles 0 and space. The character being cycled is pending until the timeout passes or
    /// another key is pressed, then it is committed. Fixed capacity, no allocation per key.
    /// </summary>
    public sealed class MultiTap
    {
        public const int DefaultTimeoutMs = 1000;

        private static readonly string[] Cycles =
        {
            "0 ", "1.-_@", "abc2ABC", "def3DEF", "ghi4GHI", "jkl5JKL",
            "mno6MNO", "pqrs7PQRS", "tuv8TUV", "wxyz9WXYZ"
        };

        private readonly char[] _text;
        private readonly int _timeoutMs;
        private int _length;
        private int _pendingKey = -1;
        private int _pendingIndex;
        private long _pendingSince;

        public MultiTap(int capacity, int timeoutMs)
        {
            _text = new char[capacity];
            _timeoutMs = timeoutMs;
        }

        /// <summary>Characters entered so far, including the pending one.</summary>
        public int Length
        {
            get { return _pendingKey < 0 ? _length : _length + 1; }
        }

        public bool HasPending
        {
            get { return _pendingKey >= 0; }
        }

        /// <summary>The character at a position, the pending one last.</summary>
        public char this[int index]
        {
            get { return index < _length ? _text[index] : Cycles[_pendingKey][_pendingIndex]; }
        }

        /// <summary>A dial key ('0'-'9') pressed at <paramref name="nowMs"/>. Other keys are ignored.</summary>
        /// <returns>False when the key is not a dial key or the field is full.</returns>
        public bool Press(char key, long nowMs)
        {
            if (key < '0' || key > '9')
            {
                return false;
            }

            int digit = key - '0';
            Tick(nowMs);
            if (digit == _pendingKey)
            {
                _pendingIndex = (_pendingIndex + 1) % Cycles[digit].Length;
                _pendingSince = nowMs;
                return true;
            }

            Commit();
            if (_length == _text.Length)
            {
                return false;
            }

            _pendingKey = digit;
            _pendingIndex = 0;
            _pendingSince = nowMs;
            return true;
        }

        /// <summary>Types a character directly (direct-digit entry); commits any pending one first.</summary>
        public bool Type(char c)
        {
            Commit();
            if (_length == _text.Length)
            {
                return false;
            }

            _text[_length++] = c;
            return true;
        }

        /// <summary>Commits the pending character once the timeout has passed.</summary>
        public void Tick(long nowMs)
        {
            if (_pendingKey >= 0 && nowMs - _pendingSince >= _timeoutMs)
            {
                Commit();
            }
        }

        public void Commit()
        {
            if (_pendingKey < 0)
            {
                return;
            }

            _text[_length++] = Cycles[_pendingKey][_pendingIndex];
            _pendingKey = -1;
        }

        /// <summary>The "&lt;&lt;" key: drops the pending character, else the last committed one.</summary>
        public void Backspace()
        {
            if (_pendingKey >= 0)
            {
                _pendingKey = -1;
            }
            else if (_length > 0)
            {
                _length--;
            }
        }

        public void Clear()
        {
            _length = 0;
            _pendingKey = -1;
        }

        /// <summary>The text with the pending character; allocates, so call it on submit, not per key.</summary>
        public override string ToString()
        {
            char[] copy = new char[Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = this[i];
            }

            return new string(copy);
        }
    }
}
