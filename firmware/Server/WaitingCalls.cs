namespace AgentPhone.Server
{
    /// <summary>
    /// The calls waiting in one queue, oldest first. A call that leaves while waiting (the caller
    /// hangs up) is only marked; it is dropped when it reaches the head, so leaving is O(1).
    /// A call returned after ring-no-answer goes back to the head.
    /// </summary>
    internal sealed class WaitingCalls
    {
        private Call[] _ring = new Call[8];
        private int _head;
        private int _slots;   // occupied slots, marked ones included
        private int _live;    // calls still waiting

        public int Count
        {
            get { return _live; }
        }

        /// <summary>The calls still waiting, oldest first.</summary>
        public System.Collections.ArrayList Live()
        {
            System.Collections.ArrayList list = new System.Collections.ArrayList();
            for (int i = 0; i < _slots; i++)
            {
                Call call = _ring[(_head + i) % _ring.Length];
                if (call.State == CallState.Queued)
                {
                    list.Add(call);
                }
            }

            return list;
        }

        public void AddLast(Call call)
        {
            EnsureRoom();
            _ring[(_head + _slots) % _ring.Length] = call;
            _slots++;
            _live++;
        }

        public void AddFirst(Call call)
        {
            EnsureRoom();
            _head = (_head - 1 + _ring.Length) % _ring.Length;
            _ring[_head] = call;
            _slots++;
            _live++;
        }

        /// <summary>The oldest waiting call, or null.</summary>
        public Call First()
        {
            DropGone();
            return _slots == 0 ? null : _ring[_head];
        }

        public Call RemoveFirst()
        {
            Call call = First();
            if (call != null)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _slots--;
                _live--;
            }

            return call;
        }

        /// <summary>Counts a waiting call as gone; its slot is freed when it reaches the head.</summary>
        public void Forget()
        {
            _live--;
        }

        private void DropGone()
        {
            while (_slots > 0 && _ring[_head].State != CallState.Queued)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _slots--;
            }
        }

        private void EnsureRoom()
        {
            if (_slots < _ring.Length)
            {
                return;
            }

            Call[] bigger = new Call[_ring.Length * 2];
            for (int i = 0; i < _slots; i++)
            {
                bigger[i] = _ring[(_head + i) % _ring.Length];
            }

            _ring = bigger;
            _head = 0;
        }
    }
}
