using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Tests.Drift;

public sealed class DriftDetectorTests
{
    private const string Invoice = """
        {
          "type": "object",
          "required": ["invoice_id", "amount"],
          "properties": {
            "invoice_id": {"type": "string"},
            "amount": {"type": "number"},
            "quantity": {"type": "integer"},
            "note": {"type": ["string", "null"]},
            "customer": {"$ref": "#/$defs/customer"},
            "lines": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}},
            "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
            "metadata": {"type": "object"}
          },
          "$defs": {
            "customer": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "address": {"type": "object", "properties": {"zip": {"type": "string"}}}}}
          }
        }
        """;

    private static IReadOnlyList<DriftFinding> Inspect(string schema, string record)
    {
        var detector = new DriftDetector(DataShape.FromSchema(schema));
        detector.Inspect(Encoding.UTF8.GetBytes(record));
        return detector.Findings.ToList();
    }

    [Fact]
    public void A_record_that_matches_the_schema_has_no_drift()
    {
        var findings = Inspect(Invoice, """{"invoice_id":"i1","amount":10.5,"quantity":2,"note":null,"customer":{"id":"c","address":{"zip":"1"}},"lines":[{"sku":"a","qty":1}],"attributes":{"x":"y"},"metadata":{"anything":[1,2]}}""");
        Assert.Empty(findings);
    }

    [Fact]
    public void A_new_top_level_field_is_reported_with_its_type_and_sample()
    {
        var finding = Assert.Single(Inspect(Invoice, """{"invoice_id":"i1","amount":1,"invoice_region_code":"EU-W"}"""));
        Assert.Equal(DriftKind.NewField, finding.Kind);
        Assert.Equal("invoice_region_code", finding.Path);
        Assert.Equal(ValueKinds.String, finding.Observed);
        Assert.Equal("\"EU-W\"", finding.Sample);
    }

    [Fact]
    public void Drift_is_found_at_any_depth_through_references_and_arrays()
    {
        var findings = Inspect(Invoice, """{"invoice_id":"i1","amount":1,"customer":{"address":{"zip":5,"city":"x"}},"lines":[{"sku":"a"},{"qty":"2"}]}""");
        Assert.Contains(findings, f => f is { Kind: DriftKind.MissingField, Path: "customer.id" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.TypeChange, Path: "customer.address.zip", Observed: ValueKinds.Integer });
        Assert.Contains(findings, f => f is { Kind: DriftKind.NewField, Path: "customer.address.city" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.MissingField, Path: "lines[].sku" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.TypeChange, Path: "lines[].qty", Observed: ValueKinds.String, Sample: "\"2\"" });
        Assert.Equal(5, findings.Count);
    }

    [Fact]
    public void Missing_required_fields_are_reported_and_optional_ones_are_not()
    {
        var finding = Assert.Single(Inspect(Invoice, """{"invoice_id":"i1"}"""));
        Assert.Equal((DriftKind.MissingField, "amount"), (finding.Kind, finding.Path));
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1e2", false)]
    [InlineData("1.5", true)]
    [InlineData("\"3\"", true)]
    public void Integers_follow_json_schema_mathematical_integers(string quantity, bool drifts)
    {
        var findings = Inspect(Invoice, $$"""{"invoice_id":"i","amount":1,"quantity":{{quantity}}}""");
        Assert.Equal(drifts, findings.Count == 1);
    }

    [Fact]
    public void Maps_and_free_form_objects_never_report_new_fields()
    {
        Assert.Empty(Inspect(Invoice, """{"invoice_id":"i","amount":1,"attributes":{"a":"1","b":"2"},"metadata":{"deep":{"x":1}}}"""));
        var finding = Assert.Single(Inspect(Invoice, """{"invoice_id":"i","amount":1,"attributes":{"a":1}}"""));
        Assert.Equal((DriftKind.TypeChange, "attributes.a"), (finding.Kind, finding.Path));
    }

    [Fact]
    public void Fields_declared_in_allOf_anyOf_and_recursive_references_are_declared()
    {
        const string schema = """
            {"allOf": [{"properties": {"a": {"type": "string"}}}, {"required": ["b"], "properties": {"b": {"type": "integer"}}}],
             "anyOf": [{"properties": {"c": {"type": "string"}}}, {"properties": {"d": {"type": "string"}}}],
             "properties": {"tree": {"$ref": "#/$defs/node"}},
             "$defs": {"node": {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """;
        Assert.Empty(Inspect(schema, """{"a":"x","b":1,"c":"y","d":"z","tree":{"name":"r","children":[{"name":"k","children":[]}]}}"""));
        var finding = Assert.Single(Inspect(schema, """{"b":1,"tree":{"children":[{"children":[{"nam":"typo"}]}]}}"""));
        Assert.Equal((DriftKind.NewField, "tree.children[].children[].nam"), (finding.Kind, finding.Path));
    }

    [Fact]
    public void Escaped_names_match_their_declared_field()
    {
        Assert.Empty(Inspect(Invoice, """{"invoice\u005fid":"i","amount":1}"""));
    }

    [Fact]
    public void A_record_that_is_not_json_has_no_drift_to_report()
    {
        Assert.Empty(Inspect(Invoice, """{"invoice_id":"i","amount":"""));
    }

    [Theory]
    [InlineData("""{"type":"decimal"}""")]
    [InlineData("""{"type":["string","decimal"]}""")]
    [InlineData("""{"type":["string",5]}""")]
    [InlineData("""{"$ref":"#/$defs/list/-"}""")]
    public void A_field_whose_schema_cannot_be_read_drifts_nowhere(string field)
    {
        // Drift is claimed only where the schema can be seen (an unknown type name used to admit nothing: every value drifted).
        var schema = """{"type":"object","properties":{"amount":""" + field + ""","other":{"type":"string"}},"$defs":{"list":[{"type":"string"}]}}""";
        Assert.Empty(Inspect(schema, """{"amount":1.5,"other":"x"}"""));
        Assert.Contains(Inspect(schema, """{"amount":1.5,"other":2}"""), f => f is { Kind: DriftKind.TypeChange, Path: "other" });
    }

    [Fact]
    public void Parquet_footer_fields_are_compared_before_any_record()
    {
        var shape = DataShape.FromSchema(Invoice);
        var findings = shape.Compare([
            new("invoice_id", ValueKinds.String, false),
            new("quantity", ValueKinds.String, true),
            new("invoice_region_code", ValueKinds.String, true),
            new("customer", ValueKinds.Object, true),
            new("customer.id", ValueKinds.String, true),
        ]);
        Assert.Contains(findings, f => f is { Kind: DriftKind.MissingField, Path: "amount" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.TypeChange, Path: "quantity" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.NewField, Path: "invoice_region_code" });
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public void Top_level_kinds_give_csv_columns_their_types()
    {
        var kinds = DataShape.FromSchema(Invoice).TopLevelKinds;
        Assert.Equal(ValueKinds.Integer | ValueKinds.Fraction, kinds["amount"]);
        Assert.Equal(ValueKinds.String | ValueKinds.Null, kinds["note"]);
        Assert.Equal(ValueKinds.Object, kinds["customer"]);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D })] // a member name that is not UTF-8
    [InlineData(new byte[] { 0x7B, 0x22, 0x5C, 0x75, 0x44, 0x38, 0x30, 0x30, 0x22, 0x3A, 0x31, 0x7D })] // {"\uD800":1}
    public void A_record_that_is_not_UTF8_text_has_no_shape_and_no_drift(byte[] record)
    {
        var detector = new DriftDetector(DataShape.FromSchema(Invoice));
        Assert.False(detector.Inspect(record));
        Assert.Empty(detector.Findings);
    }
}
