namespace SchemaRegistry.Server.Metrics;

/// <summary>The registry's metrics, named after the seeds' CloudWatch ones (docs/metrics.md's table lists them all).</summary>
internal static class RegistryMetrics
{
    public static readonly RegistryHistogram ApiLatency = new(
        "registry.api_latency_ms", "Registry API latency in milliseconds, by route and status class.",
        [0.5, 1, 2, 5, 10, 25, 50, 100, 300, 1000, 3000], "route", "method", "status");

    public static readonly RegistryHistogram ResolverLatency = new(
        "schema.resolver_latency_ms", "Time to resolve a schema by FQID or alias (the pipelines' fetch), in milliseconds.",
        [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 200, 500, 1000, 2000]);

    public static readonly RegistryCounter CacheRequests = new(
        "registry.cache_requests", "Cache lookups by cache and result (hit, miss).", "cache", "result");

    public static readonly RegistryGauge CacheHitRatio = new(
        "registry.cache_hit_ratio", "Hits over lookups since start, by cache.", "cache");

    public static void CacheLookup(string cache, bool hit)
    {
        CacheRequests.WithLabels(cache, hit ? "hit" : "miss").Inc();
        ServiceLevelWindow.CacheLookup(hit, DateTimeOffset.UtcNow);
        var hits = CacheRequests.WithLabels(cache, "hit").Value;
        var misses = CacheRequests.WithLabels(cache, "miss").Value;
        CacheHitRatio.WithLabels(cache).Set(hits / Math.Max(1, hits + misses));
    }

    public static readonly RegistryCounter Errors = new(
        "registry.errors", "Requests answered with a problem, by catalog code.", "code");

    public static readonly RegistryGauge OutboxLag = new(
        "registry.outbox_lag_events", "Events written but not yet handled by the slowest webhook subscription.");

    public static readonly RegistryCounter EventsPurged = new(
        "registry.events_purged", "Events removed by the archive retention.");

    public static readonly RegistryCounter DeadLetters = new(
        "registry.webhook_dead_letters", "Webhook deliveries given up after the retry budget.");

    public static readonly RegistryCounter Deliveries = new(
        "registry.webhook_deliveries", "Webhook delivery attempts, by outcome.", "outcome");
}
