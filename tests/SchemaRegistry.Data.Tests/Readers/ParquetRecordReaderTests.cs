using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Data.Tests.Readers;

public sealed class ParquetRecordReaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Flat_columns_declare_their_kinds_and_nullability()
    {
        await using var stream = await WriteFlatFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream);

        Assert.Equal(
            [
                new SourceField("id", ValueKinds.Integer, false),
                new SourceField("big", ValueKinds.Integer, true),
                new SourceField("name", ValueKinds.String, true),
                new SourceField("flag", ValueKinds.Boolean, true),
                new SourceField("ratio", ValueKinds.Integer | ValueKinds.Fraction, true),
                new SourceField("f32", ValueKinds.Integer | ValueKinds.Fraction, false),
                new SourceField("price", ValueKinds.Integer | ValueKinds.Fraction, true),
                new SourceField("ts", ValueKinds.String, true),
                new SourceField("day", ValueKinds.String, true),
                new SourceField("blob", ValueKinds.String, true),
                new SourceField("uid", ValueKinds.String, true),
                new SourceField("tm", ValueKinds.String, true),
            ],
            reader.DeclaredFields);
    }

    [Fact]
    public async Task Flat_rows_across_row_groups_become_json_objects_numbered_through_the_file()
    {
        await using var stream = await WriteFlatFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream);

        var records = await Records.ReadAllAsync(reader);

        Assert.Equal([1L, 2L, 3L], records.Select(record => record.Number));
        AssertJson(
            """
            {"id":1,"big":10000000000,"name":"Zoé","flag":true,"ratio":0.25,"f32":1.5,"price":12.34,
             "ts":"2024-03-01T12:30:45.123Z","day":"2024-03-01","blob":"AQID","uid":"6f9619ff-8b86-d011-b42d-00c04fc964ff",
             "tm":"01:02:03.004"}
            """,
            records[0].Json);
        AssertJson(
            """
            {"id":2,"f32":"NaN"}
            """,
            records[1].Json);
        AssertJson(
            """
            {"id":3,"big":-1,"name":"say \"hi\"","flag":false,"ratio":-2,"f32":"-Infinity","price":-0.50,
             "ts":"1999-12-31T23:59:59Z","day":"1999-12-31","blob":"","uid":"00000000-0000-0000-0000-000000000000",
             "tm":"00:00:00"}
            """,
            records[2].Json);
    }

    [Fact]
    public async Task A_null_is_kept_only_in_a_top_level_column_the_schema_declares_nullable()
    {
        await using var stream = await WriteFlatFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream, nullableColumns: new HashSet<string> { "name", "day" });

        var records = await Records.ReadAllAsync(reader);

        AssertJson("""{"id":2,"name":null,"f32":"NaN","day":null}""", records[1].Json);
    }

    [Fact]
    public async Task Nested_fields_declare_dotted_paths()
    {
        await using var stream = await WriteNestedFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream);

        Assert.Equal(
            [
                new SourceField("id", ValueKinds.Integer, false),
                new SourceField("customer", ValueKinds.Object, true),
                new SourceField("customer.id", ValueKinds.Integer, false),
                new SourceField("customer.name", ValueKinds.String, true),
                new SourceField("lines", ValueKinds.Array, true),
                new SourceField("lines[]", ValueKinds.Object, true),
                new SourceField("lines[].sku", ValueKinds.String, true),
                new SourceField("lines[].qty", ValueKinds.Integer, false),
                new SourceField("tags", ValueKinds.Array, true),
                new SourceField("tags[]", ValueKinds.String, true),
                new SourceField("counts", ValueKinds.Object, true),
                new SourceField("scores", ValueKinds.Array, false),
                new SourceField("scores[]", ValueKinds.Integer, false),
            ],
            reader.DeclaredFields);
    }

    [Fact]
    public async Task Structs_lists_of_structs_lists_and_maps_are_assembled_row_by_row()
    {
        await using var stream = await WriteNestedFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream);

        var records = await Records.ReadAllAsync(reader);

        Assert.Equal([1L, 2L, 3L, 4L], records.Select(record => record.Number));
        AssertJson(
            """
            {"id":1,"customer":{"id":7,"name":"Ada"},
             "lines":[{"sku":"A-1","qty":2},{"qty":5},{"sku":"C","qty":0}],
             "tags":["new","vip"],"counts":{"x":1,"y":2},"scores":[1,2,3]}
            """,
            records[0].Json);
        AssertJson(
            """{"id":2,"tags":[],"scores":[]}""",
            records[1].Json);
        AssertJson(
            """
            {"id":3,"customer":{"id":0},"lines":[],"tags":[null,"x"],"counts":{},"scores":[9]}
            """,
            records[2].Json);
        AssertJson(
            """{"id":4,"customer":{"id":8,"name":"Bo"},"lines":[{"sku":"D","qty":1}],"counts":{"z":3},"scores":[]}""",
            records[3].Json);
    }

    [Fact]
    public async Task A_small_target_spreads_rows_over_blocks_with_at_least_one_each()
    {
        await using var stream = await WriteNestedFileAsync();
        await using var reader = await ParquetRecordReader.OpenAsync(stream, targetBytes: 1);
        var block = new RecordBlock(16);
        var numbers = new List<long>();

        while (await reader.ReadAsync(block, CancellationToken.None))
        {
            Assert.Equal(1, block.Count);
            numbers.Add(block.Records[0].Number);
        }

        Assert.Equal([1L, 2L, 3L, 4L], numbers);
    }

    [Fact]
    public async Task Levels_that_do_not_line_up_stop_the_read_instead_of_shifting_values_between_rows()
    {
        // Parquet.Net 6.1 writes a null struct inside a list as an empty list followed by a repeated entry, which no
        // row assembly can place.
        Order[] orders =
        [
            new() { Id = 1, Lines = [null, new Line { Sku = "D", Qty = 1 }] },
            new() { Id = 2, Lines = [new Line { Sku = "E", Qty = 2 }] },
        ];
        var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(orders, stream);
        stream.Position = 0;
        await using var reader = await ParquetRecordReader.OpenAsync(stream);

        var exception = await Assert.ThrowsAsync<ParquetFormatException>(() => Records.ReadAllAsync(reader));

        Assert.Contains("row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_is_a_format_error()
    {
        var path = await WriteNestedFileToDiskAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        await using var stream = File.OpenRead(path);

        var exception = await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetRecordReader.OpenAsync(stream));

        Assert.Contains("truncated", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PAR1")]
    [InlineData("{\"not\":\"parquet\"}\n{\"at\":\"all\"}\n")]
    public async Task Data_that_is_not_parquet_is_a_format_error(string text)
    {
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetRecordReader.OpenAsync(stream));
    }

    [Fact]
    public async Task A_footer_length_past_the_file_is_a_format_error()
    {
        await using var original = await WriteNestedFileAsync();
        var bytes = original.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 8), int.MaxValue);

        await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetRecordReader.OpenAsync(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task Corrupt_bytes_anywhere_give_a_format_error_or_records_never_another_failure()
    {
        await using var original = await WriteNestedFileAsync();
        var pristine = original.ToArray();
        var random = new Random(1234);
        for (var round = 0; round < 60; round++)
        {
            var bytes = (byte[])pristine.Clone();
            var at = random.Next(4, bytes.Length - 8);
            for (var i = at; i < Math.Min(at + random.Next(1, 16), bytes.Length - 8); i++)
            {
                bytes[i] = (byte)random.Next(256);
            }
            try
            {
                await using var reader = await ParquetRecordReader.OpenAsync(new MemoryStream(bytes));
                await Records.ReadAllAsync(reader).WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (ParquetFormatException)
            {
            }
        }
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_refused()
    {
        await using var stream = await WriteNestedFileAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => ParquetRecordReader.OpenAsync(new ChunkedStream(stream.ToArray(), seed: 1)));
    }

    [Fact]
    public async Task The_factory_opens_a_parquet_file_from_disk()
    {
        var path = await WriteNestedFileToDiskAsync();
        await using var stream = File.OpenRead(path);
        await using var reader = await RecordReaders.OpenAsync(
            DataFormat.Parquet, stream, new Dictionary<string, ValueKinds>(), CancellationToken.None);

        Assert.Equal(4, (await Records.ReadAllAsync(reader)).Count);
        Assert.Contains(reader.DeclaredFields, field => field.Path == "lines[].sku");
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.Equal(Records.Normalize(expected), Records.Normalize(actual));

    private static async Task<MemoryStream> WriteFlatFileAsync()
    {
        var id = new DataField<int>("id");
        var big = new DataField<long?>("big");
        var name = new DataField<string>("name", nullable: true);
        var flag = new DataField<bool?>("flag");
        var ratio = new DataField<double?>("ratio");
        var f32 = new DataField<float>("f32");
        var price = new DecimalDataField("price", 10, 2, isNullable: true);
        var ts = new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true);
        var day = new DataField<DateOnly?>("day");
        var blob = new DataField<byte[]>("blob", nullable: true);
        var uid = new DataField<Guid?>("uid");
        var tm = new TimeDataField("tm", TimeUnitPrecision.Millis, isNullable: true);
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(
            new ParquetSchema(id, big, name, flag, ratio, f32, price, ts, day, blob, uid, tm), stream, null, false, CancellationToken.None))
        {
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<int>(id, new[] { 1, 2 }, null, null, CancellationToken.None);
                await group.WriteAsync<long>(big, new long?[] { 10_000_000_000, null }, null, null, CancellationToken.None);
                await group.WriteAsync(name, ["Zoé", null!], null);
                await group.WriteAsync<bool>(flag, new bool?[] { true, null }, null, null, CancellationToken.None);
                await group.WriteAsync<double>(ratio, new double?[] { 0.25, null }, null, null, CancellationToken.None);
                await group.WriteAsync<float>(f32, new[] { 1.5f, float.NaN }, null, null, CancellationToken.None);
                await group.WriteAsync<decimal>(price, new decimal?[] { 12.34m, null }, null, null, CancellationToken.None);
                await group.WriteAsync<DateTime>(ts, new DateTime?[] { new DateTime(2024, 3, 1, 12, 30, 45, 123, DateTimeKind.Utc), null }, null, null, CancellationToken.None);
                await group.WriteAsync<DateOnly>(day, new DateOnly?[] { new DateOnly(2024, 3, 1), null }, null, null, CancellationToken.None);
                await group.WriteAsync(blob, [[1, 2, 3], null!], null);
                await group.WriteAsync<Guid>(uid, new Guid?[] { Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), null }, null, null, CancellationToken.None);
                await group.WriteAsync<int>(tm, new int?[] { 3_723_004, null }, null, null, CancellationToken.None);
            }
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<int>(id, new[] { 3 }, null, null, CancellationToken.None);
                await group.WriteAsync<long>(big, new long?[] { -1 }, null, null, CancellationToken.None);
                await group.WriteAsync(name, ["say \"hi\""], null);
                await group.WriteAsync<bool>(flag, new bool?[] { false }, null, null, CancellationToken.None);
                await group.WriteAsync<double>(ratio, new double?[] { -2 }, null, null, CancellationToken.None);
                await group.WriteAsync<float>(f32, new[] { float.NegativeInfinity }, null, null, CancellationToken.None);
                await group.WriteAsync<decimal>(price, new decimal?[] { -0.5m }, null, null, CancellationToken.None);
                await group.WriteAsync<DateTime>(ts, new DateTime?[] { new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc) }, null, null, CancellationToken.None);
                await group.WriteAsync<DateOnly>(day, new DateOnly?[] { new DateOnly(1999, 12, 31) }, null, null, CancellationToken.None);
                await group.WriteAsync(blob, [Array.Empty<byte>()], null);
                await group.WriteAsync<Guid>(uid, new Guid?[] { Guid.Empty }, null, null, CancellationToken.None);
                await group.WriteAsync<int>(tm, new int?[] { 0 }, null, null, CancellationToken.None);
            }
        }
        stream.Position = 0;
        return stream;
    }

    private static IReadOnlyList<Order> Orders() =>
    [
        new()
        {
            Id = 1,
            Customer = new Customer { Id = 7, Name = "Ada" },
            Lines = [new Line { Sku = "A-1", Qty = 2 }, new Line { Sku = null, Qty = 5 }, new Line { Sku = "C", Qty = 0 }],
            Tags = ["new", "vip"],
            Counts = new() { ["x"] = 1, ["y"] = 2 },
            Scores = [1, 2, 3],
        },
        new() { Id = 2, Tags = [], Scores = [] },
        new() { Id = 3, Customer = new Customer(), Lines = [], Tags = [null, "x"], Counts = [], Scores = [9] },
        new()
        {
            Id = 4,
            Customer = new Customer { Id = 8, Name = "Bo" },
            Lines = [new Line { Sku = "D", Qty = 1 }],
            Counts = new() { ["z"] = 3 },
            Scores = [],
        },
    ];

    private static async Task<MemoryStream> WriteNestedFileAsync()
    {
        var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(Orders(), stream, new ParquetOptions { RowGroupSize = 2 });
        stream.Position = 0;
        return stream;
    }

    private async Task<string> WriteNestedFileToDiskAsync()
    {
        var path = Path.Combine(_directory.Path, "orders.parquet");
        await using var stream = await WriteNestedFileAsync();
        await File.WriteAllBytesAsync(path, stream.ToArray());
        return path;
    }

    private sealed class Order
    {
        [JsonPropertyName("id")]
        public int Id { get; set; }

        [JsonPropertyName("customer")]
        public Customer? Customer { get; set; }

        [JsonPropertyName("lines")]
        public List<Line?>? Lines { get; set; }

        [JsonPropertyName("tags")]
        public List<string?>? Tags { get; set; }

        [JsonPropertyName("counts")]
        public Dictionary<string, int>? Counts { get; set; }

        [JsonPropertyName("scores")]
        [ParquetSimpleRepeatable]
        public List<int>? Scores { get; set; }
    }

    private sealed class Customer
    {
        [JsonPropertyName("id")]
        public int Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }

    private sealed class Line
    {
        [JsonPropertyName("sku")]
        public string? Sku { get; set; }

        [JsonPropertyName("qty")]
        public int Qty { get; set; }
    }
}
