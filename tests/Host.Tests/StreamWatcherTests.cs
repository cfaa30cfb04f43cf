using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>
/// Long-polls that wait outside the center (a cluster node's): a poll with nothing yet is
/// answered at once with what to wait on, and its node hears of a commit only when it changed a
/// stream the node waits on, once, until the node waits there again.
/// </summary>
[TestClass]
public sealed class StreamWatcherTests
{
    [TestMethod]
    public void ANodeHearsOnlyOfTheStreamsItWaitsOnAndOncePerWait()
    {
        string folder = Directory.CreateTempSubdirectory("agentserver-watch-").FullName;
        string config = Path.Combine(folder, "center.json");
        File.WriteAllText(config, TestCenter.Config().ToJsonString());
        var nodeA = new Node("A");
        var nodeB = new Node("B");
        using (var center = new CenterHost(config, Path.Combine(folder, "center.db")))
        {
            string ada = SignIn(center, "7001", "2101");
            string alan = SignIn(center, "7002", "2102");

            // Node A waits on Ada's stream: answered at once, no events, the stream named.
            long adaSeq = LastSeq(center, ada);
            ApiResponse waiting = Poll(center, ada, adaSeq, nodeA);
            Assert.IsTrue(waiting.Waiting, "nothing new: the node is told what to wait on");
            Assert.IsNull(waiting.Body);
            Assert.AreEqual(adaSeq, waiting.WaitAfterSeq);
            string adaStream = CenterHost.StreamKey(waiting.WaitStream);

            // Alan's change tells no node; Ada's tells node A, with her stream's new last number.
            Assert.AreEqual(200, Ready(center, alan).Status);
            Assert.AreEqual(200, Ready(center, ada).Status);
            Assert.IsTrue(SpinWait.SpinUntil(() => nodeA.Heard.Count == 1, TimeSpan.FromSeconds(10)), "node A hears of Ada's change");
            (string[] streams, long[] lastSeqs) = nodeA.Heard.Single();
            CollectionAssert.AreEqual(new[] { adaStream }, streams, "only the stream it waits on");
            Assert.AreEqual(LastSeq(center, ada), lastSeqs[0]);
            Assert.IsTrue(lastSeqs[0] > adaSeq);

            // Node A was let go of the stream: Ada's next change is heard by node B, which waits
            // on it now, and not by A again.
            Poll(center, ada, LastSeq(center, ada), nodeB);
            Assert.AreEqual(200, NotReady(center, ada).Status);
            Assert.IsTrue(SpinWait.SpinUntil(() => nodeB.Heard.Count == 1, TimeSpan.FromSeconds(10)), "node B hears of Ada's next change");
            Assert.AreEqual(1, nodeA.Heard.Count, "node A, no longer waiting, hears nothing more");

            // A poll that asks again after its wait (it may not wait) is not noted.
            var asked = Request("GET", "/api/v1/agents/me/events", ada, query: $"after={LastSeq(center, ada)}&wait=25");
            asked.MayWait = false;
            ApiResponse again = center.ServeAsync(asked, CancellationToken.None, nodeA).Result;
            Assert.IsFalse(again.Waiting);
            Assert.AreEqual(0, JsonNode.Parse(again.Body!)!["events"]!.AsArray().Count);
            Assert.AreEqual(200, Ready(center, ada).Status);
            Poll(center, ada, LastSeq(center, ada), nodeB);
            Assert.AreEqual(200, NotReady(center, ada).Status);
            Assert.IsTrue(SpinWait.SpinUntil(() => nodeB.Heard.Count == 2, TimeSpan.FromSeconds(10)), "node B hears of the change it waited for");
            Assert.AreEqual(1, nodeA.Heard.Count, "node A heard nothing of the change after it asked again");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A node's long-polls: what the center told them.</summary>
    private sealed record Node(string Name) : IStreamWatcher
    {
        public ConcurrentQueue<(string[] Streams, long[] LastSeqs)> Heard { get; } = new();

        public void Committed(string[] streams, long[] lastSeqs) => Heard.Enqueue((streams, lastSeqs));
    }

    private static ApiRequest Request(string method, string path, string? token, string? body = null, string? query = null) => new()
    {
        Method = method,
        Path = path,
        Query = query,
        Body = body,
        Authorization = token == null ? null : Routes.BearerPrefix + token,
        MayWait = true,
        ClientAddress = "127.0.0.1",
    };

    private static ApiResponse Serve(CenterHost center, ApiRequest request) => center.ServeAsync(request, CancellationToken.None).Result;

    private static string SignIn(CenterHost center, string agent, string extension)
    {
        ApiResponse r = Serve(center, Request("POST", Routes.SignIn, null,
            $"{{\"agentId\":\"{agent}\",\"password\":\"1234\",\"extension\":\"{extension}\",\"device\":\"SEP00000000{extension}\"}}"));
        Assert.AreEqual(200, r.Status, r.Body);
        return (string)JsonNode.Parse(r.Body!)!["token"]!;
    }

    private static ApiResponse Ready(CenterHost center, string token) =>
        Serve(center, Request("PUT", "/api/v1/agents/me/state", token, "{\"state\":\"READY\"}"));

    private static ApiResponse NotReady(CenterHost center, string token) =>
        Serve(center, Request("PUT", "/api/v1/agents/me/state", token, "{\"state\":\"NOT_READY\"}"));

    private static long LastSeq(CenterHost center, string token)
    {
        ApiResponse r = Serve(center, Request("GET", "/api/v1/agents/me/events", token, query: "after=0&wait=0"));
        Assert.AreEqual(200, r.Status, r.Body);
        return (long)JsonNode.Parse(r.Body!)!["lastSeq"]!;
    }

    private static ApiResponse Poll(CenterHost center, string token, long after, IStreamWatcher node)
    {
        ApiResponse r = center.ServeAsync(Request("GET", "/api/v1/agents/me/events", token, query: $"after={after}&wait=25"), CancellationToken.None, node).Result;
        Assert.IsTrue(r.Waiting, r.Body);
        return r;
    }
}
