using System.Net;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

public sealed class MetricsTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    // RefreshSeconds 0: each scrape reads the day's jobs again, so the second scrape sees the runs completed after the first.
    public async Task InitializeAsync() =>
        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Telemetry:RefreshSeconds"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metrics_show_latency_by_route_and_errors_by_code_and_need_a_key()
    {
        using var http = _server.Http();
        using var anonymous = _server.Http(token: null);
        await (await anonymous.GetAsync("metrics")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        await (await http.GetAsync("v1/schema/finance.gdp.nothing:v1.0")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");

        var text = await http.GetStringAsync("metrics");

        Assert.Contains("registry_api_latency_ms_count{route=\"/v1/schema/{fqid}\",method=\"GET\",status=\"4xx\"}", text, StringComparison.Ordinal);
        Assert.Contains("registry_errors_total{code=\"REG-1001\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_metrics_move_with_batches_and_runs_and_the_day_rates_count_jobs_from_the_database()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.metric:v1.0"));
        await client.PublishAsync("finance.gdp.metric:v1.0", force: true, reason: "metrics");
        await client.GetAsync("finance.gdp.metric:latest");
        await client.RegisterPipelineAsync(new Wire.PipelineRequest("metrics_job", "gdp", "finance.gdp.metric:latest"));
        var before = await http.GetStringAsync("metrics");
        Assert.Contains("\npipeline_validation_success_rate 1\n", before, StringComparison.Ordinal);
        Assert.Contains("\npipeline_failure_rate 0\n", before, StringComparison.Ordinal);
        Assert.Contains("\ndrift_open_cases 0\n", before, StringComparison.Ordinal);

        // Three jobs: one passes, one quarantines a drifted record (partial), one reports its own failure.
        string[] batches = ["{\"id\":\"a\"}\n", "{\"id\":\"a\"}\n{\"id\":\"b\",\"new\":1}\n", "{\"id\":\"c\"}\n"];
        for (var run = 0; run < 3; run++)
        {
            await client.StartRunAsync(new Wire.StartRunRequest("metrics_job", $"m-{run}"));
            await client.SendBatchAsync($"m-{run}", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(batches[run])), "application/x-ndjson");
            await client.CompleteRunAsync($"m-{run}", new Wire.CompleteRunRequest(run == 2 ? "failed" : null));
        }

        var text = await http.GetStringAsync("metrics");

        Assert.Matches(@"pipeline_records_total\{outcome=""valid""\} [1-9]", text);
        Assert.Matches(@"pipeline_records_total\{outcome=""drifted""\} [1-9]", text);
        Assert.Matches(@"pipeline_drift_events_total [1-9]", text);
        Assert.Matches(@"pipeline_runs_total\{status=""failed""\} [1-9]", text);
        Assert.Contains("\npipeline_jobs_last_day 3\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\npipeline_failure_rate 0\.333", text);
        Assert.Matches(@"\npipeline_validation_success_rate 0\.333", text);
        Assert.Contains("\ndrift_open_cases 1\n", text, StringComparison.Ordinal);
        Assert.Matches(@"pipeline_runtime_validation_latency_ms_count [1-9]", text);
        Assert.Matches(@"schema_resolver_latency_ms_count [1-9]", text);
        Assert.Matches(@"registry_cache_requests_total\{cache=""data_contracts"",result=""hit""\} [1-9]", text);
        Assert.Matches(@"registry_cache_hit_ratio\{cache=""data_contracts""\} 0\.[0-9]", text);
    }
}
