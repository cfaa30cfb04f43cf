namespace AgentPhone.Server
{
    /// <summary>
    /// String → object map with open addressing (linear probing, backward-shift delete).
    /// nanoFramework's Hashtable does handle colliding hash codes (double hashing in native code,
    /// string keys compared by content), but the core keeps its own map because: its native insert
    /// takes the first bucket a removal freed without looking further along the probe sequence,
    /// so setting a key again after other keys were removed can store it twice (sessions and
    /// calls come and go all day); it stops growing at 12,143 buckets; and this one probes the
    /// same way on the device and on the PC, where the same core hosts a whole center.
    /// </summary>
    public sealed class NameMap
    {
        private string[] _keys;
        private object[] _values;
        private int _count;

        public NameMap()
        {
            _keys = new string[16];
            _values = new object[16];
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>The values in slot order: the same keys set in the same order give the same list.</summary>
        public System.Collections.ArrayList Values()
        {
            System.Collections.ArrayList list = new System.Collections.ArrayList();
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] != null)
                {
                    list.Add(_values[i]);
                }
            }

            return list;
        }

        public object Get(string key)
        {
            int slot = Find(key);
            return slot < 0 ? null : _values[slot];
        }

        public bool Contains(string key)
        {
            return Find(key) >= 0;
        }

        /// <summary>Adds or replaces the value of <paramref name="key"/>.</summary>
        public void Set(string key, object value)
        {
            if (key == null)
            {
                throw new System.ArgumentNullException("key");
            }

            if ((_count + 1) * 4 > _keys.Length * 3)
            {
                Grow();
            }

            int mask = _keys.Length - 1;
            int slot = Hash(key) & mask;
            while (_keys[slot] != null)
            {
                if (_keys[slot] == key)
                {
                    _values[slot] = value;
                    return;
                }

                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
            _count++;
        }

        public bool Remove(string key)
        {
            int slot = Find(key);
            if (slot < 0)
            {
                return false;
            }

            // Backward-shift: move later entries of the probe run into the hole so lookups
            // never stop early at it.
            int mask = _keys.Length - 1;
            int hole = slot;
            int next = (hole + 1) & mask;
            while (_keys[next] != null)
            {
                int home = Hash(_keys[next]) & mask;
                bool movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
                if (movable)
                {
                    _keys[hole] = _keys[next];
                    _values[hole] = _values[next];
                    hole = next;
                }

                next = (next + 1) & mask;
            }

            _keys[hole] = null;
            _values[hole] = null;
            _count--;
            return true;
        }

        private int Find(string key)
        {
            if (key == null)
            {
                return -1;
            }

            int mask = _keys.Length - 1;
            int slot = Hash(key) & mask;
            while (_keys[slot] != null)
            {
                if (_keys[slot] == key)
                {
                    return slot;
                }

                slot = (slot + 1) & mask;
            }

            return -1;
        }

        private void Grow()
        {
            string[] oldKeys = _keys;
            object[] oldValues = _values;
            _keys = new string[oldKeys.Length * 2];
            _values = new object[oldKeys.Length * 2];
            _count = 0;
            for (int i = 0; i < oldKeys.Length; i++)
            {
                if (oldKeys[i] != null)
                {
                    Set(oldKeys[i], oldValues[i]);
                }
            }
        }

        // FNV-1a: the same on every runtime, so probe order does not depend on the platform.
        private static int Hash(string key)
        {
            uint hash = 2166136261;
            for (int i = 0; i < key.Length; i++)
            {
                hash = (hash ^ key[i]) * 16777619;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
