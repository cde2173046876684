using System.Text.Json.Nodes;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Tests.Drift;

public sealed class DriftExtensionTests
{
    private const string Invoice = """
        {
          "type": "object",
          "required": ["invoice_id", "amount"],
          "additionalProperties": false,
          "properties": {
            "invoice_id": {"type": "string"},
            "amount": {"type": "integer"},
            "customer": {"$ref": "#/$defs/customer"},
            "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}
          },
          "$defs": {"customer": {"type": "object"}}
        }
        """;

    private static DriftCaseField Field(string path, DriftKind kind, string? type) => new(path, kind, 3, "run-1", 1, ["\"x\""], type);

    private static (JsonObject Schema, ExtendedField Field) ExtendOne(DriftCaseField field)
    {
        var result = DriftExtension.Extend(Invoice, [field]);
        return ((JsonObject)JsonNode.Parse(result.Payload)!, Assert.Single(result.Fields));
    }

    [Fact]
    public void A_new_field_becomes_an_optional_property_of_the_inferred_type()
    {
        var (schema, field) = ExtendOne(Field("invoice_region_code", DriftKind.NewField, "string"));
        Assert.Equal("string", schema["properties"]!["invoice_region_code"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain(schema["required"]!.AsArray(), r => r!.GetValue<string>() == "invoice_region_code");
        Assert.Equal((true, "string"), (field.Placed, field.Type));
    }

    [Fact]
    public void A_new_field_inside_array_items_is_added_to_the_items_and_several_types_become_a_type_list()
    {
        var (schema, _) = ExtendOne(Field("lines[].discount", DriftKind.NewField, "number|null"));
        var type = schema["properties"]!["lines"]!["items"]!["properties"]!["discount"]!["type"]!.AsArray();
        Assert.Equal(["number", "null"], type.Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void A_field_under_a_ref_is_not_placed_and_says_why()
    {
        var (schema, field) = ExtendOne(Field("customer.tier", DriftKind.NewField, "string"));
        Assert.False(field.Placed);
        Assert.Contains("'customer'", field.Note, StringComparison.Ordinal);
        Assert.Null(schema["$defs"]!["customer"]!["properties"]);
    }

    [Fact]
    public void A_retyped_field_is_widened_and_a_missing_field_is_no_longer_required()
    {
        var result = DriftExtension.Extend(Invoice, [Field("amount", DriftKind.TypeChange, "string"), Field("invoice_id", DriftKind.MissingField, null)]);
        var schema = (JsonObject)JsonNode.Parse(result.Payload)!;
        Assert.Equal(["integer", "string"], schema["properties"]!["amount"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["amount"], schema["required"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.All(result.Fields, f => Assert.True(f.Placed));
    }

    [Fact]
    public void A_field_the_schema_already_declares_is_left_as_it_is()
    {
        var (schema, field) = ExtendOne(Field("invoice_id", DriftKind.NewField, "integer"));
        Assert.False(field.Placed);
        Assert.Equal("string", schema["properties"]!["invoice_id"]!["type"]!.GetValue<string>());
    }
}
