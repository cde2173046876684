using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// The registry's meter and activity source. Every metric is kept twice: in prometheus-net for <c>/metrics</c> and on
/// this meter for OpenTelemetry (OTLP) export when it is configured. The OTLP name is the seeds' dotted one
/// (<c>registry.api_latency_ms</c>); the Prometheus name replaces the dots with underscores and adds <c>_total</c> to
/// counters (<c>registry_api_latency_ms</c>, <c>pipeline_runs_total</c>).
/// </summary>
internal static class ServerTelemetry
{
    public const string Name = "SchemaRegistry.Server";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    public static string PrometheusName(string otlpName) => otlpName.Replace('.', '_');

    /// <summary>Tags for the meter from label names and values; only built when someone listens.</summary>
    public static TagList Tags(string[] names, string[] values)
    {
        var tags = new TagList();
        for (var i = 0; i < names.Length; i++)
        {
            tags.Add(names[i], values[i]);
        }
        return tags;
    }
}
