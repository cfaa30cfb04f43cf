using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AgentPhone.Build.Tests;
using AgentPhone.ServerHost;

namespace AgentPhone.Host.Tests;

/// <summary>The server the API tests start: the sample configuration with cheap hashes (tests
/// sign in often), the test API key, and a second tenant.</summary>
internal static class TestCenter
{
    public const string ApiKey = "test-pbx-key";
    public const string AcmePbxKey = "acme-pbx-key";
    public const string AdminKey = "test-admin-key";
    public const string DeviceSecret = "3c1f5e0b9a7d4c2e8f6b1a0d9c7e5f3a";

    /// <summary>A server on <paramref name="folder"/> (a new temporary one by default).</summary>
    public static ServerProcess Start(string? folder = null) => new(Config().ToJsonString(), folder);

    public static Client NewClient(this ServerProcess server, string? token = null) => new(server.BaseAddress, token);

    /// <summary>The test center's cost of a hash: Argon2id, the default scheme, in 64 KiB and one pass.</summary>
    public static readonly HashCost Cheap = HashCost.Argon(64, 1);

    /// <summary>The sample center with cheap hashes, the test API key, and a tenant "acme" whose
    /// agent 7001 is a different person.</summary>
    public static JsonObject Config()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "host", "agentserver.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        config["apiKey"] = ApiKey;
        config["adminKey"] = AdminKey;
        config["pbxKeys"] = new JsonArray(new JsonObject { ["tenant"] = "acme", ["key"] = Hashes.Of(AcmePbxKey) });
        foreach (var (key, value) in Cheap.ConfigKeys())
        {
            config["core"]![key] = value!.DeepClone();   // the hashes below are at this cost: no upgrades
        }

        string hash = PasswordHashes.Hash("1234", Cheap);
        foreach (JsonNode? agent in config["agents"]!.AsArray())
        {
            agent!["password"] = hash;
            if (agent["pin"] != null)
            {
                agent["pin"] = PasswordHashes.Hash("4321", Cheap);
            }
        }

        config["teams"]!.AsArray().Add(new JsonObject { ["tenant"] = "acme", ["name"] = "Acme Team" });
        config["queues"]!.AsArray().Add(new JsonObject { ["tenant"] = "acme", ["name"] = "Support" });
        config["agents"]!.AsArray().Add(new JsonObject
        {
            ["tenant"] = "acme", ["id"] = "7001", ["name"] = "Acme Agent", ["password"] = PasswordHashes.Hash("abcd", Cheap),
            ["extension"] = "2101", ["team"] = "Acme Team", ["queues"] = new JsonArray(new JsonObject { ["name"] = "Support" }),
        });
        config["devices"]!.AsArray().Add(new JsonObject { ["name"] = "SEP0000000070A1", ["agentId"] = "7002", ["extension"] = "2102", ["passwordStored"] = true,
            ["secret"] = DeviceSecret });
        return config;
    }
}

/// <summary>A phone's or desktop's view of the API: raw HTTP, status and parsed JSON back.</summary>
internal sealed class Client : IDisposable
{
    private readonly HttpClient _http;

    public Uri BaseAddress() => _http.BaseAddress!;

    public Client(Uri baseAddress, string? token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Token = token;
    }

    public string? Token { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Presented as <c>Authorization: Device …</c> while there is no <see cref="Token"/>.</summary>
    public string? DeviceSecret { get; set; }

    public (int Status, JsonNode Body) Send(string method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body != null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (Token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        else if (DeviceSecret != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Device", DeviceSecret);
        }

        if (ApiKey != null)
        {
            request.Headers.Add("X-Api-Key", ApiKey);
        }

        using HttpResponseMessage response = _http.Send(request);
        string text = response.Content.ReadAsStringAsync().Result;
        return ((int)response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    public JsonNode Ok(string method, string path, string? body = null, int status = 200)
    {
        var (code, json) = Send(method, path, body);
        Assert.AreEqual(status, code, $"{method} {path}: {json.ToJsonString()}");
        return json;
    }

    public void Refused(int status, string code, string method, string path, string? body = null)
    {
        var (actual, json) = Send(method, path, body);
        Assert.AreEqual(status, actual, $"{method} {path}: {json.ToJsonString()}");
        Assert.AreEqual(code, (string?)json["error"]?["code"], $"{method} {path}: {json.ToJsonString()}");
        Assert.IsFalse(string.IsNullOrEmpty((string?)json["error"]?["message"]), "an error has a message");
    }

    public string SignIn(string agentId, string extension, string device, string password = "1234", string? tenant = null)
    {
        var body = new JsonObject { ["agentId"] = agentId, ["password"] = password, ["extension"] = extension, ["device"] = device };
        if (tenant != null)
        {
            body["tenant"] = tenant;
        }

        JsonNode answer = Ok("POST", "api/v1/signin", body.ToJsonString());
        Token = (string)answer["token"]!;
        return Token;
    }

    public string State() => (string)Ok("GET", "api/v1/agents/me")["state"]!;

    public string Offer(string target, string ani = "2301", string kind = "queue")
    {
        string? key = ApiKey;
        ApiKey = TestCenter.ApiKey;
        try
        {
            return (string)Ok("POST", "api/v1/calls", $"{{\"{kind}\":\"{target}\",\"ani\":\"{ani}\",\"dnis\":\"2101\",\"variables\":[{{\"name\":\"FirstName\",\"value\":\"Ada\"}}]}}", 201)["id"]!;
        }
        finally
        {
            ApiKey = key;
        }
    }

    public void Dispose() => _http.Dispose();
}
