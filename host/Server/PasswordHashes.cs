using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AgentPhone.Server;
using NSec.Cryptography;

namespace AgentPhone.ServerHost;

/// <summary>What a stored password hash costs to make: Argon2id's memory and passes, or
/// PBKDF2-SHA256's iterations.</summary>
public readonly record struct HashCost(string Scheme, int MemoryKiB, int Passes, int Iterations)
{
    public const string Argon2id = "argon2id";
    public const string Pbkdf2 = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;

    /// <summary>OWASP's first choice: Argon2id with 19 MiB and 2 passes. Against PBKDF2 at
    /// 600,000 iterations it costs the server a third of the time per check here, and every guess
    /// an attacker makes needs its 19 MiB (docs/performance.md, Secrets).</summary>
    public static readonly HashCost Default = Argon(19 * 1024, 2);

    public static HashCost Argon(int memoryKiB, int passes) => new(Argon2id, memoryKiB, passes, 0);

    public static HashCost Pbkdf2At(int iterations) => new(Pbkdf2, 0, 0, iterations);

    /// <summary>A configuration's <c>core</c> keys that put this cost in force.</summary>
    public JsonObject ConfigKeys() => Scheme == Argon2id
        ? new JsonObject { ["hashScheme"] = Scheme, ["hashMemoryKiB"] = MemoryKiB, ["hashPasses"] = Passes }
        : new JsonObject { ["hashScheme"] = Scheme, ["hashIterations"] = Iterations };

    /// <summary>Whether a hash of this cost is made again at <paramref name="target"/>: it is of
    /// another scheme, or cheaper in some way in the same one.</summary>
    public bool Below(HashCost target) => Scheme != target.Scheme
        || (Scheme == Pbkdf2 ? Iterations < target.Iterations : MemoryKiB < target.MemoryKiB || Passes < target.Passes);
}

/// <summary>
/// Passwords and PINs as salted hashes. New ones are Argon2id in the PHC string form other tools
/// write too, <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>; PBKDF2-SHA256,
/// <c>pbkdf2-sha256$iterations$salt$hash</c>, still verifies, for configurations written before
/// and for a center that must keep it. A hash below the cost in force is made again at the
/// agent's next good sign-in.
///
/// One answer, one time: every check derives once for each kind of hash the center holds (all
/// PBKDF2 hashes count as one kind, topped up to the dearest), with the agent's own hash where it
/// has one and a stand-in elsewhere. A known agent, an unknown one and one whose hash awaits its
/// upgrade do the same work, so an agent ID does not leak by timing while two forms are stored.
/// </summary>
public sealed class PasswordHashes : ISecretVerifier
{
    private const int SaltBytes = 16;   // Argon2id's, as libsodium takes it
    private const int HashBytes = 32;
    private static readonly byte[] StandInSalt = RandomNumberGenerator.GetBytes(SaltBytes);
    private static readonly ConcurrentDictionary<HashCost, PasswordBasedKeyDerivationAlgorithm> Argon2 = new();

    private readonly Func<string, byte[], HashCost, int, byte[]> _derive;
    private readonly Dictionary<HashCost, int> _held = [];   // the center's stored hashes, counted by cost
    private HashCost _cost = HashCost.Default;
    private volatile HashCost[] _plan = [HashCost.Default];   // what each check derives, in order

    /// <param name="derive">The derivation of (secret, salt, cost, bytes); tests count the work through it.</param>
    public PasswordHashes(Func<string, byte[], HashCost, int, byte[]>? derive = null) => _derive = derive ?? Derive;

    public static string Hash(string secret) => Hash(secret, HashCost.Default);

    public static string Hash(string secret, HashCost cost)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Derive(secret, salt, cost, HashBytes);
        return cost.Scheme == HashCost.Argon2id
            ? $"${HashCost.Argon2id}$v=19$m={cost.MemoryKiB},t={cost.Passes},p=1${Unpadded(salt)}${Unpadded(hash)}"
            : $"{HashCost.Pbkdf2}${cost.Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool IsHash(string? stored) => TryParse(stored, out _, out _, out _);

    /// <summary>The cost of a stored hash; null for anything else.</summary>
    public static HashCost? CostOf(string? stored) => TryParse(stored, out HashCost cost, out _, out _) ? cost : null;

    /// <summary>The cost new and upgraded hashes get.</summary>
    public HashCost Cost
    {
        get => _cost;
        set
        {
            lock (_held)
            {
                _cost = value;
                Replan();
            }
        }
    }

    /// <summary>Every hash the center holds, as a configuration is applied.</summary>
    public void Holds(IEnumerable<string?> stored)
    {
        lock (_held)
        {
            _held.Clear();
            foreach (string? hash in stored)
            {
                Count(hash, +1);
            }

            Replan();
        }
    }

    /// <summary>One stored hash replaced by another (an upgrade).</summary>
    public void Replaced(string old, string replacement)
    {
        lock (_held)
        {
            Count(old, -1);
            Count(replacement, +1);
            Replan();
        }
    }

    private void Count(string? stored, int by)
    {
        if (CostOf(stored) is HashCost cost)
        {
            int now = _held.GetValueOrDefault(cost) + by;
            if (now > 0)
            {
                _held[cost] = now;
            }
            else
            {
                _held.Remove(cost);
            }
        }
    }

    private void Replan()
    {
        var plan = new List<HashCost>();
        HashCost? pbkdf2 = null;
        foreach (HashCost cost in _held.Keys.Append(_cost))
        {
            if (cost.Scheme == HashCost.Pbkdf2)
            {
                pbkdf2 = pbkdf2 is HashCost most && most.Iterations >= cost.Iterations ? most : cost;
            }
            else if (!plan.Contains(cost))
            {
                plan.Add(cost);
            }
        }

        if (pbkdf2 is HashCost dearest)
        {
            plan.Add(dearest);
        }

        _plan = [.. plan];
    }

    public bool Matches(string stored, string given)
    {
        given ??= string.Empty;
        bool known = TryParse(stored, out HashCost cost, out byte[] salt, out byte[] expected);
        bool matches = false;
        bool checkedOwn = false;
        foreach (HashCost step in _plan)
        {
            bool own = known && !checkedOwn && (step == cost || (step.Scheme == HashCost.Pbkdf2 && cost.Scheme == HashCost.Pbkdf2));
            if (!own)
            {
                _derive(given, StandInSalt, step, HashBytes);
                continue;
            }

            matches = CryptographicOperations.FixedTimeEquals(_derive(given, salt, cost, expected.Length), expected);
            checkedOwn = true;
            if (step.Iterations > cost.Iterations)
            {
                // PBKDF2's work adds up: the rest of the dearest PBKDF2 hash's iterations.
                _derive(given, salt, HashCost.Pbkdf2At(step.Iterations - cost.Iterations), expected.Length);
            }
        }

        if (known && !checkedOwn)
        {
            // A hash the center was not told it holds (the verifier used on its own).
            matches = CryptographicOperations.FixedTimeEquals(_derive(given, salt, cost, expected.Length), expected);
        }

        return known && given.Length > 0 && matches;
    }

    /// <summary>The hash of a secret with a salt at a cost, <paramref name="bytes"/> long.</summary>
    public static byte[] Derive(string secret, byte[] salt, HashCost cost, int bytes) => cost.Scheme == HashCost.Argon2id
        ? Argon2.GetOrAdd(cost, c => PasswordBasedKeyDerivationAlgorithm.Argon2id(
            new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = c.MemoryKiB, NumberOfPasses = c.Passes }))
            .DeriveBytes(System.Text.Encoding.UTF8.GetBytes(secret), salt, bytes)   // the secret's UTF-8, as other tools hash it (NSec's string overload does not)
        : Rfc2898DeriveBytes.Pbkdf2(secret, salt, cost.Iterations, HashAlgorithmName.SHA256, bytes);

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryParse(string? stored, out HashCost cost, out byte[] salt, out byte[] hash)
    {
        cost = default;
        salt = hash = [];
        string[] parts = stored?.Split('$') ?? [];
        try
        {
            if (parts.Length == 6 && parts[0].Length == 0 && parts[1] == HashCost.Argon2id && parts[2] == "v=19")
            {
                // m=<KiB>,t=<passes>,p=1: one lane, which is what libsodium computes.
                string[] p = parts[3].Split(',');
                if (p.Length != 3 || !p[0].StartsWith("m=", StringComparison.Ordinal) || !p[1].StartsWith("t=", StringComparison.Ordinal) || p[2] != "p=1"
                    || !int.TryParse(p[0].AsSpan(2), out int memory) || !int.TryParse(p[1].AsSpan(2), out int passes)
                    || memory < 8 || memory > 4 * 1024 * 1024 || passes < 1 || passes > 1000)
                {
                    return false;
                }

                cost = HashCost.Argon(memory, passes);
                salt = FromUnpadded(parts[4]);
                hash = FromUnpadded(parts[5]);
                return salt.Length == SaltBytes && hash.Length >= 16;
            }

            if (parts.Length == 4 && parts[0] == HashCost.Pbkdf2 && int.TryParse(parts[1], out int iterations) && iterations >= 1000)
            {
                cost = HashCost.Pbkdf2At(iterations);
                salt = Convert.FromBase64String(parts[2]);
                hash = Convert.FromBase64String(parts[3]);
                return salt.Length >= 8 && hash.Length >= 16;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    private static byte[] FromUnpadded(string text) => Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
}
