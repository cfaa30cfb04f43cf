namespace AgentPhone.Server
{
    /// <summary>What happens when a deadline passes.</summary>
    internal enum DeadlineKind
    {
        RingNoAnswer,
        WrapUpEnd
    }

    /// <summary>One timed action; cancelled ones stay in the heap and are skipped when due.</summary>
    internal sealed class Deadline
    {
        public long DueMs;
        public long Order;
        public DeadlineKind Kind;
        public object Target;
        public bool Cancelled;
    }

    /// <summary>Binary min-heap of deadlines by due time, then by scheduling order.</summary>
    internal sealed class Deadlines
    {
        private Deadline[] _heap = new Deadline[16];
        private int _count;
        private long _order;

        /// <summary>When the earliest deadline is due, or long.MaxValue when none is scheduled.</summary>
        public long NextDueMs
        {
            get
            {
                DropCancelled();
                return _count == 0 ? long.MaxValue : _heap[0].DueMs;
            }
        }

        /// <summary>How many deadlines were ever scheduled: the next one's order (kept by snapshots).</summary>
        public long Scheduled
        {
            get { return _order; }
            set { _order = value; }
        }

        public Deadline Schedule(long dueMs, DeadlineKind kind, object target)
        {
            return Restore(dueMs, _order++, kind, target);
        }

        /// <summary>Puts back a deadline with the order it was scheduled in (from a snapshot).</summary>
        public Deadline Restore(long dueMs, long order, DeadlineKind kind, object target)
        {
            Deadline deadline = new Deadline();
            deadline.DueMs = dueMs;
            deadline.Order = order;
            deadline.Kind = kind;
            deadline.Target = target;
            if (_count == _heap.Length)
            {
                Deadline[] bigger = new Deadline[_heap.Length * 2];
                System.Array.Copy(_heap, 0, bigger, 0, _count);
                _heap = bigger;
            }

            int i = _count++;
            _heap[i] = deadline;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!Earlier(_heap[i], _heap[parent]))
                {
                    break;
                }

                Swap(i, parent);
                i = parent;
            }

            return deadline;
        }

        /// <summary>Removes and returns the earliest live deadline due at or before now, or null.</summary>
        public Deadline TakeDue(long nowMs)
        {
            DropCancelled();
            if (_count == 0 || _heap[0].DueMs > nowMs)
            {
                return null;
            }

            return Pop();
        }

        private void DropCancelled()
        {
            while (_count > 0 && _heap[0].Cancelled)
            {
                Pop();
            }
        }

        private Deadline Pop()
        {
            Deadline top = _heap[0];
            _count--;
            _heap[0] = _heap[_count];
            _heap[_count] = null;
            int i = 0;
            while (true)
            {
                int left = 2 * i + 1;
                if (left >= _count)
                {
                    break;
                }

                int child = left + 1 < _count && Earlier(_heap[left + 1], _heap[left]) ? left + 1 : left;
                if (!Earlier(_heap[child], _heap[i]))
                {
                    break;
                }

                Swap(i, child);
                i = child;
            }

            return top;
        }

        private static bool Earlier(Deadline a, Deadline b)
        {
            return a.DueMs != b.DueMs ? a.DueMs < b.DueMs : a.Order < b.Order;
        }

        private void Swap(int a, int b)
        {
            Deadline t = _heap[a];
            _heap[a] = _heap[b];
            _heap[b] = t;
        }
    }
}
