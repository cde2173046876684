using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// OpenLineage: with <c>Registry:OpenLineageUrl</c> set, each run sends START and then COMPLETE or FAIL RunEvents to a
/// receiver on loopback; every event is checked against the RunEvent schema (Fixtures/openlineage-runevent.schema.json).
/// </summary>
public sealed class OpenLineageTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private RegistryServer _server = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:OpenLineageUrl"] = _receiver.Url,
            ["Registry:DeliveryPollMs"] = "50",
            ["Registry:WebhookBackoffMs"] = "50",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Runs_emit_start_and_complete_or_fail_run_events_that_follow_the_spec()
    {
        using var admin = _server.Client();
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0",
            """{"type":"object","required":["id"],"properties":{"id":{"type":"string","description":"invoice id"},"amount":{"type":"number"}}}"""));
        await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "test");
        await admin.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", "finance.gdp.invoice:latest"));
        await admin.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-ok", "s3://warehouse/gdp/invoice/2025/10/07/"));
        await admin.SendBatchAsync("jr-ok", new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"a\"}\n{\"id\":\"b\",\"extra\":1}\n")), "application/x-ndjson");
        await admin.CompleteRunAsync("jr-ok", new CompleteRunRequest());
        await admin.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-bad"));
        await admin.CompleteRunAsync("jr-bad", new CompleteRunRequest("failed", null, "Glue job OOM"));

        Assert.True(await _receiver.WaitAsync(d => d.Count(x => x.Status == 200) >= 4, TimeSpan.FromSeconds(20)), "expected 4 RunEvents");
        var events = _receiver.Deliveries.Where(d => d.Status == 200).Select(d => JsonDocument.Parse(d.Body).RootElement).ToList();
        var schema = CompiledSchema.Compile(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openlineage-runevent.schema.json")));
        foreach (var runEvent in events)
        {
            var result = schema.Evaluate(runEvent);
            Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => $"{e.InstanceLocation}: {e.Message}")) + " in " + runEvent.GetRawText());
        }
        Assert.Equal(["START", "COMPLETE", "START", "FAIL"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal(events[0].GetProperty("run").GetProperty("runId").GetString(), events[1].GetProperty("run").GetProperty("runId").GetString());
        Assert.Equal("finance_gdp_transform", events[1].GetProperty("job").GetProperty("name").GetString());

        var input = events[1].GetProperty("inputs")[0];
        Assert.Equal("finance.gdp.invoice", input.GetProperty("name").GetString());
        Assert.Equal("id", input.GetProperty("facets").GetProperty("schema").GetProperty("fields")[0].GetProperty("name").GetString());
        var assertions = input.GetProperty("inputFacets").GetProperty("dataQualityAssertions").GetProperty("assertions");
        Assert.Equal([true, false], assertions.EnumerateArray().Select(a => a.GetProperty("success").GetBoolean()));
        var outputs = events[1].GetProperty("outputs");
        Assert.Equal(("s3://warehouse", "/gdp/invoice/2025/10/07/", 1L), (outputs[0].GetProperty("namespace").GetString(), outputs[0].GetProperty("name").GetString(),
            outputs[0].GetProperty("outputFacets").GetProperty("outputStatistics").GetProperty("rowCount").GetInt64()));
        Assert.Contains("quarantine/finance/gdp/invoice/", outputs[1].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, outputs[1].GetProperty("outputFacets").GetProperty("outputStatistics").GetProperty("rowCount").GetInt64());
        Assert.Contains("Glue job OOM", events[3].GetProperty("run").GetProperty("facets").GetProperty("errorMessage").GetProperty("message").GetString(), StringComparison.Ordinal);

        // The first attempt was answered 500: the event was retried, not lost; nothing else (schema events) was sent.
        Assert.Equal(5, _receiver.Deliveries.Count);
    }

    [Fact]
    public async Task The_schema_rejects_an_event_that_breaks_the_spec()
    {
        var schema = CompiledSchema.Compile(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openlineage-runevent.schema.json")));
        Assert.False(schema.IsValid(Encoding.UTF8.GetBytes(
            """{"eventType":"START","eventTime":"2025-10-07T00:00:00Z","producer":"http://x/","schemaURL":"http://x/","run":{"runId":"jr-1"},"job":{"namespace":"n","name":"j"}}""")));
        Assert.False(schema.IsValid(Encoding.UTF8.GetBytes(
            """{"eventType":"START","eventTime":"2025-10-07T00:00:00Z","producer":"http://x/","schemaURL":"http://x/","run":{"runId":"6f1c1a5e-3b7d-5c1e-9a4b-0c2d3e4f5a6b","facets":{"x":{}}},"job":{"namespace":"n","name":"j"}}""")));
    }

    [Theory]
    [InlineData("file:/data/blobs", "file", "/data/blobs/quarantine/x/")]
    [InlineData("s3://warehouse", "s3://warehouse", "/quarantine/x/")]
    [InlineData("s3://warehouse/registry/prod?endpoint=http://127.0.0.1:9000", "s3://warehouse", "/registry/prod/quarantine/x/")]
    public void The_quarantine_is_named_as_openlineage_names_datasets(string blobs, string ns, string name)
    {
        Assert.Equal((ns, name), SchemaRegistry.Server.Events.OpenLineageEvents.QuarantineLocation(blobs, "quarantine/x/"));
    }
}
