using System.Diagnostics;
using System.Text;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro;

namespace SchemaRegistry.Bench;

/// <summary>
/// Times <see cref="ISchemaFormat.Compare"/> of each schema format on two generated wide schemas (parsed once,
/// outside the timing) and prints a Markdown table: the best and the median of the timed runs after warm-ups, one
/// thread. A format is one entry of <see cref="Cases"/>; the target is under 20 ms per comparison.
/// </summary>
internal static class FormatsCommand
{
    private const double TargetMs = 20;

    private sealed record Case(string Title, ISchemaFormat Format, string Older, string Newer);

    private static IEnumerable<Case> Cases(int fields) =>
    [
        new($"Avro: two {fields:N0}-field records", new AvroFormat(), AvroRecord(fields, changed: false), AvroRecord(fields, changed: true)),
    ];

    public static int Run(CommandArguments arguments)
    {
        var fields = arguments.Int("fields", 500, 1);
        var runs = arguments.Int("runs", 30, 1);
        var warmups = arguments.Int("warmups", 10, 0);
        Console.WriteLine("| Compare | Changes found | Best ms | Median ms | Max ms | Target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var pass = true;
        foreach (var benchmark in Cases(fields))
        {
            var older = Parsed(benchmark.Format, benchmark.Older);
            var newer = Parsed(benchmark.Format, benchmark.Newer);
            var changes = 0;
            for (var i = 0; i < warmups; i++)
            {
                changes = benchmark.Format.Compare(older, newer).Changes.Count;
            }
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                benchmark.Format.Compare(older, newer);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var best = times[0];
            pass &= best < TargetMs;
            Console.WriteLine($"| {benchmark.Title}, best of {runs} runs after {warmups} warm-ups | {changes} | {best:0.000} | {times[times.Count / 2]:0.000} | {times[^1]:0.000} | < {TargetMs} ms: {(best < TargetMs ? "PASS" : "FAIL")} |");
        }
        return pass ? 0 : 1;
    }

    private static ParsedSchema Parsed(ISchemaFormat format, string text)
    {
        var parse = format.Parse(text, new Dictionary<string, string>());
        return parse.Schema ?? throw new InvalidOperationException(string.Join("; ", parse.Issues.Select(i => i.Message)));
    }

    /// <summary>
    /// A wide record of primitives, enums, nested records, arrays, maps and optional fields; the changed variant alters
    /// every tenth field in a rotating way (a promotion, a symbol added, a nested field added with a default, a branch
    /// added, a doc) and adds fields with and without defaults.
    /// </summary>
    private static string AvroRecord(int count, bool changed)
    {
        var builder = new StringBuilder("""{"type":"record","name":"Wide","namespace":"bench","fields":[""");
        for (var i = 0; i < count; i++)
        {
            var alter = changed && i % 10 == 7;
            builder.Append(i == 0 ? "" : ",").Append("{\"name\":\"f").Append(i).Append("\",\"type\":");
            builder.Append((i % 6, alter) switch
            {
                (0, false) => "\"int\"",
                (0, true) => "\"long\"",
                (1, false) => $$"""{"type":"enum","name":"E{{i}}","symbols":["A","B","C"]}""",
                (1, true) => $$"""{"type":"enum","name":"E{{i}}","symbols":["A","B","C","D"]}""",
                (2, false) => Nested(i, "int", ""),
                (2, true) => Nested(i, "long", """,{"name":"z","type":"string","default":""}"""),
                (3, false) => """["null","string"],"default":null""",
                (3, true) => """["null","string","int"],"default":null""",
                (4, false) => """{"type":"map","values":"double"}""",
                (4, true) => """{"type":"map","values":"double"},"doc":"changed" """,
                (_, false) => """{"type":"long","logicalType":"timestamp-millis"}""",
                _ => """{"type":"long","logicalType":"timestamp-micros"}""",
            });
            builder.Append('}');
        }
        if (changed)
        {
            builder.Append(""",{"name":"added_with_default","type":"string","default":""},{"name":"added_without_default","type":"int"}""");
        }
        return builder.Append("]}").ToString();
    }

    private static string Nested(int i, string items, string extra) =>
        $$$"""{"type":"record","name":"N{{{i}}}","fields":[{"name":"x","type":"string"},{"name":"y","type":{"type":"array","items":"{{{items}}}"}}{{{extra}}}]}""";
}
