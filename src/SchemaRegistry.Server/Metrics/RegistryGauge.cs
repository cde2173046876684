using System.Diagnostics.Metrics;

namespace SchemaRegistry.Server.Metrics;

/// <summary>A gauge exported both on <c>/metrics</c> and over OTLP (see <see cref="ServerTelemetry"/>).</summary>
internal sealed class RegistryGauge(string otlpName, string help, params string[] labels)
{
    private readonly string[] _labels = labels;

    private readonly Prometheus.Gauge _prometheus = Prometheus.Metrics.CreateGauge(ServerTelemetry.PrometheusName(otlpName), help, labels);

    private readonly Gauge<double> _otlp = ServerTelemetry.Meter.CreateGauge<double>(otlpName, description: help);

    public void Set(double value)
    {
        _prometheus.Set(value);
        _otlp.Record(value);
    }

    public Child WithLabels(params string[] values) => new(this, values);

    internal readonly struct Child(RegistryGauge gauge, string[] values)
    {
        public void Set(double value)
        {
            gauge._prometheus.WithLabels(values).Set(value);
            if (gauge._otlp.Enabled)
            {
                gauge._otlp.Record(value, ServerTelemetry.Tags(gauge._labels, values));
            }
        }
    }
}
