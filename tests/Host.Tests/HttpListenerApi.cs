using System.Net;
using AgentPhone.Server.Listener;
using AgentPhone.Server.Api;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The device's way of serving the API on System.Net.HttpListener: a thread per request, each
/// served by the device's own <see cref="ListenerExchange"/> with the shared
/// <see cref="ApiService"/> and wire codec, and a timer for the core's timed work. Only the listener's construction differs from
/// firmware/Listener's DeviceApiListener (.NET takes a URL prefix, nanoFramework a scheme and port).
/// </summary>
public sealed class HttpListenerApi : IDisposable
{
    private readonly ApiService _service;
    private readonly int _maxBodyBytes;
    private readonly HttpListener _listener = new();
    private readonly Thread _accept;
    private readonly Timer _ticks;

    public HttpListenerApi(ApiService service, int port, int maxBodyBytes)
    {
        _service = service;
        _maxBodyBytes = maxBodyBytes;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _accept = new Thread(Accept) { IsBackground = true, Name = "api-listener" };
        _accept.Start();
        _ticks = new Timer(_ => _service.Tick(), null, ApiService.TickMs, ApiService.TickMs);
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
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            new Thread(() => Serve(context)) { IsBackground = true }.Start();
        }
    }

    private void Serve(HttpListenerContext context)
    {
        try
        {
            ListenerExchange.Serve(context, _service, _maxBodyBytes);
        }
        catch (HttpListenerException)
        {
            // The client went away mid-answer.
        }
    }

    public void Dispose()
    {
        _ticks.Dispose();
        _listener.Close();
        _accept.Join(TimeSpan.FromSeconds(5));
    }
}
