using System.Security.Cryptography;
using AgentPhone.Hardware;
using AgentPhone.Server;

namespace AgentPhone.ServerHost;

/// <summary>
/// What the server keeps instead of a session token or an API key: <c>sha256:</c> and the hex of
/// its SHA-256. Both are long random strings, so one fast hash hides them (no salt or stretching
/// needed), and a stolen journal or snapshot opens nothing: what a client presents is always
/// hashed, so a stored form presented is just another wrong secret.
/// </summary>
public static class Hashes
{
    public const string Prefix = "sha256:";

    /// <summary>The hash of a secret a client presents, whatever it looks like.</summary>
    public static string Of(string secret) => WithHash(string.Empty, secret);

    /// <summary>What to keep for a key the configuration gives: a value written as <c>sha256:…</c>
    /// is already its stored form, anything else is the key itself.</summary>
    public static string Stored(string configured) => IsHash(configured) ? configured : Of(configured);

    public static bool IsHash(string? value) => value != null && IsHash(value.AsSpan());

    private static bool IsHash(ReadOnlySpan<char> value) => value.Length == Prefix.Length + 64 && value.StartsWith(Prefix, StringComparison.Ordinal);

    // `scheme` and the secret's hash (every request's header is hashed): one string, the rest on the stack.
    private static string WithHash(string scheme, ReadOnlySpan<char> secret)
    {
        int bytes = System.Text.Encoding.UTF8.GetMaxByteCount(secret.Length);
        Span<byte> text = bytes <= 1024 ? stackalloc byte[bytes] : new byte[bytes];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..System.Text.Encoding.UTF8.GetBytes(secret, text)], hash);
        Span<char> header = stackalloc char[scheme.Length + Prefix.Length + 2 * hash.Length];
        scheme.CopyTo(header);
        Prefix.CopyTo(header[scheme.Length..]);
        Convert.TryToHexStringLower(hash, header[(scheme.Length + Prefix.Length)..], out _);
        return new string(header);
    }

    /// <summary>An Authorization header a client sent, with its credential (a bearer token, a
    /// device secret) replaced by the credential's hash.</summary>
    public static string? Authorization(string? header)
    {
        foreach (string scheme in (ReadOnlySpan<string>)[AgentPhone.Protocol.Routes.BearerPrefix, AgentPhone.Protocol.Routes.DevicePrefix])
        {
            if (header != null && header.StartsWith(scheme, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> secret = header.AsSpan(scheme.Length);
                return WithHash(scheme, secret);
            }
        }

        return header;
    }
}

/// <summary>Session tokens: 128 random bits from the OS's secure generator, as hex.</summary>
public sealed class SecureTokens(string prefix = "") : ITokenSource
{
    /// <summary>128 random bits in hex, after the prefix (a cluster's tokens name their center).</summary>
    public string NewToken() => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>Wall-clock milliseconds (Unix epoch), so times carry across restarts.</summary>
public sealed class WallClock : IClock
{
    public long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
