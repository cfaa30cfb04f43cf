using System.Diagnostics;
using System.Security.Cryptography;
using AgentPhone.ServerHost;

namespace AgentPhone.Bench.Run;

/// <summary>
/// What a sign-in's secret check costs the server, Argon2id at the default cost (OWASP's first
/// recommendation: 19 MiB, 2 passes, 1 lane) beside PBKDF2-SHA256 at 600,000 iterations (the
/// former default, which the server still verifies and a center may keep), measured on this machine: per check on one thread, checks a second with every core busy,
/// and the memory a check holds. The attacker's side is a note: it is not measured here.
/// </summary>
public static class SecretsBench
{
    private const int Checks = 20;

    public static Report Run()
    {
        var report = new Report("Secrets", $"A sign-in's secret check, each way measured on this machine in one run: the median of {Checks} checks on one thread, then checks a second with {Environment.ProcessorCount} threads, and the memory one check holds (Argon2id's is its parameter; PBKDF2 holds a few hundred bytes).");
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        HashCost argon = HashCost.Default;
        HashCost pbkdf2 = HashCost.Pbkdf2At(HashCost.DefaultIterations);
        var ways = new (string Name, string Memory, Action Check)[]
        {
            ($"PBKDF2-SHA256, {pbkdf2.Iterations:N0} iterations (the former default)", "< 1 KB", () => PasswordHashes.Derive("1234", salt, pbkdf2, 32)),
            ($"Argon2id, {argon.MemoryKiB / 1024} MiB, {argon.Passes} passes, 1 lane (the server's default)", $"{argon.MemoryKiB / 1024} MiB", () => PasswordHashes.Derive("1234", salt, argon, 32)),
        };
        var rows = new List<string[]>();
        var median = new List<double>();
        foreach (var (name, memory, check) in ways)
        {
            check();
            var times = new List<double>();
            for (int i = 0; i < Checks; i++)
            {
                long start = Stopwatch.GetTimestamp();
                check();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            times.Sort();
            median.Add(times[Checks / 2]);
            rows.Add([name, $"{times[Checks / 2]:F1} ms", $"{PerSecond(check):F1}/s", memory]);
        }

        report.Table(["check", "one check (median)", $"checks a second, {Environment.ProcessorCount} threads", "memory per check"], rows);
        report.Note($"Argon2id costs the server {median[0] / median[1]:F1}x less per check here. OWASP gives both settings as equal minimums against an attacker with GPUs; what Argon2id adds is memory: each guess needs 19 MiB for its duration, which caps how many a GPU runs at once, while PBKDF2's guesses need none. So the server makes Argon2id hashes; PBKDF2 hashes still verify and become Argon2id at each agent's next good sign-in, and while both forms are held every check derives once in each (host/Server/PasswordHashes.cs), so known and unknown agents answer in one time.");
        OneTime(report);
        return report;
    }

    private const int Tries = 200;

    /// <summary>A center that still holds the former demo's PBKDF2 hashes (100,000 iterations)
    /// beside Argon2id ones: wrong passwords for an agent of each kind and for an unknown agent,
    /// taken in turns, timed at the check (what differs between them; the rest of a sign-in is the
    /// same request path).</summary>
    private static void OneTime(Report report)
    {
        var hashes = new PasswordHashes();
        string argon = PasswordHashes.Hash("1234");
        string pbkdf2 = PasswordHashes.Hash("1234", HashCost.Pbkdf2At(100_000));
        hashes.Holds([argon, pbkdf2]);
        var kinds = new (string Name, string? Stored)[] { ("unknown agent", null), ("known, Argon2id hash", argon), ("known, PBKDF2 hash awaiting its upgrade", pbkdf2) };
        var times = kinds.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < Tries; i++)
        {
            for (int k = 0; k < kinds.Length; k++)
            {
                long start = Stopwatch.GetTimestamp();
                hashes.Matches(kinds[k].Stored!, "0000");
                times[k].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        double[] medians = [.. times.Select(t => t.Order().ElementAt(Tries / 2))];
        report.Table(["wrong password for", $"median of {Tries} checks"], kinds.Select((k, i) => new[] { k.Name, $"{medians[i]:F1} ms" }));
        double spread = medians.Max() / medians.Min() - 1;
        report.Target("One answer, one time: medians within 10 %", spread < 0.10, $"the slowest median is {spread * 100:F1} % above the fastest");
    }

    // Checks a second with every core checking, for two seconds.
    private static double PerSecond(Action check)
    {
        int done = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (watch.ElapsedMilliseconds < 2000)
            {
                check();
                Interlocked.Increment(ref done);
            }
        });
        return done / watch.Elapsed.TotalSeconds;
    }
}
