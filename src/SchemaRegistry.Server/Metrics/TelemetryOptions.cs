namespace SchemaRegistry.Server.Metrics;

/// <summary>The <c>Telemetry</c> section: OTLP export (off unless an endpoint is set) and how often the database-backed gauges are read.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The service name sent with every metric and span (<c>service.name</c>).</summary>
    public string ServiceName { get; init; } = "schemareg";

    /// <summary>At most one read of the per-day rates and open drift cases per this many seconds.</summary>
    public int RefreshSeconds { get; init; } = 15;

    public OtlpOptions Otlp { get; init; } = new();
}

/// <summary><c>Telemetry:Otlp</c>: where to send metrics and traces over OTLP.</summary>
public sealed class OtlpOptions
{
    /// <summary>
    /// The collector's base URL, e.g. <c>http://127.0.0.1:4318</c> (the CloudWatch agent's or an ADOT collector's
    /// OTLP/HTTP receiver); metrics go to <c>/v1/metrics</c> and traces to <c>/v1/traces</c>. Empty: no export.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c> (then <see cref="Endpoint"/> is the gRPC address, e.g. port 4317).</summary>
    public string Protocol { get; init; } = "http/protobuf";

    /// <summary>How often metrics are exported and the batch of spans is flushed, in milliseconds.</summary>
    public int ExportIntervalMs { get; init; } = 60_000;

    /// <summary>Optional headers, <c>key=value</c> pairs separated by commas (as <c>OTEL_EXPORTER_OTLP_HEADERS</c>).</summary>
    public string? Headers { get; init; }
}
