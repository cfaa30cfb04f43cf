using System.Threading;
using AgentPhone.Hardware;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>
    /// Keeps the phone in step with the server: the agent's event long-poll on its own thread,
    /// with its own client over the phone's <see cref="ServerLink"/> (same servers, same token).
    /// The wait happens outside the phone's lock; only applying what came back takes it. After a
    /// failed poll it waits a little and asks again from the last sequence seen, so nothing is
    /// missed across a drop, a failover or a server restart.
    /// </summary>
    public sealed class EventPump
    {
        public const int IdleMs = 250;
        public const int RetryMs = 2000;

        private readonly PhoneCore _phone;
        private readonly object _phoneLock;
        private readonly AgentClient _client;
        private bool _running;
        private Thread _thread;

        /// <param name="phoneLock">The lock every other user of the phone (keys, ticks) holds.</param>
        public EventPump(PhoneCore phone, object phoneLock, IHttp http, IClock clock)
        {
            _phone = phone;
            _phoneLock = phoneLock;
            _client = new AgentClient(http, phone.Link, clock);
        }

        public void Start()
        {
            _running = true;
            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Ends the loop and waits for its thread (at most one long-poll and a retry pause).</summary>
        public void Stop()
        {
            _running = false;
            if (_thread != null)
            {
                _thread.Join();
                _thread = null;
            }
        }

        private void Run()
        {
            while (_running)
            {
                int pauseMs = PollOnce();
                if (pauseMs > 0)
                {
                    Thread.Sleep(pauseMs);
                }
            }
        }

        /// <summary>One long-poll and its outcome applied. Returns how long to pause before the
        /// next: none after an answer, <see cref="IdleMs"/> while nobody is signed in,
        /// <see cref="RetryMs"/> after a failed poll.</summary>
        public int PollOnce()
        {
            string path;
            string token;
            int wait;
            lock (_phoneLock)
            {
                if (!_phone.SignedIn)
                {
                    return IdleMs;
                }

                wait = _phone.Settings.EventWaitSeconds;
                path = _phone.EventsPath(wait);
                token = _phone.Link.Token;
            }

            EventsResponse events = new EventsResponse();
            Reply reply = _client.Call("GET", path, null, events, wait * 1000 + _phone.Settings.RequestTimeoutMs);
            lock (_phoneLock)
            {
                _phone.ApplyEvents(reply, events, token);
            }

            return reply == Reply.Ok ? 0 : RetryMs;
        }
    }
}
