using System.IO;
using System.Net;
using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Server.Api;

namespace AgentPhone.Server.Listener
{
    /// <summary>
    /// One HTTP exchange of the API through the shared <see cref="ApiService"/>. It touches only
    /// the HttpListener members nanoFramework and .NET share by name and type, so this very file
    /// serves the single-agent demo on the device and is compiled into the host's listener too,
    /// where the tests run it over loopback.
    /// </summary>
    public static class ListenerExchange
    {
        public const string JsonContentType = "application/json; charset=utf-8";

        /// <summary>Reads the request, lets the service answer it, writes the answer and closes
        /// the response. A body longer than <paramref name="maxBodyBytes"/> is not read.</summary>
        public static void Serve(HttpListenerContext context, ApiService service, int maxBodyBytes)
        {
            HttpListenerRequest http = context.Request;
            ApiRequest request = new ApiRequest();
            request.Method = http.HttpMethod;
            request.Authorization = http.Headers[Routes.AuthorizationHeader];
            request.ApiKey = http.Headers[Routes.ApiKeyHeader];
            request.SetUrl(http.RawUrl);

            // Both listeners report -1 for an unknown length; a chunked body is not read.
            long length = http.ContentLength64;
            if (length > maxBodyBytes)
            {
                request.BodyTooLarge = true;
            }
            else if (length > 0)
            {
                request.Body = ReadBody(http.InputStream, (int)length);
            }

            ApiResponse response = new ApiResponse();
            service.Serve(request, response);

            byte[] body = Encoding.UTF8.GetBytes(response.Body == null ? string.Empty : response.Body);
            HttpListenerResponse answer = context.Response;
            answer.StatusCode = response.Status;
            answer.ContentType = JsonContentType;
            answer.ContentLength64 = body.Length;
            answer.OutputStream.Write(body, 0, body.Length);
            answer.Close();
        }

        private static string ReadBody(Stream input, int length)
        {
            byte[] bytes = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = input.Read(bytes, read, length - read);
                if (n <= 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(bytes, 0, read);
        }
    }
}
