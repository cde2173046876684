using System.Text;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// The integration seed's Example B as told, with the default configuration (strict BACKWARD, nothing set on the
/// subject): drift on <c>invoice_region_code</c> → evolution request → <c>v1.2</c> published as a minor. BACKWARD
/// cannot prove the added typed field safe (old data of the open object may carry it with any value); the drift case
/// shows it is safe for the data the pipelines actually sent, and that evidence is what the decision records.
/// </summary>
public sealed class ExampleBWithDefaultConfigTests : IAsyncLifetime
{
    private const string Subject = "finance.gdp.invoice";

    private const string V11 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private const string V12 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"},
                       "invoice_region_code":{"type":"string","pattern":"^[A-Z]{2}-[A-Z]$"}}}
        """;

    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;
    private RegistryClient _runner = null!;
    private RegistryClient _ops = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        _admin = _server.Client();
        _approver = _server.Client(await _server.KeyAsync("governance", "schema-admin"));
        _runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner"));
        _ops = _server.Client(await _server.KeyAsync("ops", "ops-engineer"));
        await _admin.RegisterAsync(Schemas.Draft($"{Subject}:v1.1", V11));
        await _admin.ValidateAsync($"{Subject}:v1.1");
        await _admin.SubmitAsync($"{Subject}:v1.1");
        await _approver.ApproveAsync($"{Subject}:v1.1");
        await _admin.PublishAsync($"{Subject}:v1.1");
        await _ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest", "pre_and_post", "quarantine", "finance-data"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        _runner.Dispose();
        _ops.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<BatchResponse> RunWithDriftAsync(string runId, params string[] lines)
    {
        await _runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", runId, "s3://warehouse/gdp/invoice/"));
        return await _runner.SendBatchAsync(runId, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")), "application/x-ndjson");
    }

    [Fact]
    public async Task Drift_on_invoice_region_code_leads_to_v1_2_published_as_a_minor_under_the_default_BACKWARD_with_the_evidence_recorded()
    {
        Assert.Equal(("BACKWARD", "default"), ((await _admin.GetConfigAsync(Subject)).Compatibility, (await _admin.GetConfigAsync(Subject)).Source));

        // 1. The GDP job detects the unexpected field. 2. The records are quarantined and the drift alert raised.
        var batch = await RunWithDriftAsync("jr-2a8bc9a1b1",
            """{"invoice_id":"INV-1","amount":10.5,"currency":"EUR"}""",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":7,"invoice_region_code":"US-E"}""");
        Assert.Equal((2L, 2L), (batch.Drifted, batch.Quarantined));
        var driftCase = Assert.Single(await _ops.ListDriftCasesAsync(Subject, "open"));
        Assert.Single((await _admin.ReadEventsAsync(0, type: "SchemaDriftDetected")).Events);

        // 3. Ops reviews the drift and requests v1.2 (a minor: the field is new and optional).
        await _ops.RegisterAsync(Schemas.Draft($"{Subject}:v1.2", V12));
        var report = await _ops.CheckCompatibilityAsync(new CompatibilityRequest($"{Subject}:v1.2"));
        Assert.Equal(("BACKWARD", true, "minor"), (report.Mode, report.Compatible, report.RequiredBump));
        var change = Assert.Single(report.Changes);
        Assert.Equal(("property_added", "/properties/invoice_region_code", false), (change.Kind, change.Path, change.Backward));
        Assert.NotNull(report.Evidence);
        Assert.Contains($"drift case {driftCase.Id}", report.Evidence, StringComparison.Ordinal);
        Assert.Contains("all 2 quarantined record(s)", report.Evidence, StringComparison.Ordinal);
        Assert.Contains("jr-2a8bc9a1b1", report.Evidence, StringComparison.Ordinal);
        await _ops.ValidateAsync($"{Subject}:v1.2");
        await _ops.SubmitAsync($"{Subject}:v1.2", "adds invoice_region_code seen in drift");

        // 4. Governance approves; the version is published (the runbook's call) and the drift case resolves.
        await _approver.ApproveAsync($"{Subject}:v1.2");
        using var http = _server.Http();
        var published = await (await http.CurlPostAsync("v1/schema/publish", """{"fqid":"finance.gdp.invoice:v1.2"}""")).OkAsync<SchemaResponse>();
        Assert.Equal("published", published.State);
        Assert.Equal("resolved", (await _ops.GetDriftCaseAsync(driftCase.Id)).Status);

        // The decision keeps its evidence: the history of the version and the ledger entries of validation and publication.
        var ledger = await _admin.ListAuditAsync(target: $"{Subject}:v1.2");
        foreach (var action in new[] { "SchemaValidated", "SchemaSubmitted", "SchemaPublished" })
        {
            var entry = Assert.Single(ledger, e => e.Action == action);
            Assert.Contains("minor on evidence", entry.Reason ?? "", StringComparison.Ordinal);
        }

        // The pipeline re-runs on v1.2: the field is no longer drift; the quarantined records are released.
        var released = await _ops.ReplayQuarantineAsync(new QuarantineReplayRequest("jr-2a8bc9a1b1"));
        Assert.Equal(($"{Subject}:v1.2", 2L), (released.Fqid, released.Released));
        var rerun = await RunWithDriftAsync("jr-2a8bc9a1b2", """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""");
        Assert.Equal(($"{Subject}:v1.2", 1L, 0L), (rerun.Fqid, rerun.Valid, rerun.Drifted));
    }

    [Fact]
    public async Task A_v1_2_that_the_quarantined_records_do_not_pass_still_needs_a_new_major_with_VAL_1402()
    {
        await RunWithDriftAsync("jr-typed-wrong", """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""");
        // The field typed as an integer: the records the pipeline sent carry strings, so there is no evidence.
        await _ops.RegisterAsync(Schemas.Draft($"{Subject}:v1.2", V12.Replace("""{"type":"string","pattern":"^[A-Z]{2}-[A-Z]$"}""", """{"type":"integer"}""", StringComparison.Ordinal)));
        var report = await _ops.CheckCompatibilityAsync(new CompatibilityRequest($"{Subject}:v1.2"));
        Assert.Equal((false, "major"), (report.Compatible, report.RequiredBump));
        Assert.Null(report.Evidence);
        var refused = await Assert.ThrowsAsync<RegistryApiException>(() => _ops.ValidateAsync($"{Subject}:v1.2"));
        Assert.Equal("VAL-1402", refused.Problem.Code);
    }

    [Fact]
    public async Task Without_a_drift_case_an_added_typed_field_is_still_VAL_1402_under_BACKWARD()
    {
        await _ops.RegisterAsync(Schemas.Draft($"{Subject}:v1.2", V12));
        var refused = await Assert.ThrowsAsync<RegistryApiException>(() => _ops.ValidateAsync($"{Subject}:v1.2"));
        Assert.Equal("VAL-1402", refused.Problem.Code);
    }

    [Fact]
    public async Task Evidence_covers_only_the_fields_the_drift_case_saw()
    {
        await RunWithDriftAsync("jr-other-field", """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""");
        // v1.2 also adds a typed field no pipeline ever sent: nothing shows that one is safe.
        var payload = V12.Replace("\"currency\":{\"type\":\"string\"},", "\"currency\":{\"type\":\"string\"},\"tax_code\":{\"type\":\"string\"},", StringComparison.Ordinal);
        await _ops.RegisterAsync(Schemas.Draft($"{Subject}:v1.2", payload));
        var refused = await Assert.ThrowsAsync<RegistryApiException>(() => _ops.ValidateAsync($"{Subject}:v1.2"));
        Assert.Equal("VAL-1402", refused.Problem.Code);
    }
}
