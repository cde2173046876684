using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>
/// <see cref="BatchValidator"/> over real files opened as <c>data validate</c> opens them: every record lands in
/// exactly one place (passed or quarantine), quarantine lines and manifest lines pair up, nothing stays buffered.
/// </summary>
public sealed class BatchValidatorTests : IDisposable
{
    private const string Schema = """
        {"type": "object", "required": ["invoice_id", "amount"], "additionalProperties": false,
         "properties": {"invoice_id": {"type": "string", "pattern": "^INV-"}, "amount": {"type": "number", "minimum": 0}}}
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_record_is_passed_or_quarantined_with_its_reasons_on_the_matching_manifest_line()
    {
        var lines = new List<string>();
        for (var i = 1; i <= 20_000; i++)
        {
            lines.Add((i % 7, i % 11) switch
            {
                (0, _) => $"{{\"invoice_id\":\"INV-{i}\",\"amount\":{i},\"region\":\"EU\"}}",
                (_, 0) => $"{{\"invoice_id\":\"X-{i}\",\"amount\":{i}}}",
                _ => $"{{\"invoice_id\":\"INV-{i}\",\"amount\":{i}}}",
            });
        }
        var source = Path.Combine(_folder.Path, "in.ndjson");
        await File.WriteAllLinesAsync(source, lines);
        var contract = CompiledDataContract.Compile(Schema, new Dictionary<string, string>(), "https://example.test/");
        var recordsPath = Path.Combine(_folder.Path, "records.ndjson");
        var manifestPath = Path.Combine(_folder.Path, "manifest.ndjson");
        var passedPath = Path.Combine(_folder.Path, "passed.ndjson");

        BatchSummary summary;
        await using (var input = DataFiles.OpenRead(source))
        await using (var reader = await RecordReaders.OpenAsync(DataFormat.Ndjson, input, contract.Shape.TopLevelKinds, CancellationToken.None))
        await using (var records = DataFiles.Create(recordsPath))
        await using (var manifest = DataFiles.Create(manifestPath))
        await using (var passed = DataFiles.Create(passedPath))
        {
            var quarantine = new QuarantineWriter(records, manifest);
            summary = await BatchValidator.ValidateAsync(reader, contract.Classifier(DriftPolicy.Quarantine), contract.Shape, quarantine, passed, null, CancellationToken.None);
            // The summary is returned with the files complete, before the writer or the streams are disposed.
            Assert.Equal(summary.Quarantined, File.ReadLines(recordsPath).Count());
            Assert.Equal(summary.Valid, File.ReadLines(passedPath).Count());
            await quarantine.DisposeAsync();
        }

        var drifted = Enumerable.Range(1, 20_000).Count(i => i % 7 == 0);
        var invalid = Enumerable.Range(1, 20_000).Count(i => i % 7 != 0 && i % 11 == 0);
        Assert.Equal((20_000L, 20_000L - drifted - invalid, (long)invalid, (long)drifted), (summary.Records, summary.Valid, summary.Invalid, summary.Drifted));

        var passedLines = await File.ReadAllLinesAsync(passedPath);
        Assert.Equal(lines.Where((_, i) => (i + 1) % 7 != 0 && (i + 1) % 11 != 0), passedLines);
        var quarantined = await File.ReadAllLinesAsync(recordsPath);
        var entries = (await File.ReadAllLinesAsync(manifestPath)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(quarantined.Length, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var number = entries[i].GetProperty("record").GetInt64();
            Assert.Equal(lines[(int)number - 1], quarantined[i]);
            var codes = entries[i].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
            if (number % 7 == 0)
            {
                Assert.Equal("drifted", entries[i].GetProperty("outcome").GetString());
                Assert.Contains("PIPE-1204", codes);
            }
            else
            {
                Assert.Equal("invalid", entries[i].GetProperty("outcome").GetString());
                Assert.Equal(["PIPE-1002"], codes.Distinct());
            }
        }
    }

    [Fact]
    public async Task A_drifted_record_that_also_breaks_a_rule_is_quarantined_as_drifted_with_both_reasons()
    {
        var contract = CompiledDataContract.Compile(Schema, new Dictionary<string, string>(), "https://example.test/");
        var classifier = contract.Classifier(DriftPolicy.Quarantine);
        var record = Encoding.UTF8.GetBytes("""{"invoice_id":"X-1","amount":-3,"region":"EU"}""");

        Assert.Equal(RecordOutcome.Drifted, classifier.Classify(record));
        var reasons = classifier.Explain(record);
        Assert.Contains(reasons, r => r.Code == "PIPE-1204" && r.Path == "/region");
        Assert.Contains(reasons, r => r.Code == "PIPE-1002" && r.Keyword == "pattern");
        Assert.Contains(reasons, r => r.Code == "PIPE-1002" && r.Keyword == "minimum");

        // Under allow the drift is only reported, so the broken rules decide.
        Assert.Equal(RecordOutcome.Invalid, contract.Classifier(DriftPolicy.Allow).Classify(record));
    }
}
