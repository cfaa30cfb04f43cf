// Mirrors nanoframework/System.Net.Http at tag v1.5.207 (package nanoFramework.System.Net.Http
// 1.5.207, assembly System.Net.Http: client and server; the .Client and .Server packages ship the
// same assembly name with half the API each, so a project that needs both references this one).
// nanoFramework's HttpListener is built with a scheme and a port instead of .NET's Prefixes
// collection; the context, request and response members used here carry .NET's names and types.

namespace System.Net
{
    public class HttpListener
    {
        public HttpListener(string prefix) { }
        public HttpListener(string prefix, int port, IPAddress localEndpointIP = null) { }
        public void Start() { }
        public void Stop() { }
        public void Close() { }
        public bool IsListening => throw null;
        public HttpListenerContext GetContext() => throw null;
    }

    public class HttpListenerContext
    {
        internal HttpListenerContext() { }
        public HttpListenerRequest Request => throw null;
        public HttpListenerResponse Response => throw null;
    }

    public class HttpListenerRequest
    {
        internal HttpListenerRequest() { }
        public string HttpMethod => throw null;
        public string RawUrl => throw null;
        public long ContentLength64 => throw null;
        public WebHeaderCollection Headers => throw null;
        public System.IO.Stream InputStream => throw null;
    }

    public sealed class HttpListenerResponse : IDisposable
    {
        internal HttpListenerResponse() { }
        public int StatusCode { get => throw null; set { } }
        public string ContentType { get => throw null; set { } }
        public long ContentLength64 { get => throw null; set { } }
        public System.IO.Stream OutputStream => throw null;
        public void Close() { }
        void IDisposable.Dispose() { }
    }

    public class WebHeaderCollection
    {
        public string this[string header] => throw null;
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
    /// <summary>nanoFramework's client: synchronous Send. In this version nothing locks Timeout
    /// once a request was sent (the check exists but is never armed), so it can be set before each
    /// request; the handler it configures is shared, so one client serves one request at a time.</summary>
    public class HttpClient : HttpMessageInvoker
    {
        public HttpClient() : base(null) { }
        public TimeSpan Timeout { get => throw null; set { } }
        public System.Security.Cryptography.X509Certificates.X509Certificate HttpsAuthentCert { get => throw null; set { } }
        public HttpResponseMessage Send(HttpRequestMessage request, HttpCompletionOption completionOption) => throw null;
    }

    public abstract class HttpMessageHandler : IDisposable
    {
        protected internal abstract HttpResponseMessage Send(HttpRequestMessage request);
        public void Dispose() { }
    }

    public class HttpMessageInvoker : IDisposable
    {
        public HttpMessageInvoker(HttpMessageHandler handler) { }
        public HttpMessageInvoker(HttpMessageHandler handler, bool disposeHandler) { }
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
        internal HttpRequestHeaders() { }
    }
}
