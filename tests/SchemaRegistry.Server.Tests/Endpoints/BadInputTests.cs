using System.Net;
using System.Text;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>Bad input gets a clear 4xx with a catalog code, and nothing stored changes.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite,
        new Dictionary<string, string?> { ["Registry:MaxBodyBytes"] = "65536" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"fqid\": 12}")]
    [InlineData("not json at all")]
    public async Task Malformed_bodies_are_REQ_1001(string body)
    {
        using var http = _server.Http();
        await (await http.CurlPostAsync("v1/schema", body)).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        await (await http.CurlPostAsync("v1/schema/publish", body)).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }

    [Fact]
    public async Task A_member_a_call_does_not_take_is_REQ_1001_naming_it_and_nothing_is_stored()
    {
        using var http = _server.Http();
        var problem = await (await http.CurlPostAsync("v1/schema",
            """{"fqid":"a.raw.b:v1.0","owner":"o","compatiblity":"NONE","payload":{"type":"object","x-anything":1}}"""))
            .ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        Assert.StartsWith("This call does not take 'compatiblity'. Did you mean compatibility?", problem.Detail!, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaRegistry.", problem.Detail!, StringComparison.Ordinal);
        using var client = _server.Client();
        Assert.Empty((await client.ListSubjectsAsync()).Subjects);

        // Members of the schema itself are the schema's business: any keyword goes through.
        await (await http.CurlPostAsync("v1/schema",
            """{"fqid":"a.raw.b:v1.0","owner":"o","payload":{"type":"object","x-anything":1}}""")).OkAsync<SchemaRegistry.Wire.SchemaResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Deeply_nested_bodies_are_refused_without_harm()
    {
        using var http = _server.Http();
        var deep = "{\"fqid\":\"a.raw.b:v1.0\",\"owner\":\"o\",\"payload\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        await (await http.CurlPostAsync("v1/schema", deep)).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_REQ_1002()
    {
        using var http = _server.Http();
        var huge = "{\"fqid\":\"a.raw.b:v1.0\",\"owner\":\"o\",\"description\":\"" + new string('x', 100_000) + "\",\"payload\":{}}";
        await (await http.CurlPostAsync("v1/schema", huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "REQ-1002");
    }

    [Theory]
    [InlineData("finance.gdp.invoice")]
    [InlineData("finance.gdp.invoice:1.2")]
    [InlineData("finance.gdp.invoice:v01.2")]
    [InlineData("Finance.gdp.invoice:v1.2")]
    [InlineData("finance.bronze.invoice:v1.2")]
    [InlineData("../../etc/passwd:v1.0")]
    [InlineData("finance.gdp.inv\u0000oice:v1.0")]
    [InlineData("finance.gdp.invоice:v1.0")]
    [InlineData("finance.gdp.invoice:latest")]
    public async Task Bad_fqids_in_bodies_are_VAL_1101_and_nothing_is_stored(string fqid)
    {
        using var http = _server.Http();
        var body = "{\"fqid\":" + System.Text.Json.JsonSerializer.Serialize(fqid) + ""","owner":"o","payload":{"type":"object"}}""";
        var problem = await (await http.CurlPostAsync("v1/schema", body)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1101");
        Assert.Contains(problem.Errors!, e => e.Path == "/fqid");
        using var client = _server.Client();
        Assert.Empty((await client.ListSubjectsAsync()).Subjects);
        Assert.Empty(Directory.Exists(Path.Combine(_server.DataDir, "blobs", "schemas"))
            ? Directory.GetFiles(Path.Combine(_server.DataDir, "blobs", "schemas"), "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData("v1/schema/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("v1/schema/finance.gdp.invoice%3Av1.2%2F..")]
    [InlineData("v1/schema/%00")]
    public async Task Path_tricks_in_names_are_refused(string path)
    {
        using var http = _server.Http();
        var response = await http.GetAsync(path);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }

    [Fact]
    public async Task An_envelope_with_several_faults_lists_them_all()
    {
        using var http = _server.Http();
        var problem = await (await http.CurlPostAsync("v1/schema", """{"fqid":"finance.gdp.invoice:v1.0","compatibility":"SIDEWAYS","format":"xml"}"""))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1101");
        Assert.Equal(["/owner", "/format", "/compatibility", "/payload"], problem.Errors!.Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{"$schema":"https://example.com/nope","type":"object"}""", "/$schema")]
    [InlineData("""{"type":"strnig"}""", "/type")]
    [InlineData("""{"properties":{"age":{"minimum":"ten"}}}""", "/properties/age/minimum")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","items":{"type":"string"},"required":"id"}""", "/required")]
    [InlineData("""{"pattern":"([a-z"}""", "")]
    public async Task A_payload_that_is_not_a_schema_fails_validation_with_VAL_1102(string payload, string path)
    {
        using var http = _server.Http();
        await (await http.CurlPostAsync("v1/schema", $$"""{"fqid":"finance.gdp.invoice:v1.0","owner":"o","payload":{{payload}}}"""))
            .OkAsync<SchemaRegistry.Wire.SchemaResponse>(HttpStatusCode.Created);
        var problem = await (await http.CurlPostAsync("v1/schema/validate", """{"fqid":"finance.gdp.invoice:v1.0"}"""))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1102");
        Assert.Contains(problem.Errors!, e => e.Code == "VAL-1102" && (path.Length == 0 || e.Path == path));
        Assert.Equal("draft", (await (await http.GetAsync("v1/schema/finance.gdp.invoice:v1.0")).OkAsync<SchemaRegistry.Wire.SchemaResponse>()).State);
    }

    [Fact]
    public async Task A_reference_into_a_published_schema_that_names_nothing_is_VAL_1304()
    {
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.customer:v1.0"));
        await client.PublishAsync("finance.gdp.customer:v1.0", force: true, reason: "dependency");
        await client.RegisterAsync(Schemas.Referencing("finance.gdp.invoice:v1.0", "finance.gdp.customer:v1.0#/$defs/missing"));
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.ValidateAsync("finance.gdp.invoice:v1.0"));
        Assert.Equal(("VAL-1304", 422), (error.Code, error.Status));

        await client.RegisterAsync(Schemas.Referencing("finance.gdp.invoice:v1.1", "finance.gdp.customer:v1.0#/properties/id"));
        Assert.Equal("validated", (await client.ValidateAsync("finance.gdp.invoice:v1.1")).State);
    }

    [Fact]
    public async Task Aliases_in_references_are_refused_with_VAL_1304()
    {
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Referencing("finance.gdp.invoice:v1.0", "finance.gdp.customer:latest"));
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.ValidateAsync("finance.gdp.invoice:v1.0"));
        Assert.Equal(("VAL-1304", 422), (error.Code, error.Status));
        Assert.Contains("alias", error.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_publish_needs_a_reason_and_records_it()
    {
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("ops.kpi.uptime:v1.0"));
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.PublishAsync("ops.kpi.uptime:v1.0", force: true));
        Assert.Equal(("REQ-1001", 400), (error.Code, error.Status));
        var published = await client.PublishAsync("ops.kpi.uptime:v1.0", force: true, reason: "incident INC-42");
        var entry = published.History.Last();
        Assert.Equal(("force_publish", "draft", "published", "incident INC-42"), (entry.Action, entry.From, entry.To, entry.Comment));
    }

    [Fact]
    public async Task Unknown_versions_and_subjects_are_404_REG_1001()
    {
        using var http = _server.Http();
        await (await http.GetAsync("v1/schema/finance.gdp.nothing:v1.0")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
        await (await http.GetAsync("v1/schema/finance.gdp.nothing/versions")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
        await (await http.CurlPostAsync("v1/schema/submit", """{"fqid":"finance.gdp.nothing:v1.0"}""")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
    }

    [Fact]
    public async Task Submitting_a_draft_that_was_never_validated_is_REG_1003()
    {
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.refund:v1.0"));
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.SubmitAsync("finance.gdp.refund:v1.0"));
        Assert.Equal(("REG-1003", 409), (error.Code, error.Status));
        Assert.Contains("Validate it first", error.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_unicode_strings_do_not_break_the_server()
    {
        using var http = _server.Http();
        var body = "{\"fqid\":\"" + string.Concat(Enumerable.Repeat("é\u202e", 5000)) + "\",\"owner\":\"o\",\"payload\":{}}";
        var problem = await (await http.PostAsync("v1/schema", new StringContent(body, Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1101");
        Assert.True(problem.Detail!.Length < 500);
    }
}
