using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Testing;

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
        AlreadyClosed,
        Plain,
    };

    /// <summary>Closing is exact here (<see cref="ClosedSchema.ClosesExactly"/>): plain keywords, a reference standing alone.</summary>
    private const string Plain = """
        {"type":"object","required":["id"],"properties":{"id":{"type":"string","pattern":"^a"},"n":{"type":"integer","minimum":0},
         "c":{"$ref":"#/$defs/c"},"tags":{"type":"array","items":{"type":"string","maxLength":2}}},
         "$defs":{"c":{"type":"object","properties":{"z":{"type":"string","enum":["q"]}}}}}
        """;

    /// <summary>Closing changes nothing here: the contract's closed variant is the schema itself.</summary>
    private const string AlreadyClosed = """
        {"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string","pattern":"^A"},"n":{"type":"integer"},
         "c":{"type":"object","additionalProperties":false,"properties":{"z":{"type":"string"}}},"tags":{"type":"array","items":{"type":"string"}}}}
        """;

    private const string Prefix = "http://registry/v1/schema/";

    private static readonly string[] Records =
    [
        """{"id":"a"}""", """{"id":"a","n":1}""", """{"id":"a","n":1.5}""", """{"id":1}""", """{"n":2}""", """{}""",
        """{"id":"a","extra":true}""", """{"id":"a","c":{"z":"q"}}""", """{"id":"a","c":{"z":"q","y":1}}""", """{"id":"a","tags":["x"]}""",
        """{"id":"a","tags":[1]}""", """{"id":"a","meta":{"k":"v"}}""", """{"id":"a","meta":{"k":1}}""", """{"id":"a","free":{"any":[1]}}""",
        """{"id":"a","x-trace":"t"}""", """{"name":"r","kids":[{"name":"k","kids":[]}]}""", """{"name":"r","kids":[{"nam":"typo"}]}""",
        """[1,2]""", "\"text\"", """{"id":"a",""",
        // Invalid with no drift under some contracts: a pattern, a bound, an enum, a length.
        """{"id":"b"}""", """{"id":"a","n":-1}""", """{"id":"a","c":{"z":"r"}}""", """{"id":"a","tags":["abc"]}""", """{"id":"a","c":{"z":"q","w":1}}""",
    ];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_shortcut_never_changes_an_outcome_or_the_drift(string schema)
    {
        var contract = CompiledDataContract.Compile(schema, new Dictionary<string, string>(), Prefix);
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

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Drift_first_after_a_run_of_drifted_records_never_changes_an_outcome_or_the_drift(string schema)
    {
        var contract = CompiledDataContract.Compile(schema, new Dictionary<string, string>(), Prefix);
        var drifting = Records.Select(r => Encoding.UTF8.GetBytes(r)).First(r => contract.Classifier(DriftPolicy.Quarantine).Classify(r) == RecordOutcome.Drifted);
        foreach (var policy in Enum.GetValues<DriftPolicy>())
        {
            var full = new RecordClassifier(contract.Schema, contract.Shape, policy);
            foreach (var record in Records)
            {
                var fast = contract.Classifier(policy);
                for (var i = 0; i < 40; i++)
                {
                    fast.Classify(drifting);
                }
                Assert.True(fast.DriftFirst, $"{policy} on {schema}: still closed variant first after 40 drifted records");
                var bytes = Encoding.UTF8.GetBytes(record);
                var expected = full.Classify(bytes);
                Assert.True(expected == fast.Classify(bytes), $"{policy} {record} on {schema}");
                Assert.Equal(full.Drift.Select(d => (d.Kind, d.Path)), fast.Drift.Select(d => (d.Kind, d.Path)));
                Assert.Equal(full.Explain(bytes).Select(r => (r.Code, r.Keyword, r.Path)), fast.Explain(bytes).Select(r => (r.Code, r.Keyword, r.Path)));
            }
        }
    }

    [Fact]
    public void The_order_goes_back_to_the_closed_variant_when_records_stop_drifting()
    {
        var classifier = CompiledDataContract.Compile(
            """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"n":{"type":"integer"}}}""", new Dictionary<string, string>(), Prefix).Classifier(DriftPolicy.Quarantine);
        var drifted = Encoding.UTF8.GetBytes("""{"id":"a","extra":true}""");
        var clean = Encoding.UTF8.GetBytes("""{"id":"a","n":1}""");
        Assert.False(classifier.DriftFirst);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(RecordOutcome.Drifted, classifier.Classify(drifted));
        }
        Assert.True(classifier.DriftFirst);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(RecordOutcome.Valid, classifier.Classify(clean));
        }
        Assert.False(classifier.DriftFirst);
    }

    [Theory]
    [InlineData(Plain, true)]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"object","properties":{"b":{}}}}""", true)]
    [InlineData("""{"type":"array","prefixItems":[{"properties":{"a":{}}}],"items":false}""", true)]
    [InlineData("""{"$id":"https://example.com/s","properties":{"a":{"$ref":"#"}}}""", true)]
    [InlineData("""{"properties":{},"required":["x"]}""", false)]
    [InlineData("""{"properties":{"a":{}},"required":["a","x"]}""", false)]
    [InlineData("""{"allOf":[{"properties":{"a":{}}},{"properties":{"b":{}}}]}""", false)]
    [InlineData("""{"properties":{"a":{"$ref":"#/$defs/a","properties":{"b":{}}}},"$defs":{"a":{"properties":{"c":{}}}}}""", false)]
    [InlineData("""{"properties":{"a":{"$ref":"#a"}},"$defs":{"a":{"$anchor":"a","properties":{"c":{}}}}}""", false)]
    [InlineData("""{"properties":{"a":{"$id":"https://example.com/a","properties":{"c":{}}}}}""", false)]
    [InlineData("""{"properties":{"a":{}},"patternProperties":{"^x":{}}}""", false)]
    [InlineData("""{"type":"array","contains":{"properties":{"a":{}}}}""", false)]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","type":"array","items":[{"properties":{"a":{}}}]}""", false)]
    [InlineData("""{"properties":{"a":{"if":{"properties":{"b":{}}}}}}""", false)]
    public void Closing_is_exact_only_where_each_value_meets_one_schema_object_drift_detection_walks(string schema, bool exact)
    {
        using var document = JsonDocument.Parse(schema);
        Assert.Equal(exact, ClosedSchema.ClosesExactly(document.RootElement));
        var contract = CompiledDataContract.Compile(schema, new Dictionary<string, string>(), Prefix);
        Assert.Equal(exact || ReferenceEquals(contract.Closed, contract.Schema), contract.ClosedIsExact);
    }

    [Fact]
    public void The_invoice_schema_of_the_benchmarks_closes_exactly()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("bench/invoice.schema.json")));
        Assert.True(ClosedSchema.ClosesExactly(document.RootElement));
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

    [Theory]
    [InlineData(AlreadyClosed)]
    [InlineData("""{"type":"object"}""")]
    [InlineData("""{"type":"object","required":["id"]}""")]
    [InlineData("""{"properties":{"a":{"type":"object"}},"unevaluatedProperties":false}""")]
    public void A_schema_closing_leaves_unchanged_is_its_own_closed_variant(string schema)
    {
        Assert.Null(ClosedSchema.CloseIfOpen(schema));
        Assert.Equal(schema, ClosedSchema.Close(schema));
        var contract = CompiledDataContract.Compile(schema, new Dictionary<string, string>(), Prefix);
        Assert.Same(contract.Schema, contract.Closed);
        using var document = JsonDocument.Parse(schema);
        var offline = CompiledDataContract.Compile(document.RootElement, new Uri("file:///schemas/s.json"));
        Assert.Same(offline.Schema, offline.Closed);
    }

    [Fact]
    public void An_open_schema_gets_a_closed_variant_of_its_own_offline_too()
    {
        const string open = """{"type":"object","properties":{"id":{"type":"string"}}}""";
        Assert.NotNull(ClosedSchema.CloseIfOpen(open));
        using var document = JsonDocument.Parse(open);
        var offline = CompiledDataContract.Compile(document.RootElement, new Uri("file:///schemas/s.json"));
        Assert.NotNull(offline.Closed);
        Assert.NotSame(offline.Schema, offline.Closed);
        Assert.True(offline.Closed.IsValid("""{"id":"a"}"""u8));
        Assert.False(offline.Closed.IsValid("""{"id":"a","extra":1}"""u8));
        Assert.True(offline.Schema.IsValid("""{"id":"a","extra":1}"""u8));
    }

    [Fact]
    public void A_closed_payload_referencing_an_open_one_is_closed_through_the_reference()
    {
        const string payload = """{"type":"object","additionalProperties":false,"properties":{"customer":{"$ref":"schemareg:finance.raw.customer:v1.0"}}}""";
        var referenced = new Dictionary<string, string> { ["finance.raw.customer:v1.0"] = """{"type":"object","properties":{"id":{"type":"string"}}}""" };
        var contract = CompiledDataContract.Compile(payload, referenced, Prefix);
        Assert.NotNull(contract.Closed);
        Assert.NotSame(contract.Schema, contract.Closed);
        var record = """{"customer":{"id":"c1","phone":"+41"}}"""u8.ToArray();
        Assert.True(contract.Schema.IsValid(record));
        Assert.False(contract.Closed.IsValid(record));
        var classifier = contract.Classifier(DriftPolicy.Quarantine);
        Assert.Equal(RecordOutcome.Drifted, classifier.Classify(record));
        Assert.Equal("customer.phone", Assert.Single(classifier.Drift).Path);
    }

    [Fact]
    public void A_record_the_schema_rejects_is_invalid_without_drift_when_the_schema_is_its_own_closed_variant()
    {
        var contract = CompiledDataContract.Compile(AlreadyClosed, new Dictionary<string, string>(), Prefix);
        var classifier = contract.Classifier(DriftPolicy.Quarantine);
        Assert.Equal(RecordOutcome.Invalid, classifier.Classify("""{"id":"B"}"""u8));
        Assert.Empty(classifier.Drift);
        Assert.Equal(RecordOutcome.Valid, classifier.Classify("""{"id":"A","c":{"z":"q"}}"""u8));
        Assert.Equal(RecordOutcome.Drifted, classifier.Classify("""{"id":"A","c":{"z":"q","y":1}}"""u8));
        Assert.Equal("c.y", Assert.Single(classifier.Drift).Path);
        // Under the allow policy drift does not quarantine, and the schema itself rejects the undeclared field.
        Assert.Equal(RecordOutcome.Invalid, contract.Classifier(DriftPolicy.Allow).Classify("""{"id":"A","c":{"z":"q","y":1}}"""u8));
    }
}
