using System.Threading;
using AgentPhone.Hardware;

namespace AgentPhone.Phone
{
    /// <summary>
    /// Sends the phone's requests so that no key waits for the network: it takes a request under
    /// the phone's lock, sends it outside the lock with a client of its own (same servers, same
    /// token, same failover), and applies the answer under the lock. On the device it runs on a
    /// thread of its own; tests and a phone without threads drive it one step at a time.
    /// </summary>
    public sealed class RequestWorker : PhoneThread
    {
        /// <summary>How often the thread looks for work when nobody woke it.</summary>
        public const int IdleMs = 50;

        private readonly AutoResetEvent _wake = new AutoResetEvent(false);

        public RequestWorker(PhoneCore phone, object phoneLock, IHttp http, IClock clock)
            : base(phone, phoneLock, http, clock)
        {
        }

        /// <summary>A request was made: the thread takes it now rather than at its next look.</summary>
        public void Wake()
        {
            _wake.Set();
        }

        protected override int Turn()
        {
            return RunOnce() ? 0 : IdleMs;
        }

        protected override void Pause(int ms)
        {
            _wake.WaitOne(ms, false);
        }

        protected override void Interrupt()
        {
            _wake.Set();
        }

        /// <summary>Without the thread: the requests waiting sent and applied in turn, at most
        /// <paramref name="most"/> (an answer may ask for one more: a reason list, then the state).</summary>
        public void RunWaiting(int most)
        {
            for (int i = 0; i < most && RunOnce(); i++)
            {
            }
        }

        /// <summary>One request taken, sent and applied; false when none was waiting.</summary>
        public bool RunOnce()
        {
            PhoneRequest request = Take();
            if (request == null)
            {
                return false;
            }

            Send(request);
            Finish(request);
            return true;
        }

        /// <summary>The next request, now in flight (the status row shows it), or null.</summary>
        public PhoneRequest Take()
        {
            lock (PhoneLock)
            {
                return Phone.TakeRequest();
            }
        }

        /// <summary>Sends it and notes how it went; takes no lock (the network's time is nobody's wait).</summary>
        public void Send(PhoneRequest request)
        {
            PhoneSettings settings = Phone.Settings;
            int timeoutMs = request.Purpose == Purpose.SignIn ? settings.SignInTimeoutMs : settings.RequestTimeoutMs;
            request.Reply = Client.Call(request.Method, request.Path, request.Authorization, request.Body, request.Into, timeoutMs);
            request.RefusalCode = Client.RefusalCode;
            request.RefusalMessage = Client.RefusalMessage;
        }

        /// <summary>Applies the answer to the phone.</summary>
        public void Finish(PhoneRequest request)
        {
            lock (PhoneLock)
            {
                Phone.Complete(request);
            }
        }
    }
}
