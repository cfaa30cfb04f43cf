using System.Text.Json;
using AgentPhone.Protocol.Json;

namespace AgentPhone.ServerHost;

/// <summary>
/// The PC's codec: System.Text.Json over the same message classes, mapping their fields by
/// camel-cased name and leaving nulls out, which is what the messages' own readers and writers
/// do on the device (the fixture tests hold both to the same JSON).
/// </summary>
public sealed class SystemTextJsonCodec : IJsonCodec
{
    public static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A member given twice is ambiguous (which one did the client mean?), so it is refused.
        AllowDuplicateProperties = false,
    };

    public string Write(IMessage message) => JsonSerializer.Serialize(message, message.GetType(), Options);

    public IMessage Read(string json, IMessage into)
    {
        try
        {
            return JsonSerializer.Deserialize(json, into.GetType(), Options) as IMessage
                ?? throw new JsonFormatException("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new JsonFormatException(Describe(e));
        }
    }

    private static string Describe(JsonException e)
    {
        string where = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') + ": " : string.Empty;
        return where + "not the JSON this route expects" + (e.BytePositionInLine is long at ? " at character " + (at + 1) : string.Empty) + ".";
    }
}
