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

    public static readonly Histogram ResolverLatency = Prometheus.Metrics.CreateHistogram(
        "schema_resolver_latency_ms", "Time to resolve a schema by FQID or alias (the pipelines' fetch), in milliseconds.",
        new HistogramConfiguration { Buckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 200] });

    public static readonly Counter CacheRequests = Prometheus.Metrics.CreateCounter(
        "registry_cache_requests_total", "Cache lookups by cache and result (hit, miss).", "cache", "result");

    public static readonly Gauge CacheHitRatio = Prometheus.Metrics.CreateGauge(
        "registry_cache_hit_ratio", "Hits over lookups since start, by cache.", "cache");

    public static void CacheLookup(string cache, bool hit)
    {
        CacheRequests.WithLabels(cache, hit ? "hit" : "miss").Inc();
        var hits = CacheRequests.WithLabels(cache, "hit").Value;
        var misses = CacheRequests.WithLabels(cache, "miss").Value;
        CacheHitRatio.WithLabels(cache).Set(hits / Math.Max(1, hits + misses));
    }

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
