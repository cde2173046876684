using System.Diagnostics.Metrics;
using System.Text.Json;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Monitoring;

/// <summary>
/// deploy/monitoring reads only metrics the registry exports: the alert rules and the Grafana dashboard name
/// Prometheus series that a scrape of <c>/metrics</c> shows after a workload; the CloudWatch dashboard the runbook
/// names (schema_registry_dashboard.json) names instruments of the registry's and the SDK's meters (their OTLP names).
/// promtool checks and tests the rules themselves (scripts/test).
/// </summary>
public sealed class MonitoringFilesTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Read(string relative) => File.ReadAllText(Repository.PathOf(Path.Combine("deploy", "monitoring", relative)));

    private async Task<string> ScrapeAfterWorkloadAsync()
    {
        await MetricsWorkload.RunAsync(_server, "monitoring");
        using var http = _server.Http();
        return await http.GetStringAsync("metrics");
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_use_is_exported_after_a_workload()
    {
        var names = MetricReferences.InPromQl(MetricReferences.RuleExpressions(Read("prometheus/alerts.yml")));
        var scrape = await ScrapeAfterWorkloadAsync();

        Assert.Superset(new HashSet<string>
        {
            "registry_api_latency_ms_bucket", "registry_cache_requests_total", "schema_resolver_latency_ms_bucket",
            "pipeline_runtime_validation_latency_ms_bucket", "pipeline_validation_success_rate", "pipeline_failure_rate",
            "pipeline_drift_events_total", "drift_open_cases", "pipeline_metadata_sync_failures_total",
            "registry_webhook_dead_letters_total", "registry_outbox_lag_events",
        }, names.ToHashSet());
        Assert.Empty(MetricReferences.MissingFrom(scrape, names));
        // The check can fail: a name the registry does not export is reported.
        Assert.Equal(["registry_made_up_total"], MetricReferences.MissingFrom(scrape, [.. names, "registry_made_up_total"]));
    }

    [Fact]
    public async Task The_grafana_dashboard_is_json_and_every_metric_it_queries_is_exported()
    {
        using var dashboard = JsonDocument.Parse(Read("grafana-dashboard.json"));
        var names = MetricReferences.InPromQl(MetricReferences.GrafanaExpressions(dashboard.RootElement));
        var scrape = await ScrapeAfterWorkloadAsync();

        Assert.True(names.Count >= 12, $"Only {names.Count} metric names found in the dashboard's queries.");
        Assert.Empty(MetricReferences.MissingFrom(scrape, names));
    }

    [Fact]
    public void The_cloudwatch_dashboard_the_runbook_names_is_json_and_names_only_instruments_of_the_registry_meters()
    {
        using var dashboard = JsonDocument.Parse(Read("schema_registry_dashboard.json"));
        var names = MetricReferences.CloudWatchMetrics(dashboard.RootElement).ToHashSet(StringComparer.Ordinal);
        var instruments = PublishedInstruments();

        Assert.Contains("registry.api_latency_ms", names);
        Assert.Contains("pipeline.validation_success_rate", names);
        Assert.Contains("drift.open_cases", names);
        Assert.Empty(names.Except(instruments).Order(StringComparer.Ordinal));
        Assert.All(dashboard.RootElement.GetProperty("widgets").EnumerateArray(),
            widget => Assert.Equal("SchemaRegistry", widget.GetProperty("properties").GetProperty("metrics")[0][0].GetString()));
    }

    /// <summary>The names of the instruments on the server's and the SDK's meters (created on first use of their classes).</summary>
    private static HashSet<string> PublishedInstruments()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Metrics.RegistryMetrics).TypeHandle);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Metrics.PipelineMetrics).TypeHandle);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(
            typeof(Client.SchemaResolver).Assembly.GetType("SchemaRegistry.Client.ResolverMetrics", throwOnError: true)!.TypeHandle);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name is Metrics.ServerTelemetry.Name or Client.SchemaResolver.MeterName)
                {
                    lock (names)
                    {
                        names.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();
        return names;
    }
}
