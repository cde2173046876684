using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>
/// The closed variant is only a shortcut: with it or without it, every record gets the same outcome and the same
/// drift, for open, closed, composed and recursive schemas.
/// </summary>
public sealed class ClosedSchemaTests
{
    public static TheoryData<string> Contracts => new()
    {
        """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"n":{"type":"integer"},"c":{"type":"object","properties":{"z":{"type":"string"}}}}}""",
        """{"type":"object","required":["id"]}""",
        """{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}}}""",
        """{"allOf":[{"properties":{"id":{"type":"string"}}},{"required":["n"],"properties":{"n":{"type":"integer"}}}]}""",
        """{"anyOf":[{"properties":{"id":{"type":"string"}}},{"properties":{"n":{"type":"integer"}}}]}""",
        """{"additionalProperties":false,"properties":{"id":{"type":"string"}},"patternProperties":{"^x-":{"type":"string"}}}""",
        """{"properties":{"id":{"type":"string"},"meta":{"type":"object","additionalProperties":{"type":"string"}},"free":{"type":"object"}},"patternProperties":{"^x-":{}}}""",
        """{"$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"kids":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},"$ref":"#/$defs/node"}""",
    };

    private static readonly string[] Records =
    [
        """{"id":"a"}""", """{"id":"a","n":1}""", """{"id":"a","n":1.5}""", """{"id":1}""", """{"n":2}""", """{}""",
        """{"id":"a","extra":true}""", """{"id":"a","c":{"z":"q"}}""", """{"id":"a","c":{"z":"q","y":1}}""", """{"id":"a","tags":["x"]}""",
        """{"id":"a","tags":[1]}""", """{"id":"a","meta":{"k":"v"}}""", """{"id":"a","meta":{"k":1}}""", """{"id":"a","free":{"any":[1]}}""",
        """{"id":"a","x-trace":"t"}""", """{"name":"r","kids":[{"name":"k","kids":[]}]}""", """{"name":"r","kids":[{"nam":"typo"}]}""",
        """[1,2]""", "\"text\"", """{"id":"a",""",
    ];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_shortcut_never_changes_an_outcome_or_the_drift(string schema)
    {
        var contract = CompiledDataContract.Compile(schema, new Dictionary<string, string>(), "http://registry/v1/schema/");
        Assert.NotNull(contract.Closed);
        foreach (var policy in Enum.GetValues<DriftPolicy>())
        {
            var fast = contract.Classifier(policy);
            var full = new RecordClassifier(contract.Schema, contract.Shape, policy);
            foreach (var record in Records)
            {
                var bytes = Encoding.UTF8.GetBytes(record);
                var expected = full.Classify(bytes);
                var expectedDrift = full.Drift.Select(d => (d.Kind, d.Path)).ToList();
                Assert.True(expected == fast.Classify(bytes), $"{policy} {record} on {schema}");
                Assert.Equal(expectedDrift, fast.Drift.Select(d => (d.Kind, d.Path)));
            }
        }
    }

    [Fact]
    public void Closing_adds_additionalProperties_false_only_where_the_schema_names_fields_and_is_silent_about_others()
    {
        using var closed = JsonDocument.Parse(ClosedSchema.Close(
            """{"properties":{"a":{"type":"object","properties":{"b":{}},"additionalProperties":true},"c":{"type":"object"}},"items":{"properties":{"d":{}}},"enum":[{"properties":{}}]}"""));
        var root = closed.RootElement;
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.True(root.GetProperty("properties").GetProperty("a").GetProperty("additionalProperties").GetBoolean());
        Assert.False(root.GetProperty("properties").GetProperty("c").TryGetProperty("additionalProperties", out _));
        Assert.False(root.GetProperty("items").GetProperty("additionalProperties").GetBoolean());
        Assert.False(root.GetProperty("enum")[0].TryGetProperty("additionalProperties", out _));
    }
}
