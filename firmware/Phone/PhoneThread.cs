using System.Threading;
using AgentPhone.Hardware;

namespace AgentPhone.Phone
{
    /// <summary>
    /// A thread beside the phone that talks to the server for it: a client of its own over the
    /// phone's <see cref="ServerLink"/> (same servers, same token, same failover), and the phone's
    /// lock, taken only to read what to send and to apply what came back, never across a request.
    /// </summary>
    public abstract class PhoneThread
    {
        protected readonly PhoneCore Phone;
        protected readonly object PhoneLock;
        protected readonly AgentClient Client;
        protected readonly IClock Clock;
        private bool _running;
        private Thread _thread;

        /// <param name="phoneLock">The lock every other user of the phone (keys, ticks, the other thread) holds.</param>
        protected PhoneThread(PhoneCore phone, object phoneLock, IHttp http, IClock clock)
        {
            Phone = phone;
            PhoneLock = phoneLock;
            Client = new AgentClient(http, phone.Link, clock);
            Clock = clock;
        }

        public void Start()
        {
            _running = true;
            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Ends the loop and waits for its thread (at most the request under way and a pause).</summary>
        public void Stop()
        {
            _running = false;
            Interrupt();
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
                int pauseMs = Turn();
                if (pauseMs > 0 && _running)
                {
                    Pause(pauseMs);
                }
            }
        }

        /// <summary>One turn of the loop; how long to pause before the next.</summary>
        protected abstract int Turn();

        protected virtual void Pause(int ms)
        {
            Thread.Sleep(ms);
        }

        /// <summary>Cuts a pause short (on stop).</summary>
        protected virtual void Interrupt()
        {
        }
    }
}
