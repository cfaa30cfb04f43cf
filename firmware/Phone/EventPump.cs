using AgentPhone.Hardware;
using AgentPhone.Protocol;
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
        /// <summary>How often at most a phone nobody is signed in on asks whether an agent signed
        /// in at its station from elsewhere. A server that holds the question until someone signs
        /// in (the event wait) is asked once per wait instead.</summary>
        public const int JoinEveryMs = 2000;

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
            bool joining;
            lock (PhoneLock)
            {
                // While no server answers, a poll asks without waiting: the server's return
                // shows at once, not when a long-poll with nothing to say runs out.
                wait = waitSeconds >= 0 ? waitSeconds : Phone.ServerDown ? 0 : Phone.Settings.EventWaitSeconds;
                joining = !Phone.SignedIn;
                if (joining)
                {
                    authorization = Phone.JoinAuthorization;
                    if (authorization == null)
                    {
                        return IdleMs;
                    }

                    path = Routes.Devices + Phone.Settings.DeviceName + "/" + Routes.Session + "?wait=" + wait;
                }
                else
                {
                    path = Phone.EventsPath(wait);
                    authorization = Phone.Link.Authorization;
                }

                token = Phone.Link.Token;
            }

            if (joining)
            {
                return Join(path, authorization, wait);
            }

            EventsResponse events = new EventsResponse();
            Reply reply = Client.Call(Methods.Get, path, authorization, null, events, wait * 1000 + Phone.Settings.RequestTimeoutMs);
            lock (PhoneLock)
            {
                Phone.ApplyEvents(reply, Client.RefusalCode, events, token);
                if (reply == Reply.Ok && events.Server != null)
                {
                    // The next requests go straight to the node that runs the center.
                    Phone.Link.Prefer(events.Server, Clock.NowMs);
                }
            }

            return reply == Reply.Ok ? 0 : RetryMs;
        }

        /// <summary>Nobody signed in here: asks whether an agent signed in at this phone's station
        /// from elsewhere (a desktop), and if so the phone joins that agent. The server holds the
        /// question up to <paramref name="wait"/> seconds; one that answers sooner (a server that
        /// does not hold it, or a cluster) is asked again only after <see cref="JoinEveryMs"/>.</summary>
        private int Join(string path, string deviceAuthorization, int wait)
        {
            long asked = Clock.NowMs;
            SignInResponse joined = new SignInResponse();
            Reply reply = Client.Call(Methods.Post, path, deviceAuthorization, null, joined, wait * 1000 + Phone.Settings.RequestTimeoutMs);
            lock (PhoneLock)
            {
                if (reply == Reply.Ok)
                {
                    Phone.Joined(joined);
                    return 0;
                }

                if (reply == Reply.Refused && Client.RefusalCode == ErrorCode.BadCredentials)
                {
                    // No profile with this phone's secret: nothing to join, ever; ask no more.
                    Phone.JoinRefused();
                }
            }

            long took = Clock.NowMs - asked;
            return took >= JoinEveryMs ? 0 : (int)(JoinEveryMs - took);
        }
    }
}
