using System.Text;
using System.Threading.RateLimiting;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost;

/// <summary>The agent API on a Kestrel app: every route, administration included, through the
/// core's route table. The server maps it on every path; the emulator under /api/v1 beside its
/// own pages.</summary>
public static class AgentApiEndpoints
{
    public const int MaxBodyChars = 1 << 16;

    private static readonly SystemTextJsonCodec Codec = new();

    /// <summary>The services the agent API needs: a rate limit on sign-ins per client address
    /// (a token bucket, the configuration's rate in bursts of twice that), answered with 429,
    /// Retry-After and the JSON error body.</summary>
    public static void AddAgentApi(this IServiceCollection services, ApiOptions options)
    {
        int rate = Math.Max(1, options.SignInsPerSecondPerAddress);
        services.AddRateLimiter(limits =>
        {
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.Value == Routes.SignIn
                    ? RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? string.Empty, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = 2 * rate,
                        TokensPerPeriod = rate,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limits.OnRejected = async (rejected, cancel) =>
            {
                int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? (int)Math.Ceiling(after.TotalSeconds) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString();
                await Answer(rejected.HttpContext, ErrorCodes.HttpStatus(ErrorCode.TooManyRequests), Codec.Write(ErrorResponse.For(ErrorCode.TooManyRequests, null)));
            };
        });
    }

    /// <summary>Maps every request under <paramref name="pattern"/> to <paramref name="serve"/>
    /// (a center in this process, or a cluster's center wherever it runs).</summary>
    public static void MapAgentApi(this WebApplication app, Func<ApiRequest, CancellationToken, Task<ApiResponse>> serve, string pattern)
    {
        ILogger log = app.Logger;
        // Only sign-ins are limited: every other request skips the middleware and its allocations.
        app.UseWhen(http => http.Request.Path.Value == Routes.SignIn, signIns => signIns.UseRateLimiter());
        app.Map(pattern, async (HttpContext http) =>
        {
            string? body;
            try
            {
                body = await ReadLimited(http.Request, MaxBodyChars);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Kestrel refused the body (too large, malformed chunk or length, too slow), or it
                // broke off: the same JSON error as every other refusal, and one log line.
                int status = e is BadHttpRequestException bad ? bad.StatusCode : 400;
                ErrorCode code = status switch { 413 => ErrorCode.BodyTooLarge, 408 => ErrorCode.RequestTimeout, _ => ErrorCode.BadRequest };
                log.LogWarning("Refused {Method} {Path}: {Status} {Reason}", http.Request.Method, http.Request.Path.Value, status, e.Message);
                await Answer(http, ErrorCodes.HttpStatus(code), Codec.Write(ErrorResponse.For(code, null)));
                return;
            }

            if (!WellEncoded(http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget))
            {
                log.LogWarning("Refused {Method} {Target}: 400 bad percent-encoding", http.Request.Method, http.Request.Path.Value);
                await Answer(http, 400, Codec.Write(ErrorResponse.For(ErrorCode.BadRequest,
                    "The address holds a bad percent-encoding: each % must start two hex digits, and together they must be UTF-8 text.")));
                return;
            }

            var request = new ApiRequest
            {
                Method = http.Request.Method,
                Path = http.Request.Path.Value,
                Query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : null,
                Authorization = http.Request.Headers.Authorization.FirstOrDefault(),
                ApiKey = http.Request.Headers[Routes.ApiKeyHeader].FirstOrDefault(),
                Body = body,
                ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            };
            ApiResponse response = await serve(request, http.RequestAborted);
            if (response.RetryAfterSeconds > 0)
            {
                http.Response.Headers.RetryAfter = response.RetryAfterSeconds.ToString();
            }

            await Answer(http, response.Status, response.Body ?? string.Empty);
        });
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether every <c>%</c> of a request's target starts two hex digits and the bytes
    /// they spell are UTF-8 (Kestrel leaves a bad sequence such as <c>%FF</c> as it is in the path).</summary>
    public static bool WellEncoded(string? target)
    {
        if (target == null || !target.Contains('%'))
        {
            return true;
        }

        Span<byte> bytes = target.Length <= 1024 ? stackalloc byte[target.Length] : new byte[target.Length];
        int n = 0;
        for (int i = 0; i < target.Length; i++)
        {
            char c = target[i];
            if (c != '%')
            {
                bytes[n++] = c < 0x80 ? (byte)c : (byte)'?';
                continue;
            }

            if (i + 2 >= target.Length || !byte.TryParse(target.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out bytes[n++]))
            {
                return false;
            }

            i += 2;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes[..n]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static async Task Answer(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = Encoding.UTF8.GetByteCount(json);
        await http.Response.WriteAsync(json, http.RequestAborted);
    }

    // Reads the body's bytes into a pooled buffer sized by its length (a phone's body is a few
    // dozen bytes), at most what `limit` characters and one more can take in UTF-8, so an oversized
    // body is refused without holding it all. A reader or a large array per request was most of
    // the server's allocation under load.
    private static async Task<string?> ReadLimited(HttpRequest request, int limit)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        int most = 3 * (limit + 1);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 1024, most) + 1);
        try
        {
            int read = 0, n;
            while (read < most && (n = await request.Body.ReadAsync(buffer.AsMemory(read, Math.Min(buffer.Length, most) - read))) > 0)
            {
                read += n;
                if (read == buffer.Length && read < most)
                {
                    byte[] bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(2 * buffer.Length, most));
                    buffer.AsSpan(0, read).CopyTo(bigger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }

            // A UTF-8 byte order mark is not part of the text, as a StreamReader would skip it.
            int start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return read == start ? null : Encoding.UTF8.GetString(buffer, start, read - start);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
