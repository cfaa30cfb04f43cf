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
    public sealed class EventPump : PhoneThread
    {
        public const int IdleMs = 250;
        public const int RetryMs = 2000;

        public EventPump(PhoneCore phone, object phoneLock, IHttp http, IClock clock)
            : base(phone, phoneLock, http, clock)
        {
        }

        protected override int Turn()
        {
            return PollOnce();
        }

        /// <summary>One long-poll and its outcome applied. Returns how long to pause before the
        /// next: none after an answer, <see cref="IdleMs"/> while nobody is signed in,
        /// <see cref="RetryMs"/> after a failed poll.</summary>
        public int PollOnce()
        {
            return PollOnce(-1);
        }

        /// <param name="waitSeconds">How long the server may hold the poll; -1: the settings' wait.</param>
        public int PollOnce(int waitSeconds)
        {
            string path;
            string authorization;
            string token;
            int wait;
            lock (PhoneLock)
            {
                if (!Phone.SignedIn)
                {
                    return IdleMs;
                }

                // While no server answers, a poll asks without waiting: the server's return shows
                // at once, not when a long-poll with nothing to say runs out.
                wait = waitSeconds >= 0 ? waitSeconds : Phone.ServerDown ? 0 : Phone.Settings.EventWaitSeconds;
                path = Phone.EventsPath(wait);
                token = Phone.Link.Token;
                authorization = Phone.Link.Authorization;
            }

            EventsResponse events = new EventsResponse();
            Reply reply = Client.Call("GET", path, authorization, null, events, wait * 1000 + Phone.Settings.RequestTimeoutMs);
            lock (PhoneLock)
            {
                Phone.ApplyEvents(reply, Client.RefusalCode, events, token);
            }

            return reply == Reply.Ok ? 0 : RetryMs;
        }
    }
}
