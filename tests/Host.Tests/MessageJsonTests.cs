using System.Reflection;
using System.Text.Json.Nodes;
using AgentPhone.Build.Tests;
using AgentPhone.Protocol.Json;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>
/// The device's codec (the messages' own readers and writers) and System.Text.Json must give
/// the same JSON for every message: on the shared fixture files of tests/Fixtures/api, and on
/// every message type with every member set.
/// </summary>
[TestClass]
public sealed class MessageJsonTests
{
    private static readonly IJsonCodec Wire = new WireJson();
    private static readonly IJsonCodec Stj = new SystemTextJsonCodec();

    private static readonly Type[] MessageTypes = typeof(IMessage).Assembly.GetTypes()
        .Where(t => typeof(IMessage).IsAssignableFrom(t) && t.IsClass && t.IsPublic).ToArray();

    public static IEnumerable<object[]> Fixtures() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Fixtures", "api"), "*.json").Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Fixtures), DynamicDataSourceType.Method)]
    public void BothCodecsReadAndWriteTheFixture(string file)
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Fixtures", "api", file));
        Type type = MessageTypes.Single(t => t.Name == file.Split('.')[0]);
        foreach (IJsonCodec reader in new[] { Wire, Stj })
        {
            IMessage read = reader.Read(text, (IMessage)Activator.CreateInstance(type)!);
            foreach (IJsonCodec writer in new[] { Wire, Stj })
            {
                string written = writer.Write(read);
                Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)),
                    $"{file}: read by {reader.GetType().Name}, written by {writer.GetType().Name}:\n{written}");
            }
        }
    }

    [TestMethod]
    public void EveryMessageTypeHasAFixture()
    {
        string[] named = Fixtures().Select(f => ((string)f[0]).Split('.')[0]).Distinct().ToArray();
        string[] nested = ["AgentStatus", "CallInfo", "CallVariable", "ErrorInfo", "EventInfo", "QueueFigures", "ReasonItem", "TeamMember"];
        string[] missing = MessageTypes.Select(t => t.Name).Except(named).Except(nested).ToArray();
        Assert.AreEqual(0, missing.Length, "no fixture for " + string.Join(", ", missing));
    }

    [TestMethod]
    public void EveryMemberOfEveryMessageHasTheSameNameInBothCodecs()
    {
        foreach (Type type in MessageTypes)
        {
            IMessage full = Filled(type, 1);
            string wire = Wire.Write(full);
            string stj = Stj.Write(full);
            Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(wire), JsonNode.Parse(stj)), $"{type.Name}:\nwire {wire}\nstj  {stj}");
            Assert.AreEqual(type.GetFields().Length, JsonNode.Parse(wire)!.AsObject().Count, $"{type.Name}: every field is written: {wire}");
            Assert.AreEqual(wire, Wire.Write(Wire.Read(stj, (IMessage)Activator.CreateInstance(type)!)), type.Name + " read back by the wire codec");
            Assert.AreEqual(stj, Stj.Write(Stj.Read(wire, (IMessage)Activator.CreateInstance(type)!)), type.Name + " read back by System.Text.Json");
        }
    }

    [TestMethod]
    [DataRow("{\"state\":1}", "state: expected a string at character 10.")]
    [DataRow("{\"reasonCode\":\"2\"}", "reasonCode: expected an integer at character 15.")]
    [DataRow("{\"reasonCode\":2.5}", "reasonCode: expected an integer at character 15.")]
    [DataRow("{\"state\":\"READY\"", "expected ',' or '}' at the end.")]
    [DataRow("{\"state\":\"READY\"} x", "unexpected text after the JSON value at character 19.")]
    [DataRow("[]", "expected an object at character 1.")]
    [DataRow("", "expected an object at the end.")]
    [DataRow("{\"state\":\"a\u0001\"}", "state: control character in a string at character 12.")]
    [DataRow("{\"reasonCode\":99999999999}", "reasonCode: number out of range at character 15.")]
    [DataRow("{\"state\":\"READY\",\"state\":\"NOT_READY\"}", "member \"state\" given twice at character 25.")]
    public void BothCodecsRefuseWhatIsNotTheMessage(string body, string wireMessage)
    {
        var wire = Assert.ThrowsException<JsonFormatException>(() => Wire.Read(body, new Protocol.Messages.StateRequest()));
        Assert.AreEqual(wireMessage, wire.Message);
        Assert.ThrowsException<JsonFormatException>(() => Stj.Read(body, new Protocol.Messages.StateRequest()));
    }

    [TestMethod]
    public void UnknownMembersAreSkippedWhateverTheyHold()
    {
        string body = "{\"x\":{\"a\":[1,-2.5e3,true,null,{\"b\":\"\\u00e9\\n\"}]},\"state\":\"READY\",\"y\":[[],[[]]],\"reasonCode\":3}";
        foreach (IJsonCodec codec in new[] { Wire, Stj })
        {
            var m = (Protocol.Messages.StateRequest)codec.Read(body, new Protocol.Messages.StateRequest());
            Assert.AreEqual("READY", m.State);
            Assert.AreEqual(3, m.ReasonCode);
        }
    }

    [TestMethod]
    public void AMemberGivenTwiceIsRefusedOnlyWithinOneObject()
    {
        var e = Assert.ThrowsException<JsonFormatException>(() => Wire.Read("{\"x\":1,\"state\":\"READY\",\"x\":2}", new Protocol.Messages.StateRequest()));
        StringAssert.Contains(e.Message, "member \"x\" given twice");
        string nested = "{\"queue\":\"Support\",\"ani\":\"2301\",\"variables\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]}";
        foreach (IJsonCodec codec in new[] { Wire, Stj })
        {
            var call = (Protocol.Messages.OfferCallRequest)codec.Read(nested, new Protocol.Messages.OfferCallRequest());
            Assert.AreEqual(2, call.Variables.Length, "the same names in sibling objects are no repeat");
        }
    }

    [TestMethod]
    public void NestingBeyondSixteenLevelsIsRefused()
    {
        string deep = "{\"x\":" + new string('[', 20) + new string(']', 20) + "}";
        var e = Assert.ThrowsException<JsonFormatException>(() => Wire.Read(deep, new Protocol.Messages.StateRequest()));
        StringAssert.Contains(e.Message, "nested too deeply");
    }

    // A message with every field set to a value unique to it (nested messages and arrays too).
    private static IMessage Filled(Type type, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type)!;
        int n = 0;
        foreach (FieldInfo f in type.GetFields())
        {
            n++;
            object value = f.FieldType switch
            {
                var t when t == typeof(string) => $"{f.Name} \"{n}\" é\t",
                var t when t == typeof(int) => n,
                var t when t == typeof(long) => 10_000_000_000L + n,
                var t when t == typeof(bool) => true,
                var t when t == typeof(string[]) => new[] { "a" + n, "b" + n },
                var t when t.IsArray => Array(t.GetElementType()!, depth),
                var t => Filled(t, depth + 1),
            };
            f.SetValue(message, value);
        }

        return message;
    }

    private static Array Array(Type element, int depth)
    {
        Array array = System.Array.CreateInstance(element, 2);
        array.SetValue(Filled(element, depth + 1), 0);
        array.SetValue(Filled(element, depth + 1), 1);
        return array;
    }
}
