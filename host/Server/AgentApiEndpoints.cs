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
        app.UseRateLimiter();
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

    private static async Task Answer(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = Encoding.UTF8.GetByteCount(json);
        await http.Response.WriteAsync(json, http.RequestAborted);
    }

    // Reads at most `limit` characters and one more, so an oversized body is refused without holding
    // it all. The buffer is pooled: a fresh 128 KB array per request cost most of the throughput.
    private static async Task<string?> ReadLimited(HttpRequest request, int limit)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(limit + 1);
        try
        {
            int read = 0, n;
            while (read < limit + 1 && (n = await reader.ReadAsync(buffer.AsMemory(read, limit + 1 - read))) > 0)
            {
                read += n;
            }

            return read == 0 ? null : new string(buffer, 0, read);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
