namespace AgentPhone.Protocol.Json
{
    /// <summary>
    /// A wire message (request or response body) that reads and writes itself, member by member,
    /// with the names the API documents. No reflection: the device reads a body without building
    /// a tree, and the host's serializer, which maps the same classes by their field names,
    /// is checked against these methods on shared fixture files.
    /// </summary>
    public interface IMessage
    {
        /// <summary>Writes the members (the writer has opened the object).</summary>
        void WriteMembers(JsonWriter writer);

        /// <summary>Reads the value of member <paramref name="name"/>; unknown members are skipped
        /// with <see cref="JsonReader.Skip"/>.</summary>
        void ReadMember(string name, JsonReader reader);
    }

    /// <summary>Makes an empty message for each element of an array being read.</summary>
    public delegate IMessage MessageFactory();

    /// <summary>A body that is not JSON, or not the JSON a message expects.</summary>
    public class JsonFormatException : System.Exception
    {
        public JsonFormatException(string message)
            : base(message)
        {
        }
    }
}
