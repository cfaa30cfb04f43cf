using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace AgentPhone.Bench.Run;

/// <summary>
/// The load generator's HTTP/1.1 client: one keep-alive connection that sends a request's bytes
/// and reads the answer into a buffer it keeps. Ten thousand phones on HttpClient allocated
/// enough to stop the generator for 135 to 400 ms at a time, and those stops were counted as the
/// server's latency; this client allocates nothing per request once warm. The bytes on the wire
/// are the ones <see cref="WireRequest"/> writes: the request line and the headers the phone's
/// request needs.
/// </summary>
internal sealed class WireConnection(IPEndPoint server) : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private Socket? _socket;
    private byte[] _in = new byte[4096];
    private readonly byte[] _out = new byte[2048];
    private int _answered;
    private int _bodyStart;
    private int _bodyLength;

    /// <summary>The last answer's body.</summary>
    public ReadOnlySpan<byte> Body => _in.AsSpan(_bodyStart, _bodyLength);

    /// <summary>Sends the request and reads the whole answer; its status, the body in <see cref="Body"/>.
    /// A broken connection throws, and the next request opens a new one.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancel)
    {
        // A connection kept idle past the server's keep-alive limit is closed by it: as HttpClient
        // does, the request goes again once on a new connection when the old one gave no answer.
        for (bool reused = _socket != null; ; reused = false)
        {
            _answered = 0;
            try
            {
                if (_socket == null)
                {
                    var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(server, cancel);
                    _socket = socket;
                }

                for (ReadOnlyMemory<byte> rest = request; !rest.IsEmpty;)
                {
                    rest = rest[await _socket.SendAsync(rest, SocketFlags.None, cancel)..];
                }

                return await ReadAnswerAsync(cancel);
            }
            catch (Exception e)
            {
                _socket?.Dispose();
                _socket = null;
                if (e is OperationCanceledException || !reused || _answered > 0)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The same with <paramref name="number"/> written between two parts, as a long-poll's
    /// sequence in its query.</summary>
    public ValueTask<int> SendAsync(byte[] head, long number, byte[] tail, CancellationToken cancel)
    {
        head.CopyTo(_out, 0);
        Utf8Formatter.TryFormat(number, _out.AsSpan(head.Length), out int digits);
        tail.CopyTo(_out, head.Length + digits);
        return SendAsync(_out.AsMemory(0, head.Length + digits + tail.Length), cancel);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadAnswerAsync(CancellationToken cancel)
    {
        int filled = 0, headerEnd;
        while ((headerEnd = _in.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            _answered = filled += await ReceiveAsync(filled, cancel);
        }

        ReadOnlySpan<byte> head = _in.AsSpan(0, headerEnd);
        // "HTTP/1.1 200 OK"
        int status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        int length = ContentLength(head);
        bool close = head.IndexOf("\r\nConnection: close"u8) >= 0;
        _bodyStart = headerEnd + HeaderEnd.Length;
        _bodyLength = length;
        if (_bodyStart + length > _in.Length)
        {
            Array.Resize(ref _in, Math.Max(2 * _in.Length, _bodyStart + length));
        }

        while (filled < _bodyStart + length)
        {
            filled += await ReceiveAsync(filled, cancel);
        }

        if (close)
        {
            _socket!.Dispose();
            _socket = null;
        }

        return status;
    }

    private async ValueTask<int> ReceiveAsync(int filled, CancellationToken cancel)
    {
        if (filled == _in.Length)
        {
            Array.Resize(ref _in, 2 * _in.Length);
        }

        int n = await _socket!.ReceiveAsync(_in.AsMemory(filled), SocketFlags.None, cancel);
        return n > 0 ? n : throw new IOException("The server closed the connection.");
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> name = "\r\nContent-Length: "u8;
        int at = head.IndexOf(name);
        if (at < 0)
        {
            return 0;
        }

        Utf8Parser.TryParse(head[(at + name.Length)..], out int length, out _);
        return length;
    }

    public void Dispose() => _socket?.Dispose();
}

/// <summary>Keep-alive connections shared by many phones' requests, at most <paramref name="size"/>
/// open (the process's file limit is near 20,000); a request waits for a free one.</summary>
internal sealed class WirePool(IPEndPoint server, int size) : IDisposable
{
    private readonly Stack<WireConnection> _idle = new();
    private readonly List<WireConnection> _all = [];
    private readonly SemaphoreSlim _free = new(size);

    /// <summary>The request's status; the body is read and dropped.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> SendAsync(byte[] request, CancellationToken cancel)
    {
        await _free.WaitAsync(cancel);
        WireConnection connection;
        lock (_idle)
        {
            if (!_idle.TryPop(out connection!))
            {
                connection = new WireConnection(server);
                _all.Add(connection);
            }
        }

        try
        {
            return await connection.SendAsync(request, cancel);
        }
        finally
        {
            lock (_idle)
            {
                _idle.Push(connection);
            }

            _free.Release();
        }
    }

    public void Dispose()
    {
        foreach (WireConnection connection in _all)
        {
            connection.Dispose();
        }
    }
}

/// <summary>A request's bytes as the phone sends it: request line, Host, the session's bearer
/// token, and a JSON body with its type and length.</summary>
internal static class WireRequest
{
    public static byte[] Of(Uri server, string method, string pathAndQuery, string? token, string? body) =>
        Encoding.UTF8.GetBytes(Head(server, method, pathAndQuery, token, body) + "\r\n" + body);

    /// <summary>A long-poll's request cut where its sequence goes: the part before and the part after.</summary>
    public static (byte[] Head, byte[] Tail) Around(Uri server, string pathBefore, string pathAfter, string token)
    {
        return (Encoding.UTF8.GetBytes($"GET /{pathBefore}"),
            Encoding.UTF8.GetBytes(Head(server, "GET", pathAfter, token, null)[$"GET /".Length..] + "\r\n"));
    }

    private static string Head(Uri server, string method, string pathAndQuery, string? token, string? body)
    {
        var head = new StringBuilder($"{method} /{pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        if (token != null)
        {
            head.Append($"Authorization: Bearer {token}\r\n");
        }

        if (body != null)
        {
            head.Append($"Content-Type: application/json; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        }
        else if (method != "GET")
        {
            head.Append("Content-Length: 0\r\n");
        }

        return head.ToString();
    }
}
