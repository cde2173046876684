using System.Text.Json;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Core.Tests.Checks;

public sealed class PayloadRulesTests
{
    private static Issue SingleFinding(string payload)
    {
        var issue = Assert.Single(PayloadRules.Check(payload));
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        return issue;
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("""{ "type": "string" }""")]
    [InlineData("""{ "type": ["string", "null"] }""")]
    [InlineData("""{ "type": "integer", "minimum": 0 }""")]
    [InlineData("""{ "type": "array", "items": { "type": "number" } }""")]
    [InlineData("""{ "type": "array", "prefixItems": [ { "type": "string" }, true ] }""")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "null" } ] }""")]
    [InlineData("""{ "$defs": { "money": { "type": "number" } }, "$ref": "#/$defs/money" }""")]
    [InlineData("""{ "definitions": { "money": { "type": "number" } } }""")]
    [InlineData("""{ "patternProperties": { "^x_": { "type": "string" } } }""")]
    [InlineData("""{ "type": "object", "required": [], "properties": {} }""")]
    public void Well_shaped_schema_has_no_findings(string payload)
    {
        Assert.Empty(PayloadRules.Check(payload));
    }

    [Fact]
    public void Realistic_record_schema_has_no_findings()
    {
        const string payload = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Invoice",
              "type": "object",
              "required": ["id", "amount"],
              "additionalProperties": false,
              "properties": {
                "id": { "type": "string", "format": "uuid" },
                "amount": { "type": "number", "minimum": 0 },
                "currency": { "enum": ["EUR", "USD"], "default": "EUR" },
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": { "sku": { "type": "string" }, "qty": { "type": "integer" } },
                    "required": ["sku"]
                  }
                },
                "note": { "type": ["string", "null"], "examples": ["paid late"] }
              }
            }
            """;

        Assert.Empty(PayloadRules.Check(payload));
    }

    [Theory]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("http://json-schema.org/draft-07/schema")]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("http://json-schema.org/draft-06/schema")]
    [InlineData("http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-04/schema")]
    [InlineData("http://json-schema.org/draft-04/schema#")]
    public void Known_dialect_is_accepted(string dialect)
    {
        Assert.Empty(PayloadRules.Check($$"""{ "$schema": "{{dialect}}", "type": "object" }"""));
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("""[{ "type": "object" }]""", "array")]
    [InlineData("\"string\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Payload_that_is_neither_object_nor_boolean_is_a_VAL_1102_finding(string payload, string kind)
    {
        var issue = SingleFinding(payload);

        Assert.Equal("", issue.Path);
        Assert.EndsWith($"not {kind}.", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"http://json-schema.org/draft-03/schema#\"")]
    [InlineData("\"http://json-schema.org/schema#\"")]
    [InlineData("\"https://example.com/my-dialect\"")]
    [InlineData("\"HTTPS://JSON-SCHEMA.ORG/DRAFT/2020-12/SCHEMA\"")]
    [InlineData("\"https://json-schema.org/draft/2020-12/schema \"")]
    [InlineData("\"\"")]
    [InlineData("7")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[\"https://json-schema.org/draft/2020-12/schema\"]")]
    [InlineData("{}")]
    public void Unknown_schema_dialect_is_a_VAL_1102_finding(string dialectJson)
    {
        var issue = SingleFinding($$"""{ "$schema": {{dialectJson}}, "type": "object" }""");

        Assert.Equal("/$schema", issue.Path);
        Assert.Contains("not a known dialect", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"strin\"")]
    [InlineData("\"String\"")]
    [InlineData("\"int\"")]
    [InlineData("\"any\"")]
    [InlineData("\"\"")]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[\"string\", 1]")]
    [InlineData("[\"string\", \"text\"]")]
    [InlineData("[[\"string\"]]")]
    public void Bad_type_is_a_VAL_1102_finding(string typeJson)
    {
        var issue = SingleFinding($$"""{ "type": {{typeJson}} }""");

        Assert.Equal("/type", issue.Path);
    }

    [Theory]
    [InlineData("""{ "properties": { "a": { "type": "strng" } } }""", "/properties/a/type")]
    [InlineData("""{ "items": { "type": "bool" } }""", "/items/type")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "float" } ] }""", "/anyOf/1/type")]
    [InlineData("""{ "$defs": { "money": { "type": "decimal" } } }""", "/$defs/money/type")]
    [InlineData("""{ "definitions": { "x": { "properties": { "y": { "type": 1 } } } } }""", "/definitions/x/properties/y/type")]
    [InlineData("""{ "properties": { "a/b~c": { "type": "x" } } }""", "/properties/a~1b~0c/type")]
    [InlineData("""{ "not": { "type": "nothing" } }""", "/not/type")]
    public void Bad_type_deep_inside_the_schema_is_reported_at_its_json_pointer(string payload, string path)
    {
        Assert.Equal(path, SingleFinding(payload).Path);
    }

    [Theory]
    [InlineData("\"id\"")]
    [InlineData("true")]
    [InlineData("[\"id\", 1]")]
    [InlineData("{}")]
    public void Required_that_is_not_an_array_of_names_is_a_VAL_1102_finding(string requiredJson)
    {
        var issue = SingleFinding($$"""{ "type": "object", "required": {{requiredJson}} }""");

        Assert.Equal("/required", issue.Path);
    }

    [Theory]
    [InlineData("properties")]
    [InlineData("$defs")]
    [InlineData("definitions")]
    [InlineData("patternProperties")]
    public void Schema_map_that_is_not_an_object_is_a_VAL_1102_finding(string keyword)
    {
        var issue = SingleFinding($$"""{ "{{keyword}}": [ { "type": "string" } ] }""");

        Assert.Equal($"/{keyword}", issue.Path);
        Assert.StartsWith(keyword, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("const")]
    [InlineData("default")]
    [InlineData("examples")]
    public void Values_under_data_keywords_are_not_checked_as_schemas(string keyword)
    {
        var payload = $$"""{ "type": "object", "{{keyword}}": [ { "type": "not-a-type", "required": 1 } ] }""";

        Assert.Empty(PayloadRules.Check(payload));
    }

    [Fact]
    public void Every_finding_is_reported_not_just_the_first()
    {
        const string payload = """
            {
              "$schema": "http://example.com/unknown",
              "type": "thing",
              "required": "id",
              "properties": { "a": { "type": "nope" } },
              "$defs": []
            }
            """;

        var issues = PayloadRules.Check(payload);

        // A schema's own keywords first, then its subschemas.
        Assert.Equal(["/$schema", "/type", "/required", "/$defs", "/properties/a/type"], issues.Select(i => i.Path));
        Assert.All(issues, i => Assert.Equal(ErrorCode.PayloadInvalid, i.Code));
    }

    [Fact]
    public void Long_type_value_is_clipped_in_the_message()
    {
        var longType = new string('x', 200);

        var issue = SingleFinding($$"""{ "type": "{{longType}}" }""");

        Assert.DoesNotContain(longType, issue.Message, StringComparison.Ordinal);
        Assert.Contains("…", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_not_reported_as_a_finding_but_thrown()
    {
        Assert.ThrowsAny<JsonException>(() => PayloadRules.Check("{ \"type\": "));
    }

    // A record may well have fields called "type" or "required": under "properties" they are names, not keywords.
    [Fact]
    public void Properties_named_like_keywords_are_not_mistaken_for_keywords()
    {
        const string payload = """
            {
              "type": "object",
              "properties": {
                "type": { "type": "string", "enum": ["credit", "debit"] },
                "required": { "type": "boolean" },
                "properties": { "type": "object" }
              },
              "required": ["type", "required"]
            }
            """;

        Assert.Empty(PayloadRules.Check(payload));
    }

    [Fact]
    public void Definitions_named_like_keywords_are_not_mistaken_for_keywords()
    {
        const string payload = """{ "$defs": { "type": { "type": "string" }, "required": { "type": "boolean" } } }""";

        Assert.Empty(PayloadRules.Check(payload));
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("const")]
    [InlineData("default")]
    [InlineData("examples")]
    public void Property_named_like_a_data_keyword_is_still_checked_as_a_schema(string name)
    {
        var payload = $$"""{ "type": "object", "properties": { "{{name}}": { "type": "not-a-type" } } }""";

        var issue = SingleFinding(payload);

        Assert.Equal($"/properties/{name}/type", issue.Path);
    }
}
