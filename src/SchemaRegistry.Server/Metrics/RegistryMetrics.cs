using Prometheus;

namespace SchemaRegistry.Server.Metrics;

/// <summary>The registry's Prometheus metrics, named after the seeds' CloudWatch ones.</summary>
internal static class RegistryMetrics
{
    public static readonly Histogram ApiLatency = Prometheus.Metrics.CreateHistogram(
        "registry_api_latency_ms", "Registry API latency in milliseconds, by route and status class.",
        new HistogramConfiguration
        {
            LabelNames = ["route", "method", "status"],
            Buckets = [0.5, 1, 2, 5, 10, 25, 50, 100, 300, 1000, 3000],
        });

    public static readonly Counter Errors = Prometheus.Metrics.CreateCounter(
        "registry_errors_total", "Requests answered with a problem, by catalog code.", "code");

    public static readonly Gauge OutboxLag = Prometheus.Metrics.CreateGauge(
        "registry_outbox_lag_events", "Events written but not yet handled by the slowest webhook subscription.");

    public static readonly Counter EventsPurged = Prometheus.Metrics.CreateCounter(
        "registry_events_purged_total", "Events removed by the archive retention.");

    public static readonly Counter DeadLetters = Prometheus.Metrics.CreateCounter(
        "registry_webhook_dead_letters_total", "Webhook deliveries given up after the retry budget.");

    public static readonly Counter Deliveries = Prometheus.Metrics.CreateCounter(
        "registry_webhook_deliveries_total", "Webhook delivery attempts, by outcome.", "outcome");
}
