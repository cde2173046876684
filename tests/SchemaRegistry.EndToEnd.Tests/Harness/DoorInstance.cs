using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>A <c>schemareg serve</c> on loopback with its own data folder, spoken to through its Confluent door.</summary>
public sealed class DoorInstance : IAsyncDisposable
{
    public const string Admin = "sr_confluent_move_admin_0123456789abcdef";

    private readonly HttpClient _http;

    private DoorInstance(TempDirectory dir, ServerProcess server)
    {
        Dir = dir;
        Server = server;
        _http = new HttpClient { BaseAddress = server.Url };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
    }

    public TempDirectory Dir { get; }

    public ServerProcess Server { get; }

    public string Url => Server.Url.ToString();

    public static async Task<DoorInstance> StartAsync()
    {
        var dir = new TempDirectory();
        var server = await ServerProcess.StartAsync(dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });
        return new DoorInstance(dir, server);
    }

    /// <summary>The CLI pointed at this instance (the copy's local side) with its admin key unless <paramref name="token"/> is given.</summary>
    public Task<Schemareg.Result> CliAsync(string? token, params string[] args) =>
        Schemareg.RunAsync(Dir.Path, Env(token), args);

    public Dictionary<string, string> Env(string? token = null) =>
        new() { ["SCHEMAREG_URL"] = Url, ["SCHEMAREG_TOKEN"] = token ?? Admin, ["CI"] = "true" };

    public async Task<(int Status, JsonNode? Json)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/vnd.schemaregistry.v1+json");
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, path);
        Assert.True(status == 200, $"GET {path} answered {status}: {json?.ToJsonString()}");
        return json!;
    }

    public async Task<IReadOnlyList<string>> SubjectsAsync() => (await GetAsync("subjects")).AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every live version of every subject as the door answers it (subject, version, id, type, references, schema), and each subject's own settings.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync(Func<string, bool>? subjects = null)
    {
        var lines = new List<string>();
        foreach (var subject in (await SubjectsAsync()).Where(subjects ?? (_ => true)))
        {
            var escaped = Uri.EscapeDataString(subject);
            foreach (var version in (await GetAsync($"subjects/{escaped}/versions")).AsArray().Select(n => n!.GetValue<int>()))
            {
                lines.Add((await GetAsync($"subjects/{escaped}/versions/{version}")).ToJsonString());
            }
            lines.Add($"{subject} compatibility {(await SendAsync(HttpMethod.Get, $"config/{escaped}")).Json?["compatibilityLevel"]}");
            lines.Add($"{subject} mode {(await SendAsync(HttpMethod.Get, $"mode/{escaped}")).Json?["mode"]}");
        }
        lines.Add($"global compatibility {(await GetAsync("config"))["compatibilityLevel"]}");
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
