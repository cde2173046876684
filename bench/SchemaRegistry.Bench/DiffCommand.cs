using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Bench;

/// <summary>
/// Times <see cref="SchemaDiffer.Diff"/> on two generated 1,000-property schemas (typed, bounded, nested, with
/// about one property in ten changed; target under 50 ms per diff) and on two 200-branch oneOfs of tagged records
/// (every tenth branch widened, so the inclusion engine must prove the branches disjoint on both sides and
/// each old branch inside a new one; target under 200 ms), and prints a Markdown table.
/// </summary>
internal static class DiffCommand
{
    public static int Run(CommandArguments arguments)
    {
        var properties = arguments.Int("properties", 1000, 1);
        var branches = arguments.Int("branches", 200, 2);
        var runs = arguments.Int("runs", 30, 1);
        Console.WriteLine($"| Diff ({runs} timed runs after 5 warm-ups, one thread) | Changes found | Verdict B/F | Min ms | Median ms | Max ms | Median CPU ms | Target (median) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---|");
        var wide = Measure($"two {properties:N0}-property schemas", Schema(properties, changed: false), Schema(properties, changed: true), runs, 50);
        var union = Measure($"two {branches:N0}-branch oneOfs", OneOf(branches, changed: false), OneOf(branches, changed: true), runs, 200);
        return wide && union ? 0 : 1;
    }

    private static bool Measure(string what, string oldSchema, string newSchema, int runs, double targetMs)
    {
        using var older = JsonDocument.Parse(oldSchema);
        using var newer = JsonDocument.Parse(newSchema);
        SchemaDiff diff = SchemaDiffer.Diff(older.RootElement, newer.RootElement);
        for (var i = 0; i < 4; i++)
        {
            diff = SchemaDiffer.Diff(older.RootElement, newer.RootElement);
        }
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            SchemaDiffer.Diff(older.RootElement, newer.RootElement);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        var median = times[times.Count / 2];
        var verdict = $"{(diff.IsBackwardCompatible ? "yes" : "no")}/{(diff.IsForwardCompatible ? "yes" : "no")}";
        Console.WriteLine($"| {what} | {diff.Changes.Count} | {verdict} | {times[0]:0.00} | {median:0.00} | {times[^1]:0.00} | {cpu[cpu.Count / 2]:0.0} | < {targetMs:0} ms: {(median < targetMs ? "PASS" : "FAIL")} |");
        return median < targetMs;
    }

    /// <summary>A oneOf of tagged records; the changed variant widens the amount of every tenth branch to any number.</summary>
    private static string OneOf(int count, bool changed)
    {
        var builder = new StringBuilder("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"oneOf\":[");
        for (var i = 0; i < count; i++)
        {
            var amount = changed && i % 10 == 3 ? "{\"type\":\"number\"}" : "{\"type\":\"integer\",\"minimum\":0}";
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"type\":\"object\",\"required\":[\"kind\",\"amount\"],\"properties\":{\"kind\":{\"const\":\"k").Append(i)
                .Append("\"},\"amount\":").Append(amount).Append(",\"note\":{\"type\":\"string\",\"maxLength\":80}},\"additionalProperties\":false}");
        }
        return builder.Append("]}").ToString();
    }

    /// <summary>A wide record schema; the changed variant alters every tenth property in a rotating way.</summary>
    private static string Schema(int count, bool changed)
    {
        var builder = new StringBuilder("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"p0\"");
        for (var i = 1; i < count; i += changed ? 3 : 4)
        {
            builder.Append(",\"p").Append(i).Append('"');
        }
        builder.Append("],\"properties\":{");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            var alter = changed && i % 10 == 7;
            builder.Append("\"p").Append(i).Append("\":");
            builder.Append((i % 5, alter) switch
            {
                (0, false) => """{"type":"string","maxLength":40,"description":"text"}""",
                (0, true) => """{"type":"string","maxLength":20,"description":"shorter text"}""",
                (1, false) => """{"type":"integer","minimum":0}""",
                (1, true) => """{"type":"number","minimum":0}""",
                (2, false) => """{"enum":["a","b","c"]}""",
                (2, true) => """{"enum":["a","b","c","d"]}""",
                (3, false) => """{"type":"object","properties":{"x":{"type":"string","format":"date"},"y":{"type":"array","items":{"type":"integer"}}}}""",
                (3, true) => """{"type":"object","required":["x"],"properties":{"x":{"type":"string","format":"date"},"y":{"type":"array","items":{"type":"number"}}}}""",
                (_, false) => """{"type":["string","null"],"pattern":"^[A-Z]{3}$"}""",
                _ => """{"type":"string","pattern":"^[A-Z]{3}$"}""",
            });
        }
        builder.Append("}}");
        return builder.ToString();
    }
}
