using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Server;
using AgentPhone.Server.Api;

namespace AgentPhone.Device
{
    /// <summary>
    /// The single-agent demo the device can serve itself: agent 7001 (password 1234) at
    /// extension 2101 in queue Support (10 s wrap-up), the demo reason codes, and this phone
    /// provisioned for 7001 so sign-in asks only the password (the phone presents
    /// <see cref="DeviceSecret"/> to read its profile). A held ANSWER key offers a call
    /// to the queue through the same PBX route a real PBX uses.
    /// </summary>
    public sealed class DemoCenter
    {
        public const string ApiKey = "demo-pbx-key";
        public const string AgentId = "7001";
        public const string Extension = "2101";
        public const string Queue = "Support";

        // Callers the demo cycles through: number and first name.
        private static readonly string[] Callers = { "2301", "Ada", "2302", "Grace", "2303", "Alan", "2304", "Barbara" };

        private readonly ApiService _service;
        private int _next;

        public DemoCenter(IClock clock, ITokenSource tokens, string deviceName)
        {
            AgentServer server = new AgentServer(clock, new PlainSecrets(), null);
            Queue support = new Queue(null, Queue, Strategy.Linear);
            support.WrapUpSeconds = 10;
            server.AddQueue(support);
            Agent agent = new Agent(null, AgentId, "Demo Agent");
            agent.PasswordSecret = "1234";
            agent.HomeExtension = Extension;
            server.AddAgent(agent);
            server.AddToQueue(agent, support, 1);
            ReasonCatalog reasons = server.Reasons(null);
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 1, "Break", null));
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 2, "Lunch", null));
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 3, "Meeting", null));
            reasons.Add(new ReasonCode(ReasonKind.NotReady, 4, "Training", null));
            reasons.Add(new ReasonCode(ReasonKind.Logout, 1, "End of shift", null));
            DeviceSecret = tokens.NewToken();
            server.SetDevice(new DeviceProfile(deviceName, null, AgentId, Extension, false, DeviceSecret));

            ApiOptions options = new ApiOptions();
            options.SetPbxKey(null, ApiKey);
            _service = new ApiService(server, new ApiHandler(server, new WireJson(), tokens, options));
        }

        /// <summary>The secret the demo's own phone presents (made at each start).</summary>
        public string DeviceSecret { get; private set; }

        public ApiService Service
        {
            get { return _service; }
        }

        /// <summary>Offers the next demo caller to the queue; the HTTP status of the PBX route (201 when offered).</summary>
        public int OfferCall()
        {
            string ani = Callers[_next];
            string name = Callers[_next + 1];
            _next = (_next + 2) % Callers.Length;

            ApiRequest request = new ApiRequest();
            request.Method = Methods.Post;
            request.SetUrl(Routes.Calls);
            request.ApiKey = ApiKey;
            request.Body = "{\"queue\":\"" + Queue + "\",\"ani\":\"" + ani + "\",\"dnis\":\"" + Extension
                + "\",\"variables\":[{\"name\":\"FirstName\",\"value\":\"" + name + "\"}]}";
            ApiResponse response = new ApiResponse();
            _service.Serve(request, response);
            return response.Status;
        }
    }
}
