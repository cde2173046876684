using System.Net;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// The runbook's flow, with its curl calls as written (form-urlencoded JSON bodies), against a real server on
/// each database: a reference to an unpublished dependency blocks validation (VAL-1304) until it is published;
/// the submitter cannot approve (VAL-1203); a pipeline runner can neither approve nor publish.
/// </summary>
public abstract class RunbookFlowConformanceTests(Store store) : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(store);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Runbook_flow_from_draft_to_deprecation_answers_every_step_with_the_right_code()
    {
        using var admin = _server.Http();
        using var client = _server.Client();
        var secondAdmin = await _server.KeyAsync("alice", "schema-admin");
        var runner = await _server.KeyAsync("glue-job", "pipeline-runner");
        using var alice = _server.Http(secondAdmin);
        using var pipeline = _server.Http(runner);

        await client.RegisterAsync(Schemas.Referencing("finance.gdp.invoice:v1.2", "finance.gdp.customer:v1.0"));
        const string invoice = """{"fqid":"finance.gdp.invoice:v1.2"}""";

        var blocked = await (await admin.CurlPostAsync("v1/schema/validate", invoice)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1304");
        Assert.Contains(blocked.Errors!, e => e.Path.Contains("finance.gdp.customer:v1.0", StringComparison.Ordinal));
        var check = await admin.GetAsync("v1/schema/validate?fqid=finance.gdp.invoice:v1.2");
        await check.ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1304");

        // Publish the dependency first, as the runbook says.
        await client.RegisterAsync(Schemas.Draft("finance.gdp.customer:v1.0"));
        await client.ValidateAsync("finance.gdp.customer:v1.0");
        await client.SubmitAsync("finance.gdp.customer:v1.0");
        using (var aliceClient = _server.Client(secondAdmin))
        {
            await aliceClient.ApproveAsync("finance.gdp.customer:v1.0");
        }
        await client.PublishAsync("finance.gdp.customer:v1.0");

        var validated = await (await admin.CurlPostAsync("v1/schema/validate", invoice)).OkAsync<ValidationResponse>();
        Assert.Equal("validated", validated.State);
        Assert.Equal(["finance.gdp.customer:v1.0"], validated.References);
        Assert.Equal("validated", (await (await admin.GetAsync("v1/schema/validate?fqid=finance.gdp.invoice:v1.2")).OkAsync<ValidationResponse>()).State);

        var submitted = await (await admin.CurlPostAsync("v1/schema/submit", invoice)).OkAsync<SchemaResponse>();
        Assert.Equal("pending_approval", submitted.State);

        await (await admin.CurlPostAsync("v1/schema/approve", invoice)).ProblemAsync(HttpStatusCode.Forbidden, "VAL-1203");
        await (await pipeline.CurlPostAsync("v1/schema/approve", invoice)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        await (await admin.CurlPostAsync("v1/schema/publish", invoice)).ProblemAsync(HttpStatusCode.Conflict, "VAL-1201");

        var approved = await (await alice.CurlPostAsync("v1/schema/approve", """{"fqid":"finance.gdp.invoice:v1.2","comment":"looks right"}""")).OkAsync<SchemaResponse>();
        Assert.Equal("approved", approved.State);

        await (await pipeline.CurlPostAsync("v1/schema/publish", invoice)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        var published = await (await admin.CurlPostAsync("v1/schema/publish", invoice)).OkAsync<SchemaResponse>();
        Assert.Equal("published", published.State);

        var fetched = await (await pipeline.GetAsync("v1/schema/finance.gdp.invoice:v1.2")).OkAsync<SchemaResponse>();
        Assert.Equal("published", fetched.State);
        Assert.Equal(published.ContentHash, fetched.ContentHash);
        Assert.StartsWith("sha256:", fetched.ContentHash, StringComparison.Ordinal);
        Assert.Equal(
            ["register", "validate", "submit", "approve", "publish"],
            fetched.History.Select(h => h.Action));
        Assert.Equal("alice", fetched.History.Single(h => h.Action == "approve").Principal);
        Assert.Equal("looks right", fetched.History.Single(h => h.Action == "approve").Comment);

        var sdkFetch = await (await pipeline.GetAsync("api/v1/schema/fetch?fqid=finance.gdp.invoice:latest")).OkAsync<SchemaResponse>();
        Assert.Equal("finance.gdp.invoice:v1.2", sdkFetch.Fqid);
        Assert.Equal("finance.gdp.invoice:latest", sdkFetch.Requested);

        var file = Path.Combine(_server.DataDir, "blobs", "schemas", "finance", "gdp", "invoice", "v1.2.json");
        Assert.Contains(published.ContentHash, await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await (await pipeline.CurlPostAsync("v1/schema/deprecate", invoice)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        var deprecated = await (await admin.CurlPostAsync("schema/deprecate", invoice)).OkAsync<SchemaResponse>();
        Assert.Equal("deprecated", deprecated.State);
        await (await admin.GetAsync("v1/schema/finance.gdp.invoice:latest")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
    }

    [Fact]
    public async Task Concurrent_registration_of_one_fqid_has_exactly_one_winner()
    {
        var attempts = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var http = _server.Http();
            return await http.CurlPostAsync("v1/schema", """{"fqid":"finance.raw.invoice:v1.0","owner":"o","payload":{"type":"object"}}""");
        });
        var responses = await Task.WhenAll(attempts);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await lost.ProblemAsync(HttpStatusCode.Conflict, "REG-1002");
        }
    }

    [Fact]
    public async Task Aliases_resolve_to_the_newest_published_version_and_say_so()
    {
        using var client = _server.Client();
        foreach (var version in new[] { "v1.0", "v1.1", "v1.10", "v2.0" })
        {
            var fqid = $"finance.kpi.revenue:{version}";
            await client.RegisterAsync(Schemas.Draft(fqid));
            if (version != "v2.0")
            {
                await client.PublishAsync(fqid, force: true, reason: "seed data");
            }
        }
        Assert.Equal("finance.kpi.revenue:v1.10", (await client.GetAsync("finance.kpi.revenue:latest")).Fqid);
        var major = await client.GetAsync("finance.kpi.revenue:v1");
        Assert.Equal(("finance.kpi.revenue:v1.10", "finance.kpi.revenue:v1"), (major.Fqid, major.Requested));
        Assert.Null((await client.GetAsync("finance.kpi.revenue:v1.1")).Requested);
        var missing = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.GetAsync("finance.kpi.revenue:v2"));
        Assert.Equal(("REG-1001", 404), (missing.Code, missing.Status));

        var versions = await client.ListVersionsAsync("finance.kpi.revenue");
        Assert.Equal(["v1.0", "v1.1", "v1.10", "v2.0"], versions.Versions.Select(v => v.Version));
        var subjects = await client.ListSubjectsAsync(domain: "finance", layer: "kpi");
        var subject = Assert.Single(subjects.Subjects);
        Assert.Equal((4, "finance.kpi.revenue:v1.10"), (subject.Versions, subject.LatestPublished));
    }

    [Fact]
    public async Task A_rejected_version_returns_to_draft_when_edited()
    {
        using var client = _server.Client();
        var reviewer = _server.Client(await _server.KeyAsync("bob", "schema-admin"));
        await client.RegisterAsync(Schemas.Draft("finance.gdp.order:v1.0"));
        await client.ValidateAsync("finance.gdp.order:v1.0");
        await client.SubmitAsync("finance.gdp.order:v1.0");
        var rejected = await reviewer.RejectAsync("finance.gdp.order:v1.0", "needs a currency field");
        Assert.Equal("rejected", rejected.State);

        var edited = await client.EditAsync("finance.gdp.order:v1.0", Schemas.Draft("finance.gdp.order:v1.0",
            """{"type":"object","properties":{"id":{"type":"string"},"currency":{"type":"string"}}}"""));
        Assert.Equal("draft", edited.State);
        Assert.NotEqual(rejected.ContentHash, edited.ContentHash);
        Assert.Equal("needs a currency field", edited.History.Single(h => h.Action == "reject").Comment);
        reviewer.Dispose();
    }

    [Fact]
    public async Task Conditional_reads_answer_304_until_the_version_changes()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.credit:v1.0"));
        var first = await http.GetAsync("v1/schema/finance.gdp.credit:v1.0");
        var etag = first.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "v1/schema/finance.gdp.credit:v1.0");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);

        await client.ValidateAsync("finance.gdp.credit:v1.0");
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "api/v1/schema/fetch?fqid=finance.gdp.credit:v1.0");
        afterChange.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var changed = await http.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Published_content_is_immutable()
    {
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.payment:v1.0"));
        await client.PublishAsync("finance.gdp.payment:v1.0", force: true, reason: "bootstrap");
        var error = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() =>
            client.EditAsync("finance.gdp.payment:v1.0", Schemas.Draft("finance.gdp.payment:v1.0", """{"type":"string"}""")));
        Assert.Equal(("REG-1004", 409), (error.Code, error.Status));
        Assert.Equal("published", (await client.GetAsync("finance.gdp.payment:v1.0")).State);
    }
}

public sealed class RunbookFlowOnSqliteTests() : RunbookFlowConformanceTests(Store.Sqlite);

public sealed class RunbookFlowOnPostgresTests() : RunbookFlowConformanceTests(Store.Postgres);
