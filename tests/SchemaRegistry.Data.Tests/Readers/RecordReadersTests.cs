using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Tests.Readers;

public sealed class RecordReadersTests
{
    [Theory]
    [InlineData("application/x-ndjson", DataFormat.Ndjson)]
    [InlineData("application/jsonl", DataFormat.Ndjson)]
    [InlineData("application/jsonlines", DataFormat.Ndjson)]
    [InlineData("Application/X-NDJSON; charset=utf-8", DataFormat.Ndjson)]
    [InlineData("text/csv", DataFormat.Csv)]
    [InlineData("text/csv;charset=UTF-8;header=present", DataFormat.Csv)]
    [InlineData(" TEXT/CSV ", DataFormat.Csv)]
    [InlineData("application/vnd.apache.parquet", DataFormat.Parquet)]
    [InlineData("application/x-parquet", DataFormat.Parquet)]
    [InlineData("application/parquet", DataFormat.Parquet)]
    public void Content_types_name_their_format(string contentType, DataFormat format)
    {
        Assert.Equal(format, RecordReaders.FromContentType(contentType));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("application/json-seq")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    public void Other_content_types_name_no_format(string? contentType)
    {
        Assert.Null(RecordReaders.FromContentType(contentType));
    }

    [Theory]
    [InlineData("batch.ndjson", DataFormat.Ndjson)]
    [InlineData("batch.jsonl", DataFormat.Ndjson)]
    [InlineData("/data/batch.JSON", DataFormat.Ndjson)]
    [InlineData("orders.csv", DataFormat.Csv)]
    [InlineData("dir.v2/orders.Parquet", DataFormat.Parquet)]
    public void File_extensions_name_their_format(string fileName, DataFormat format)
    {
        Assert.Equal(format, RecordReaders.FromFileName(fileName));
    }

    [Theory]
    [InlineData("orders.csv.gz")]
    [InlineData("orders")]
    [InlineData("orders.txt")]
    public void Other_file_names_name_no_format(string fileName)
    {
        Assert.Null(RecordReaders.FromFileName(fileName));
    }

    [Fact]
    public async Task The_factory_opens_ndjson_and_csv_readers()
    {
        var kinds = new Dictionary<string, ValueKinds> { ["n"] = ValueKinds.Integer };

        await using (var ndjson = await RecordReaders.OpenAsync(
            DataFormat.Ndjson, new MemoryStream("{\"n\":1}\n"u8.ToArray()), kinds, CancellationToken.None))
        {
            Assert.IsType<NdjsonRecordReader>(ndjson);
            Assert.Empty(ndjson.DeclaredFields);
            Assert.Equal([(1L, "{\"n\":1}")], await Records.ReadAllAsync(ndjson));
        }
        await using (var csv = await RecordReaders.OpenAsync(
            DataFormat.Csv, new MemoryStream(Encoding.UTF8.GetBytes("n\n1\n")), kinds, CancellationToken.None))
        {
            Assert.IsType<CsvRecordReader>(csv);
            Assert.Empty(csv.DeclaredFields);
            Assert.Equal([(1L, "{\"n\":1}")], await Records.ReadAllAsync(csv));
        }
    }

    [Fact]
    public async Task A_block_target_bounds_what_one_read_gathers()
    {
        var lines = string.Concat(Enumerable.Range(1, 1000).Select(i => $"{{\"n\":{i}}}\n"));
        await using var reader = new NdjsonRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(lines)), targetBytes: 100);
        var block = new RecordBlock(64);
        var total = 0;

        while (await reader.ReadAsync(block, CancellationToken.None))
        {
            Assert.InRange(block.Length, 1, 100 + 12);
            total += block.Count;
        }

        Assert.Equal(1000, total);
    }
}
