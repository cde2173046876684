using System.Text;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Tests.Readers;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>
/// A CSV batch's quarantine holds the header row and the quarantined rows exactly as they arrived (quotes, embedded
/// commas and line ends, CRLF), whatever the pieces the source arrives in; the manifest stays NDJSON, line for row.
/// </summary>
public sealed class CsvQuarantineTests
{
    private const string Schema = """
        {"type": "object", "required": ["id", "amount"],
         "properties": {"id": {"type": "string"}, "note": {"type": "string"}, "amount": {"type": "number"}}}
        """;

    private const string Header = "id,note,amount\r\n";
    private const string Valid1 = "a,\"plain, with a comma\",1\r\n";
    private const string Embedded = "b,\"line one\r\nline two, \"\"quoted\"\"\",x\r\n";
    private const string Empty = "c,\"say \"\"hi\"\"\",\r\n";
    private const string Short = "d,\"ok\"\r\n";
    private const string Valid2 = "e,fine,2\r\n";
    private const string NoId = ",\"no id\",3";

    /// <summary>With a byte order mark first and the last row without a line end.</summary>
    internal static readonly byte[] Source = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Header + Valid1 + Embedded + Empty + "\r\n" + Short + Valid2 + NoId)];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_quarantine_file_is_the_header_and_the_failing_rows_byte_for_byte(int seed)
    {
        var contract = CompiledDataContract.Compile(Schema, new Dictionary<string, string>(), "https://example.test/");
        using var records = new MemoryStream();
        using var manifest = new MemoryStream();
        // Small pieces and small blocks: rows split across reads and across blocks.
        await using (var reader = new CsvRecordReader(new ChunkedStream(Source, seed), contract.Shape.TopLevelKinds, ',', 48, 1 << 16, 16))
        await using (var quarantine = new QuarantineWriter(records, manifest))
        {
            var summary = await BatchValidator.ValidateAsync(reader, contract.Classifier(DriftPolicy.Quarantine), contract.Shape, quarantine, null, null, CancellationToken.None);
            Assert.Equal((6L, 2L, 4L), (summary.Records, summary.Valid, summary.Quarantined));
            Assert.Equal(Header, Encoding.UTF8.GetString(reader.HeaderRow.Span));
        }
        Assert.Equal(Header + Embedded + Empty + Short + NoId, Encoding.UTF8.GetString(records.ToArray()));
        var numbers = Encoding.UTF8.GetString(manifest.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("record").GetInt64());
        Assert.Equal([2L, 3L, 4L, 6L], numbers);
    }

    [Fact]
    public async Task Every_record_of_a_csv_block_carries_its_row_and_an_ndjson_block_none()
    {
        await using var csv = new CsvRecordReader(new MemoryStream(Source), new Dictionary<string, Core.Compatibility.ValueKinds>());
        var block = new RecordBlock();
        Assert.True(await csv.ReadAsync(block, CancellationToken.None));
        Assert.True(block.HasRaw);
        Assert.Equal(Header, Encoding.UTF8.GetString(block.RawHeader.Span));
        Assert.Equal([Valid1, Embedded, Empty, Short, Valid2, NoId], Enumerable.Range(0, block.Count).Select(i => Encoding.UTF8.GetString(block.Raw(i).Span)));

        await using var ndjson = new NdjsonRecordReader(new MemoryStream("{\"id\":\"a\"}\n"u8.ToArray()));
        Assert.True(await ndjson.ReadAsync(block, CancellationToken.None));
        Assert.False(block.HasRaw);
        Assert.True(block.RawHeader.IsEmpty);
    }

    [Fact]
    public void Keeping_the_rows_in_a_block_allocates_nothing_per_row_once_the_block_has_grown()
    {
        var block = new RecordBlock();
        var row = Encoding.UTF8.GetBytes(Embedded);
        var json = "{\"id\":\"b\"}"u8.ToArray();
        Fill(block, row, json, 20_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Fill(block, row, json, 20_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated for 20,000 rows");
        Assert.Equal(Embedded, Encoding.UTF8.GetString(block.Raw(19_999).Span));
    }

    [Fact]
    public async Task Reading_the_header_alone_leaves_the_rows_to_read()
    {
        await using var csv = new CsvRecordReader(new ChunkedStream(Source, 3), new Dictionary<string, Core.Compatibility.ValueKinds>());
        Assert.Equal(Header, Encoding.UTF8.GetString((await csv.ReadHeaderAsync(CancellationToken.None)).Span));
        var block = new RecordBlock();
        var rows = 0;
        while (await csv.ReadAsync(block, CancellationToken.None))
        {
            rows += block.Count;
        }
        Assert.Equal(6, rows);
    }

    private static void Fill(RecordBlock block, byte[] row, byte[] json, int rows)
    {
        block.Clear();
        for (var i = 1; i <= rows; i++)
        {
            block.Add(i, json);
            block.AddRaw(row);
        }
    }
}
