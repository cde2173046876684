using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Tests;

public sealed class SchemaFormatsTests
{
    private sealed record NamedOnly(string Format, string Text) : ParsedSchema(Format, Text);

    /// <summary>A format that knows only its names; the catalog never calls the rest.</summary>
    private sealed class NameOnlyFormat(string name, string confluentType) : ISchemaFormat
    {
        public string Name => name;
        public string ConfluentType => confluentType;
        public FormatParse Parse(string text, IReadOnlyDictionary<string, string> references) => FormatParse.Accepted(new NamedOnly(name, text));
        public string Normalise(ParsedSchema schema) => schema.Text;
        public SchemaDiff Compare(ParsedSchema older, ParsedSchema newer) => new([]);
    }

    private static readonly SchemaFormats Catalog = new([new NameOnlyFormat("json-schema", "JSON"), new NameOnlyFormat("avro", "AVRO")]);

    [Fact]
    public void A_format_is_found_by_our_name_exactly()
    {
        Assert.True(Catalog.TryGet("avro", out var avro));
        Assert.Equal("AVRO", avro.ConfluentType);
        Assert.False(Catalog.TryGet("AVRO", out _));
    }

    [Fact]
    public void A_format_is_found_by_its_confluent_type_in_any_case_and_a_missing_type_means_avro()
    {
        Assert.True(Catalog.TryGetByConfluentType("json", out var json));
        Assert.Equal("json-schema", json.Name);
        Assert.True(Catalog.TryGetByConfluentType(null, out var avro));
        Assert.Equal("avro", avro.Name);
        Assert.False(Catalog.TryGetByConfluentType("PROTOBUF", out _));
    }

    [Fact]
    public void Two_formats_with_one_name_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SchemaFormats([new NameOnlyFormat("avro", "AVRO"), new NameOnlyFormat("avro", "AVRO2")]));
    }
}
