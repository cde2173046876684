using Google.Protobuf;

namespace SchemaRegistry.Server.Tests.Telemetry;

/// <summary>
/// Reads the few fields the tests need from OTLP protobuf messages with Google.Protobuf's wire reader (the generated
/// OpenTelemetry.Proto classes are not on the package feed): metric names, span names and the service.name attribute.
/// Field numbers from opentelemetry/proto (collector/metrics/v1, metrics/v1, trace/v1, resource/v1, common/v1).
/// </summary>
public static class OtlpMessages
{
    // ExportMetricsServiceRequest.resource_metrics = 1; ResourceMetrics.scope_metrics = 2; ScopeMetrics.metrics = 2; Metric.name = 1.
    public static IReadOnlyList<string> MetricNames(byte[] request) => Strings(request, [1, 2, 2, 1]);

    // ExportTraceServiceRequest.resource_spans = 1; ResourceSpans.scope_spans = 2; ScopeSpans.spans = 2; Span.name = 5.
    public static IReadOnlyList<string> SpanNames(byte[] request) => Strings(request, [1, 2, 2, 5]);

    /// <summary>The <c>service.name</c> resource attribute (ResourceX.resource = 1; Resource.attributes = 1; KeyValue key = 1, value = 2; AnyValue.string_value = 1).</summary>
    public static IReadOnlyList<string> ServiceNames(byte[] request)
    {
        var names = new List<string>();
        foreach (var attribute in Messages(request, [1, 1, 1]))
        {
            var key = Strings(attribute, [1]);
            if (key.Count == 1 && key[0] == "service.name")
            {
                names.AddRange(Messages(attribute, [2]).SelectMany(value => Strings(value, [1])));
            }
        }
        return names;
    }

    private static List<string> Strings(byte[] message, int[] path) =>
        Messages(message, path).Select(bytes => System.Text.Encoding.UTF8.GetString(bytes)).ToList();

    /// <summary>The length-delimited fields reached by following <paramref name="path"/> (field numbers) from the top.</summary>
    private static List<byte[]> Messages(byte[] message, int[] path)
    {
        var current = new List<byte[]> { message };
        foreach (var field in path)
        {
            var next = new List<byte[]>();
            foreach (var bytes in current)
            {
                var input = new CodedInputStream(bytes);
                uint tag;
                while ((tag = input.ReadTag()) != 0)
                {
                    if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                    {
                        next.Add(input.ReadBytes().ToByteArray());
                    }
                    else
                    {
                        input.SkipLastField();
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
