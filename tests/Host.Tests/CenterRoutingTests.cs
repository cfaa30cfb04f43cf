using System.Text.Json.Nodes;
using AgentPhone.Server.Api;
using AgentPhone.ServerHost;
using AgentPhone.ServerHost.Cluster;

namespace AgentPhone.Host.Tests;

/// <summary>How any cluster node finds a request's center, and the configuration each center gets.</summary>
[TestClass]
public sealed class CenterRoutingTests
{
    private static readonly CenterRouting Routing = new(CenterConfig.Parse(TestCenter.Config().ToJsonString()));

    private static string TenantOf(string method, string path, string? authorization = null, string? apiKey = null, string? body = null) =>
        Routing.TenantOf(new ApiRequest { Method = method, Path = path, Authorization = authorization, ApiKey = apiKey, Body = body });

    [TestMethod]
    public void ATokenNamesItsCenter()
    {
        string acme = new SecureTokens(CenterRouting.TokenPrefix("acme")).NewToken();
        StringAssert.StartsWith(acme, "61636d65.");
        Assert.AreEqual("acme", TenantOf("GET", "/api/v1/agents/me", "Bearer " + acme));
        Assert.AreEqual("", TenantOf("GET", "/api/v1/agents/me", "Bearer " + new SecureTokens().NewToken()));
        // Not a token the cluster issued: the default center refuses it as any unknown token.
        Assert.AreEqual("", TenantOf("GET", "/api/v1/agents/me", "Bearer zz.0123"));
    }

    [TestMethod]
    public void APbxKeyAPhoneAndASignInNameTheirTenant()
    {
        Assert.AreEqual("acme", TenantOf("POST", "/api/v1/calls", apiKey: TestCenter.AcmePbxKey, body: "{\"tenant\":\"acme\",\"queue\":\"Support\"}"));
        Assert.AreEqual("", TenantOf("POST", "/api/v1/calls", apiKey: TestCenter.ApiKey));
        Assert.AreEqual("", TenantOf("POST", "/api/v1/calls", apiKey: "a stranger's key"));
        Assert.AreEqual("", TenantOf("GET", "/api/v1/devices/SEP000000002101"));
        Assert.AreEqual("acme", TenantOf("POST", "/api/v1/signin", body: "{\"tenant\":\"acme\",\"agentId\":\"7001\"}"));
        Assert.AreEqual("", TenantOf("POST", "/api/v1/signin", body: "{\"agentId\":\"7001\""));
        Assert.AreEqual("", TenantOf("GET", "/health"));
        CollectionAssert.AreEqual(new[] { "", "acme" }, Routing.Tenants.ToArray());
    }

    [TestMethod]
    public void AChangedConfigurationRoutesTheNewPhone()
    {
        JsonObject config = TestCenter.Config();
        var routing = new CenterRouting(CenterConfig.Parse(config.ToJsonString()));
        var provisioning = new ApiRequest { Method = "GET", Path = "/api/v1/devices/SEP00000000ACE1" };
        Assert.AreEqual("", routing.TenantOf(provisioning));

        config["devices"]!.AsArray().Add(new JsonObject { ["tenant"] = "acme", ["name"] = "SEP00000000ACE1", ["extension"] = "3101" });
        routing.Load(CenterConfig.Parse(config.ToJsonString()));
        Assert.AreEqual("acme", routing.TenantOf(provisioning));
    }

    [TestMethod]
    public void EachCenterGetsItsTenantsPartOfTheConfiguration()
    {
        string full = TestCenter.Config().ToJsonString();
        var acme = JsonNode.Parse(CenterConfig.ForTenant(full, "acme"))!.AsObject();
        var main = JsonNode.Parse(CenterConfig.ForTenant(full, ""))!.AsObject();

        Assert.AreEqual("Acme Agent", (string?)acme["agents"]!.AsArray().Single()!["name"]);
        Assert.IsTrue(main["agents"]!.AsArray().All(a => a!["tenant"] == null), "no acme agent in the default center");
        Assert.AreEqual(1, acme["pbxKeys"]!.AsArray().Count);
        Assert.IsNull(acme["apiKey"], "the default tenant's PBX key stays with the default center");
        Assert.IsNotNull(main["apiKey"]);
        Assert.AreEqual(main["layouts"]!.ToJsonString(), acme["layouts"]!.ToJsonString(), "layouts are shared");
        // Each part is a configuration a center starts on.
        string db = Path.Combine(Directory.CreateTempSubdirectory("agentphone-routing-").FullName, "center.db");
        using (var center = new CenterHost(() => CenterConfig.ForTenant(full, "acme"), () => new SqliteJournalStore(db, new StoreOptions())))
        {
            Assert.IsNotNull(center.Server.FindAgent("acme", "7001"));
            Assert.IsNull(center.Server.FindAgent(null, "7001"));
        }

        Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
    }
}
