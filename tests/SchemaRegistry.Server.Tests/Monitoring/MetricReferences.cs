using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Server.Tests.Monitoring;

/// <summary>The registry's metric names that monitoring files use, and whether a scrape or the meters have them.</summary>
public static partial class MetricReferences
{
    /// <summary>Our metric names in PromQL (the registry's prefixes; labels, functions and alert names never start with them).</summary>
    [GeneratedRegex(@"\b(?:registry|pipeline|schema|drift)_[a-z0-9_]+\b")]
    private static partial Regex PrometheusName();

    [GeneratedRegex(@"^\s*expr:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex RuleExpression();

    public static IReadOnlySet<string> InPromQl(IEnumerable<string> expressions) =>
        expressions.SelectMany(e => PrometheusName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The expressions of a rules file (each rule's <c>expr:</c> is on one line, which the rules keep to).</summary>
    public static IEnumerable<string> RuleExpressions(string rulesYaml) => RuleExpression().Matches(rulesYaml).Select(m => m.Groups[1].Value);

    /// <summary>Every <c>expr</c> of every target of every panel of a Grafana dashboard.</summary>
    public static IEnumerable<string> GrafanaExpressions(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!);

    /// <summary>The metric name of every row of every metric widget of a CloudWatch dashboard body: [namespace, name, dimension, value…].</summary>
    public static IEnumerable<string> CloudWatchMetrics(JsonElement dashboard) =>
        dashboard.GetProperty("widgets").EnumerateArray()
            .Where(widget => widget.GetProperty("type").GetString() == "metric")
            .SelectMany(widget => widget.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Select(row => row[1].GetString()!);

    /// <summary>The names of <paramref name="wanted"/> that have no sample line in the Prometheus text <paramref name="scrape"/>.</summary>
    public static IReadOnlyList<string> MissingFrom(string scrape, IEnumerable<string> wanted)
    {
        var exported = scrape.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .ToHashSet(StringComparer.Ordinal);
        return wanted.Where(name => !exported.Contains(name)).Order(StringComparer.Ordinal).ToList();
    }
}
