using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using AgentPhone.Server.Api;

namespace AgentPhone.Server.Listener
{
    /// <summary>
    /// The single-agent demo's API on the device: nanoFramework's HttpListener on a port, a
    /// thread per request (an event long-poll holds its thread for up to its wait), each served
    /// by <see cref="ListenerExchange"/>; a timer runs the core's timed work.
    /// </summary>
    public sealed class DeviceApiListener
    {
        private readonly HttpListener _listener;
        private readonly ApiService _service;
        private readonly int _maxBodyBytes;
        private Timer _ticks;

        public DeviceApiListener(ApiService service, int port, int maxBodyBytes)
        {
            _service = service;
            _maxBodyBytes = maxBodyBytes;
            _listener = new HttpListener("http", port);
        }

        public void Start()
        {
            _listener.Start();
            new Thread(Accept).Start();
            _ticks = new Timer(Tick, null, ApiService.TickMs, ApiService.TickMs);
        }

        public void Stop()
        {
            _ticks.Dispose();
            _listener.Stop();
        }

        private void Tick(object state)
        {
            _service.Tick();
        }

        private void Accept()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = _listener.GetContext();
                }
                catch (Exception e)
                {
                    Debug.WriteLine("API listener stopped: " + e.Message);
                    return;
                }

                if (context == null)
                {
                    return;
                }

                new Thread(new Exchange(context, _service, _maxBodyBytes).Run).Start();
            }
        }

        /// <summary>One request's thread: what it serves, without a closure.</summary>
        private sealed class Exchange
        {
            private readonly HttpListenerContext _context;
            private readonly ApiService _service;
            private readonly int _maxBodyBytes;

            public Exchange(HttpListenerContext context, ApiService service, int maxBodyBytes)
            {
                _context = context;
                _service = service;
                _maxBodyBytes = maxBodyBytes;
            }

            public void Run()
            {
                try
                {
                    ListenerExchange.Serve(_context, _service, _maxBodyBytes);
                }
                catch (Exception e)
                {
                    // A client gone mid-answer must not take the phone down with it.
                    Debug.WriteLine("API request failed: " + e.Message);
                }
            }
        }
    }
}
