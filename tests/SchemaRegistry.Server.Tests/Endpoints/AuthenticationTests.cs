using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("openapi/v1.json")]
    public async Task Health_readiness_and_the_api_description_answer_without_a_key(string path)
    {
        using var anonymous = _server.Http(token: null);
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_description_lists_the_runbook_routes()
    {
        using var anonymous = _server.Http(token: null);
        var document = await anonymous.GetStringAsync("openapi/v1.json");
        foreach (var route in new[] { "/v1/schema/validate", "/v1/schema/publish", "/v1/schema/deprecate", "/schema/deprecate", "/api/v1/schema/fetch", "/v1/keys" })
        {
            Assert.Contains($"\"{route}\"", document, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sr_not_a_real_key")]
    [InlineData("Basic abc")]
    public async Task Requests_without_a_valid_key_are_refused_with_AUTH_1001(string? header)
    {
        using var http = _server.Http(token: null);
        if (header is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header.StartsWith("Basic", StringComparison.Ordinal) ? header : "Bearer " + header);
        }
        var response = await http.GetAsync("v1/subjects");
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var secret = await _server.KeyAsync("temp", "reader");
        using var http = _server.Http(secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/subjects")).StatusCode);
        using var admin = _server.Client();
        var id = (await admin.ListKeysAsync()).Keys.Single(k => k.Name == "temp").Id;
        await admin.RevokeKeyAsync(id);
        var problem = await (await http.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        using var admin = _server.Client();
        var key = await admin.CreateKeyAsync(new CreateKeyRequest("short-lived", "reader", DateTimeOffset.UtcNow.AddSeconds(3)));
        using var http = _server.Http(key.Secret);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var problem = await (await http.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains("expired", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reader", "POST", "v1/schema")]
    [InlineData("pipeline-runner", "POST", "v1/schema")]
    [InlineData("pipeline-runner", "POST", "v1/schema/validate")]
    [InlineData("pipeline-runner", "POST", "v1/schema/submit")]
    [InlineData("pipeline-runner", "POST", "v1/schema/approve")]
    [InlineData("pipeline-runner", "POST", "v1/schema/reject")]
    [InlineData("pipeline-runner", "POST", "v1/schema/publish")]
    [InlineData("pipeline-runner", "POST", "v1/schema/deprecate")]
    [InlineData("ops-engineer", "POST", "v1/schema/approve")]
    [InlineData("ops-engineer", "POST", "v1/schema/publish")]
    [InlineData("ops-engineer", "POST", "v1/schema/deprecate")]
    [InlineData("ops-engineer", "POST", "v1/keys")]
    [InlineData("ops-engineer", "GET", "v1/keys")]
    [InlineData("reader", "GET", "v1/keys")]
    public async Task Roles_without_the_permission_are_refused_with_AUTH_1002(string role, string method, string path)
    {
        using var http = _server.Http(await _server.KeyAsync("k-" + role, role));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { fqid = "finance.gdp.invoice:v1.0" });
        }
        await (await http.SendAsync(request)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
    }

    [Fact]
    public async Task Ops_engineers_draft_validate_and_submit_and_readers_read()
    {
        using var ops = _server.Client(await _server.KeyAsync("ops", "ops-engineer"));
        using var reader = _server.Client(await _server.KeyAsync("reader", "reader"));
        await ops.RegisterAsync(Schemas.Draft("sales.raw.lead:v1.0"));
        await ops.ValidateAsync("sales.raw.lead:v1.0");
        Assert.Equal("pending_approval", (await ops.SubmitAsync("sales.raw.lead:v1.0")).State);
        Assert.Equal("pending_approval", (await reader.GetAsync("sales.raw.lead:v1.0")).State);
        Assert.Equal("pending_approval", (await reader.CheckAsync("sales.raw.lead:v1.0")).State);
    }

    [Fact]
    public async Task The_last_active_admin_key_cannot_be_revoked()
    {
        using var admin = _server.Client();
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => admin.RevokeKeyAsync("key_admin"));
        Assert.Equal(("REG-1003", 409), (error.Code, error.Status));
    }

    [Fact]
    public async Task Key_listings_never_show_secrets_and_keep_only_a_prefix()
    {
        var secret = await _server.KeyAsync("listed", "reader");
        using var http = _server.Http();
        var text = await http.GetStringAsync("v1/keys");
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains(secret[..7], text, StringComparison.Ordinal);
    }
}
