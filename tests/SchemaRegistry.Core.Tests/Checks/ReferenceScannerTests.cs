using System.Text.Json;
using SchemaRegistry.Core.Checks;

namespace SchemaRegistry.Core.Tests.Checks;

public sealed class ReferenceScannerTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("""{ "type": "string" }""")]
    [InlineData("""{ "$ref": "#/$defs/money", "$defs": { "money": { "type": "number" } } }""")]
    [InlineData("""{ "$ref": "https://example.com/schemas/money.json" }""")]
    [InlineData("""{ "$ref": "schemareg" }""")]
    [InlineData("""{ "$ref": 42 }""")]
    [InlineData("""{ "description": "schemareg:finance.gdp.money:v1.0" }""")]
    [InlineData("""{ "$id": "schemareg:finance.gdp.money:v1.0" }""")]
    public void Payload_without_registry_references_yields_none(string payload)
    {
        Assert.Empty(ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void Top_level_reference_is_found()
    {
        Assert.Equal(["finance.gdp.money:v1.0"], ReferenceScanner.Scan("""{ "$ref": "schemareg:finance.gdp.money:v1.0" }"""));
    }

    [Fact]
    public void Nested_references_are_found_in_order_of_first_appearance()
    {
        const string payload = """
            {
              "type": "object",
              "properties": {
                "amount": { "$ref": "schemareg:finance.gdp.money:v1.0" },
                "lines": {
                  "type": "array",
                  "items": { "$ref": "schemareg:finance.gdp.invoice_line:v2.3" }
                },
                "party": {
                  "anyOf": [
                    { "$ref": "schemareg:crm.gdp.person:v1.1" },
                    { "allOf": [ { "$ref": "schemareg:crm.gdp.company:v4.0" } ] }
                  ]
                }
              },
              "$defs": { "address": { "$ref": "schemareg:crm.raw.address:v0.1" } }
            }
            """;

        Assert.Equal(
            ["finance.gdp.money:v1.0", "finance.gdp.invoice_line:v2.3", "crm.gdp.person:v1.1", "crm.gdp.company:v4.0", "crm.raw.address:v0.1"],
            ReferenceScanner.Scan(payload));
    }

    [Theory]
    [InlineData("schemareg:finance.gdp.money:v1.0#/$defs/amount")]
    [InlineData("schemareg:finance.gdp.money:v1.0#")]
    [InlineData("schemareg:finance.gdp.money:v1.0#anchor")]
    [InlineData("schemareg:finance.gdp.money:v1.0#/a#b")]
    public void Fragment_is_stripped_from_the_reference(string reference)
    {
        Assert.Equal(["finance.gdp.money:v1.0"], ReferenceScanner.Scan($$"""{ "$ref": "{{reference}}" }"""));
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("const")]
    [InlineData("default")]
    [InlineData("examples")]
    public void References_inside_data_keywords_are_ignored(string keyword)
    {
        var payload = $$"""
            {
              "type": "object",
              "{{keyword}}": [ { "$ref": "schemareg:finance.gdp.ignored:v1.0", "nested": { "$ref": "schemareg:finance.gdp.ignored_too:v1.0" } } ],
              "properties": { "a": { "$ref": "schemareg:finance.gdp.kept:v1.0" } }
            }
            """;

        Assert.Equal(["finance.gdp.kept:v1.0"], ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void Reference_objects_as_const_value_are_ignored()
    {
        const string payload = """{ "const": { "$ref": "schemareg:finance.gdp.money:v1.0" } }""";

        Assert.Empty(ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void Duplicate_references_are_reported_once()
    {
        const string payload = """
            {
              "properties": {
                "net": { "$ref": "schemareg:finance.gdp.money:v1.0" },
                "tax": { "$ref": "schemareg:finance.gdp.rate:v1.0" },
                "gross": { "$ref": "schemareg:finance.gdp.money:v1.0" }
              }
            }
            """;

        Assert.Equal(["finance.gdp.money:v1.0", "finance.gdp.rate:v1.0"], ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void References_differing_only_in_fragment_are_reported_once()
    {
        const string payload = """
            {
              "properties": {
                "a": { "$ref": "schemareg:finance.gdp.money:v1.0#/$defs/net" },
                "b": { "$ref": "schemareg:finance.gdp.money:v1.0#/$defs/gross" },
                "c": { "$ref": "schemareg:finance.gdp.money:v1.0" }
              }
            }
            """;

        Assert.Equal(["finance.gdp.money:v1.0"], ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void References_are_returned_as_written_and_validated_elsewhere()
    {
        const string payload = """
            { "anyOf": [ { "$ref": "schemareg:finance.gdp.money:latest" }, { "$ref": "schemareg:NOT AN FQID" }, { "$ref": "schemareg:" } ] }
            """;

        Assert.Equal(["finance.gdp.money:latest", "NOT AN FQID", ""], ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void Escaped_reference_text_is_unescaped()
    {
        const string payload = """{ "$ref": "schemareg:finance.gdp.money\u003av1.0" }""";

        Assert.Equal(["finance.gdp.money:v1.0"], ReferenceScanner.Scan(payload));
    }

    [Fact]
    public void Malformed_json_is_thrown()
    {
        Assert.ThrowsAny<JsonException>(() => ReferenceScanner.Scan("{ \"$ref\": "));
    }

    // Under "properties" a key is a field name; a field called "default" or "enum" is a schema and may hold references.
    [Theory]
    [InlineData("enum")]
    [InlineData("const")]
    [InlineData("default")]
    [InlineData("examples")]
    public void Reference_in_a_property_named_like_a_data_keyword_is_found(string name)
    {
        var payload = $$"""{ "type": "object", "properties": { "{{name}}": { "$ref": "schemareg:finance.gdp.money:v1.0" } } }""";

        Assert.Equal(["finance.gdp.money:v1.0"], ReferenceScanner.Scan(payload));
    }
}
