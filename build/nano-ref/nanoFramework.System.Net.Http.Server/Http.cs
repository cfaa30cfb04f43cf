// Reference declarations of nanoFramework.System.Net.Http.Server 1.5 (assembly System.Net.Http,
// server API only). nanoFramework's HttpListener is built with a scheme and a port instead of
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
