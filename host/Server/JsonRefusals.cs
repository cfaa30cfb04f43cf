using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AgentPhone.ServerHost;

/// <summary>
/// Kestrel refuses some requests before any application code runs (a request line or headers too
/// long, syntax it cannot parse, a length it cannot read, a client too slow) and answers them
/// with a head alone: an error status and <c>Content-Length: 0</c>, the last answer on the
/// connection. No hook lets an application write those bodies, so this connection middleware
/// sits between Kestrel and the socket (inside TLS) and gives such a head the JSON error body
/// every other refusal has, with one log line. The application's own answers always carry a
/// body, so they never match.
/// </summary>
public static class JsonRefusals
{
    public static ListenOptions UseJsonRefusals(this ListenOptions listen)
    {
        ILogger log = listen.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentPhone.Refusals");
        listen.Use(next => async connection =>
        {
            IDuplexPipe transport = connection.Transport;
            await using var output = new RefusalWriter(transport.Output, log, connection.RemoteEndPoint?.ToString());
            connection.Transport = new Pipe(transport.Input, output);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
        return listen;
    }

    /// <summary>The code of a status Kestrel answers on its own.</summary>
    public static ErrorCode CodeOf(int status) => status switch
    {
        404 => ErrorCode.NotFound,
        408 => ErrorCode.RequestTimeout,
        413 => ErrorCode.BodyTooLarge,
        414 => ErrorCode.UriTooLong,
        431 => ErrorCode.HeadersTooLarge,
        _ => ErrorCode.BadRequest,
    };

    private sealed record Pipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>
    /// Holds what Kestrel writes between two flushes while it is short (a refusal's head is about
    /// 150 bytes), so a bodyless error head can be completed before it leaves; anything longer
    /// goes straight through.
    /// </summary>
    private sealed class RefusalWriter(PipeWriter inner, ILogger log, string? client) : PipeWriter, IAsyncDisposable
    {
        private const int Window = 512;
        private static readonly byte[] Start = "HTTP/1.1 "u8.ToArray();
        private static readonly byte[] EmptyLength = "\r\nContent-Length: 0\r\n"u8.ToArray();
        private static readonly byte[] End = "\r\n\r\n"u8.ToArray();
        private static readonly SystemTextJsonCodec Codec = new();

        private byte[]? _held;
        private int _count;
        private bool _passThrough;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (!_passThrough)
            {
                if (_count + Math.Max(sizeHint, 1) <= Window)
                {
                    _held ??= ArrayPool<byte>.Shared.Rent(Window);
                    return _held.AsMemory(_count, Window - _count);
                }

                Release(_held.AsSpan(0, _count));
                _passThrough = true;
            }

            return inner.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (_passThrough)
            {
                inner.Advance(bytes);
            }
            else
            {
                _count += bytes;
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Settle();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_passThrough ? 0 : _count);

        public override void Complete(Exception? exception = null)
        {
            Settle();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Settle();
            return inner.CompleteAsync(exception);
        }

        public ValueTask DisposeAsync()
        {
            Return();
            return ValueTask.CompletedTask;
        }

        // What was held goes on, completed if it is a refusal's bare head; the next flush starts held again.
        private void Settle()
        {
            if (!_passThrough && _count > 0)
            {
                ReadOnlySpan<byte> held = _held.AsSpan(0, _count);
                if (IsBareErrorHead(held, out int status))
                {
                    Release(WithBody(held, status));
                }
                else
                {
                    Release(held);
                }
            }

            _passThrough = false;
        }

        private void Release(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > 0)
            {
                inner.Write(bytes);
            }

            _count = 0;
            Return();
        }

        private void Return()
        {
            if (_held != null)
            {
                ArrayPool<byte>.Shared.Return(_held);
                _held = null;
            }
        }

        private static bool IsBareErrorHead(ReadOnlySpan<byte> bytes, out int status)
        {
            status = 0;
            if (bytes.Length < Start.Length + 3 || !bytes.StartsWith(Start) || !bytes.EndsWith(End) || bytes.IndexOf(EmptyLength) < 0)
            {
                return false;
            }

            ReadOnlySpan<byte> digits = bytes.Slice(Start.Length, 3);
            status = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
            return status is >= 400 and < 600;
        }

        private byte[] WithBody(ReadOnlySpan<byte> head, int status)
        {
            ErrorCode code = CodeOf(status);
            byte[] body = Encoding.UTF8.GetBytes(Codec.Write(ErrorResponse.For(code, null)));
            int at = head.IndexOf(EmptyLength);
            string headers = $"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n";
            string statusLine = Encoding.ASCII.GetString(head[..head.IndexOf("\r\n"u8)]);
            log.LogWarning("Refused before the application: {Status} from {Client}", statusLine[Start.Length..], client);
            return [.. head[..at], .. Encoding.ASCII.GetBytes(headers), .. head[(at + EmptyLength.Length)..], .. body];
        }
    }
}
