using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SchemaRegistry.Client;

/// <summary>
/// The resolver's latency as the pipeline sees it (<c>schema.resolver_latency_ms</c>, the seeds' "schema fetch time"),
/// on the <see cref="SchemaResolver.MeterName"/> meter of the BCL: no dependency, and nothing is measured unless a
/// listener (OpenTelemetry, dotnet-counters, prometheus-net's meter adapter) subscribes.
/// </summary>
internal static class ResolverMetrics
{
    private static readonly Meter Meter = new(SchemaResolver.MeterName);

    public static readonly Histogram<double> Latency = Meter.CreateHistogram("schema.resolver_latency_ms", "ms",
        "Time for SchemaResolver.ResolveAsync to answer, by source: cache, registry, stale (last known good) or error.",
        tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.01, 0.1, 1, 5, 10, 25, 50, 100, 200, 500, 1000, 2000] });

    public static void Record(long startedTimestamp, string source) =>
        Latency.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, new KeyValuePair<string, object?>("source", source));
}
