using System.Text;
using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Tests.Drift;

/// <summary>
/// Drift detection costs nothing per record for paths already seen: paths are interned, samples kept as bytes
/// (bytes counted, not time), and a report counted from the detector equals one counted from its findings.
/// </summary>
public sealed class DriftAllocationTests
{
    private const string Schema = """
        {
          "type": "object",
          "required": ["id", "amount", "device"],
          "properties": {
            "id": {"type": "string"},
            "amount": {"type": "number"},
            "device": {"type": "object", "required": ["os"], "properties": {"os": {"type": "string"}}},
            "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}},
            "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
            "labels": {"type": "object", "patternProperties": {"^l_": {"type": "integer"}}, "additionalProperties": false}
          }
        }
        """;

    // New fields at the top and nested, inside an array and a map, a type change, a missing field, an escaped name.
    private const string Drifting = """
        {"id":7,"device":{"locale":"en-GB","model":"M1"},"lines":[{"sku":"a","qty":1},{"sku":"b","qty":2}],"attributes":{"k":1},"labels":{"l_a":1,"other":true},"session":"S1","caf\u00e9":2,"ingest_ms":401}
        """;

    [Fact]
    public void Inspecting_and_counting_a_drifting_record_allocates_nothing_once_its_paths_are_known()
    {
        var detector = new DriftDetector(DataShape.FromSchema(Schema));
        var report = new DriftReport();
        var bytes = Encoding.UTF8.GetBytes(Drifting.Trim());
        // The escaped name is unescaped into an array of its own each time; without it the record allocates nothing.
        var plain = Encoding.UTF8.GetBytes(Drifting.Trim().Replace(""","caf\u00e9":2""", "", StringComparison.Ordinal));
        for (var i = 0; i < 2000; i++)
        {
            Assert.True(detector.Inspect(plain));
            detector.AddTo(report, i + 1);
        }
        Assert.Equal(11, detector.Count);

        // As AllocationTests in JsonSchema.Tests: a one-off runtime allocation may land in one round, a per-record one in all.
        var allocated = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                detector.Inspect(plain);
                detector.AddTo(report, i + 1);
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(detector.Inspect(bytes));
        Assert.Contains(detector.Findings, f => f.Path == "café");
    }

    [Fact]
    public void A_report_counted_from_the_detector_equals_one_counted_from_its_findings()
    {
        var longText = new string('x', 190) + "ééééééé";
        string[] records =
        [
            Drifting.Trim(),
            """{"id":"a","amount":1,"device":{"os":"ios","locale":"de-CH"},"session":"S2","ingest_ms":12}""",
            """{"id":"b","amount":"12","device":{"os":"web","locale":"de-CH"},"session":"S2"}""",
            $$"""{"id":"c","amount":2,"device":{"os":"web"},"session":"{{longText}}1"}""",
            $$"""{"id":"d","amount":2,"device":{"os":"web"},"session":"{{longText}}2"}""",
            """{"id":"e","amount":3,"device":{"os":"web"},"lines":[{"qty":3},{"qty":4},{"qty":5},{"qty":6},{"qty":7},{"qty":"8"}]}""",
            """{"id":"f","amount":3,"device":{"os":"web"},"attributes":{"k":{"deep":1},"j":[1]},"labels":{"l_b":"x","x":1}}""",
            """[1,2]""",
            """{"id":"g","amount":3,"device":{"os":"web"},"session":"S3","session2":"\ud800"}""",
            """{"id":"h","amount":3,"device":{"os":"web"},"session":"S4","session5":"S5","session6":"S6","session7":"S7","session8":"S8"}""",
        ];
        var shape = DataShape.FromSchema(Schema);
        var detector = new DriftDetector(shape);
        var fromDetector = new DriftReport();
        var fromFindings = new DriftReport();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < records.Length; i++)
            {
                var number = round * records.Length + i + 1;
                if (detector.Inspect(Encoding.UTF8.GetBytes(records[i])))
                {
                    detector.AddTo(fromDetector, number);
                    fromFindings.AddAll(detector.Findings, number);
                }
            }
        }

        var expected = fromFindings.Fields.Select(Describe).ToList();
        Assert.Equal(expected, fromDetector.Fields.Select(Describe));
        Assert.Contains(expected, d => d.StartsWith("NewField session 21 1 string ", StringComparison.Ordinal));
        Assert.Contains(fromDetector.Fields, f => f.Samples.Any(s => s.EndsWith('…')));
        Assert.Contains(fromDetector.Fields, f => f.Path == "lines[].qty");
        Assert.Contains(fromDetector.Fields, f => f.Path == "attributes.k" && f.Kind == Core.Pipelines.DriftKind.TypeChange);
    }

    private static string Describe(DriftFieldStats f) =>
        $"{f.Kind} {f.Path} {f.Count} {f.FirstRecord} {f.InferredType} {f.ExpectedType} [{string.Join(" | ", f.Samples)}]";
}
