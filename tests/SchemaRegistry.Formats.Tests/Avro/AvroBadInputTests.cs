using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro;
using SchemaRegistry.Wire;
using static SchemaRegistry.Formats.Tests.Avro.AvroTestFormat;

namespace SchemaRegistry.Formats.Tests.Avro;

public sealed class AvroBadInputTests
{
    [Theory]
    [InlineData("""{"type":""", "end of")]
    [InlineData("", "")]
    [InlineData("42", "")]
    [InlineData("""{"type":"strng"}""", "strng")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]}""", "duplicate")]
    [InlineData("""{"type":"record","name":"1R","fields":[]}""", "1R")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a-b","type":"int"}]}""", "a-b")]
    [InlineData("""{"type":"record","name":"R"}""", "fields")]
    [InlineData("""{"type":"enum","name":"E","symbols":["A","A"]}""", "Duplicate symbol")]
    [InlineData("""{"type":"enum","name":"E","symbols":["A"],"default":"B"}""", "B")]
    [InlineData("""["null","null"]""", "Duplicate")]
    [InlineData("""["null",["int","string"]]""", "union")]
    [InlineData("""{"type":"fixed","name":"F","size":-1}""", "size")]
    [InlineData("""{"type":"array"}""", "items")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"record","name":"R","fields":[]}}]}""", "R")]
    public void A_schema_Avro_refuses_is_refused_with_VAL_1102_and_the_parsers_reason(string text, string reasonContains)
    {
        var issue = Assert.Single(Refused(text).Issues);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains(reasonContains, issue.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"name":"a","type":"int","default":"x"}""")]
    [InlineData("""{"name":"a","type":"int","default":4294967296}""")]
    [InlineData("""{"name":"a","type":"string","default":null}""")]
    [InlineData("""{"name":"a","type":{"type":"enum","name":"E","symbols":["X"]},"default":"Y"}""")]
    [InlineData("""{"name":"a","type":{"type":"array","items":"int"},"default":[1,"two"]}""")]
    [InlineData("""{"name":"a","type":{"type":"record","name":"S","fields":[{"name":"b","type":"int"}]},"default":{}}""")]
    [InlineData("""{"name":"a","type":{"type":"fixed","name":"F","size":2},"default":"abc"}""")]
    public void A_default_that_is_not_a_value_of_its_field_type_is_refused_at_the_field(string field)
    {
        var issue = Assert.Single(Refused($$"""{"type":"record","name":"R","fields":[{{field}}]}""").Issues);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Equal("/fields/a/default", issue.Path);
        Assert.Contains("field 'a'", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"a","type":["null","string"],"default":null}""")]
    [InlineData("""{"name":"a","type":["null","string"],"default":"x"}""")]
    [InlineData("""{"name":"a","type":"double","default":1}""")]
    [InlineData("""{"name":"a","type":"bytes","default":"\u00ff"}""")]
    [InlineData("""{"name":"a","type":{"type":"map","values":"long"},"default":{"k":1}}""")]
    [InlineData("""{"name":"a","type":{"type":"record","name":"S","fields":[{"name":"b","type":"int","default":0}]},"default":{}}""")]
    public void A_default_that_is_a_value_of_its_field_type_is_accepted(string field)
    {
        Parse($$"""{"type":"record","name":"R","fields":[{{field}}]}""");
    }

    [Fact]
    public void A_schema_nested_deeper_than_the_bound_is_refused_with_VAL_1103_not_a_stack_overflow()
    {
        var depth = 100_000;
        var text = new StringBuilder().Insert(0, """{"type":"array","items":""", depth).Append("\"int\"").Append('}', depth).ToString();
        var issue = Assert.Single(Refused(text).Issues);
        Assert.Equal(ErrorCode.SchemaOverLimit, issue.Code);
        Assert.Contains("64", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"record","name":"R","aliases":["\ud800"],"fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","doc":"\ud800","fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","\ud800":1,"fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","x":"\ud800","fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"string","default":"\ud800"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"string","aliases":["\udc00"]}]}""")]
    [InlineData("""{"type":"enum","name":"E","symbols":["\ud800"]}""")]
    public void An_escaped_lone_surrogate_is_refused_with_VAL_1102_not_an_exception(string text)
    {
        Assert.Equal(ErrorCode.PayloadInvalid, Assert.Single(Refused(text).Issues).Code);
    }

    [Fact]
    public void A_fixed_of_the_largest_size_is_compared_without_building_an_example_that_large()
    {
        var change = Assert.Single(Format.Compare(Parse("""{"type":"fixed","name":"F","size":2147483647}"""), Parse("""{"type":"fixed","name":"F","size":16}""")).Changes);
        Assert.Equal((ChangeKind.FixedSizeChanged, null), (change.Kind, change.Example));
    }

    [Fact]
    public void A_schema_at_the_nesting_bound_is_accepted()
    {
        var depth = 31; // each array level is two JSON levels (object, then the items member's object)
        Parse(new StringBuilder().Insert(0, """{"type":"array","items":""", depth).Append("\"int\"").Append('}', depth).ToString());
    }

    [Fact]
    public void A_10_MB_schema_is_parsed_normalised_and_compared_without_failing()
    {
        var fields = new StringBuilder();
        for (var i = 0; fields.Length < 10_000_000; i++)
        {
            fields.Append(i == 0 ? "" : ",").Append("{\"name\":\"field_").Append(i).Append("\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"").Append('d', 100).Append("\"}");
        }
        var text = $$"""{"type":"record","name":"Wide","fields":[{{fields}}]}""";
        Assert.True(text.Length >= 10_000_000);
        var schema = Parse(text);
        Assert.StartsWith("""{"type":"record","name":"Wide","fields":[{"name":"field_0","type":["null","string"],"default":null}""", Format.Normalise(schema), StringComparison.Ordinal);
        Assert.Empty(Format.Compare(schema, schema).Changes);
    }

    [Fact]
    public void A_schema_of_another_format_is_refused_by_compare_and_normalise()
    {
        var avro = Parse("\"int\"");
        var other = new OtherFormatSchema("json-schema", "{}");
        Assert.Throws<ArgumentException>(() => Format.Compare(avro, other));
        Assert.Throws<ArgumentException>(() => Format.Normalise(other));
    }

    [Fact]
    public void The_format_is_named_avro_and_AVRO_in_the_Confluent_API()
    {
        var format = new AvroFormat();
        Assert.Equal("avro", format.Name);
        Assert.Equal("AVRO", format.ConfluentType);
        Assert.True(new SchemaFormats([format]).TryGetByConfluentType(null, out var byDefault));
        Assert.Same(format, byDefault);
    }

    private sealed record OtherFormatSchema(string Format, string Text) : ParsedSchema(Format, Text);
}
