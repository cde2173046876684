using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;

namespace SchemaRegistry.Data.Tests.Readers;

/// <summary>How <see cref="CsvRecordReader"/> splits CSV into rows and fields.</summary>
public sealed class CsvRecordReaderTests
{
    private static readonly Dictionary<string, ValueKinds> Strings = new()
    {
        ["a"] = ValueKinds.String,
        ["b"] = ValueKinds.String,
        ["c"] = ValueKinds.String,
    };

    [Fact]
    public async Task Rows_are_numbered_from_the_first_data_row()
    {
        var records = await ReadAsync("a,b\n1,2\n3,4\n");

        Assert.Equal([(1L, "{\"a\":\"1\",\"b\":\"2\"}"), (2L, "{\"a\":\"3\",\"b\":\"4\"}")], records);
    }

    [Fact]
    public async Task Quoted_fields_hold_delimiters_quotes_and_line_ends()
    {
        var records = await ReadAsync("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"\r\n\"\"\"\",\"\",z\r\n");

        Assert.Equal(
            [
                (1L, "{\"a\":\"x,y\",\"b\":\"say \\\"hi\\\"\",\"c\":\"line1\\r\\nline2\\nline3\"}"),
                (2L, "{\"a\":\"\\\"\",\"b\":\"\",\"c\":\"z\"}"),
            ],
            records);
    }

    [Fact]
    public async Task Quotes_inside_unquoted_fields_and_text_after_a_closing_quote_are_kept_as_text()
    {
        var records = await ReadAsync("a,b\nab\"c,\"x\"y z\n");

        Assert.Equal([(1L, "{\"a\":\"ab\\\"c\",\"b\":\"xy z\"}")], records);
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    [InlineData("\uFEFFa,b\n1,2\n")]
    [InlineData("a,b\n\n1,2\n\r\n\n")]
    public async Task Lf_crlf_cr_a_missing_last_line_end_a_bom_and_blank_lines_are_handled(string csv)
    {
        Assert.Equal([(1L, "{\"a\":\"1\",\"b\":\"2\"}")], await ReadAsync(csv));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_not_counted_as_rows()
    {
        var records = await ReadAsync("a,b\n1,2\n\n3,4\n");

        Assert.Equal([1L, 2L], records.Select(record => record.Number));
    }

    [Fact]
    public async Task Extra_fields_go_under_extra_names_and_missing_trailing_fields_are_absent()
    {
        var records = await ReadAsync("a,b\n1,2,3,4\n5\n6,\n");

        Assert.Equal(
            [
                (1L, "{\"a\":\"1\",\"b\":\"2\",\"_extra_1\":3,\"_extra_2\":4}"),
                (2L, "{\"a\":\"5\"}"),
                (3L, "{\"a\":\"6\"}"),
            ],
            records);
    }

    [Fact]
    public async Task Extra_names_skip_the_names_the_header_uses()
    {
        var records = await ReadAsync("a,_extra_1\n1,2,3\n");

        Assert.Equal([(1L, "{\"a\":\"1\",\"_extra_1\":2,\"_extra_2\":3}")], records);
    }

    [Theory]
    [InlineData("a,b,a\n1,2,3\n", 3)]
    [InlineData("a,,b\n1,2,3\n", 2)]
    [InlineData("\"\"\n1\n", 1)]
    public async Task A_duplicate_or_empty_header_name_is_an_error_naming_the_column(string csv, int column)
    {
        var exception = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync(csv));

        Assert.Equal(column, exception.Column);
        Assert.Equal(0, exception.RecordNumber);
        Assert.Contains($"column {column}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b\n")]
    [InlineData("a,b")]
    [InlineData("\uFEFF")]
    public async Task A_source_with_no_data_rows_has_no_records(string csv)
    {
        Assert.Empty(await ReadAsync(csv));
    }

    [Fact]
    public async Task An_unterminated_quoted_field_is_an_error_naming_the_row()
    {
        var exception = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync("a,b\n1,2\n3,\"open\n4,5\n"));

        Assert.Equal(2, exception.RecordNumber);
    }

    [Fact]
    public async Task A_row_over_the_limit_throws_with_its_number_even_inside_an_open_quote()
    {
        var csv = "a,b\n1,2\n3,\"" + new string('x', 5000);
        await using var reader = new CsvRecordReader(
            new ChunkedStream(Encoding.UTF8.GetBytes(csv), seed: 3, maxChunk: 100), Strings, ',', 1 << 20, 1000, 64);

        var exception = await Assert.ThrowsAsync<RecordTooLargeException>(() => Records.ReadAllAsync(reader));

        Assert.Equal(2, exception.RecordNumber);
        Assert.Equal(1000, exception.LimitBytes);
        Assert.True(reader.BufferCapacity <= 4096, $"buffer grew to {reader.BufferCapacity} bytes");
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task The_delimiter_is_configurable(char delimiter)
    {
        var csv = $"a{delimiter}b\n\"x{delimiter}y\"{delimiter}2,3\n";
        await using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Strings, delimiter);

        var records = await Records.ReadAllAsync(reader);

        Assert.Equal([(1L, $"{{\"a\":\"x{(delimiter == '\t' ? "\\t" : delimiter)}y\",\"b\":\"2,3\"}}")], records);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('é')]
    public void A_delimiter_that_cannot_delimit_is_refused(char delimiter)
    {
        Assert.Throws<ArgumentException>(() => new CsvRecordReader(new MemoryStream(), Strings, delimiter));
    }

    [Fact]
    public async Task Non_ascii_header_names_and_cells_round_trip()
    {
        var kinds = new Dictionary<string, ValueKinds> { ["prénom"] = ValueKinds.String };
        await using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes("prénom,città\nZoé,München\n")), kinds);

        var records = await Records.ReadAllAsync(reader);

        Assert.Equal([(1L, "{\"prénom\":\"Zoé\",\"città\":\"München\"}")], records);
    }

    [Fact]
    public async Task Random_csv_split_anywhere_round_trips_its_cells()
    {
        var random = new Random(4180);
        for (var round = 0; round < 200; round++)
        {
            var columns = random.Next(2, 6);
            var kinds = Enumerable.Range(0, columns).ToDictionary(i => $"c{i}", _ => ValueKinds.String);
            var csv = new StringBuilder();
            csv.AppendJoin(',', kinds.Keys).Append(LineEnd(random));
            var expected = new List<(long, List<(string, string)>)>();
            var rows = random.Next(0, 25);
            for (var row = 1; row <= rows; row++)
            {
                var fields = Math.Max(2, columns + random.Next(-1, 3));
                var properties = new List<(string, string)>();
                for (var i = 0; i < fields; i++)
                {
                    var (value, quoted) = RandomCell(random);
                    if (i > 0)
                    {
                        csv.Append(',');
                    }
                    csv.Append(quoted ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
                    if (value.Length > 0 || quoted)
                    {
                        properties.Add((i < columns ? $"c{i}" : $"_extra_{i - columns + 1}", value));
                    }
                }
                if (row < rows || random.Next(2) == 0)
                {
                    csv.Append(LineEnd(random));
                }
                expected.Add((row, properties));
            }
            var bytes = Encoding.UTF8.GetBytes(csv.ToString());

            await using var reader = new CsvRecordReader(
                new ChunkedStream(bytes, seed: round, maxChunk: 11),
                kinds,
                ',',
                targetBytes: random.Next(1, 200),
                maxRecordBytes: 1 << 16,
                bufferBytes: random.Next(1, 32));
            var records = await Records.ReadAllAsync(reader, blockCapacity: 8);

            Assert.Equal(expected.Count, records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                Assert.Equal(expected[i].Item1, records[i].Number);
                Assert.Equal(expected[i].Item2, Properties(records[i].Json));
            }
        }
    }

    private static string LineEnd(Random random) => random.Next(2) == 0 ? "\n" : "\r\n";

    /// <summary>
    /// A cell with the characters CSV must quote, quoted when it has to be and at random otherwise. Undeclared
    /// extra columns infer numbers and booleans, so cells are kept from looking like either.
    /// </summary>
    private static (string Value, bool Quoted) RandomCell(Random random)
    {
        const string alphabet = "ab ,\"\r\n;é€x";
        var value = new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var mustQuote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return (value, mustQuote || random.Next(4) == 0);
    }

    private static List<(string, string)> Properties(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(property => (property.Name, property.Value.GetString()!))];
    }

    private static async Task<List<(long Number, string Json)>> ReadAsync(string csv)
    {
        await using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Strings);
        return await Records.ReadAllAsync(reader);
    }
}
