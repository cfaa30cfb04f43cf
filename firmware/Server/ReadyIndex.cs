namespace AgentPhone.Server
{
    /// <summary>
    /// The available agents of one queue, by member position, in a segment tree that keeps the
    /// best one at the root: lowest priority number, then lowest strategy key, then lowest
    /// position. Adding, removing and picking cost O(log n); nothing scans all members.
    /// </summary>
    internal sealed class ReadyIndex
    {
        private const int None = -1;

        private int _size;       // leaves, a power of two
        private bool[] _on;
        private int[] _priority;
        private long[] _key;
        private int[] _best;     // per node: best available leaf below it, or None
        private int _count;

        public ReadyIndex()
        {
            Allocate(4);
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Positions the index has room for (those to look at when listing it).</summary>
        public int Capacity
        {
            get { return _size; }
        }

        public bool IsSet(int position)
        {
            return position < _size && _on[position];
        }

        public int PriorityAt(int position)
        {
            return _priority[position];
        }

        public long KeyAt(int position)
        {
            return _key[position];
        }

        public void Set(int position, int priority, long key)
        {
            while (position >= _size)
            {
                Resize();
            }

            if (!_on[position])
            {
                _count++;
            }

            _on[position] = true;
            _priority[position] = priority;
            _key[position] = key;
            Update(position);
        }

        public void Clear(int position)
        {
            if (position >= _size || !_on[position])
            {
                return;
            }

            _on[position] = false;
            _count--;
            Update(position);
        }

        /// <summary>The best available position, or -1.</summary>
        public int Best()
        {
            return _best[1];
        }

        /// <summary>The best available position within [from, to], or -1.</summary>
        public int BestIn(int from, int to)
        {
            if (from < 0)
            {
                from = 0;
            }

            if (to >= _size)
            {
                to = _size - 1;
            }

            int best = None;
            int lo = from + _size;
            int hi = to + _size + 1;
            while (lo < hi)
            {
                if ((lo & 1) == 1)
                {
                    best = Better(best, _best[lo]);
                    lo++;
                }

                if ((hi & 1) == 1)
                {
                    hi--;
                    best = Better(best, _best[hi]);
                }

                lo >>= 1;
                hi >>= 1;
            }

            return best;
        }

        public int PriorityOf(int position)
        {
            return _priority[position];
        }

        private void Update(int position)
        {
            int node = position + _size;
            _best[node] = _on[position] ? position : None;
            node >>= 1;
            while (node >= 1)
            {
                _best[node] = Better(_best[2 * node], _best[2 * node + 1]);
                node >>= 1;
            }
        }

        private int Better(int a, int b)
        {
            if (a == None)
            {
                return b;
            }

            if (b == None)
            {
                return a;
            }

            if (_priority[a] != _priority[b])
            {
                return _priority[a] < _priority[b] ? a : b;
            }

            if (_key[a] != _key[b])
            {
                return _key[a] < _key[b] ? a : b;
            }

            return a < b ? a : b;
        }

        private void Allocate(int size)
        {
            _size = size;
            _on = new bool[size];
            _priority = new int[size];
            _key = new long[size];
            _best = new int[2 * size];
            for (int i = 0; i < _best.Length; i++)
            {
                _best[i] = None;
            }
        }

        private void Resize()
        {
            bool[] on = _on;
            int[] priority = _priority;
            long[] key = _key;
            Allocate(_size * 2);
            _count = 0;
            for (int i = 0; i < on.Length; i++)
            {
                if (on[i])
                {
                    Set(i, priority[i], key[i]);
                }
            }
        }
    }
}
