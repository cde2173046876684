using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Telemetry;

/// <summary>
/// With <c>Telemetry:Otlp:Endpoint</c> set, the server sends its metrics and spans over OTLP/HTTP (protobuf) to a
/// collector; here the collector is <see cref="OtlpReceiver"/> on loopback and the messages are decoded field by field
/// (<see cref="OtlpMessages"/>), not searched as bytes.
/// </summary>
public sealed class OtlpExportTests
{
    private static readonly string[] ExpectedMetrics =
    [
        "registry.api_latency_ms", "schema.resolver_latency_ms", "registry.cache_requests", "registry.errors", "pipeline.records",
        "pipeline.runs", "pipeline.runtime_validation_latency_ms", "pipeline.validation_success_rate", "pipeline.failure_rate",
        "pipeline.jobs_last_day", "drift.open_cases",
    ];

    [Fact]
    public async Task The_server_exports_the_seeds_metrics_and_its_spans_to_an_otlp_http_receiver()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = receiver.Endpoint,
            ["Telemetry:Otlp:ExportIntervalMs"] = "200",
            ["Telemetry:ServiceName"] = "schemareg-otlp-test",
        });

        await MetricsWorkload.RunAsync(server, "otlp");

        var metrics = await WaitForAsync(() => receiver.Metrics.SelectMany(OtlpMessages.MetricNames), ExpectedMetrics);
        var spans = await WaitForAsync(() => receiver.Traces.SelectMany(OtlpMessages.SpanNames), ["schema.resolve", "GET /v1/schema/{fqid}"]);
        Assert.Empty(ExpectedMetrics.Except(metrics));
        Assert.Contains("schema.resolve", spans);
        Assert.Contains("GET /v1/schema/{fqid}", spans);
        Assert.Contains("schemareg-otlp-test", receiver.Metrics.SelectMany(OtlpMessages.ServiceNames));
        Assert.Contains("schemareg-otlp-test", receiver.Traces.SelectMany(OtlpMessages.ServiceNames));
        Assert.All(receiver.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
    }

    [Theory]
    [InlineData("Telemetry:Otlp:Protocol", "http/json", "Telemetry:Otlp:Protocol must be http/protobuf or grpc")]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4318", "Telemetry:Otlp:Endpoint must be an http(s) URL")]
    [InlineData("Telemetry:Otlp:ExportIntervalMs", "5", "Telemetry:Otlp:ExportIntervalMs must be at least 100")]
    public async Task A_wrong_otlp_setting_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:4318", [key] = value };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryServer.StartAsync(Store.Sqlite, settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Exports arrive on the exporter's schedule: wait (up to a minute on a loaded machine) until all expected names were seen.</summary>
    private static async Task<HashSet<string>> WaitForAsync(Func<IEnumerable<string>> seen, IReadOnlyCollection<string> expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        HashSet<string> names;
        while (!(names = [.. seen()]).IsSupersetOf(expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return names;
    }
}
