using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// The pipelines integration end to end on a real server: the seed's Example B (drift on invoice_region_code →
/// quarantine → v1.2 with the field → approve → publish → replay → released), pinning, the publish gate and roles.
/// </summary>
public abstract class PipelineRuntimeConformanceTests(Store store) : IAsyncLifetime
{
    private const string V11 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private const string V12 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"},
                       "invoice_region_code":{"type":"string"}}}
        """;

    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;
    private RegistryClient _runner = null!;
    private RegistryClient _ops = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(store);
        _admin = _server.Client();
        _approver = _server.Client(await _server.KeyAsync("alice", "schema-admin"));
        _runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner"));
        _ops = _server.Client(await _server.KeyAsync("ops", "ops-engineer"));
        // Producers add fields here: new data must stay readable by consumers on the old version (FORWARD). Under
        // the default strict BACKWARD, adding a typed field to an open object needs a new major (VAL-1402).
        await _admin.SetConfigAsync("finance.gdp.invoice", "FORWARD");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        _runner.Dispose();
        _ops.Dispose();
        await _server.DisposeAsync();
    }

    private async Task PublishAsync(string fqid, string payload)
    {
        await _admin.RegisterAsync(Schemas.Draft(fqid, payload));
        await _admin.ValidateAsync(fqid);
        await _admin.SubmitAsync(fqid);
        await _approver.ApproveAsync(fqid);
        await _admin.PublishAsync(fqid);
    }

    private static MemoryStream Ndjson(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private Task<BatchResponse> SendAsync(string runId, params string[] lines) =>
        _runner.SendBatchAsync(runId, Ndjson(lines), "application/x-ndjson");

    private async Task<string> StartAsync(string pipeline, string runId, string fqid = "finance.gdp.invoice:latest", string policy = "quarantine")
    {
        if ((await _ops.ListPipelinesAsync()).All(p => p.PipelineId != pipeline))
        {
            await _ops.RegisterPipelineAsync(new PipelineRequest(pipeline, "gdp", fqid, "pre_and_post", policy, "finance-data"));
        }
        return (await _runner.StartRunAsync(new StartRunRequest(pipeline, runId, "s3://warehouse/gdp/invoice/2025/10/07/"))).RunId;
    }

    [Fact]
    public async Task Example_B_drift_is_quarantined_then_resolved_by_a_new_version_and_released_by_replay()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("finance_gdp_transform", "jr-2a8bc9a1b1");
        Assert.Equal("finance.gdp.invoice:v1.1", (await _runner.GetRunAsync(runId)).SchemaFqid);

        var batch = await SendAsync(runId,
            """{"invoice_id":"INV-1","amount":10.5,"currency":"EUR"}""",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":-1}""",
            """{"invoice_id":"INV-4","amount":7,"invoice_region_code":"US-E"}""",
            """{"invoice_id":"INV-5","amount":1}""");
        Assert.Equal((5L, 2L, 1L, 2L, 3L), (batch.Records, batch.Valid, batch.Invalid, batch.Drifted, batch.Quarantined));
        Assert.Equal([2L, 3L, 4L], batch.FailedRecords);
        var newField = Assert.Single(batch.Drift.NewFields);
        Assert.Equal(("invoice_region_code", 2L, 2L, "string"), (newField.Path, newField.Count, newField.FirstRecord, newField.InferredType));
        Assert.Equal(["\"EU-W\"", "\"US-E\""], newField.Samples);
        Assert.NotNull(batch.DriftCaseId);
        Assert.StartsWith($"quarantine/finance/gdp/invoice/", batch.Quarantine, StringComparison.Ordinal);
        Assert.Contains($"/{runId}/batch-000001-", batch.Quarantine, StringComparison.Ordinal);

        // The quarantine holds every failed record exactly as sent, and a manifest line with its reasons.
        var folder = Path.Combine(_server.DataDir, "blobs", batch.Quarantine!);
        var quarantined = await File.ReadAllLinesAsync(folder + ".ndjson");
        Assert.Equal(3, quarantined.Length);
        Assert.Equal("""{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""", quarantined[0]);
        var manifest = (await File.ReadAllLinesAsync(folder + ".manifest.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2, 3, 4], manifest.Select(m => m.GetProperty("record").GetInt32()));
        Assert.Equal(["drifted", "invalid", "drifted"], manifest.Select(m => m.GetProperty("outcome").GetString()));
        Assert.Equal("PIPE-1002", manifest[1].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("minimum", manifest[1].GetProperty("reasons")[0].GetProperty("keyword").GetString());

        var driftCase = Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice"));
        Assert.Equal(("open", batch.DriftCaseId!.Value), (driftCase.Status, driftCase.Id));
        Assert.Equal(("invoice_region_code", "new_field", 2L), (driftCase.Fields[0].Path, driftCase.Fields[0].Kind, driftCase.Fields[0].Occurrences));
        var events = await _admin.ReadEventsAsync(0, type: "SchemaDriftDetected");
        var drift = Assert.Single(events.Events);
        Assert.Equal("finance.gdp.invoice:v1.1", drift.Subject);

        // A second batch adds occurrences to the same case rather than a new case.
        await SendAsync(runId, """{"invoice_id":"INV-6","amount":2,"invoice_region_code":"EU-N"}""");
        driftCase = Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice"));
        Assert.Equal(3L, driftCase.Fields.Single().Occurrences);

        // Ops requests v1.2 with the field; governance approves; publishing it resolves the case.
        await PublishAsync("finance.gdp.invoice:v1.2", V12);
        driftCase = Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice"));
        Assert.Equal(("resolved", "published finance.gdp.invoice:v1.2"), (driftCase.Status, driftCase.Resolution));

        // The run stays pinned to v1.1 even though v1.2 is now the latest.
        var pinned = await SendAsync(runId, """{"invoice_id":"INV-7","amount":2}""");
        Assert.Equal(("finance.gdp.invoice:v1.1", 1L), (pinned.Fqid, pinned.Valid));

        // Replay against the latest (v1.2): the drifted records are released, the invalid one stays.
        var replay = await _ops.ReplayQuarantineAsync(new QuarantineReplayRequest(runId));
        Assert.Equal(("finance.gdp.invoice:v1.2", 4L, 3L, 1L), (replay.Fqid, replay.Examined, replay.Released, replay.Remaining));
        var released = await File.ReadAllLinesAsync(Path.Combine(_server.DataDir, "blobs", replay.ReleasedKey!));
        Assert.Equal(3, released.Length);
        Assert.All(released, line => Assert.Contains("invoice_region_code", line, StringComparison.Ordinal));
        // What stays is a new generation of the batch's files; the old one is gone.
        var kept = (await _ops.ListQuarantineAsync(runId))[0];
        Assert.NotEqual(batch.Quarantine, kept.Key);
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_server.DataDir, "blobs", kept.Key + ".ndjson")));
        Assert.False(File.Exists(folder + ".ndjson"));
        Assert.Equal(2L, kept.Released);

        // Completing records the lineage; it is found by schema (impact analysis) and by pipeline.
        var completed = await _runner.CompleteRunAsync(runId, new CompleteRunRequest());
        Assert.Equal(("completed_with_quarantine", "partial", 3), (completed.Status, completed.ValidationResult, completed.Counts.Batches));
        var lineage = Assert.Single(await _admin.ListRunsAsync(schema: "finance.gdp.invoice"));
        Assert.Equal(("finance_gdp_transform", "finance.gdp.invoice:v1.1", "s3://warehouse/gdp/invoice/2025/10/07/"), (lineage.PipelineId, lineage.SchemaFqid, lineage.OutputPath));
        Assert.Single(await _admin.ListRunsAsync(pipelineId: "finance_gdp_transform"));
        Assert.Empty(await _admin.ListRunsAsync(schema: "finance.gdp.invoice:v1.2"));
        Assert.Single((await _admin.ReadEventsAsync(0, type: "RunCompleted")).Events);

        // The pipeline re-runs on v1.2 and the field is no longer drift.
        var rerun = await StartAsync("finance_gdp_transform", "jr-2a8bc9a1b2");
        var clean = await SendAsync(rerun, """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""");
        Assert.Equal(("finance.gdp.invoice:v1.2", 1L, 0L), (clean.Fqid, clean.Valid, clean.Quarantined));
        Assert.Equal(("success", "pass"), ((await _runner.CompleteRunAsync(rerun, new CompleteRunRequest())).Status, (await _runner.GetRunAsync(rerun)).ValidationResult));
    }

    [Fact]
    public async Task Lineage_by_schema_lists_the_pipelines_and_versions_and_metadata_sync_is_idempotent()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var first = await StartAsync("finance_gdp_transform", "jr-1");
        await SendAsync(first, """{"invoice_id":"INV-1","amount":1}""");
        await _runner.CompleteRunAsync(first, new CompleteRunRequest());
        await PublishAsync("finance.gdp.invoice:v1.2", V12);
        var second = await StartAsync("finance_kpi_aggregate", "jr-2");
        await SendAsync(second, """{"invoice_id":"INV-1","amount":1}""", """{"invoice_id":"INV-2","amount":2}""");

        var impact = await _admin.LineageAsync(schema: "finance.gdp.invoice");
        Assert.Equal(["finance_gdp_transform", "finance_kpi_aggregate"], impact.Pipelines.Select(p => p.PipelineId));
        Assert.Equal(["finance.gdp.invoice:v1.1"], impact.Pipelines[0].Versions);
        Assert.Equal(["finance.gdp.invoice:v1.2"], impact.Pipelines[1].Versions);
        Assert.Equal(("success", "running"), (impact.Pipelines[0].LastStatus, impact.Pipelines[1].LastStatus));
        Assert.Single((await _admin.LineageAsync(schema: "finance.gdp.invoice:v1.1")).Runs);
        Assert.Single((await _admin.LineageAsync(pipelineId: "finance_kpi_aggregate")).Runs);
        Assert.Equal(2L, Assert.Single((await _admin.LineageAsync(runId: "jr-2")).Runs).Counts.Records);

        // The runbook's recovery call, as written: re-derives the same lineage however often it runs.
        using var ops = _server.Http(await _server.KeyAsync("ops-sync", "ops-engineer"));
        for (var i = 0; i < 2; i++)
        {
            var synced = await (await ops.CurlPostAsync("v1/schema/sync/metadata", """{"run_id":"jr-2"}""")).OkAsync<RunResponse>();
            Assert.Equal((2L, 1), (synced.Counts.Records, synced.Counts.Batches));
        }
        Assert.Equal(2, (await _admin.ReadEventsAsync(0, type: "LineageSynced")).Events.Count);
        await (await ops.CurlPostAsync("v1/schema/sync/metadata", """{"run_id":"jr-missing"}""")).ProblemAsync(HttpStatusCode.NotFound, "PIPE-1402");
        var failed = Assert.Single((await _admin.ReadEventsAsync(0, type: "MetadataSyncFailed")).Events);
        Assert.Contains("jr-missing", failed.Data.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_drift_case_blocks_a_version_that_does_not_accept_its_records_until_acknowledged()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("gate_job", "run-gate-1");
        await SendAsync(runId, """{"invoice_id":"INV-1","amount":1,"invoice_region_code":"EU"}""");
        const string unrelated = """
            {"type":"object","required":["invoice_id","amount"],
             "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"},"note":{"type":"string"}}}
            """;
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.2", unrelated));
        await _admin.ValidateAsync("finance.gdp.invoice:v1.2");
        await _admin.SubmitAsync("finance.gdp.invoice:v1.2");
        await _approver.ApproveAsync("finance.gdp.invoice:v1.2");
        var blocked = await Assert.ThrowsAsync<RegistryApiException>(() => _admin.PublishAsync("finance.gdp.invoice:v1.2"));
        Assert.Equal(("VAL-1202", 409), (blocked.Code, blocked.Status));
        Assert.Contains("invoice_region_code", blocked.Message, StringComparison.Ordinal);
        Assert.Single((await _admin.ReadEventsAsync(0, type: "PublishBlocked")).Events);

        var driftCase = Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice", "open"));
        Assert.Equal("acknowledged", (await _ops.AcknowledgeDriftAsync(driftCase.Id, "known; fixed upstream")).Status);
        Assert.Equal("published", (await _admin.PublishAsync("finance.gdp.invoice:v1.2")).State);
        Assert.Equal("acknowledged", Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice")).Status);
    }

    [Fact]
    public async Task A_run_of_an_undeclared_pipeline_is_refused()
    {
        using var http = _server.Http(await _server.KeyAsync("glue2", "pipeline-runner"));
        var response = await http.PostAsync("v1/runs", new StringContent("""{"pipeline_id":"nobody_declared_me"}""", Encoding.UTF8, "application/json"));
        await response.ProblemAsync(HttpStatusCode.NotFound, "PIPE-1101");
        using var ops = _server.Http(await _server.KeyAsync("ops2", "ops-engineer"));
        var noSchema = await ops.PostAsync("v1/pipelines", new StringContent("""{"pipeline_id":"p1","layer":"gdp"}""", Encoding.UTF8, "application/json"));
        await noSchema.ProblemAsync(HttpStatusCode.UnprocessableEntity, "PIPE-1101");
        var traversal = await ops.PostAsync("v1/pipelines", new StringContent("""{"pipeline_id":"../etc","layer":"gdp","fqid":"finance.gdp.invoice:latest"}""", Encoding.UTF8, "application/json"));
        await traversal.ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }

    [Fact]
    public async Task Roles_runners_run_ops_act_on_drift_readers_only_read()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        using var runner = _server.Http(await _server.KeyAsync("glue3", "pipeline-runner"));
        using var reader = _server.Http(await _server.KeyAsync("viewer", "reader"));
        using var ops = _server.Http(await _server.KeyAsync("ops3", "ops-engineer"));
        var pipeline = """{"pipeline_id":"roles_job","layer":"gdp","fqid":"finance.gdp.invoice:v1.1"}""";
        await (await runner.PostAsync("v1/pipelines", new StringContent(pipeline))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Equal(HttpStatusCode.Created, (await ops.PostAsync("v1/pipelines", new StringContent(pipeline))).StatusCode);
        await (await ops.PostAsync("v1/runs", new StringContent("""{"pipeline_id":"roles_job"}"""))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        await (await reader.PostAsync("v1/runs", new StringContent("""{"pipeline_id":"roles_job"}"""))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        var run = await (await runner.PostAsync("v1/runs", new StringContent("""{"pipeline_id":"roles_job","run_id":"r1"}"""))).OkAsync<RunResponse>(HttpStatusCode.Created);
        await (await runner.PostAsync("v1/quarantine/replay", new StringContent("""{"run_id":"r1"}"""))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"v1/runs/{run.RunId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("v1/drift")).StatusCode);
    }

    [Fact]
    public async Task The_fail_policy_fails_the_batch_and_the_run_with_PIPE_1204()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("strict_job", "run-strict", policy: "fail");
        var batch = await SendAsync(runId, """{"invoice_id":"INV-1","amount":1}""", """{"invoice_id":"INV-2","amount":"12"}""");
        Assert.True(batch.Failed);
        Assert.Equal(("PIPE-1204", 1L), (batch.Code, batch.Drifted));
        Assert.Equal("amount", Assert.Single(batch.Drift.TypeChanges).Path);
        var run = await _runner.CompleteRunAsync(runId, new CompleteRunRequest());
        Assert.Equal(("failed", "fail"), (run.Status, run.ValidationResult));
        Assert.StartsWith("PIPE-1204", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await _admin.ReadEventsAsync(0, type: "PipelineFailed")).Events.Count);
        var again = await Assert.ThrowsAsync<RegistryApiException>(() => SendAsync(runId, """{"invoice_id":"INV-3","amount":1}"""));
        Assert.Equal(("REG-1003", 409), (again.Code, again.Status));
    }

    [Fact]
    public async Task The_rescue_policy_lets_drifted_records_pass_and_allow_only_reports()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var rescue = await StartAsync("rescue_job", "run-rescue", policy: "rescue");
        var rescued = await SendAsync(rescue, """{"invoice_id":"INV-1","amount":1,"region":"EU"}""", """{"invoice_id":"INV-2"}""");
        Assert.Equal((1L, 1L, 1L), (rescued.Rescued, rescued.Drifted, rescued.Quarantined));
        var allow = await StartAsync("allow_job", "run-allow", policy: "allow");
        var allowed = await SendAsync(allow, """{"invoice_id":"INV-1","amount":1,"region":"EU"}""");
        Assert.Equal((1L, 0L), (allowed.Valid, allowed.Quarantined));
        Assert.Equal("region", Assert.Single(allowed.Drift.NewFields).Path);
    }

    [Fact]
    public async Task Csv_values_are_parsed_as_their_column_type_and_a_value_that_does_not_parse_is_drift()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("csv_job", "run-csv");
        var csv = "invoice_id,amount,currency\nINV-1,10.5,EUR\nINV-2,abc,EUR\n";
        var batch = await _runner.SendBatchAsync(runId, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "text/csv");
        Assert.Equal((2L, 1L, 1L), (batch.Records, batch.Valid, batch.Drifted));
        var change = Assert.Single(batch.Drift.TypeChanges);
        Assert.Equal(("amount", "string", "number", 2L), (change.Path, change.InferredType, change.ExpectedType, change.FirstRecord));
    }

    [Fact]
    public async Task A_version_deprecated_mid_run_raises_drift_and_an_unknown_format_is_415()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("dep_job", "run-dep");
        await _admin.DeprecateAsync("finance.gdp.invoice:v1.1");
        var batch = await SendAsync(runId, """{"invoice_id":"INV-1","amount":1}""");
        Assert.True(batch.Drift.VersionDeprecated);
        var driftCase = Assert.Single(await _ops.ListDriftCasesAsync("finance.gdp.invoice"));
        Assert.Equal("version_deprecated", driftCase.Fields.Single().Kind);
        using var http = _server.Http();
        var content = new StringContent("<xml/>");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        await (await http.PostAsync($"v1/runs/{runId}/batches", content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "REQ-1003");
    }

    [Fact]
    public async Task A_batch_larger_than_the_json_body_limit_streams_through_and_purge_empties_the_quarantine()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);
        var runId = await StartAsync("big_job", "run-big");
        var lines = Enumerable.Range(0, 40_000).Select(i => i % 1000 == 0
            ? $$"""{"invoice_id":"INV-{{i}}","amount":1,"extra":{{i}}}"""
            : $$"""{"invoice_id":"INV-{{i}}","amount":{{i}},"currency":"EUR"}""").ToArray();
        var batch = await SendAsync(runId, lines);
        Assert.True(Encoding.UTF8.GetByteCount(string.Join("\n", lines)) > 1024 * 1024);
        Assert.Equal((40_000L, 39_960L, 40L), (batch.Records, batch.Valid, batch.Quarantined));
        var purge = await _ops.PurgeQuarantineAsync(0);
        Assert.Equal((1, 2), (purge.Batches, purge.Files));
        Assert.False(File.Exists(Path.Combine(_server.DataDir, "blobs", batch.Quarantine! + ".ndjson")));
        Assert.Empty(await _ops.ListQuarantineAsync(runId));
    }
}

public sealed class PipelineRuntimeOnSqliteTests() : PipelineRuntimeConformanceTests(Store.Sqlite);

public sealed class PipelineRuntimeOnPostgresTests() : PipelineRuntimeConformanceTests(Store.Postgres);
