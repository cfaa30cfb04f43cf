using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AgentPhone.ServerHost;
using Microsoft.Data.Sqlite;

namespace AgentPhone.Host.Tests;

/// <summary>The server's store as an operator meets it: files that are not a whole journal are
/// refused at start, a store that cannot be written refuses changes and recovers by itself,
/// SIGTERM stops cleanly, and no token or key is kept in clear.</summary>
[TestClass]
public sealed class StoreTests
{
    private static readonly string ServerDll = typeof(CenterHost).Assembly.Location;

    [TestMethod]
    public void FilesThatAreNotAWholeJournalAreRefusedAtStart()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-files-").FullName;
        string config = Path.Combine(folder, "center.json");
        File.WriteAllText(config, TestCenter.Config().ToJsonString());

        // A real journal with history, stopped cleanly, and one killed (its -wal beside it).
        string whole = Directory.CreateDirectory(Path.Combine(folder, "whole")).FullName;
        using (var server = TestCenter.Start(whole))
        {
            using Client phone = server.NewClient();
            phone.SignIn("7001", "2101", "SEP000000002101");
            for (int i = 0; i < 20; i++)
            {
                phone.Ok("PUT", "api/v1/agents/me/state", i % 2 == 0 ? "{\"state\":\"READY\"}" : "{\"state\":\"NOT_READY\",\"reasonCode\":1}");
            }

            Assert.AreEqual(0, server.Terminate().ExitCode);
            File.Copy(Path.Combine(whole, "center.db"), Path.Combine(folder, "stopped.db"));
            server.Start();
            phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
            server.Kill();
            File.Copy(Path.Combine(whole, "center.db"), Path.Combine(folder, "no-wal.db"));
            Assert.IsTrue(File.Exists(Path.Combine(whole, "center.db-wal")), "a killed server leaves its write-ahead log");
        }

        byte[] stopped = File.ReadAllBytes(Path.Combine(folder, "stopped.db"));
        File.WriteAllBytes(Path.Combine(folder, "empty.db"), []);
        File.WriteAllBytes(Path.Combine(folder, "garbage.db"), Encoding.ASCII.GetBytes(new string('x', 5000)));
        File.WriteAllBytes(Path.Combine(folder, "truncated.db"), stopped[..(stopped.Length / 2)]);
        using (var foreign = new SqliteConnection($"Data Source={Path.Combine(folder, "foreign.db")};Pooling=false"))
        {
            foreign.Open();
            using SqliteCommand c = foreign.CreateCommand();
            c.CommandText = "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)";
            c.ExecuteNonQuery();
        }

        File.WriteAllBytes(Path.Combine(folder, "future.db"), stopped);
        using (var future = new SqliteConnection($"Data Source={Path.Combine(folder, "future.db")};Pooling=false"))
        {
            future.Open();
            using SqliteCommand c = future.CreateCommand();
            c.CommandText = "UPDATE meta SET value = '9' WHERE key = 'format'";
            c.ExecuteNonQuery();
        }

        var cases = new (string File, string Says)[]
        {
            ("empty.db", "is empty"),
            ("garbage.db", "is not an SQLite database"),
            ("truncated.db", "damaged"),
            ("foreign.db", "not an AgentPhone journal"),
            ("future.db", "format 9"),
            ("no-wal.db", "write-ahead log"),
        };
        foreach (var (file, says) in cases)
        {
            string db = Path.Combine(folder, file);
            byte[] before = File.ReadAllBytes(db);
            var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{config}\" --db \"{db}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
            Assert.AreEqual(2, exit, $"{file}: {output}");
            StringAssert.Contains(output, "Cannot start: ", file);
            StringAssert.Contains(output, db, file);
            StringAssert.Contains(output, says, file);
            CollectionAssert.AreEqual(before, File.ReadAllBytes(db), $"{file} is left as it was");
        }

        // The stopped copy is whole: it starts, with everything.
        var ok = new ServerProcess(File.ReadAllText(config), Directory.CreateDirectory(Path.Combine(folder, "ok")).FullName);
        ok.Kill();
        // A file put back from elsewhere comes without the record of the store it replaces.
        foreach (string suffix in new[] { "-wal", "-shm", "-last" })
        {
            File.Delete(Path.Combine(folder, "ok", "center.db" + suffix));
        }

        File.Copy(Path.Combine(folder, "stopped.db"), Path.Combine(folder, "ok", "center.db"), overwrite: true);
        ok.Start();
        StringAssert.Contains(ok.StartLine, "listening on");
        ok.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AStoreThatCannotBeWrittenRefusesChangesAndRecoversByItself()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");

        // Another program holds the database's write lock longer than the server waits for it.
        using var holder = new SqliteConnection($"Data Source={Path.Combine(server.Folder, "center.db")};Pooling=false;Default Timeout=30");
        holder.Open();
        using (SqliteCommand begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        phone.Refused(503, "STORAGE_FAILED", "PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":1}");
        var (status, health) = phone.Send("GET", "health");
        Assert.AreEqual(503, status, "health tells the store failed");
        StringAssert.Contains((string?)health["error"]!["message"], "cannot save changes");
        phone.Refused(503, "STORAGE_FAILED", "GET", "api/v1/agents/me");
        using Client pbx = server.NewClient();
        pbx.ApiKey = TestCenter.ApiKey;
        pbx.Refused(503, "STORAGE_FAILED", "POST", "api/v1/calls", "{\"queue\":\"Support\",\"ani\":\"2301\"}");

        using (SqliteCommand rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        while (phone.Send("GET", "health").Status != 200 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(100);
        }

        Assert.AreEqual(200, phone.Send("GET", "health").Status, "service resumes by itself");
        Assert.AreEqual("READY", phone.State(), "the refused change was not applied; the session survived");
        Assert.AreEqual(0, (int)phone.Ok("GET", "api/v1/queues/Support/stats")["queues"]![0]!["offered"]!, "the refused call was not offered");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":2}");

        // And it all survives a kill: nothing was lost in the reload.
        server.Kill();
        server.Start();
        Assert.AreEqual("NOT_READY", phone.State());
    }

    [TestMethod]
    public void AfterAKillAnotherProgramsCheckpointCostsNothingButMissingEntriesAreRefused()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-checkpointed-").FullName;
        string db = Path.Combine(folder, "center.db");
        using var server = TestCenter.Start(folder);
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        for (int i = 0; i < 10; i++)
        {
            phone.Ok("PUT", "api/v1/agents/me/state", i % 2 == 0 ? "{\"state\":\"READY\"}" : "{\"state\":\"NOT_READY\",\"reasonCode\":2}");
        }

        server.Kill();

        // Any program that reads the file and closes last (sqlite3, a backup) folds the -wal in and deletes it.
        long entries = Scalar(db, "SELECT COUNT(*) FROM journal");
        Assert.IsTrue(entries > 10, $"{entries} entries");
        Assert.IsFalse(File.Exists(db + "-wal"), "the other program checkpointed the log and removed it");
        server.Start();
        JsonNode status = phone.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("NOT_READY", (string?)status["state"], "every acknowledged change is there");
        Assert.AreEqual("Lunch", (string?)status["reasonLabel"]);
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        server.Kill();

        // The journal's tail and the snapshots gone (a log cut short, rows deleted): refused, saying what is missing.
        long last = Scalar(db, "SELECT MAX(id) FROM journal");
        Sql(db, $"DELETE FROM journal WHERE id > {last - 3}; DELETE FROM snapshot_parts; DELETE FROM snapshots;");
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{server.ConfigPath}\" --db \"{db}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"ends at journal entry {last - 3}, but the server acknowledged entries through {last}");
        StringAssert.Contains(output, "3 acknowledged change(s) are missing");

        // Emptied altogether: refused too; only a missing file is a new center.
        Sql(db, "DELETE FROM journal;");
        (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{server.ConfigPath}\" --db \"{db}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "ends at journal entry 0");
        Directory.Delete(folder, recursive: true);
    }

    private static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using SqliteCommand command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long n ? n : 0;
    }

    [TestMethod]
    public void SigtermAnswersFiftyOpenLongPollsAndStopsInSeconds()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        string token = phone.SignIn("7001", "2101", "SEP000000002101");
        long seq = (long)phone.Ok("GET", "api/v1/agents/me")["lastSeq"]!;

        // Fifty phones' and desks' event long-polls, each on its own connection, waiting 25 s.
        var polls = Enumerable.Range(0, 50).Select(_ =>
        {
            var socket = new System.Net.Sockets.TcpClient();
            socket.Connect("127.0.0.1", server.BaseAddress.Port);
            socket.GetStream().Write(Encoding.ASCII.GetBytes(
                $"GET /api/v1/agents/me/events?after={seq}&wait=25 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"));
            return socket;
        }).ToList();
        Assert.AreEqual("ok", (string?)phone.Ok("GET", "health")["status"], "the server is up and answering");
        Assert.IsTrue(polls.All(p => p.Available == 0), "the long-polls are waiting, not answered");

        var (took, exit) = server.Terminate();

        Assert.AreEqual(0, exit);
        Console.WriteLine($"stopped in {took.TotalMilliseconds:F0} ms with 50 long-polls open");
        Assert.IsTrue(took < TimeSpan.FromSeconds(5), $"stopped in {took.TotalSeconds:F1} s, not after the long-polls' 25 s");
        foreach (var socket in polls)
        {
            using (socket)
            {
                socket.ReceiveTimeout = 10_000;
                string answer = new StreamReader(socket.GetStream()).ReadToEnd();
                StringAssert.StartsWith(answer, "HTTP/1.1 200", "each long-poll was answered, not cut off");
                StringAssert.Contains(answer, "\"events\":[]");
            }
        }
    }

    [TestMethod]
    public void SigtermStopsTheServerCleanlyAndNothingSecretIsAtRest()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        string token = phone.SignIn("7001", "2101", "SEP000000002101");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        phone.Offer("Support");
        phone.Ok("POST", "api/v1/agents/me/call/answer");
        using Client desk = server.NewClient();
        desk.DeviceSecret = TestCenter.DeviceSecret;
        desk.Ok("POST", "api/v1/signin", "{\"device\":\"SEP0000000070A1\"}");

        var (took, exit) = server.Terminate();
        Assert.AreEqual(0, exit);
        Assert.IsTrue(took < TimeSpan.FromSeconds(5), $"stopped in {took.TotalSeconds:F1} s");
        Assert.IsFalse(File.Exists(Path.Combine(server.Folder, "center.db-wal")), "a clean stop leaves no write-ahead log");

        foreach (string file in Directory.GetFiles(server.Folder, "center.db*"))
        {
            string bytes = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            Assert.IsFalse(bytes.Contains(token, StringComparison.Ordinal), $"{file} holds the session token");
            Assert.IsFalse(bytes.Contains(TestCenter.ApiKey, StringComparison.Ordinal), $"{file} holds the API key");
            Assert.IsFalse(bytes.Contains(TestCenter.AdminKey, StringComparison.Ordinal), $"{file} holds the administration key");
            Assert.IsFalse(bytes.Contains(TestCenter.DeviceSecret, StringComparison.Ordinal), $"{file} holds a device secret");
            if (!file.EndsWith("-last", StringComparison.Ordinal))
            {
                StringAssert.Contains(bytes, Hashes.Of(token), "the token's hash is what is kept");
            }
        }

        server.Start();
        Assert.AreEqual("TALKING", phone.State(), "the session and the answered call are back");
        StringAssert.Contains(server.StartLine, ", 0 journal entries replayed", "a clean stop left a snapshot of everything: " + server.StartLine);
    }

    [TestMethod]
    public void SigtermStopsTheEmulatorCleanly()
    {
        string data = Directory.CreateTempSubdirectory("emulator-term-").FullName;
        string dll = typeof(AgentPhone.Emulator.EmulatorApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--port", AgentPhone.Build.Tests.Repo.FreePort().ToString(), "--data", data },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process emulator = Process.Start(start)!;
        Task<string?> line = emulator.StandardOutput.ReadLineAsync();
        Assert.IsTrue(line.Wait(TimeSpan.FromSeconds(60)) && line.Result!.Contains("AgentPhone emulator:"), "the emulator started");

        var watch = Stopwatch.StartNew();
        Signals.Terminate(emulator.Id);
        bool exited = emulator.WaitForExit(30_000);
        if (!exited)
        {
            emulator.Kill(entireProcessTree: true);
        }

        Assert.IsTrue(exited && watch.Elapsed < TimeSpan.FromSeconds(5), $"stopped in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.AreEqual(0, emulator.ExitCode);
        Assert.IsTrue(File.Exists(Path.Combine(data, "agentserver.db")));
        Assert.IsFalse(File.Exists(Path.Combine(data, "agentserver.db-wal")), "its journal was closed cleanly");
        Directory.Delete(data, recursive: true);
    }

    [TestMethod]
    public void ADamagedSnapshotFallsBackToTheOlderOne()
    {
        using var server = new ServerProcess(TestCenter.Config().ToJsonString(), null, "--snapshot-entries", "5");
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        for (int i = 0; i < 40; i++)
        {
            phone.Ok("PUT", "api/v1/agents/me/state", i % 2 == 0 ? "{\"state\":\"READY\"}" : $"{{\"state\":\"NOT_READY\",\"reasonCode\":{1 + i % 4}}}");
            Thread.Sleep(30);
        }

        Assert.AreEqual(0, server.Terminate().ExitCode);
        string db = Path.Combine(server.Folder, "center.db");
        long[] kept = Scalars(db, "SELECT through FROM snapshots ORDER BY through DESC");
        Assert.AreEqual(2, kept.Length, "two snapshots are kept");
        Assert.IsTrue(Scalars(db, "SELECT MIN(id) FROM journal WHERE kind <> 'config'")[0] > kept[1], "entries the older snapshot covers are gone");

        Sql(db, $"UPDATE snapshot_parts SET text = 'damaged' WHERE through = {kept[0]}");
        server.Start();
        JsonNode me = phone.Ok("GET", "api/v1/agents/me");
        Assert.AreEqual("NOT_READY", (string?)me["state"], "the last change is back, from the older snapshot and the journal after it");
        Assert.AreEqual(4, (int)me["reasonCode"]!);
        Assert.AreEqual(0, server.Terminate().ExitCode);

        long[] now = Scalars(db, "SELECT through FROM snapshots ORDER BY through DESC");
        Sql(db, $"UPDATE snapshot_parts SET text = 'damaged' WHERE through IN ({string.Join(",", now)})");
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{server.ConfigPath}\" --db \"{db}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "No snapshot in the database can be read");
    }

    [TestMethod]
    public void AnOnlySnapshotDamagedFallsBackToTheWholeJournal()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        Assert.AreEqual(0, server.Terminate().ExitCode);

        string db = Path.Combine(server.Folder, "center.db");
        Assert.AreEqual(1, Scalars(db, "SELECT COUNT(*) FROM snapshots")[0], "the clean stop took the only snapshot");
        Sql(db, "UPDATE snapshot_parts SET text = 'damaged'");
        server.Start();
        StringAssert.Contains(server.StartLine, "journal entries replayed");
        Assert.AreEqual("READY", phone.State(), "with one snapshot the journal it covers is kept, and replayed");
    }

    [TestMethod]
    public void AFormatOneJournalIsMigratedAndItsSessionsCarryOn()
    {
        // The journal as the server before snapshots wrote it: tokens and the key in clear, an event log.
        string folder = Directory.CreateTempSubdirectory("agentserver-format1-").FullName;
        string config = TestCenter.Config().ToJsonString();
        File.WriteAllText(Path.Combine(folder, "center.json"), config);
        string db = Path.Combine(folder, "center.db");
        const string Token = "0123456789abcdef0123456789abcdef";
        long at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using (var c = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL;");
            Exec(c, """
                CREATE TABLE journal(id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, method TEXT, path TEXT, query TEXT,
                  authorization TEXT, api_key_ok INTEGER NOT NULL, body TEXT, token TEXT, secret_ok INTEGER);
                CREATE TABLE events(owner TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, agent_id TEXT, body TEXT NOT NULL, PRIMARY KEY(owner, seq));
                """);
            Exec(c, "INSERT INTO journal VALUES (1, $at, 'config', NULL, NULL, NULL, NULL, 0, $body, NULL, NULL)", ("$at", at), ("$body", config));
            Exec(c, "INSERT INTO journal VALUES (2, $at, 'request', 'POST', '/api/v1/signin', NULL, NULL, 0, $body, $token, 1)", ("$at", at + 1),
                ("$body", "{\"agentId\":\"7001\",\"password\":\"*\",\"extension\":\"2101\",\"device\":\"SEP000000002101\"}"), ("$token", Token));
            Exec(c, "INSERT INTO journal VALUES (3, $at, 'request', 'PUT', '/api/v1/agents/me/state', NULL, $auth, 0, '{\"state\":\"READY\"}', NULL, NULL)",
                ("$at", at + 2), ("$auth", "Bearer " + Token));
            Exec(c, "INSERT INTO events VALUES ('Agent::7001', 1, $at, 'STATE_CHANGED', '7001', '{}')", ("$at", at + 1));
        }

        using var server = new ServerProcess(config, folder);
        using Client phone = server.NewClient(Token);
        Assert.AreEqual("READY", phone.State(), "the session of the old journal carries on with its token");
        Assert.AreEqual(0, server.Terminate().ExitCode);
        string bytes = Encoding.Latin1.GetString(File.ReadAllBytes(db));
        Assert.IsFalse(bytes.Contains(Token, StringComparison.Ordinal), "the migrated journal keeps no token in clear");
        Assert.IsFalse(bytes.Contains(TestCenter.ApiKey, StringComparison.Ordinal), "nor the API key");
        Assert.AreEqual(0, Scalars(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'")[0], "the old event log is gone");
    }

    [TestMethod]
    public void AJournalThatReplaysDifferentlyStopsTheStartNamingTheEntry()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":2}");

        // Refusals that change nothing are not journaled: sign-ins of agents that do not exist (within the rate limit).
        string db = Path.Combine(server.Folder, "center.db");
        using (Client stranger = server.NewClient())
        {
            for (int i = 0; i < 15; i++)
            {
                stranger.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", $"{{\"agentId\":\"9{i:D3}\",\"password\":\"x\",\"extension\":\"2102\",\"device\":\"X\"}}");
            }
        }

        // Killed: a clean stop would snapshot everything, and the start would replay nothing.
        server.Kill();
        long entries = Scalars(db, "SELECT COUNT(*) FROM journal")[0];
        Assert.AreEqual(4, entries, "the configuration, the sign-in and two state changes; no unknown agent's sign-in");

        // The entry of the last change now says something else than its client was told.
        long id = Scalars(db, "SELECT MAX(id) FROM journal")[0];
        // (Edited as a stopped file, with its log folded in, so only the entry is wrong.)
        Sql(db, $"UPDATE journal SET body = '{{\"state\":\"NOT_READY\",\"reasonCode\":1}}' WHERE id = {id}; UPDATE meta SET value = 'stopped' WHERE key = 'state'");
        var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{server.ConfigPath}\" --db \"{db}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"Journal entry {id} (PUT /api/v1/agents/me/state");
        StringAssert.Contains(output, "does not replay to what was answered then");
    }

    [TestMethod]
    public void AFullDiskRefusesChangesUntilThereIsRoomAgain()
    {
        // A small file system of its own, to fill: mounting one takes root.
        if (Environment.UserName != "root")
        {
            Assert.Inconclusive("Mounting a small file system to fill needs root.");
        }

        string disk = Directory.CreateTempSubdirectory("agentserver-disk-").FullName;
        Assert.AreEqual(0, AgentPhone.Build.Tests.Repo.Run("mount", $"-t tmpfs -o size=4m tmpfs \"{disk}\"", TimeSpan.FromSeconds(30)).ExitCode, "mount a 4 MB tmpfs");
        try
        {
            string filler = Path.Combine(disk, "filler");
            using (var server = new ServerProcess(TestCenter.Config().ToJsonString(), disk))
            {
                using Client phone = server.NewClient();
                phone.SignIn("7001", "2101", "SEP000000002101");
                phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
                Fill(filler);

                // The log reuses its space for a while; changes go on until it must grow.
                string acknowledged = "READY";
                int refusedAt = -1;
                for (int i = 0; i < 20_000 && refusedAt < 0; i++)
                {
                    string wanted = i % 2 == 0 ? "NOT_READY" : "READY";
                    var (status, body) = phone.Send("PUT", "api/v1/agents/me/state", wanted == "READY" ? "{\"state\":\"READY\"}" : "{\"state\":\"NOT_READY\",\"reasonCode\":1}");
                    if (status == 200)
                    {
                        acknowledged = wanted;
                        continue;
                    }

                    Assert.AreEqual(503, status, body.ToJsonString());
                    Assert.AreEqual("STORAGE_FAILED", (string?)body["error"]!["code"]);
                    refusedAt = i;
                }

                Assert.IsTrue(refusedAt >= 0, "a full disk refuses a change in the end");
                Assert.AreEqual(503, phone.Send("GET", "health").Status);
                Thread.Sleep(1500);   // past a retry: still full, still refusing, still running
                Assert.AreEqual(503, phone.Send("GET", "health").Status);

                File.Delete(filler);
                var watch = Stopwatch.StartNew();
                while (phone.Send("GET", "health").Status != 200 && watch.Elapsed < TimeSpan.FromSeconds(20))
                {
                    Thread.Sleep(100);
                }

                Assert.AreEqual(acknowledged, phone.State(), "room again: service resumed, with every acknowledged change and without the refused one");
                phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":3}");
                server.Kill();
                server.Start();
                Assert.AreEqual("NOT_READY", phone.State());
                server.Kill();
            }

            // A start on a full disk says so and stops, instead of failing at the first change.
            foreach (string file in Directory.GetFiles(disk))
            {
                File.Delete(file);
            }

            File.WriteAllText(Path.Combine(disk, "center.json"), TestCenter.Config().ToJsonString());
            Fill(filler);
            var (exit, output) = AgentPhone.Build.Tests.Repo.Run("dotnet", $"\"{ServerDll}\" --config \"{Path.Combine(disk, "center.json")}\" --port 0 --bind 127.0.0.1", TimeSpan.FromMinutes(1));
            Assert.AreEqual(2, exit, output);
            StringAssert.Contains(output, "Cannot start: ");
        }
        finally
        {
            AgentPhone.Build.Tests.Repo.Run("umount", $"\"{disk}\"", TimeSpan.FromSeconds(30));
            Directory.Delete(disk, recursive: true);
        }
    }

    private static void Fill(string path)
    {
        // Unbuffered, so the write that finds no room throws and nothing is left to flush.
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                f.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static long[] Scalars(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        using SqliteCommand q = c.CreateCommand();
        q.CommandText = sql;
        using SqliteDataReader r = q.ExecuteReader();
        var list = new List<long>();
        while (r.Read())
        {
            list.Add(r.GetInt64(0));
        }

        return [.. list];
    }

    private static void Sql(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        Exec(c, sql);
    }

    private static void Exec(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand q = c.CreateCommand();
        q.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            q.Parameters.AddWithValue(name, value);
        }

        q.ExecuteNonQuery();
    }
}
