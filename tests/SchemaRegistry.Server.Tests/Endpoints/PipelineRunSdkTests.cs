using System.Text;
using SchemaRegistry.Client;
using SchemaRegistry.Client.Pipelines;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// The SDK's PipelineRun: batches validated inside the worker with the registry's engine and reported for lineage;
/// with the registry down, a warm cache keeps validating and the reports wait on disk until it is back.
/// </summary>
public sealed class PipelineRunSdkTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new();
    private RegistryServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        using var admin = _server.Client();
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.customer:v1.0", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}"""));
        await admin.PublishAsync("finance.gdp.customer:v1.0", force: true, reason: "sdk test");
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0",
            """{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"customer":{"$ref":"schemareg:finance.gdp.customer:v1.0"}}}"""));
        await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "sdk test");
        await admin.RegisterPipelineAsync(new PipelineRequest("sdk_job", "gdp", "finance.gdp.invoice:latest"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    private static MemoryStream Ndjson(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    [Fact]
    public async Task Batches_are_validated_in_the_worker_reported_and_spooled_through_an_outage()
    {
        var options = new PipelineRunOptions { QuarantineDirectory = Path.Combine(_work.Path, "q"), SpoolDirectory = Path.Combine(_work.Path, "spool") };
        using var client = new RegistryClient(_server.BaseAddress, RegistryServer.AdminToken, TimeSpan.FromSeconds(2));
        using var resolver = new SchemaResolver(_server.BaseAddress, RegistryServer.AdminToken,
            new SchemaResolverOptions { Retries = 0, Timeout = TimeSpan.FromMilliseconds(500) });
        var run = await PipelineRun.StartAsync(client, resolver, new StartRunRequest("sdk_job", "sdk-1"), options);
        Assert.Equal("finance.gdp.invoice:v1.0", run.Run.SchemaFqid);

        var first = await run.ValidateAsync(Ndjson(
            """{"invoice_id":"a","customer":{"id":"c"}}""",
            """{"invoice_id":"b","customer":{"id":7}}""",
            """{"invoice_id":"c","region":"EU"}"""), DataFormat.Ndjson);
        Assert.Equal((3L, 1L, 2L), (first.Records, first.Valid, first.Quarantined));
        Assert.Equal("customer.id", Assert.Single(first.Drift.TypeChanges).Path);
        Assert.Equal(2, (await File.ReadAllLinesAsync(first.Quarantine + ".ndjson")).Length);
        var recorded = await client.GetRunAsync("sdk-1");
        Assert.Equal((1, 3L, 2L), (recorded.Counts.Batches, recorded.Counts.Records, recorded.Counts.Quarantined));
        Assert.Equal(2, Assert.Single(await client.ListDriftCasesAsync("finance.gdp.invoice")).Fields.Count);

        // The registry goes down: validation goes on from the warm cache, lineage waits on disk.
        await _server.StopAsync();
        var during = await run.ValidateAsync(Ndjson("""{"invoice_id":"d"}""", """{"invoice_id":"e"}"""), DataFormat.Ndjson);
        Assert.Equal(2L, during.Valid);
        Assert.Null(await run.CompleteAsync());
        Assert.Equal(2, run.Spooled);

        await _server.RestartAsync();
        Assert.Equal(2, await LineageSpool.FlushAsync(client, options.SpoolDirectory));
        Assert.Equal(0, run.Spooled);
        var completed = await client.GetRunAsync("sdk-1");
        Assert.Equal(("completed_with_quarantine", 2, 5L), (completed.Status, completed.Counts.Batches, completed.Counts.Records));
        // Re-sending what was already applied is harmless.
        await Assert.ThrowsAsync<RegistryApiException>(() => client.ReportBatchAsync("sdk-1", new BatchReportRequest(2, "ndjson", 2, 2, 0, 0, 0, 0, 1, false, null, null)));
    }
}
