using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Bench;

/// <summary>
/// Times <see cref="SchemaDiffer.Diff"/> on two generated 1,000-property schemas (typed, bounded, nested, with
/// about one property in ten changed) and prints a Markdown table. The target is under 50 ms per diff.
/// </summary>
internal static class DiffCommand
{
    public static int Run(CommandArguments arguments)
    {
        var properties = arguments.Int("properties", 1000, 1);
        var runs = arguments.Int("runs", 30, 1);
        using var older = JsonDocument.Parse(Schema(properties, changed: false));
        using var newer = JsonDocument.Parse(Schema(properties, changed: true));
        var changes = 0;
        for (var i = 0; i < 5; i++)
        {
            changes = SchemaDiffer.Diff(older.RootElement, newer.RootElement).Changes.Count;
        }
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            SchemaDiffer.Diff(older.RootElement, newer.RootElement);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"| Diff of two {properties:N0}-property schemas | Changes found | Min ms | Median ms | Max ms | Target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {runs} timed runs after 5 warm-ups, one thread | {changes} | {times[0]:0.00} | {median:0.00} | {times[^1]:0.00} | < 50 ms: {(median < 50 ? "PASS" : "FAIL")} |");
        return median < 50 ? 0 : 1;
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
