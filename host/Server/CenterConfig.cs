using System.Text.Json;
using System.Text.Json.Nodes;
using AgentPhone.Protocol;
using AgentPhone.Server;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost;

/// <summary>
/// The contact center as one JSON file: tenants' teams, queues, layouts, agents, stations, reason
/// codes and phones. Passwords and PINs are Argon2id or PBKDF2 hashes (<see cref="PasswordHashes"/>); keys may be written as they are or as
/// their SHA-256 (<see cref="Hashes"/>), and are journaled only as the latter. Loaded
/// at start; a reload adds what is new and updates what may change (secrets, wrap-up times, ring
/// timeouts, phones), never removes.
/// </summary>
public sealed class CenterConfig
{
    /// <summary>The PBX key of the default tenant.</summary>
    public string? ApiKey { get; set; }
    /// <summary>PBX keys of other tenants (or of the default one, instead of <see cref="ApiKey"/>).</summary>
    public List<PbxKeyConfig> PbxKeys { get; set; } = [];
    /// <summary>The key of the administration routes; none closes them.</summary>
    public string? AdminKey { get; set; }
    public ApiSettings Api { get; set; } = new();
    public CoreSettings Core { get; set; } = new();
    public List<TeamConfig> Teams { get; set; } = [];
    public List<LayoutConfig> Layouts { get; set; } = [];
    public List<QueueConfig> Queues { get; set; } = [];
    public List<AgentConfig> Agents { get; set; } = [];
    public List<StationConfig> Stations { get; set; } = [];
    public List<ReasonConfig> Reasons { get; set; } = [];
    /// <summary>Reason kinds (NOT_READY, LOGOUT, WRAP_UP) that must be given.</summary>
    public List<string> RequireReasons { get; set; } = [];
    public List<DeviceConfig> Devices { get; set; } = [];

    public sealed class ApiSettings
    {
        public List<string> Servers { get; set; } = [];
        public int StatsPollSeconds { get; set; } = 15;
        public int EventWaitSeconds { get; set; } = 25;
        public string? DefaultLayout { get; set; }
        public int MaxBodyChars { get; set; } = 16384;
        public int SignInsPerSecondPerAddress { get; set; } = 10;
    }

    public sealed class CoreSettings
    {
        public int EventsPerStream { get; set; } = 256;
        public int DirectRingTimeoutSeconds { get; set; } = 30;
        public int MaxFailedSignIns { get; set; } = 5;
        public int LockoutSeconds { get; set; } = 300;
        /// <summary>The scheme of new hashes, <c>argon2id</c> or <c>pbkdf2-sha256</c>, at the cost
        /// below; a stored hash of another scheme or a lower cost is made again at the agent's next
        /// good sign-in.</summary>
        public string HashScheme { get; set; } = HashCost.Default.Scheme;
        /// <summary>Argon2id's memory per check, in KiB.</summary>
        public int HashMemoryKiB { get; set; } = HashCost.Default.MemoryKiB;
        /// <summary>Argon2id's passes over that memory.</summary>
        public int HashPasses { get; set; } = HashCost.Default.Passes;
        /// <summary>PBKDF2-SHA256's iterations.</summary>
        public int HashIterations { get; set; } = HashCost.DefaultIterations;

        /// <summary>The cost new and upgraded hashes get.</summary>
        public HashCost CostInForce() => HashScheme == HashCost.Pbkdf2 ? HashCost.Pbkdf2At(HashIterations) : HashCost.Argon(HashMemoryKiB, HashPasses);
    }

    public sealed record PbxKeyConfig(string Key, string? Tenant = null);

    public sealed record TeamConfig(string Name, string? Tenant = null);

    public sealed record LayoutConfig(string Name, List<string>? Variables = null, List<string>? Labels = null);

    public sealed record QueueConfig(string Name, string? Tenant = null, string Strategy = "LONGEST_AVAILABLE",
        int WrapUpSeconds = 0, int RingTimeoutSeconds = 15, int ServiceLevelSeconds = 20, string? Layout = null);

    public sealed record Membership(string Name, int Priority = 1);

    public sealed record AgentConfig(string Id, string Name, string? Tenant = null, string? Password = null, string? Pin = null,
        string? Extension = null, string? Team = null, string Role = AgentPhone.Protocol.AgentRoles.Agent, string? Supervises = null,
        int? WrapUpSeconds = null, bool MayEndWrapUpEarly = false, List<Membership>? Queues = null);

    public sealed record StationConfig(string Extension, string? Tenant = null, bool ForcedLogin = false);

    public sealed record ReasonConfig(string Kind, int Code, string Label, string? Tenant = null, string? Team = null);

    /// <summary>A phone's One Button Sign In profile; <see cref="Secret"/> (as written or as its
    /// SHA-256) is what the phone presents, needed once the profile names an agent.</summary>
    public sealed record DeviceConfig(string Name, string? Tenant = null, string? AgentId = null, string? Extension = null,
        bool PasswordStored = false, string? Secret = null);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // The keys and device secrets the README gives for the demo center: anyone may present them.
    private static readonly string[] Published = ["demo-pbx-key", "demo-admin-key", "demo-device-2101", "demo-device-2102"];

    /// <summary>Which of this configuration's keys and device secrets are the demo's published
    /// ones (named as the file names them), written in clear or as their hash.</summary>
    public List<string> PublishedKeys()
    {
        HashSet<string> published = Published.Select(Hashes.Of).ToHashSet();
        bool Is(string? key) => key != null && published.Contains(Hashes.Stored(key));
        var found = new List<string>();
        if (Is(ApiKey))
        {
            found.Add("apiKey");
        }

        if (Is(AdminKey))
        {
            found.Add("adminKey");
        }

        found.AddRange(PbxKeys.Where(k => Is(k.Key)).Select(k => $"pbxKeys[{k.Tenant}]"));
        found.AddRange(Devices.Where(d => Is(d.Secret)).Select(d => $"devices[{d.Name}].secret"));
        return found;
    }

    public static CenterConfig Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CenterConfig>(json, JsonOptions) ?? throw new ConfigException("The configuration is empty.");
        }
        catch (JsonException e)
        {
            throw new ConfigException("The configuration is not valid JSON: " + e.Message);
        }
    }

    /// <summary>The configuration as the journal keeps it: keys and device secrets replaced by their hashes.</summary>
    public static string AtRest(string json)
    {
        JsonNode? root = ParseNode(json);
        if (root is JsonObject o)
        {
            HashMembers(o, "apiKey", "adminKey");
            foreach (JsonNode? entry in Member(o, "pbxKeys") as JsonArray ?? [])
            {
                if (entry is JsonObject e)
                {
                    HashMembers(e, "key");
                }
            }

            foreach (JsonNode? entry in Member(o, "devices") as JsonArray ?? [])
            {
                if (entry is JsonObject e)
                {
                    HashMembers(e, "secret");
                }
            }
        }

        return root?.ToJsonString() ?? "null";
    }

    /// <summary>The configuration of one tenant's center (a cluster runs each apart): every list
    /// keeps only that tenant's items, and the default tenant's PBX key stays with the default
    /// tenant; layouts and settings are shared.</summary>
    public static string ForTenant(string json, string tenant)
    {
        JsonNode? root = ParseNode(json);
        if (root is JsonObject o)
        {
            foreach (string list in new[] { "pbxKeys", "teams", "queues", "agents", "stations", "reasons", "devices" })
            {
                if (Member(o, list) is JsonArray items)
                {
                    foreach (JsonNode? item in items.Where(i => TenantOf(i) != tenant).ToList())
                    {
                        items.Remove(item);
                    }
                }
            }

            if (tenant.Length > 0 && o.FirstOrDefault(p => p.Key.Equals("apiKey", StringComparison.OrdinalIgnoreCase)).Key is string apiKey)
            {
                o.Remove(apiKey);
            }
        }

        return root?.ToJsonString() ?? "null";
    }

    private static string TenantOf(JsonNode? item) =>
        item is JsonObject o && Member(o, "tenant") is JsonValue v && v.TryGetValue(out string? t) ? t : string.Empty;

    private static JsonNode? ParseNode(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException("The configuration is not valid JSON: " + e.Message);
        }
    }

    private static JsonNode? Member(JsonObject o, string name) =>
        o.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void HashMembers(JsonObject o, params string[] names)
    {
        foreach (string name in o.Select(p => p.Key).Where(k => names.Any(n => n.Equals(k, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            if (o[name] is JsonValue v && v.TryGetValue(out string? key))
            {
                o[name] = Hashes.Stored(key);
            }
        }
    }

    public ServerOptions ServerOptions() => new()
    {
        EventsPerStream = Core.EventsPerStream,
        DirectRingTimeoutSeconds = Core.DirectRingTimeoutSeconds,
        // The PC server throttles failed sign-ins per client address (SignInThrottle), not in the core.
        MaxFailedSignIns = 0,
        LockoutSeconds = Core.LockoutSeconds,
    };

    public ApiOptions ApiOptions()
    {
        var options = new ApiOptions
        {
            AdminKey = AdminKey == null ? null : Hashes.Stored(AdminKey),
                Servers = Api.Servers.ToArray(),
            StatsPollSeconds = Api.StatsPollSeconds,
            EventWaitSeconds = Api.EventWaitSeconds,
            DefaultLayout = Api.DefaultLayout,
            MaxBodyChars = Api.MaxBodyChars,
            SignInsPerSecondPerAddress = Api.SignInsPerSecondPerAddress,
        };
        if (ApiKey != null)
        {
            options.SetPbxKey(null, Hashes.Stored(ApiKey));
        }

        foreach (PbxKeyConfig k in PbxKeys)
        {
            options.SetPbxKey(k.Tenant, Hashes.Stored(k.Key));
        }

        return options;
    }

    /// <summary>Checks everything against itself and what the server has, then applies it; a
    /// configuration with a fault changes nothing.</summary>
    public void ApplyTo(AgentServer server)
    {
        Validate(server);
        foreach (TeamConfig t in Teams.Where(t => server.FindTeam(t.Tenant, t.Name) == null))
        {
            server.AddTeam(new Team(t.Tenant, t.Name));
        }

        Dictionary<string, Layout> layouts = Layouts.ToDictionary(l => l.Name,
            l => new Layout(l.Name, l.Variables?.ToArray(), l.Labels?.ToArray()));
        foreach (QueueConfig c in Queues)
        {
            Queue? queue = server.FindQueue(c.Tenant, c.Name);
            if (queue == null)
            {
                queue = new Queue(c.Tenant, c.Name, ParseStrategy(c.Strategy));
                server.AddQueue(queue);
            }

            queue.WrapUpSeconds = c.WrapUpSeconds;
            queue.RingTimeoutSeconds = c.RingTimeoutSeconds;
            queue.ServiceLevelSeconds = c.ServiceLevelSeconds;
            queue.Layout = c.Layout == null ? null : layouts[c.Layout];
        }

        foreach (AgentConfig c in Agents)
        {
            Agent? agent = server.FindAgent(c.Tenant, c.Id);
            if (agent == null)
            {
                agent = new Agent(c.Tenant, c.Id, c.Name)
                {
                    HomeExtension = c.Extension,
                    Team = c.Team,
                    Role = c.Role.Equals(AgentPhone.Protocol.AgentRoles.Supervisor, StringComparison.OrdinalIgnoreCase) ? AgentRole.Supervisor : AgentRole.Agent,
                    SupervisedTeam = c.Supervises,
                };
                server.AddAgent(agent);
            }

            Secure(agent, c);
            foreach (Membership m in c.Queues ?? [])
            {
                Queue queue = server.FindQueue(c.Tenant, m.Name)!;
                if (!server.InQueue(agent, queue))
                {
                    server.AddToQueue(agent, queue, m.Priority);
                }
            }
        }

        foreach (StationConfig s in Stations.Where(s => server.FindStation(s.Tenant, s.Extension) == null))
        {
            server.AddStation(new Station(s.Tenant, s.Extension, s.ForcedLogin));
        }

        foreach (ReasonConfig r in Reasons)
        {
            ReasonKind kind = ParseKind(r.Kind);
            ReasonCatalog catalog = server.Reasons(r.Tenant);
            if (!catalog.Contains(kind, r.Code, r.Team))
            {
                catalog.Add(new ReasonCode(kind, r.Code, r.Label, r.Team));
            }
        }

        foreach (string tenant in Reasons.Select(r => r.Tenant ?? string.Empty).Append(string.Empty).Distinct())
        {
            foreach (ReasonKind kind in new[] { ReasonKind.NotReady, ReasonKind.Logout, ReasonKind.WrapUp })
            {
                server.Reasons(tenant).SetRequired(kind, RequireReasons.Any(k => ParseKind(k) == kind));
            }
        }

        foreach (DeviceConfig d in Devices)
        {
            server.SetDevice(new DeviceProfile(d.Name, d.Tenant, d.AgentId, d.Extension, d.PasswordStored, d.Secret == null ? null : Hashes.Stored(d.Secret)));
        }
    }

    private static void Secure(Agent agent, AgentConfig c)
    {
        agent.PasswordSecret = c.Password;
        agent.PinSecret = c.Pin;
        agent.WrapUpSeconds = c.WrapUpSeconds ?? -1; // -1: the queue's wrap-up time
        agent.MayEndWrapUpEarly = c.MayEndWrapUpEarly;
    }

    private void Validate(AgentServer server)
    {
        bool TeamKnown(string? tenant, string name) =>
            server.FindTeam(tenant, name) != null || Teams.Any(t => t.Tenant == tenant && t.Name == name);
        bool QueueKnown(string? tenant, string name) =>
            server.FindQueue(tenant, name) != null || Queues.Any(q => q.Tenant == tenant && q.Name == name);

        Check(Core.HashScheme is HashCost.Argon2id or HashCost.Pbkdf2, $"core.hashScheme: {HashCost.Argon2id} or {HashCost.Pbkdf2}");
        Check(Core.HashMemoryKiB is >= 8 and <= 4 * 1024 * 1024, "core.hashMemoryKiB: from 8 to 4194304");
        Check(Core.HashPasses is >= 1 and <= 1000, "core.hashPasses: from 1 to 1000");
        Check(Core.HashIterations >= 1000, "core.hashIterations: at least 1000");
        string[] keyed = [.. PbxKeys.Select(k => k.Tenant ?? string.Empty), .. ApiKey == null ? [] : new[] { string.Empty }];
        Check(keyed.Distinct().Count() == keyed.Length, "pbxKeys: two keys for one tenant (apiKey is the default tenant's)");
        Check(PbxKeys.All(k => !string.IsNullOrEmpty(k.Key)), "pbxKeys: every entry needs a key");
        Unique(Teams.Select(t => (t.Tenant, t.Name)), "team");
        Unique(Queues.Select(q => (q.Tenant, q.Name)), "queue");
        Unique(Agents.Select(a => (a.Tenant, a.Id)), "agent");
        Unique(Layouts.Select(l => ((string?)null, l.Name)), "layout");
        foreach (LayoutConfig l in Layouts)
        {
            Check(l.Variables == null || l.Variables.Count <= Layout.MaxVariables, $"layout {l.Name}: at most {Layout.MaxVariables} variables");
            Check(l.Labels == null || (l.Variables != null && l.Labels.Count == l.Variables.Count), $"layout {l.Name}: one label per variable");
        }

        foreach (QueueConfig q in Queues)
        {
            ParseStrategy(q.Strategy);
            Check(q.Layout == null || Layouts.Any(l => l.Name == q.Layout), $"queue {q.Name}: unknown layout {q.Layout}");
            Check(q.WrapUpSeconds >= 0 && q.RingTimeoutSeconds > 0 && q.ServiceLevelSeconds > 0, $"queue {q.Name}: times must be positive");
        }

        foreach (AgentConfig a in Agents)
        {
            Check(!string.IsNullOrEmpty(a.Id) && !string.IsNullOrEmpty(a.Name), "every agent needs an id and a name");
            Check(a.Password == null || PasswordHashes.IsHash(a.Password), $"agent {a.Id}: password must be a hash, {HashForms} (make one with --hash-password)");
            Check(a.Pin == null || PasswordHashes.IsHash(a.Pin), $"agent {a.Id}: pin must be a hash, {HashForms} (make one with --hash-password)");
            Check(a.Team == null || TeamKnown(a.Tenant, a.Team), $"agent {a.Id}: unknown team {a.Team}");
            bool supervisor = a.Role.Equals(AgentPhone.Protocol.AgentRoles.Supervisor, StringComparison.OrdinalIgnoreCase);
            Check(supervisor || a.Role.Equals(AgentPhone.Protocol.AgentRoles.Agent, StringComparison.OrdinalIgnoreCase), $"agent {a.Id}: role must be {AgentPhone.Protocol.AgentRoles.Agent} or {AgentPhone.Protocol.AgentRoles.Supervisor}");
            Check(!supervisor || (a.Supervises != null && TeamKnown(a.Tenant, a.Supervises)), $"agent {a.Id}: a supervisor needs an existing team to supervise");
            foreach (Membership m in a.Queues ?? [])
            {
                Check(QueueKnown(a.Tenant, m.Name), $"agent {a.Id}: unknown queue {m.Name}");
            }

            Agent? existing = server.FindAgent(a.Tenant, a.Id);
            Check(existing == null || (existing.HomeExtension == a.Extension && existing.Team == a.Team),
                $"agent {a.Id}: extension and team cannot change while the server runs");
        }

        foreach (ReasonConfig r in Reasons)
        {
            ParseKind(r.Kind);
            Check(!string.IsNullOrEmpty(r.Label) && r.Code > 0 && r.Code < ReasonCode.DirectCall.Code, $"reason {r.Code}: needs a label and a code from 1 to {ReasonCode.DirectCall.Code - 1}");
        }

        Unique(Reasons.Select(r => (r.Tenant, $"{r.Kind}/{r.Team}/{r.Code}")), "reason code");
        RequireReasons.ForEach(k => ParseKind(k));
        foreach (DeviceConfig d in Devices)
        {
            Check(!string.IsNullOrEmpty(d.Name), "every device needs a name");
            Check(!d.PasswordStored || d.AgentId != null, $"device {d.Name}: a stored password needs an agentId");
            Check((d.AgentId == null && !d.PasswordStored) || !string.IsNullOrEmpty(d.Secret),
                $"device {d.Name}: a profile that names an agent needs the phone's secret (make one with --new-secret)");
        }
    }

    private const string HashForms = "$argon2id$v=19$m=…,t=…,p=1$salt$hash (16-byte salt) or pbkdf2-sha256$iterations$salt$hash";

    private static void Unique(IEnumerable<(string? Tenant, string Name)> keys, string what)
    {
        var duplicate = keys.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        Check(duplicate == null, $"{what} {duplicate?.Key.Name} appears twice");
    }

    private static Strategy ParseStrategy(string name) =>
        Enum.TryParse(name.Replace("_", string.Empty).Replace("-", string.Empty), true, out Strategy s) && Enum.IsDefined(s)
            ? s
            : throw new ConfigException($"unknown strategy {name}; use one of {string.Join(", ", Enum.GetNames<Strategy>())}");

    private static ReasonKind ParseKind(string name) =>
        ReasonKinds.TryParseWire(name, out ReasonKind kind) ? kind : throw new ConfigException($"unknown reason kind {name}; use NOT_READY, LOGOUT or WRAP_UP");

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ConfigException(message);
        }
    }
}

public sealed class ConfigException(string message) : Exception(message);
