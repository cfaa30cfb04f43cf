namespace AgentPhone.Server
{
    /// <summary>Whose events a stream carries.</summary>
    public enum StreamOwner
    {
        Agent,
        Team,
        Queue,
        /// <summary>A phone's profile: told when an agent signs in at its extension, so an idle
        /// phone's join waits instead of asking every few seconds. Not part of snapshots or
        /// digests: it only wakes waits, and a wait asks again after a restart.</summary>
        Device
    }

    /// <summary>
    /// An ordered, numbered stream of events (sequence 1, 2, …) kept in a bounded ring. A client
    /// reads "events after N"; if N is older than what the ring still holds, it is told it missed
    /// events and should fetch the current state instead.
    /// </summary>
    public sealed class EventStream
    {
        private ServerEvent[] _ring;
        private readonly int _capacity;
        private int _count;
        private long _lastSeq;

        public EventStream(StreamOwner owner, string tenant, string name, int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }

            Owner = owner;
            Tenant = tenant;
            Name = name;
            _capacity = capacity;
            _ring = new ServerEvent[capacity < 8 ? capacity : 8];
        }

        public StreamOwner Owner { get; private set; }

        public string Tenant { get; private set; }

        public string Name { get; private set; }

        /// <summary>Sequence number of the newest event, 0 before the first.</summary>
        public long LastSeq
        {
            get { return _lastSeq; }
        }

        /// <summary>Sequence number of the oldest event still held.</summary>
        public long FirstSeq
        {
            get { return _lastSeq - _count + 1; }
        }

        /// <summary>True when the events after <paramref name="afterSeq"/> are no longer all held,
        /// or the client counts past this stream (it was reset): either way, resynchronize.</summary>
        public bool Missed(long afterSeq)
        {
            return afterSeq < FirstSeq - 1 || afterSeq > _lastSeq;
        }

        /// <summary>Copies the events after <paramref name="afterSeq"/>, oldest first, into
        /// <paramref name="into"/>; returns how many were copied.</summary>
        public int CopyAfter(long afterSeq, ServerEvent[] into)
        {
            long from = afterSeq + 1;
            if (from < FirstSeq)
            {
                from = FirstSeq;
            }

            int n = 0;
            for (long seq = from; seq <= _lastSeq && n < into.Length; seq++)
            {
                into[n++] = _ring[(int)(seq % _ring.Length)];
            }

            return n;
        }

        /// <summary>Continues numbering after a restart (the host restores the last sequence).</summary>
        public void ContinueAfter(long lastSeq)
        {
            if (lastSeq < _lastSeq)
            {
                throw new System.ArgumentOutOfRangeException("lastSeq");
            }

            _lastSeq = lastSeq;
            _count = 0;
        }

        /// <summary>Empties the stream and numbers on after <paramref name="lastSeq"/> (a snapshot being read).</summary>
        internal void Restart(long lastSeq)
        {
            _lastSeq = lastSeq;
            _count = 0;
        }

        internal void Append(ServerEvent e)
        {
            if (_count == _ring.Length && _ring.Length < _capacity)
            {
                Grow();
            }

            e.Seq = ++_lastSeq;
            _ring[(int)(e.Seq % _ring.Length)] = e;
            if (_count < _ring.Length)
            {
                _count++;
            }
        }

        private void Grow()
        {
            int size = _ring.Length * 2;
            if (size > _capacity)
            {
                size = _capacity;
            }

            ServerEvent[] bigger = new ServerEvent[size];
            for (long seq = FirstSeq; seq <= _lastSeq; seq++)
            {
                bigger[(int)(seq % size)] = _ring[(int)(seq % _ring.Length)];
            }

            _ring = bigger;
        }
    }
}
