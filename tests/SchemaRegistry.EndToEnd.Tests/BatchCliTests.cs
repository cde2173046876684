using System.Globalization;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The Lambda-shaped use of the CLI (docs/performance.md): one small batch validated offline by a fresh
/// <c>schemareg data validate</c> process, end to end, with a schema its closed variant is the same as.
/// </summary>
public sealed class BatchCliTests : IDisposable
{
    private const string Schema = """
        {"type":"object","additionalProperties":false,"required":["event_id","amount","device"],
         "properties":{"event_id":{"type":"string","pattern":"^EV-[0-9]{4}$"},"amount":{"type":"number","minimum":0},
           "device":{"type":"object","additionalProperties":false,"required":["os"],"properties":{"os":{"enum":["ios","android"]}}}}}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_100_record_batch_in_a_fresh_process_counts_every_outcome_and_quarantines_what_fails()
    {
        // 70 valid; 10 invalid (a negative amount or an id the pattern rejects); 20 drifted (a field the schema lacks, or a
        // string amount: a type change).
        var lines = Enumerable.Range(0, 100).Select(i => (i % 10, i % 20) switch
        {
            (9, _) => Line("EV-" + Number(i), "1", """{"os":"ios","model":"x"}"""),
            (8, 8) => Line("EV-" + Number(i), "-1", """{"os":"ios"}"""),
            (8, _) => Line("EV-" + Number(i) + "x", "2", """{"os":"android"}"""),
            (7, _) => Line("EV-" + Number(i), "\"3\"", """{"os":"ios"}"""),
            _ => Line("EV-" + Number(i), i.ToString(CultureInfo.InvariantCulture) + ".5", """{"os":"android"}"""),
        });
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "event.schema.json"), Schema);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.ndjson"), string.Join("\n", lines) + "\n");

        var result = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "event.schema.json", "--input", "batch.ndjson",
            "--quarantine", "q", "--report", "report.json");

        Assert.True(result.Stderr.Length == 0, result.Stderr);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, "report.json")));
        var root = report.RootElement;
        Assert.Equal((100, 70, 10, 20, 30), (root.GetProperty("records").GetInt32(), root.GetProperty("valid").GetInt32(),
            root.GetProperty("invalid").GetInt32(), root.GetProperty("drifted").GetInt32(), root.GetProperty("quarantined").GetInt32()));
        Assert.Equal(30, (await File.ReadAllLinesAsync(Path.Combine(_dir.Path, "q", "records.ndjson"))).Length);
        var manifest = await File.ReadAllLinesAsync(Path.Combine(_dir.Path, "q", "manifest.ndjson"));
        Assert.Equal(30, manifest.Length);
        Assert.Contains(manifest, line => line.Contains("device.model", StringComparison.Ordinal));
        Assert.Contains(manifest, line => line.Contains("pattern", StringComparison.Ordinal));
    }

    private static string Number(int i) => i.ToString("0000", CultureInfo.InvariantCulture);

    private static string Line(string id, string amount, string device) =>
        "{\"event_id\":\"" + id + "\",\"amount\":" + amount + ",\"device\":" + device + "}";
}
