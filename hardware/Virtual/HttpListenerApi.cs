using System.Net;
using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;

namespace AgentPhone.Hardware.Virtual;

/// <summary>
/// The device's way of serving the API (an HttpListener, a thread per request, the shared
/// <see cref="ApiService"/> with the wire codec) on System.Net.HttpListener, so the request
/// handling the single-agent demo runs on the ESP32 is exercised on the host.
/// </summary>
public sealed class HttpListenerApi : IDisposable
{
    private readonly ApiService _service;
    private readonly int _maxBodyChars;
    private readonly HttpListener _listener = new();
    private readonly Thread _accept;

    public HttpListenerApi(ApiService service, int port, int maxBodyChars)
    {
        _service = service;
        _maxBodyChars = maxBodyChars;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _accept = new Thread(Accept) { IsBackground = true, Name = "api-listener" };
        _accept.Start();
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
        var request = new ApiRequest
        {
            Method = context.Request.HttpMethod,
            Authorization = context.Request.Headers[Routes.AuthorizationHeader],
            ApiKey = context.Request.Headers[Routes.ApiKeyHeader],
            Body = ReadBody(context.Request),
        };
        request.SetUrl(context.Request.RawUrl ?? "/");
        var response = new ApiResponse();
        _service.Serve(request, response);
        byte[] body = Encoding.UTF8.GetBytes(response.Body ?? string.Empty);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = body.Length;
        context.Response.OutputStream.Write(body, 0, body.Length);
        context.Response.Close();
    }

    // At most one character past the limit is read, enough for the handler to refuse the body.
    private string? ReadBody(HttpListenerRequest request)
    {
        if (!request.HasEntityBody)
        {
            return null;
        }

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var buffer = new char[_maxBodyChars + 1];
        int read = 0, n;
        while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return new string(buffer, 0, read);
    }

    public void Dispose()
    {
        _listener.Close();
        _accept.Join(TimeSpan.FromSeconds(5));
    }
}
