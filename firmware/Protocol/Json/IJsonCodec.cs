namespace AgentPhone.Protocol.Json
{
    /// <summary>
    /// Turns messages into JSON bodies and back. The device uses <see cref="WireJson"/>; the PC
    /// server plugs in System.Text.Json. Both must give the same JSON for the same message, which
    /// the fixture tests check.
    /// </summary>
    public interface IJsonCodec
    {
        string Write(IMessage message);

        /// <summary>Reads a body into a message of <paramref name="into"/>'s type and returns it
        /// (<paramref name="into"/> itself, or a new instance). Throws
        /// <see cref="JsonFormatException"/> for anything that is not that message.</summary>
        IMessage Read(string json, IMessage into);
    }

    /// <summary>The codec of this assembly's reader and writer. Keeps one writer: use it from one
    /// thread at a time (the server's request handling runs under its lock).</summary>
    public sealed class WireJson : IJsonCodec
    {
        private readonly JsonWriter _writer = new JsonWriter();

        public string Write(IMessage message)
        {
            _writer.Reset();
            _writer.Message(message);
            return _writer.ToString();
        }

        public IMessage Read(string json, IMessage into)
        {
            JsonReader.Read(json, into);
            return into;
        }
    }
}
