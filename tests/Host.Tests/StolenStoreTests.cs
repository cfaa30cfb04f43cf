using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentPhone.ServerHost;
using Microsoft.Data.Sqlite;

namespace AgentPhone.Host.Tests;

/// <summary>An attacker who has read the server's database and its configuration file holds
/// only stored forms (hashes): presented as credentials, none of them opens any route.</summary>
[TestClass]
public sealed class StolenStoreTests
{
    private static string Sha256(string secret) => Hashes.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    [TestMethod]
    public void NoStoredFormOpensAnyRoute()
    {
        using var server = TestCenter.Start();
        using Client phone = server.NewClient();
        // At the desk, so the phone's own profile (joined at the end) has no session of its own yet.
        phone.SignIn("7001", "2101", "DESK-7001");
        phone.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");

        // What the database holds for the session: its token's hash.
        string stolenToken;
        using (var db = new SqliteConnection($"Data Source={Path.Combine(server.Folder, "center.db")};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            using SqliteCommand read = db.CreateCommand();
            read.CommandText = "SELECT token FROM journal WHERE token IS NOT NULL ORDER BY id DESC LIMIT 1";
            stolenToken = (string)read.ExecuteScalar()!;
        }

        StringAssert.StartsWith(stolenToken, Hashes.Prefix, "the journal keeps the token's hash");
        using Client thief = server.NewClient(stolenToken);
        thief.Refused(401, "UNAUTHORIZED", "GET", "api/v1/agents/me");
        thief.Refused(401, "UNAUTHORIZED", "PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":1}");
        thief.Token = null;

        // Keys configured in clear (PBX, administration) and as their hash (acme's PBX key).
        const string Call = "{\"queue\":\"Support\",\"ani\":\"2301\"}";
        const string AcmeCall = "{\"tenant\":\"acme\",\"queue\":\"Support\",\"ani\":\"2301\"}";
        thief.ApiKey = Sha256(TestCenter.ApiKey);
        thief.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", Call);
        thief.ApiKey = Sha256(TestCenter.AcmePbxKey);
        thief.Refused(401, "UNAUTHORIZED", "POST", "api/v1/calls", AcmeCall);
        thief.ApiKey = Sha256(TestCenter.AdminKey);
        thief.Refused(401, "UNAUTHORIZED", "POST", "api/v1/admin/reload");
        thief.ApiKey = TestCenter.AcmePbxKey;
        thief.Ok("POST", "api/v1/calls", AcmeCall, 201);   // the key whose hash the file keeps still works
        thief.ApiKey = null;

        // Device secrets: one given in clear, and the demo's, which the file keeps as hashes.
        JsonObject config = TestCenter.Config();
        string demoStored = (string)config["devices"]!.AsArray().Single(d => (string?)d!["name"] == "SEP000000002101")!["secret"]!;
        StringAssert.StartsWith(demoStored, Hashes.Prefix, "the demo configuration keeps the phone's secret as a hash");
        thief.DeviceSecret = demoStored;
        thief.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/devices/SEP000000002101/session");
        thief.DeviceSecret = Sha256(TestCenter.DeviceSecret);
        thief.Refused(401, "BAD_CREDENTIALS", "GET", "api/v1/devices/SEP0000000070A1");
        thief.Refused(401, "BAD_CREDENTIALS", "POST", "api/v1/signin", "{\"device\":\"SEP0000000070A1\"}");

        Assert.AreEqual("READY", phone.State(), "nothing the thief sent changed the agent");
        thief.DeviceSecret = "demo-device-2101";
        Assert.AreEqual("7001", (string?)thief.Ok("POST", "api/v1/devices/SEP000000002101/session")["agent"]!["agentId"],
            "the secret itself, not its hash, opens the phone's profile");
    }
}
