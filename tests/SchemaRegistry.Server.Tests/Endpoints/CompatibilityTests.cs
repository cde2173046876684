using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>A version chain published through the API: VAL-1402 and VAL-1401 appear exactly where the rules say.</summary>
public sealed class CompatibilityTests : IAsyncLifetime
{
    private const string V1 = """{"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":"number"}}}""";
    private const string AddsRequired = """{"type":"object","additionalProperties":false,"required":["id","currency"],"properties":{"id":{"type":"string"},"amount":{"type":"number"},"currency":{"type":"string"}}}""";
    private const string AddsOptional = """{"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":"number"},"note":{"type":"string"}}}""";

    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_minor_bump_with_a_breaking_change_is_VAL_1402_and_a_new_major_may_break()
    {
        using var client = _server.Client();
        await Publish(client, "finance.gdp.invoice:v1.0", V1);

        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.1", AddsRequired));
        var minor = await Assert.ThrowsAsync<RegistryApiException>(() => client.ValidateAsync("finance.gdp.invoice:v1.1"));
        Assert.Equal(("VAL-1402", 409), (minor.Code, minor.Status));
        Assert.Contains(minor.Problem.Errors!, e => e.Path.Contains("currency", StringComparison.Ordinal) && e.Message.Contains("finance.gdp.invoice:v1.0", StringComparison.Ordinal));

        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.2", AddsOptional));
        Assert.Equal("validated", (await client.ValidateAsync("finance.gdp.invoice:v1.2")).State);

        await Publish(client, "finance.gdp.invoice:v2.0", AddsRequired);

        using var http = _server.Http();
        var report = await (await http.PostAsJsonAsync("v1/schema/compatibility", new { fqid = "finance.gdp.invoice:v1.1" })).OkAsync<CompatibilityResponse>();
        Assert.Equal((false, "major", "BACKWARD"), (report.Compatible, report.RequiredBump, report.Mode));
        Assert.Equal(["finance.gdp.invoice:v1.0"], report.ComparedWith);

        var candidate = await (await http.PostAsync("v1/schema/compatibility", new StringContent(
            $$"""{"fqid":"finance.gdp.invoice:v1.5","payload":{{AddsOptional}}}"""))).OkAsync<CompatibilityResponse>();
        Assert.Equal((true, "minor"), (candidate.Compatible, candidate.RequiredBump));
        Assert.Contains(candidate.Changes, c => c.Kind == "property_added" && c.Path == "/properties/note");

        var diff = await (await http.GetAsync("v1/schema/diff?from=finance.gdp.invoice:v1.0&to=finance.gdp.invoice:v2.0")).OkAsync<DiffResponse>();
        Assert.False(diff.Backward);
        Assert.Contains(diff.Changes, c => c.Kind == "required_added" && c.Backward == false && c.Example is not null);
    }

    [Fact]
    public async Task Transitive_modes_check_every_earlier_major_and_answer_VAL_1401()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        await Publish(client, "sales.raw.order:v1.0", V1);
        await Publish(client, "sales.raw.order:v2.0", AddsOptional);

        var config = await (await http.PutAsJsonAsync("v1/config/sales.raw.order", new { compatibility = "BACKWARD_TRANSITIVE" })).OkAsync<SubjectConfig>();
        Assert.Equal(("BACKWARD_TRANSITIVE", "subject"), (config.Compatibility, config.Source));

        await client.RegisterAsync(Schemas.Draft("sales.raw.order:v3.0", AddsRequired));
        var error = await Assert.ThrowsAsync<RegistryApiException>(() => client.ValidateAsync("sales.raw.order:v3.0"));
        Assert.Equal(("VAL-1401", 409), (error.Code, error.Status));
    }

    [Fact]
    public async Task The_mode_defaults_to_backward_and_only_schema_admin_may_change_it()
    {
        using var http = _server.Http();
        var config = await (await http.GetAsync("v1/config/finance.kpi.margin")).OkAsync<SubjectConfig>();
        Assert.Equal(("BACKWARD", "default"), (config.Compatibility, config.Source));

        using var ops = _server.Http(await _server.KeyAsync("ops", "ops-engineer"));
        await (await ops.PutAsJsonAsync("v1/config/finance.kpi.margin", new { compatibility = "NONE" })).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        await (await http.PutAsJsonAsync("v1/config/finance.kpi.margin", new { compatibility = "SIDEWAYS" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1101");
    }

    [Fact]
    public async Task A_reference_moving_to_a_compatible_version_is_judged_through_the_referenced_schemas()
    {
        using var client = _server.Client();
        await Publish(client, "crm.gdp.customer:v1.0", """{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"}}}""");
        await Publish(client, "crm.gdp.customer:v1.1", """{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"},"name":{"type":"string"}}}""");
        await Publish(client, "crm.gdp.customer:v2.0", """{"type":"object","additionalProperties":false,"required":["tier"],"properties":{"id":{"type":"string"},"tier":{"type":"string"}}}""");
        await Publish(client, "crm.gdp.invoice:v1.0", Referencing("crm.gdp.customer:v1.0"));

        await client.RegisterAsync(Schemas.Draft("crm.gdp.invoice:v1.1", Referencing("crm.gdp.customer:v1.1")));
        Assert.Equal("validated", (await client.ValidateAsync("crm.gdp.invoice:v1.1")).State);

        await client.RegisterAsync(Schemas.Draft("crm.gdp.invoice:v1.2", Referencing("crm.gdp.customer:v2.0")));
        var error = await Assert.ThrowsAsync<RegistryApiException>(() => client.ValidateAsync("crm.gdp.invoice:v1.2"));
        Assert.Equal("VAL-1402", error.Code);
        Assert.Contains(error.Problem.Errors!, e => e.Message.Contains("tier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_global_default_mode_is_configurable()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Registry:DefaultCompatibility"] = "NONE" });
        using var client = server.Client();
        Assert.Equal(("NONE", "default"), ((await client.GetConfigAsync("finance.gdp.invoice")).Compatibility, (await client.GetConfigAsync("finance.gdp.invoice")).Source));
        await Publish(client, "finance.gdp.invoice:v1.0", V1);
        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.1", AddsRequired));
        Assert.Equal("validated", (await client.ValidateAsync("finance.gdp.invoice:v1.1")).State);
    }

    private static string Referencing(string fqid) =>
        "{\"type\":\"object\",\"properties\":{\"customer\":{\"$ref\":\"schemareg:" + fqid + "\"}}}";

    private static async Task Publish(RegistryClient client, string fqid, string payload)
    {
        await client.RegisterAsync(Schemas.Draft(fqid, payload));
        await client.PublishAsync(fqid, force: true, reason: "chain under test");
    }

    [Theory]
    [InlineData("""{"type":{"a":{"x42":null}}}""")]
    [InlineData("""{"properties":[1,2]}""")]
    [InlineData("""{"required":"id"}""")]
    [InlineData("""{"$ref":"#/nowhere"}""")]
    [InlineData("[]")]
    public async Task Checking_a_draft_that_is_not_a_schema_is_a_coded_refusal_not_a_crash(string payload)
    {
        using var client = _server.Client();
        await Publish(client, "finance.gdp.invoice:v1.0", V1);
        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.1", payload));
        using var http = _server.Http();
        foreach (var body in new object[] { new { fqid = "finance.gdp.invoice:v1.1" }, new { fqid = "finance.gdp.invoice:v1.0", payload = System.Text.Json.JsonDocument.Parse(payload).RootElement } })
        {
            var response = await http.PostAsJsonAsync("v1/schema/compatibility", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is 200 or 422, $"{(int)response.StatusCode}: {text}");
        }
    }
}
