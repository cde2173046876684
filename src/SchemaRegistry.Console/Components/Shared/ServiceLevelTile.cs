using System.Globalization;
using SchemaRegistry.Server.Metrics;

namespace SchemaRegistry.Ui.Components.Shared;

/// <summary>One of the seeds' service levels: its value over the last hour, its target, and pass, fail or none (no data).</summary>
public sealed record ServiceLevelTile(string Name, string Value, string Target, string Verdict)
{
    public static IReadOnlyList<ServiceLevelTile> Of(ServiceLevelSnapshot window, long records, long valid)
    {
        ArgumentNullException.ThrowIfNull(window);
        return
        [
            window.LatencyP95Ms is { } p95
                ? new("API latency P95", double.IsPositiveInfinity(p95) ? "> 5000 ms" : $"≤ {p95.ToString(CultureInfo.InvariantCulture)} ms", "≤ 300 ms", p95 <= 300 ? "pass" : "fail")
                : new("API latency P95", "–", "≤ 300 ms", "none"),
            Ratio("Cache hit ratio", window.CacheHits, window.CacheLookups, "≥ 90 %", r => r >= 0.90),
            Ratio("Pipeline validation success", valid, records, "≥ 99 %", r => r >= 0.99),
            Ratio("API failure rate (5xx)", window.Failures, window.Requests, "≤ 1 %", r => r <= 0.01),
        ];
    }

    private static ServiceLevelTile Ratio(string name, long part, long whole, string target, Func<double, bool> meets)
    {
        if (whole == 0)
        {
            return new(name, "–", target, "none");
        }
        var ratio = (double)part / whole;
        return new(name, (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %", target, meets(ratio) ? "pass" : "fail");
    }
}
