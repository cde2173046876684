using System.Diagnostics.Metrics;

namespace SchemaRegistry.Server.Metrics;

/// <summary>A histogram in milliseconds exported both on <c>/metrics</c> and over OTLP, with the same buckets (see <see cref="ServerTelemetry"/>).</summary>
internal sealed class RegistryHistogram(string otlpName, string help, double[] buckets, params string[] labels)
{
    private readonly string[] _labels = labels;

    private readonly Prometheus.Histogram _prometheus = Prometheus.Metrics.CreateHistogram(ServerTelemetry.PrometheusName(otlpName), help,
        new Prometheus.HistogramConfiguration { LabelNames = labels, Buckets = buckets });

    private readonly Histogram<double> _otlp = ServerTelemetry.Meter.CreateHistogram(otlpName, "ms", help, tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });

    public void Observe(double milliseconds)
    {
        _prometheus.Observe(milliseconds);
        _otlp.Record(milliseconds);
    }

    public Child WithLabels(params string[] values) => new(this, values);

    internal readonly struct Child(RegistryHistogram histogram, string[] values)
    {
        public void Observe(double milliseconds)
        {
            histogram._prometheus.WithLabels(values).Observe(milliseconds);
            if (histogram._otlp.Enabled)
            {
                histogram._otlp.Record(milliseconds, ServerTelemetry.Tags(histogram._labels, values));
            }
        }
    }
}
