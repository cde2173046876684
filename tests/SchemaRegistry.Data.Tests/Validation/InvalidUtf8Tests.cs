using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>
/// Issue 22, point 8: a record whose string holds bytes that are not UTF-8 (a stray <c>FF FE</c>, the overlong
/// <c>C0 AF</c>, the encoded surrogate <c>ED A0 80</c>) was counted valid, from NDJSON and from CSV. It is invalid,
/// quarantined as it arrived, with a PIPE-1002 reason naming the bytes, their offset and the field.
/// </summary>
public sealed class InvalidUtf8Tests
{
    private const string Schema = """
        {"type": "object", "properties": {"name": {"type": "string"}, "n": {"type": "integer"}}}
        """;

    public static TheoryData<string, byte[]> BadSequences => new()
    {
        { "stray bytes", [(byte)'a', 0xFF, 0xFE] },
        { "overlong slash", [0xC0, 0xAF] },
        { "encoded surrogate", [0xED, 0xA0, 0x80] },
    };

    [Theory]
    [MemberData(nameof(BadSequences))]
    public async Task An_ndjson_string_that_is_not_utf8_makes_its_record_invalid_with_the_reason(string what, byte[] bad)
    {
        var body = Concat("{\"name\":\"ok\",\"n\":1}\n{\"n\":2,\"name\":\""u8.ToArray(), bad, "\"}\n{\"name\":\"fine\"}\n"u8.ToArray());

        var (summary, quarantined, manifest) = await ValidateAsync(DataFormat.Ndjson, body);

        Assert.True(summary.Records == 3 && summary.Valid == 2 && summary.Invalid == 1, what);
        Assert.Equal([2L], summary.FailedRecordSample);
        // The quarantine holds the record byte for byte.
        Assert.Equal(Concat("{\"n\":2,\"name\":\""u8.ToArray(), bad, "\"}"u8.ToArray()), quarantined);
        var reason = Reason(manifest);
        Assert.Equal("PIPE-1002", reason.GetProperty("code").GetString());
        Assert.Equal("encoding", reason.GetProperty("keyword").GetString());
        Assert.Equal("/name", reason.GetProperty("path").GetString());
        Assert.Contains($"at byte {15 + (bad[0] == 'a' ? 1 : 0)} of the record", reason.GetProperty("message").GetString());
        Assert.Contains("not valid UTF-8", reason.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(BadSequences))]
    public async Task A_csv_cell_that_is_not_utf8_makes_its_row_invalid_with_the_reason(string what, byte[] bad)
    {
        var body = Concat("n,name\n1,ok\n2,"u8.ToArray(), bad, "\n3,\"quoted \"\""u8.ToArray(), bad, "\"\n4,fine\n"u8.ToArray());

        var (summary, quarantined, manifest) = await ValidateAsync(DataFormat.Csv, body);

        Assert.True(summary.Records == 4 && summary.Valid == 2 && summary.Invalid == 2, what);
        Assert.Equal([2L, 3L], summary.FailedRecordSample);
        // The rows are kept as they arrived, under the header: the bytes are not replaced by U+FFFD, the quotes not undone.
        Assert.Equal(Concat("n,name\n2,"u8.ToArray(), bad, "\n3,\"quoted \"\""u8.ToArray(), bad, "\""u8.ToArray()), quarantined);
        Assert.Equal("/name", Reason(manifest).GetProperty("path").GetString());
        Assert.Equal("PIPE-1002", Reason(manifest).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_csv_header_that_is_not_utf8_text_or_is_json_is_a_format_error()
    {
        var gzip = new MemoryStream();
        await using (var zip = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await zip.WriteAsync("{\"name\":\"a\"}\n"u8.ToArray());
        }
        await Assert.ThrowsAsync<CsvFormatException>(() => ValidateAsync(DataFormat.Csv, gzip.ToArray()));
        var json = await Assert.ThrowsAsync<CsvFormatException>(() => ValidateAsync(DataFormat.Csv, "{\"name\":\"a\",\"n\":1}\n"u8.ToArray()));
        Assert.Contains("NDJSON", json.Message);
    }

    [Fact]
    public async Task A_csv_with_only_its_header_has_no_records()
    {
        var (summary, _, _) = await ValidateAsync(DataFormat.Csv, "n,name\n"u8.ToArray());
        Assert.Equal(0, summary.Records);
    }

    [Fact]
    public void The_defect_names_the_array_slot_or_nested_field_holding_it()
    {
        Assert.Equal("/a/1", Utf8Defect.Find(Concat("{\"a\":[1,\""u8.ToArray(), [0xFF], "\"]}"u8.ToArray()))!.Path);
        Assert.Equal("/x/1/b", Utf8Defect.Find(Concat("{\"x\":[{\"q\":1},{\"b\":\""u8.ToArray(), [0xC0, 0xAF], "\"}]}"u8.ToArray()))!.Path);
        Assert.Null(Utf8Defect.Find("{\"a\":\"é😀\"}"u8));
    }

    private static async Task<(BatchSummary Summary, byte[] Quarantined, string Manifest)> ValidateAsync(DataFormat format, byte[] body)
    {
        var contract = CompiledDataContract.Compile(Schema, new Dictionary<string, string>(), "https://example.test/");
        using var input = new MemoryStream(body);
        using var records = new MemoryStream();
        using var manifest = new MemoryStream();
        await using var reader = await RecordReaders.OpenAsync(format, input, contract.Shape.TopLevelKinds, CancellationToken.None);
        BatchSummary summary;
        await using (var quarantine = new QuarantineWriter(records, manifest))
        {
            summary = await BatchValidator.ValidateAsync(reader, contract.Classifier(DriftPolicy.Quarantine), contract.Shape, quarantine, null, null, CancellationToken.None);
        }
        return (summary, records.ToArray().AsSpan().TrimEnd((byte)'\n').ToArray(), Encoding.UTF8.GetString(manifest.ToArray()));
    }

    private static JsonElement Reason(string manifest) =>
        JsonDocument.Parse(manifest.Split('\n')[0]).RootElement.GetProperty("reasons")[0];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
