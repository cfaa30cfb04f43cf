// Reference declarations of nanoFramework.System.Net.Http 1.5 (assembly System.Net.Http, client
// and server; the .Client and .Server packages ship the same assembly name, so a project that
// needs both references this one). nanoFramework's HttpListener is built with a scheme and a port instead of
// .NET's Prefixes collection; the context, request and response members used here carry the
// same names and types as .NET's.

namespace System.Net
{
    public class HttpListener
    {
        public HttpListener(string prefix, int port) { }
        public void Start() { }
        public void Stop() { }
        public void Close() { }
        public bool IsListening => throw null;
        public HttpListenerContext GetContext() => throw null;
    }

    public class HttpListenerContext
    {
        public HttpListenerRequest Request => throw null;
        public HttpListenerResponse Response => throw null;
    }

    public class HttpListenerRequest
    {
        public string HttpMethod => throw null;
        public string RawUrl => throw null;
        public long ContentLength64 => throw null;
        public WebHeaderCollection Headers => throw null;
        public System.IO.Stream InputStream => throw null;
    }

    public sealed class HttpListenerResponse : IDisposable
    {
        public int StatusCode { get => throw null; set { } }
        public string ContentType { get => throw null; set { } }
        public long ContentLength64 { get => throw null; set { } }
        public System.IO.Stream OutputStream => throw null;
        public void Close() { }
        void IDisposable.Dispose() { }
    }

    public class WebHeaderCollection
    {
        public string this[string name] { get => throw null; set { } }
    }
}

namespace System.Net
{
    /// <summary>Only the members AgentPhone names; responses carry any code as this type.</summary>
    public enum HttpStatusCode
    {
        OK = 200,
        Created = 201
    }
}

namespace System.Net.Http
{
    /// <summary>nanoFramework's client: synchronous Send; Timeout can be set only before the first request.</summary>
    public class HttpClient : HttpMessageInvoker
    {
        public HttpClient() { }
        public TimeSpan Timeout { get => throw null; set { } }
        public HttpResponseMessage Send(HttpRequestMessage request, HttpCompletionOption completionOption) => throw null;
    }

    public class HttpMessageInvoker : IDisposable
    {
        public virtual HttpResponseMessage Send(HttpRequestMessage request) => throw null;
        public void Dispose() { }
    }

    public enum HttpCompletionOption
    {
        ResponseContentRead = 0,
        ResponseHeadersRead = 1
    }

    public class HttpMethod
    {
        public HttpMethod(string method) { }
        public static HttpMethod Get => throw null;
        public static HttpMethod Put => throw null;
        public static HttpMethod Post => throw null;
        public static HttpMethod Delete => throw null;
    }

    public class HttpRequestMessage : IDisposable
    {
        public HttpRequestMessage(HttpMethod method, string requestUri) { }
        public Headers.HttpRequestHeaders Headers => throw null;
        public HttpContent Content { get => throw null; set { } }
        public void Dispose() { }
    }

    public class HttpResponseMessage : IDisposable
    {
        public HttpStatusCode StatusCode => throw null;
        public HttpContent Content { get => throw null; set { } }
        public void Dispose() { }
    }

    public abstract class HttpContent : IDisposable
    {
        public string ReadAsString() => throw null;
        public void Dispose() { }
    }

    public class ByteArrayContent : HttpContent
    {
        public ByteArrayContent(byte[] content) { }
    }

    public class StringContent : ByteArrayContent
    {
        public StringContent(string content, System.Text.Encoding encoding, string mediaType) : base(null) { }
    }
}

namespace System.Net.Http.Headers
{
    public abstract class HttpHeaders
    {
        public void Add(string name, string value) { }
    }

    public sealed class HttpRequestHeaders : HttpHeaders
    {
    }
}
