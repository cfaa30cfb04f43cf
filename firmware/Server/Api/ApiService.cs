using System.Threading;

namespace AgentPhone.Server.Api
{
    /// <summary>
    /// Serves the API from listener threads (one per request): takes the server's lock around each
    /// call into the core, and holds an event long-poll open outside the lock, checking its stream
    /// every <see cref="PollMs"/> until events arrive or the wait ends. For the device's
    /// HttpListener and hosts without a journal; the PC server wakes long-polls on commit instead.
    /// </summary>
    public sealed class ApiService
    {
        public const int PollMs = 50;

        /// <summary>How often a host runs <see cref="Tick"/>: ring-no-answer and wrap-up expiry
        /// happen within this of their time.</summary>
        public const int TickMs = 100;

        private readonly object _lock = new object();
        private readonly AgentServer _server;
        private readonly ApiHandler _handler;

        public ApiService(AgentServer server, ApiHandler handler)
        {
            _server = server;
            _handler = handler;
        }

        public void Serve(ApiRequest request, ApiResponse response)
        {
            lock (_lock)
            {
                _handler.Handle(request, response);
            }

            if (!response.Waiting)
            {
                return;
            }

            EventStream stream = response.WaitStream;
            long after = response.WaitAfterSeq;
            long deadline = _server.NowMs + response.WaitSeconds * 1000L;
            bool more = true;
            while (more)
            {
                Thread.Sleep(PollMs);
                lock (_lock)
                {
                    more = stream.LastSeq == after && _server.NowMs < deadline;
                }
            }

            request.MayWait = false;
            lock (_lock)
            {
                _handler.Handle(request, response);
            }
        }

        /// <summary>Runs the core's timed work (ring-no-answer, wrap-up expiry); call it from a timer.</summary>
        public void Tick()
        {
            lock (_lock)
            {
                _server.Tick();
            }
        }
    }
}
