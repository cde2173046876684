using System.Diagnostics.Metrics;

namespace SchemaRegistry.Server.Metrics;

/// <summary>A counter exported both on <c>/metrics</c> (as <c>name_total</c>) and over OTLP (see <see cref="ServerTelemetry"/>).</summary>
internal sealed class RegistryCounter(string otlpName, string help, params string[] labels)
{
    private readonly string[] _labels = labels;

    private readonly Prometheus.Counter _prometheus =
        Prometheus.Metrics.CreateCounter(ServerTelemetry.PrometheusName(otlpName) + "_total", help, labels);

    private readonly Counter<double> _otlp = ServerTelemetry.Meter.CreateCounter<double>(otlpName, description: help);

    public void Inc(double by = 1)
    {
        _prometheus.Inc(by);
        _otlp.Add(by);
    }

    public Child WithLabels(params string[] values) => new(this, values);

    internal readonly struct Child(RegistryCounter counter, string[] values)
    {
        public double Value => counter._prometheus.WithLabels(values).Value;

        public void Inc(double by = 1)
        {
            counter._prometheus.WithLabels(values).Inc(by);
            if (counter._otlp.Enabled)
            {
                counter._otlp.Add(by, ServerTelemetry.Tags(counter._labels, values));
            }
        }
    }
}
