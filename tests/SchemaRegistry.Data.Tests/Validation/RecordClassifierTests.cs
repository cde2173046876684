using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Data.Tests.Validation;

public sealed class RecordClassifierTests
{
    private const string Schema = """
        {"type": "object", "required": ["invoice_id", "amount"],
         "properties": {"invoice_id": {"type": "string", "pattern": "^INV-"}, "amount": {"type": "number", "minimum": 0},
                        "customer": {"type": "object", "properties": {"id": {"type": "string"}}}}}
        """;

    private static RecordClassifier Classifier(DriftPolicy policy) =>
        new(CompiledSchema.Compile(Schema), DataShape.FromSchema(Schema), policy);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData(DriftPolicy.Quarantine, RecordOutcome.Drifted)]
    [InlineData(DriftPolicy.Fail, RecordOutcome.Drifted)]
    [InlineData(DriftPolicy.Rescue, RecordOutcome.Rescued)]
    [InlineData(DriftPolicy.Allow, RecordOutcome.Valid)]
    public void A_new_field_is_handled_by_the_policy(DriftPolicy policy, RecordOutcome expected)
    {
        Assert.Equal(expected, Classifier(policy).Classify(Utf8("""{"invoice_id":"INV-1","amount":3,"invoice_region_code":"EU"}""")));
    }

    [Fact]
    public void A_value_rule_broken_without_drift_is_invalid_under_every_policy()
    {
        foreach (var policy in Enum.GetValues<DriftPolicy>())
        {
            Assert.Equal(RecordOutcome.Invalid, Classifier(policy).Classify(Utf8("""{"invoice_id":"X-1","amount":3}""")));
        }
    }

    [Fact]
    public void Rescue_moves_drifted_fields_into_rescued_data_keyed_by_path()
    {
        var classifier = Classifier(DriftPolicy.Rescue);
        var record = Utf8("""{"invoice_id":"INV-1","amount":3,"region":"EU","customer":{"id":"c","tier":2}}""");
        Assert.Equal(RecordOutcome.Rescued, classifier.Classify(record));
        using var rescued = JsonDocument.Parse(classifier.RescuedJson.ToArray());
        var root = rescued.RootElement;
        Assert.False(root.TryGetProperty("region", out _));
        Assert.False(root.GetProperty("customer").TryGetProperty("tier", out _));
        Assert.Equal("EU", root.GetProperty("_rescued_data").GetProperty("region").GetString());
        Assert.Equal(2, root.GetProperty("_rescued_data").GetProperty("customer.tier").GetInt32());
    }

    [Fact]
    public void Rescue_cannot_invent_a_missing_field_nor_excuse_a_broken_rule()
    {
        var classifier = Classifier(DriftPolicy.Rescue);
        Assert.Equal(RecordOutcome.Drifted, classifier.Classify(Utf8("""{"invoice_id":"INV-1","region":"EU"}""")));
        Assert.Equal(RecordOutcome.Drifted, classifier.Classify(Utf8("""{"invoice_id":"INV-1","amount":-1,"region":"EU"}""")));
    }

    [Fact]
    public void A_type_change_is_drift_and_its_reasons_name_both_the_drift_and_the_keyword()
    {
        var classifier = Classifier(DriftPolicy.Quarantine);
        var record = Utf8("""{"invoice_id":"INV-1","amount":"3.5"}""");
        Assert.Equal(RecordOutcome.Drifted, classifier.Classify(record));
        var reasons = classifier.Explain(record);
        Assert.Contains(reasons, r => r is { Code: "PIPE-1204", Keyword: "type_change", Path: "/amount" });
        Assert.Contains(reasons, r => r is { Code: "PIPE-1002", Keyword: "type", Path: "/amount" });
    }

    [Fact]
    public void Malformed_json_is_invalid_with_a_reason()
    {
        var classifier = Classifier(DriftPolicy.Quarantine);
        var record = Utf8("""{"invoice_id":"INV-1",""");
        Assert.Equal(RecordOutcome.Invalid, classifier.Classify(record));
        Assert.Contains("not valid JSON", Assert.Single(classifier.Explain(record)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_detection_can_be_turned_off()
    {
        var classifier = new RecordClassifier(CompiledSchema.Compile(Schema), DataShape.FromSchema(Schema), DriftPolicy.Quarantine, detectDrift: false);
        Assert.Equal(RecordOutcome.Valid, classifier.Classify(Utf8("""{"invoice_id":"INV-1","amount":3,"extra":1}""")));
    }
}
