using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// The runbook's post-incident step 2, "Tag associated schema FQIDs and job runs in governance ledger":
/// <c>POST /v1/audit/annotations</c> writes one hash-chained ledger entry per target, found again by incident id.
/// </summary>
public sealed class IncidentAnnotationTests : IAsyncLifetime
{
    private const string Fqid = "finance.gdp.invoice:v1.2";
    private const string RunId = "jr-2a8bc9a1b1";
    private RegistryServer _server = null!;
    private string _ops = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        using var admin = _server.Client();
        await admin.RegisterAsync(Schemas.Draft(Fqid));
        await admin.PublishAsync(Fqid, force: true, reason: "incident fixture");
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.3"));
        await admin.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", Fqid, "pre_job", "quarantine", "finance-data"));
        await admin.StartRunAsync(new StartRunRequest("finance_gdp_transform", RunId));
        _ops = await _server.KeyAsync("ops", "ops-engineer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Tagging_an_incident_writes_chained_ledger_entries_found_again_by_incident_id()
    {
        using var ops = _server.Http(_ops);
        var entries = await (await ops.CurlPostAsync("v1/audit/annotations",
                $$"""{"incident":"INC-2026-042","note":"root cause: upstream added invoice_region_code","fqids":["{{Fqid}}"],"runs":["{{RunId}}"]}"""))
            .OkAsync<List<AuditEntryResponse>>(HttpStatusCode.Created);
        Assert.Equal([Fqid, $"runs/{RunId}"], entries.Select(e => e.Target));
        Assert.All(entries, e => Assert.Equal(("IncidentAnnotated", "[INC-2026-042] root cause: upstream added invoice_region_code", "ops-engineer"), (e.Action, e.Reason, e.Role)));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);

        // A second incident whose id starts like the first is not mixed in.
        await (await ops.PostAsJsonAsync("v1/audit/annotations", new { incident = "INC-2026-04", fqids = new[] { "finance.gdp.invoice:v1.3" } }))
            .OkAsync<List<AuditEntryResponse>>(HttpStatusCode.Created);

        var found = await (await ops.GetAsync("v1/audit/annotations?incident=INC-2026-042")).OkAsync<List<AuditEntryResponse>>();
        Assert.Equal(entries.Select(e => e.Sequence), found.Select(e => e.Sequence));
        Assert.Equal(entries.Select(e => e.Sequence), (await (await ops.GetAsync("v1/audit?incident=INC-2026-042")).OkAsync<List<AuditEntryResponse>>()).Select(e => e.Sequence));
        var other = Assert.Single(await (await ops.GetAsync("v1/audit/annotations?incident=INC-2026-04")).OkAsync<List<AuditEntryResponse>>());
        Assert.Equal(("finance.gdp.invoice:v1.3", "[INC-2026-04]"), (other.Target, other.Reason));

        // The FQID's own history in the ledger shows the tag, and the whole chain still verifies.
        using var admin = _server.Client();
        Assert.Contains(await admin.ListAuditAsync(target: Fqid), e => e.Action == "IncidentAnnotated");
        Assert.Null(AuditChain.Verify(await ExportedLedger.ReadAsync(admin), previousSequence: 0));
        Assert.Contains((await admin.ReadEventsAsync(0, type: "IncidentAnnotated")).Events, e => e.Subject == $"runs/{RunId}");
    }

    [Theory]
    [InlineData("""{"incident":"INC 42","fqids":["finance.gdp.invoice:v1.2"]}""", HttpStatusCode.BadRequest, "REQ-1001")]
    [InlineData("""{"incident":"INC-42"}""", HttpStatusCode.BadRequest, "REQ-1001")]
    [InlineData("""{"incident":"INC-42","fqids":["finance.gdp.invoice:v9.9"]}""", HttpStatusCode.NotFound, "REG-1001")]
    [InlineData("""{"incident":"INC-42","runs":["jr-unknown"]}""", HttpStatusCode.NotFound, "REG-1001")]
    [InlineData("""{"incident":"INC-42","fqids":["not an fqid"]}""", HttpStatusCode.UnprocessableEntity, "VAL-1101")]
    public async Task Bad_annotations_are_refused_and_write_nothing(string body, HttpStatusCode status, string code)
    {
        using var ops = _server.Http(_ops);
        await (await ops.CurlPostAsync("v1/audit/annotations", body)).ProblemAsync(status, code);
        Assert.Empty(await (await ops.GetAsync("v1/audit/annotations?incident=INC-42")).OkAsync<List<AuditEntryResponse>>());
    }

    [Theory]
    [InlineData("pipeline-runner")]
    [InlineData("reader")]
    public async Task Runners_and_readers_cannot_tag_the_ledger(string role)
    {
        using var http = _server.Http(await _server.KeyAsync(role + "-key", role));
        await (await http.CurlPostAsync("v1/audit/annotations", $$"""{"incident":"INC-1","fqids":["{{Fqid}}"]}""")).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
    }
}
