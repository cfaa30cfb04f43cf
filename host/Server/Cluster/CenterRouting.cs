using System.Text;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;
using AgentPhone.Protocol.Messages;
using AgentPhone.Server.Api;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>
/// Which center (tenant) a request is for, decided by any node from the request and the
/// configuration file alone: a session token names its center (issued as
/// <c>&lt;tenant in hex&gt;.&lt;random&gt;</c>; the default tenant's have no prefix), a PBX key and a
/// phone's name belong to one tenant, a sign-in says its tenant. Everything else goes to the
/// default tenant's center, whose answer is the one a single process would give.
/// </summary>
public sealed class CenterRouting
{
    private readonly SystemTextJsonCodec _json = new();
    private Table _table = null!;

    /// <summary>What the configuration says about where requests go, replaced whole on a reload.</summary>
    private sealed record Table(Dictionary<string, string> TenantOfKey, Dictionary<string, string> TenantOfDevice, IReadOnlyList<string> Tenants);

    public CenterRouting(CenterConfig config) => Load(config);

    /// <summary>Takes a configuration (at start, and when the file changed).</summary>
    public void Load(CenterConfig config)
    {
        var keys = new Dictionary<string, string>();
        if (config.ApiKey != null)
        {
            keys[Hashes.Stored(config.ApiKey)] = string.Empty;
        }

        foreach (CenterConfig.PbxKeyConfig k in config.PbxKeys)
        {
            keys.TryAdd(Hashes.Stored(k.Key), k.Tenant ?? string.Empty);
        }

        var devices = new Dictionary<string, string>();
        foreach (CenterConfig.DeviceConfig d in config.Devices)
        {
            devices.TryAdd(d.Name, d.Tenant ?? string.Empty);
        }

        List<string> tenants = new[] { string.Empty }
            .Concat(config.Agents.Select(a => a.Tenant)).Concat(config.Queues.Select(q => q.Tenant))
            .Concat(config.Teams.Select(t => t.Tenant)).Concat(config.Devices.Select(d => d.Tenant))
            .Select(t => t ?? string.Empty).Distinct().ToList();
        Volatile.Write(ref _table, new Table(keys, devices, tenants));
    }

    /// <summary>Every tenant the configuration names, the default one ("") first.</summary>
    public IReadOnlyList<string> Tenants => Volatile.Read(ref _table).Tenants;

    /// <summary>The grain key of a tenant's center.</summary>
    public static string Key(string tenant) => "center/" + tenant;

    /// <summary>What a tenant's session tokens begin with.</summary>
    public static string TokenPrefix(string tenant) => tenant.Length == 0 ? string.Empty : Convert.ToHexStringLower(Encoding.UTF8.GetBytes(tenant)) + ".";

    /// <summary>Whether the request is for every center at once (the administration).</summary>
    public static bool ForEveryCenter(ApiRequest request) => request.Path != null && request.Path.StartsWith(Routes.AdminReload, StringComparison.Ordinal);

    public string TenantOf(ApiRequest request)
    {
        Table table = Volatile.Read(ref _table);
        string? auth = request.Authorization;
        if (auth != null && auth.StartsWith(Routes.BearerPrefix, StringComparison.Ordinal))
        {
            return TenantOfToken(auth[Routes.BearerPrefix.Length..].Trim());
        }

        string path = request.Path ?? string.Empty;
        if (path.StartsWith(Routes.Devices, StringComparison.Ordinal))
        {
            string name = Uri.UnescapeDataString(path[Routes.Devices.Length..].Split('/')[0]);
            return table.TenantOfDevice.GetValueOrDefault(name, string.Empty);
        }

        if (request.ApiKey != null)
        {
            return table.TenantOfKey.GetValueOrDefault(Hashes.Of(request.ApiKey), string.Empty);
        }

        if (path == Routes.SignIn && !string.IsNullOrWhiteSpace(request.Body))
        {
            try
            {
                return ((SignInRequest)_json.Read(request.Body, new SignInRequest())).Tenant ?? string.Empty;
            }
            catch (JsonFormatException)
            {
                // The default center answers with the refusal a single server gives.
            }
        }

        return string.Empty;
    }

    private static string TenantOfToken(string token)
    {
        int dot = token.IndexOf('.');
        if (dot <= 0)
        {
            return string.Empty;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(token.AsSpan(0, dot)));
        }
        catch (FormatException)
        {
            return string.Empty;   // not a token this cluster issued: the default center refuses it
        }
    }
}
