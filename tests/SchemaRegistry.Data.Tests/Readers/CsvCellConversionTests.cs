using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;

namespace SchemaRegistry.Data.Tests.Readers;

/// <summary>How <see cref="CsvRecordReader"/> turns a cell into a JSON value, rule by rule.</summary>
public sealed class CsvCellConversionTests
{
    private static readonly Dictionary<string, ValueKinds> Kinds = new()
    {
        ["num"] = ValueKinds.Integer | ValueKinds.Fraction,
        ["int"] = ValueKinds.Integer,
        ["bool"] = ValueKinds.Boolean,
        ["str"] = ValueKinds.String,
        ["nstr"] = ValueKinds.String | ValueKinds.Null,
        ["nnum"] = ValueKinds.Integer | ValueKinds.Fraction | ValueKinds.Null,
        ["obj"] = ValueKinds.Object,
        ["arr"] = ValueKinds.Array,
        ["intbool"] = ValueKinds.Integer | ValueKinds.Boolean,
        ["any"] = ValueKinds.All,
    };

    [Theory]
    [InlineData("nstr", "null")]
    [InlineData("nnum", "null")]
    [InlineData("any", "null")]
    [InlineData("str", null)]
    [InlineData("num", null)]
    [InlineData("bool", null)]
    [InlineData("undeclared", null)]
    public async Task An_empty_unquoted_cell_is_null_when_null_is_allowed_else_absent(string column, string? expected)
    {
        Assert.Equal(Expected(column, expected), await ConvertAsync(column, ""));
    }

    [Theory]
    [InlineData("str")]
    [InlineData("nstr")]
    [InlineData("num")]
    [InlineData("nnum")]
    [InlineData("bool")]
    [InlineData("undeclared")]
    public async Task A_quoted_empty_cell_is_the_empty_string(string column)
    {
        Assert.Equal(Expected(column, "\"\""), await ConvertAsync(column, "\"\""));
    }

    [Theory]
    [InlineData("num", "42", "42")]
    [InlineData("num", "-0.5", "-0.5")]
    [InlineData("num", "1.5E+3", "1.5E+3")]
    [InlineData("num", "0", "0")]
    [InlineData("num", "\"42\"", "42")]
    [InlineData("nnum", "7", "7")]
    [InlineData("int", "1.5", "1.5")]
    [InlineData("int", "12345678901234567890123", "12345678901234567890123")]
    [InlineData("any", "3", "3")]
    [InlineData("intbool", "3", "3")]
    public async Task A_json_number_in_a_number_column_is_that_number_as_written(string column, string cell, string expected)
    {
        Assert.Equal(Expected(column, expected), await ConvertAsync(column, cell));
    }

    [Theory]
    [InlineData("num", "abc")]
    [InlineData("num", "+1")]
    [InlineData("num", "01")]
    [InlineData("num", " 1")]
    [InlineData("num", "1.")]
    [InlineData("num", ".5")]
    [InlineData("num", "1e")]
    [InlineData("num", "NaN")]
    [InlineData("num", "1,5")]
    [InlineData("int", "true")]
    [InlineData("bool", "yes")]
    [InlineData("bool", "1")]
    [InlineData("obj", "[1]")]
    [InlineData("obj", "{x}")]
    [InlineData("obj", "{\"\"a\"\":1} extra")]
    [InlineData("arr", "{}")]
    [InlineData("arr", "[1,")]
    public async Task Text_that_fits_no_declared_kind_becomes_a_string_for_the_validator_to_flag(string column, string cell)
    {
        var text = cell.Replace("\"\"", "\"", StringComparison.Ordinal);
        var quotedCell = cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? $"\"{cell}\"" : cell;

        Assert.Equal(Expected(column, Quote(text)), await ConvertAsync(column, quotedCell));
    }

    [Theory]
    [InlineData("bool", "true", "true")]
    [InlineData("bool", "FALSE", "false")]
    [InlineData("bool", "True", "true")]
    [InlineData("intbool", "false", "false")]
    [InlineData("any", "TRUE", "true")]
    public async Task True_or_false_in_any_case_is_a_boolean_where_booleans_are_declared(string column, string cell, string expected)
    {
        Assert.Equal(Expected(column, expected), await ConvertAsync(column, cell));
    }

    [Theory]
    [InlineData("obj", "\"{\"\"a\"\":[1,2],\"\"b\"\":{\"\"c\"\":null}}\"", "{\"a\":[1,2],\"b\":{\"c\":null}}")]
    [InlineData("arr", "\"[1, \"\"x\"\", {}]\"", "[1, \"x\", {}]")]
    [InlineData("any", "\"{\"\"a\"\":1}\"", "{\"a\":1}")]
    [InlineData("any", "[]", "[]")]
    public async Task A_json_object_or_array_where_declared_is_that_json(string column, string cell, string expected)
    {
        Assert.Equal(Expected(column, expected), await ConvertAsync(column, cell));
    }

    [Theory]
    [InlineData("str", "42", "\"42\"")]
    [InlineData("str", "true", "\"true\"")]
    [InlineData("str", "\"{}\"", "\"{}\"")]
    [InlineData("nstr", "null", "\"null\"")]
    public async Task A_string_column_keeps_text_that_looks_like_other_kinds(string column, string cell, string expected)
    {
        Assert.Equal(Expected(column, expected), await ConvertAsync(column, cell));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("-3.25", "-3.25")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("abc", "\"abc\"")]
    [InlineData("007", "\"007\"")]
    [InlineData("\"{}\"", "\"{}\"")]
    public async Task An_undeclared_column_is_inferred(string cell, string expected)
    {
        Assert.Equal(Expected("undeclared", expected), await ConvertAsync("undeclared", cell));
    }

    [Fact]
    public async Task Strings_are_escaped_and_non_ascii_text_stays_utf8()
    {
        var records = await ReadAsync("str,nstr,undeclared\n\"say \"\"hi\"\" \\ \t\",é日本,🙂\n");

        // The relaxed encoder leaves BMP text as UTF-8; characters outside it still come out as \u escapes.
        Assert.Equal("{\"str\":\"say \\\"hi\\\" \\\\ \\t\",\"nstr\":\"é日本\",\"undeclared\":\"\\uD83D\\uDE42\"}", records[0].Json);
        using var document = System.Text.Json.JsonDocument.Parse(records[0].Json);
        Assert.Equal("🙂", document.RootElement.GetProperty("undeclared").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_cell_is_kept_as_it_arrived_for_the_validator_to_flag()
    {
        byte[] bytes = [.. "str,num\nab"u8, 0xFF, (byte)'c', (byte)',', 0xC3, (byte)'\n'];
        await using var reader = new CsvRecordReader(new MemoryStream(bytes), Kinds);
        var block = new SchemaRegistry.Data.Records.RecordBlock();

        Assert.True(await reader.ReadAsync(block, CancellationToken.None));

        // Not replaced by U+FFFD (which would make the record valid and lose the bytes): the same bytes, in a JSON string.
        Assert.Equal([.. "{\"str\":\"ab"u8, 0xFF, .. "c\",\"num\":\""u8, 0xC3, .. "\"}"u8], block.Json(block.Records[0]).ToArray());
    }

    [Fact]
    public async Task Properties_follow_the_header_order()
    {
        var records = await ReadAsync("str,num,bool,undeclared\nx,1,true,y\n");

        Assert.Equal("{\"str\":\"x\",\"num\":1,\"bool\":true,\"undeclared\":\"y\"}", records[0].Json);
    }

    private static async Task<string> ConvertAsync(string column, string cell)
    {
        var records = await ReadAsync($"first,{column}\n1,{cell}\n");
        Assert.Single(records);
        return records[0].Json;
    }

    private static string Expected(string column, string? json) =>
        json is null ? "{\"first\":1}" : $"{{\"first\":1,\"{column}\":{json}}}";

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<List<(long Number, string Json)>> ReadAsync(string csv)
    {
        var kinds = new Dictionary<string, ValueKinds>(Kinds) { ["first"] = ValueKinds.Integer };
        await using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), kinds);
        return await Records.ReadAllAsync(reader);
    }
}
