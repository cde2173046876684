using System.Text;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// PipelineFailed reports a state change (a batch failed, a run completed as failed), so it commits in that change's
/// transaction: a change refused afterwards writes no failure event, and each failure is reported once.
/// </summary>
public sealed class FailureEventTransactionTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_failure_event_commits_with_its_change_and_a_refused_change_writes_none(Store store)
    {
        await using var server = await RegistryServer.StartAsync(store);
        using var admin = server.Client();
        using var ops = server.Client(await server.KeyAsync("ops", "ops-engineer"));
        using var runner = server.Client(await server.KeyAsync("glue", "pipeline-runner"));
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0", """{"type":"object","properties":{"amount":{"type":"number"}}}"""));
        await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "test");
        await ops.RegisterPipelineAsync(new PipelineRequest("strict", "gdp", "finance.gdp.invoice:v1.0", "pre_job", "fail"));
        await runner.StartRunAsync(new StartRunRequest("strict", "run-strict"));

        var batch = await runner.SendBatchAsync("run-strict", new MemoryStream(Encoding.UTF8.GetBytes("""{"amount":"12"}""")), "application/x-ndjson");
        await runner.CompleteRunAsync("run-strict", new CompleteRunRequest());
        var again = await Assert.ThrowsAsync<RegistryApiException>(() => runner.CompleteRunAsync("run-strict", new CompleteRunRequest(Status: "failed", Error: "again")));
        var late = await Assert.ThrowsAsync<RegistryApiException>(() =>
            runner.SendBatchAsync("run-strict", new MemoryStream(Encoding.UTF8.GetBytes("""{"amount":"13"}""")), "application/x-ndjson"));

        Assert.True(batch.Failed);
        Assert.Equal((409, 409), (again.Status, late.Status));
        var events = (await admin.ReadEventsAsync(0, subject: "finance.gdp.invoice:v1.0")).Events
            .Where(e => e.Type is "PipelineFailed" or "RunCompleted")
            .Select(e => (e.Type, Batch: e.Data.TryGetProperty("batch", out var b) ? b.GetInt32() : 0, Run: e.Data.GetProperty("run_id").GetString()))
            .ToList();
        Assert.Equal([("PipelineFailed", 1, "run-strict"), ("RunCompleted", 0, "run-strict"), ("PipelineFailed", 0, "run-strict")], events);
        var run = await runner.GetRunAsync("run-strict");
        Assert.Equal(("failed", 1), (run.Status, run.Counts.Batches));
    }
}
