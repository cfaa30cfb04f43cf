using System.Security.Cryptography;
using AgentPhone.Hardware;
using AgentPhone.Server;

namespace AgentPhone.ServerHost;

/// <summary>
/// Passwords and PINs as salted PBKDF2-SHA256 hashes, <c>pbkdf2-sha256$iterations$salt$hash</c>
/// (base64). Configuration files hold only these; <c>--hash-password</c> makes one. The default
/// cost is OWASP's current figure for PBKDF2-HMAC-SHA256; a hash of a lower cost still verifies,
/// and the server upgrades it at the agent's next good sign-in.
/// </summary>
public sealed class Pbkdf2Secrets : ISecretVerifier
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string secret, int iterations = DefaultIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool IsHash(string? stored) => TryParse(stored, out _, out _, out _);

    private int _iterations = DefaultIterations;
    private string? _standIn;   // made when first needed, at the cost in force
    private readonly Func<string, byte[], int, int, byte[]> _derive;

    /// <param name="derive">PBKDF2-HMAC-SHA256 of (secret, salt, iterations, bytes); tests count the work through it.</param>
    public Pbkdf2Secrets(Func<string, byte[], int, int, byte[]>? derive = null) =>
        _derive = derive ?? ((secret, salt, iterations, bytes) => Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, bytes));

    /// <summary>The cost new and upgraded hashes get, and that an unknown agent's sign-in pays,
    /// so it takes as long as a known one's.</summary>
    public int Iterations
    {
        get => _iterations;
        set
        {
            if (value != _iterations)
            {
                _iterations = value;
                _standIn = null;
            }
        }
    }

    /// <summary>The cost of a stored hash (0 for anything else).</summary>
    public static int IterationsOf(string? stored) => TryParse(stored, out int iterations, out _, out _) ? iterations : 0;

    // A secret nobody knows, at the given cost.
    private static string StandInAt(int iterations) => Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), iterations);

    public bool Matches(string stored, string given)
    {
        bool known = TryParse(stored, out int iterations, out byte[] salt, out byte[] expected);
        if (!known)
        {
            TryParse(_standIn ??= StandInAt(_iterations), out iterations, out salt, out expected);
        }

        byte[] actual = _derive(given ?? string.Empty, salt, iterations, expected.Length);
        if (iterations < _iterations)
        {
            // A hash not yet upgraded is topped up to the cost in force, so a known agent's answer
            // comes no sooner than an unknown one's and its ID does not leak by timing.
            _derive(given ?? string.Empty, salt, _iterations - iterations, expected.Length);
        }

        return known && !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        string[] parts = stored?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out iterations) || iterations < 1000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return salt.Length >= 8 && hash.Length >= 16;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

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
