using System.Text;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>The "basic" output: every error with instance, keyword and absolute keyword locations and a message.</summary>
public sealed class OutputTests
{
    private const string Invoice = """
        {
          "$id": "https://example.com/invoice.json",
          "type": "object",
          "required": ["id", "customer"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "pattern": "^INV-[0-9]+$"},
            "amount": {"type": "number", "minimum": 0},
            "customer": {
              "type": "object",
              "properties": {"country": {"$ref": "#/$defs/country"}, "email": {"type": "string", "maxLength": 5}}
            },
            "lines": {"type": "array", "items": {"type": "integer"}}
          },
          "$defs": {"country": {"enum": ["DE", "FR"]}}
        }
        """;

    private static readonly CompiledSchema Schema = CompiledSchema.Compile(Invoice);

    [Fact]
    public void A_valid_instance_has_no_errors()
    {
        var result = Schema.Evaluate("""{"id":"INV-1","customer":{"country":"DE"},"lines":[1,2]}"""u8);
        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_error_is_listed_with_its_locations()
    {
        var result = Schema.Evaluate(Encoding.UTF8.GetBytes(
            """{"id":"X-1","amount":-5,"customer":{"country":"US","email":"toolong@example.com"},"lines":[1,"two"],"extra":true}"""));

        Assert.False(result.Valid);
        var byInstance = result.Errors.ToDictionary(e => e.InstanceLocation + " " + e.KeywordLocation);
        Assert.Contains("/id /properties/id/pattern", byInstance.Keys);
        Assert.Contains("/amount /properties/amount/minimum", byInstance.Keys);
        Assert.Contains("/customer/country /properties/customer/properties/country/$ref/enum", byInstance.Keys);
        Assert.Contains("/customer/email /properties/customer/properties/email/maxLength", byInstance.Keys);
        Assert.Contains("/lines/1 /properties/lines/items/type", byInstance.Keys);
        Assert.Contains("/extra /additionalProperties", byInstance.Keys);
        Assert.Equal("https://example.com/invoice.json#/$defs/country/enum",
            byInstance["/customer/country /properties/customer/properties/country/$ref/enum"].AbsoluteKeywordLocation);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        var error = Assert.Single(Schema.Evaluate("""{"id":"INV-1"}"""u8).Errors);
        Assert.Equal(("", "/required"), (error.InstanceLocation, error.KeywordLocation));
        Assert.Contains("'customer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_of_alternatives_that_did_match_are_not_reported()
    {
        var schema = CompiledSchema.Compile("""{"anyOf":[{"type":"string"},{"type":"integer","minimum":10}]}""");
        Assert.True(schema.Evaluate("\"text\""u8).Valid);
        var errors = schema.Evaluate("5"u8).Errors;
        Assert.Contains(errors, e => e.KeywordLocation == "/anyOf");
        Assert.Contains(errors, e => e.KeywordLocation == "/anyOf/1/minimum");
    }

    [Fact]
    public void One_compiled_schema_gives_the_same_answers_on_many_threads()
    {
        var valid = Encoding.UTF8.GetBytes("""{"id":"INV-1","customer":{"country":"DE"}}""");
        var invalid = Encoding.UTF8.GetBytes("""{"id":"INV-1","customer":{"country":"US"}}""");
        var outcomes = Enumerable.Range(0, 4000).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => i % 2 == 0 ? Schema.IsValid(valid) : !Schema.Evaluate(invalid).Valid)
            .ToList();
        Assert.All(outcomes, Assert.True);
    }
}
