using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The real <c>schemareg serve</c>, killed with SIGKILL between every step of the runbook flow and started
/// again: every acknowledged change is still there.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string Admin = "sr_e2e_admin_token_0123456789abcdef";

    [Fact]
    public Task Sigkill_between_steps_loses_nothing_on_sqlite() => WalkWithKillsAsync(null);

    [Fact]
    public async Task Sigkill_between_steps_loses_nothing_on_postgres()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await WalkWithKillsAsync(database);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task WalkWithKillsAsync(string? database)
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };
        if (database is not null)
        {
            environment["SCHEMAREG_DATABASE_URL"] = database;
        }
        string? reviewer = null;
        const string invoice = """{"fqid":"finance.gdp.invoice:v1.2"}""";

        async Task StepAsync(Func<HttpClient, HttpClient, Task> step)
        {
            await using var server = await ServerProcess.StartAsync(dir.Path, environment);
            using var admin = Http(server.Url, Admin);
            using var second = Http(server.Url, reviewer);
            await step(admin, second);
            await server.KillAsync();
        }

        await StepAsync(async (admin, _) =>
        {
            var key = await admin.PostAsJsonAsync("v1/keys", new { name = "reviewer", role = "schema-admin" });
            reviewer = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
            await Expect(HttpStatusCode.Created, admin.PostAsync("v1/schema", Curl(
                """{"fqid":"finance.gdp.invoice:v1.2","owner":"finance-data","payload":{"type":"object","properties":{"id":{"type":"string"}}}}""")));
        });
        await StepAsync(async (admin, _) => await Expect(HttpStatusCode.OK, admin.PostAsync("v1/schema/validate", Curl(invoice))));
        await StepAsync(async (admin, _) => await Expect(HttpStatusCode.OK, admin.PostAsync("v1/schema/submit", Curl(invoice))));
        await StepAsync(async (_, second) => await Expect(HttpStatusCode.OK, second.PostAsync("v1/schema/approve", Curl(invoice))));
        await StepAsync(async (admin, _) => await Expect(HttpStatusCode.OK, admin.PostAsync("v1/schema/publish", Curl(invoice))));
        await StepAsync(async (admin, _) =>
        {
            var body = await Expect(HttpStatusCode.OK, admin.GetAsync("v1/schema/finance.gdp.invoice:latest"));
            Assert.Equal("published", body.GetProperty("state").GetString());
            Assert.Equal(["register", "validate", "submit", "approve", "publish"],
                body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
            var file = Path.Combine(dir.Path, "data", "blobs", "schemas", "finance", "gdp", "invoice", "v1.2.json");
            Assert.Contains(body.GetProperty("content_hash").GetString()!, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            await Expect(HttpStatusCode.OK, admin.PostAsync("v1/schema/deprecate", Curl(invoice)));
        });
        await StepAsync(async (admin, _) =>
        {
            var body = await Expect(HttpStatusCode.OK, admin.GetAsync("v1/schema/finance.gdp.invoice:v1.2"));
            Assert.Equal("deprecated", body.GetProperty("state").GetString());
        });
    }

    private static HttpClient Http(Uri url, string? token)
    {
        var http = new HttpClient { BaseAddress = url };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    private static StringContent Curl(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
