using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// OpenTelemetry export next to <c>/metrics</c>: the registry's meter (and the runtime's) and its spans (ASP.NET Core
/// requests, schema resolution) over OTLP to a collector, such as the CloudWatch agent or the ADOT collector, which
/// forwards them to CloudWatch. Off unless <c>Telemetry:Otlp:Endpoint</c> is set.
/// </summary>
internal static class OtlpExport
{
    public static void Add(IServiceCollection services, TelemetryOptions options)
    {
        if (options.Otlp.Endpoint is not { Length: > 0 } endpoint)
        {
            return;
        }
        var otlp = options.Otlp;
        var protocol = otlp.Protocol switch
        {
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            _ => throw new InvalidOperationException($"Telemetry:Otlp:Protocol must be http/protobuf or grpc, not '{otlp.Protocol}'."),
        };
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Telemetry:Otlp:Endpoint must be an http(s) URL, not '{endpoint}'.");
        }
        if (otlp.ExportIntervalMs < 100)
        {
            throw new InvalidOperationException("Telemetry:Otlp:ExportIntervalMs must be at least 100.");
        }

        // Over HTTP the exporter posts to the endpoint as given, so the signal's path is added here (as the
        // OTEL_EXPORTER_OTLP_ENDPOINT variable would); over gRPC the endpoint is the address itself.
        Uri For(string signal) => protocol == OtlpExportProtocol.Grpc ? baseUri : new Uri(baseUri.ToString().TrimEnd('/') + "/v1/" + signal);
        void Configure(OtlpExporterOptions exporter, string signal)
        {
            exporter.Endpoint = For(signal);
            exporter.Protocol = protocol;
            exporter.Headers = otlp.Headers;
        }

        services.AddHostedService<PipelineHealthSampler>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ServerTelemetry.Name, "System.Runtime")
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = otlp.ExportIntervalMs;
                }))
            .WithTracing(tracing => tracing
                .AddSource(ServerTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(exporter =>
                {
                    Configure(exporter, "traces");
                    exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = otlp.ExportIntervalMs;
                }));
    }
}
