using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost;

/// <summary>The agent API on a Kestrel app: every route, administration included, through the
/// core's route table. The server maps it on every path; the emulator under /api/v1 beside its
/// own pages.</summary>
public static class AgentApiEndpoints
{
    public const int MaxBodyChars = 1 << 16;

    public static void MapAgentApi(this WebApplication app, CenterHost center, string pattern)
    {
        app.Map(pattern, async (HttpContext http) =>
        {
            var request = new ApiRequest
            {
                Method = http.Request.Method,
                Path = http.Request.Path.Value,
                Query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : null,
                Authorization = http.Request.Headers.Authorization.FirstOrDefault(),
                ApiKey = http.Request.Headers[Routes.ApiKeyHeader].FirstOrDefault(),
                Body = await ReadLimited(http.Request, MaxBodyChars),
            };
            ApiResponse response = await center.ServeAsync(request, http.RequestAborted);
            http.Response.StatusCode = response.Status;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(response.Body ?? string.Empty, http.RequestAborted);
        });
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
