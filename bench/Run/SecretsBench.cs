using System.Diagnostics;
using System.Security.Cryptography;
using AgentPhone.ServerHost;
using NSec.Cryptography;

namespace AgentPhone.Bench.Run;

/// <summary>
/// What a sign-in's secret check costs the server, PBKDF2-SHA256 at the default cost (what the
/// server runs) beside Argon2id at OWASP's first recommendation (19 MiB, 2 passes, 1 lane),
/// measured on this machine: per check on one thread, checks a second with every core busy,
/// and the memory a check holds. The attacker's side is a note: it is not measured here.
/// </summary>
public static class SecretsBench
{
    private const int Checks = 20;

    public static Report Run()
    {
        var report = new Report("Secrets", $"A sign-in's secret check, each way measured on this machine in one run: the median of {Checks} checks on one thread, then checks a second with {Environment.ProcessorCount} threads, and the memory one check holds (Argon2id's is its parameter; PBKDF2 holds a few hundred bytes).");
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19 * 1024, NumberOfPasses = 2 });
        var ways = new (string Name, string Memory, Action Check)[]
        {
            ($"PBKDF2-SHA256, {Pbkdf2Secrets.DefaultIterations:N0} iterations (the server's default)", "< 1 KB",
                () => Rfc2898DeriveBytes.Pbkdf2("1234", salt, Pbkdf2Secrets.DefaultIterations, HashAlgorithmName.SHA256, 32)),
            ("Argon2id, 19 MiB, 2 passes, 1 lane (OWASP)", "19 MiB", () => argon.DeriveBytes("1234", salt, 32)),
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
        report.Note($"Argon2id costs the server {median[0] / median[1]:F1}x less per check here. OWASP gives both settings as equal minimums against an attacker with GPUs; what Argon2id adds is memory: each guess needs 19 MiB for its duration, which caps how many a GPU runs at once, while PBKDF2's guesses need none. The server still checks PBKDF2 (host/Server/Secrets.cs): moving to Argon2id means a new stored form beside the old one, upgrades at each agent's next sign-in as today, and one answer time for known and unknown agents while both forms are stored.");
        return report;
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
