using System.Net;
using System.Net.Sockets;

namespace AgentPhone.Host.Tests;

/// <summary>
/// A flood of connections beyond the process's open-file limit: the server started under
/// <c>ulimit -n 512</c> with 700 connections opened at it from one address stays up, keeps
/// serving the phone signed in before, admits other addresses, logs the refusal, and takes the
/// flooding address's connections again once they close.
/// </summary>
[TestClass]
public sealed class ConnectionFloodTests
{
    private const int Limit = 512;
    private const int Flood = 700;

    [TestMethod]
    public void AServerUnderUlimit512OutlivesSevenHundredConnections()
    {
        using var server = new ServerProcess(TestCenter.Config().ToJsonString(), null, Limit);
        var said = new System.Text.RegularExpressions.Regex($@"Connections: up to (\d+) at once, (\d+) from one address \(open-file limit {Limit}");
        Assert.IsTrue(SpinWait.SpinUntil(() => said.IsMatch(server.Output), TimeSpan.FromSeconds(30)), "the start says what the limit leaves room for:\n" + server.Output);
        var room = said.Match(server.Output);
        int total = int.Parse(room.Groups[1].Value);
        Assert.IsTrue(total is > 16 and < Limit - AgentPhone.ServerHost.ConnectionLimits.Margin, $"room for {total} of {Limit}: what the server holds and a margin stay free");
        Assert.AreEqual(total / 4 * 3, int.Parse(room.Groups[2].Value));
        using Client phone = server.NewClient();
        phone.SignIn("7001", "2101", "SEP000000002101");

        var flood = new List<Socket>();
        try
        {
            // From 127.0.0.2, so this address is the flood's and 127.0.0.1 is everyone else.
            for (int i = 0; i < Flood; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                flood.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                Task connected = socket.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
                // A connection the server refused may be reset before the connect completes.
                Assert.IsTrue(((IAsyncResult)connected).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), $"connection {i} is taken or refused, not left hanging");
            }

            Assert.IsTrue(SpinWait.SpinUntil(() => server.Output.Contains("Refused ", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
                "the refusal is logged:\n" + server.Output);
            StringAssert.Contains(server.Output, "from 127.0.0.2 of at most " + total / 4 * 3);

            // The phone signed in before carries on, and another address still gets in.
            Assert.AreEqual("READY", (string?)phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}")["state"]);
            using (Client desk = server.NewClient())
            {
                desk.SignIn("7002", "2102", "DESK");
                Assert.AreEqual("NOT_READY", desk.State());
            }

            Assert.IsTrue(flood.Count(Closed) >= Flood - total / 4 * 3, "the connections beyond the address's share were closed");
        }
        finally
        {
            foreach (Socket socket in flood)
            {
                socket.Dispose();
            }
        }

        // Once they close, the flooding address is served like any other.
        Assert.IsTrue(SpinWait.SpinUntil(() => HealthFrom("127.0.0.2", server.BaseAddress.Port) == 200, TimeSpan.FromSeconds(30)), "127.0.0.2 is served again:\n" + server.Output);
        Assert.AreEqual("READY", phone.State());
        StringAssert.DoesNotMatch(server.Output, new System.Text.RegularExpressions.Regex("Out of memory|Unhandled exception"));
    }

    // A connection the server closed reads as ended (0 bytes) or reset.
    private static bool Closed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Receive(new byte[1]) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static int HealthFrom(string address, int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            socket.Connect(IPAddress.Loopback, port);
            socket.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"u8);
            var head = new byte[12];
            int read = 0;
            while (read < head.Length && socket.Receive(head, read, head.Length - read, SocketFlags.None) is int n and > 0)
            {
                read += n;
            }

            return read == head.Length ? int.Parse(System.Text.Encoding.ASCII.GetString(head, 9, 3)) : 0;
        }
        catch (SocketException)
        {
            return 0;
        }
    }
}
