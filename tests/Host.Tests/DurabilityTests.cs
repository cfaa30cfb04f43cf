using System.Diagnostics;
using System.Text.RegularExpressions;
using AgentPhone.Build.Tests;

namespace AgentPhone.Host.Tests;

/// <summary>
/// Where a change is when its answer leaves, read from the server's own system calls (strace):
/// by default the journal writer syncs the write-ahead log after writing the change and before
/// the answer is sent, so a power cut cannot take back what a phone was told; with
/// <c>--durability process</c> it does not.
/// </summary>
[TestClass]
public sealed class DurabilityTests
{
    [TestMethod]
    [DataRow(null, true, DisplayName = "default: on the disk before the answer")]
    [DataRow("process", false, DisplayName = "--durability process: handed to the OS only")]
    public void AnAnswerLeavesOnlyOnceItsChangeIsWhereTheSettingPromises(string? durability, bool synced)
    {
        string strace = DebianPackages.Require("strace", "/usr/bin/strace");
        using var server = new ServerProcess(TestCenter.Config().ToJsonString(), null, durability == null ? [] : ["--durability", durability]);
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");

        string log = Path.Combine(server.Folder, "syscalls.log");
        var start = new ProcessStartInfo(strace)
        {
            RedirectStandardError = true,
            ArgumentList = { "-f", "-y", "-s", "24", "-e", "trace=pwrite64,write,writev,fsync,fdatasync,sendto,sendmsg", "-o", log, "-p", server.ProcessId.ToString() },
        };
        using Process tracer = Process.Start(start)!;
        // Every thread is attached before strace says so.
        string? said;
        while ((said = tracer.StandardError.ReadLine()) != null && !said.Contains("attached", StringComparison.Ordinal))
        {
        }

        Assert.IsNotNull(said, "strace attached to the server");
        Task<string> rest = tracer.StandardError.ReadToEndAsync();
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        Signals.Terminate(tracer.Id);
        Assert.IsTrue(tracer.WaitForExit(30_000), "strace detaches");
        rest.Wait(TimeSpan.FromSeconds(10));

        SyscallOrder order = SyscallOrder.Read(File.ReadAllLines(log));
        Assert.IsTrue(order.AnswerLine >= 0, "the answer's send was traced:\n" + order.Tail);
        Assert.IsTrue(order.WriteLine >= 0, "the change was written to the write-ahead log before its answer:\n" + order.Tail);
        Assert.AreEqual(synced, order.SyncedBetween, (synced
            ? "the writer syncs the write-ahead log after writing the change, before the answer leaves"
            : "with --durability process the writer does not sync the log before the answer") + ":\n" + order.Tail);
    }

    /// <summary>From an strace log: the last "HTTP/1.1 200" sent, the last write to the -wal before
    /// it, and whether the thread that wrote it finished an fsync or fdatasync of the -wal in between.</summary>
    private sealed record SyscallOrder(int AnswerLine, int WriteLine, bool SyncedBetween, string Tail)
    {
        private static readonly Regex Call = new(@"^(?<tid>\d+)\s+(?<name>\w+)\((?<fd>\d+)<(?<file>[^>]*)>(?<rest>.*)$");
        private static readonly Regex Resumed = new(@"^(?<tid>\d+)\s+<\.\.\. (?<name>\w+) resumed>.*= 0$");

        public static SyscallOrder Read(string[] lines)
        {
            int answer = Array.FindLastIndex(lines, l => Call.Match(l) is { Success: true } m
                && m.Groups["name"].Value is "sendto" or "sendmsg" or "write" or "writev"
                && m.Groups["file"].Value.StartsWith("socket:", StringComparison.Ordinal)
                && m.Groups["rest"].Value.Contains("HTTP/1.1 200", StringComparison.Ordinal));
            int write = answer < 0 ? -1 : Array.FindLastIndex(lines, answer, l => Call.Match(l) is { Success: true } m
                && m.Groups["name"].Value == "pwrite64" && m.Groups["file"].Value.EndsWith("-wal", StringComparison.Ordinal));
            bool synced = false;
            if (write >= 0)
            {
                string writer = Call.Match(lines[write]).Groups["tid"].Value;
                bool pending = false;   // the writer's sync of the -wal, started and not yet finished
                for (int i = write + 1; i < answer && !synced; i++)
                {
                    if (Call.Match(lines[i]) is { Success: true } m && m.Groups["tid"].Value == writer
                        && m.Groups["name"].Value is "fsync" or "fdatasync" && m.Groups["file"].Value.EndsWith("-wal", StringComparison.Ordinal))
                    {
                        synced = m.Groups["rest"].Value.EndsWith("= 0", StringComparison.Ordinal);
                        pending = m.Groups["rest"].Value.Contains("<unfinished", StringComparison.Ordinal);
                    }
                    else if (pending && Resumed.Match(lines[i]) is { Success: true } r && r.Groups["tid"].Value == writer)
                    {
                        synced = true;
                    }
                }
            }

            string tail = string.Join('\n', lines.Where(l => !l.Contains("<pipe:", StringComparison.Ordinal) && !l.Contains("anon_inode", StringComparison.Ordinal)).TakeLast(30));
            return new SyscallOrder(answer, write, synced, tail);
        }
    }
}
