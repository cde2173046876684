using System.Text.Json;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Checks;

public sealed class EnvelopeRulesTests
{
    private const string PayloadText = """{ "type": "object",  "properties": { "id": { "type": "string" } } }""";

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static DraftInput Valid() => new(
        Fqid: "finance.gdp.invoice:v1.2",
        Owner: "team-finance",
        Description: "One invoice line.",
        Format: "json-schema",
        Compatibility: "FULL",
        Tags: new Dictionary<string, string> { ["pii"] = "false", ["domain"] = "finance" },
        Payload: Json(PayloadText));

    private static RegistryError Refusal(DraftInput input) =>
        Assert.Throws<RegistryException>(() => EnvelopeRules.Build(input, Layers.Default)).Error;

    private static Issue SingleFinding(DraftInput input)
    {
        var error = Refusal(input);
        var issue = Assert.Single(error.Issues);
        Assert.Equal(ErrorCode.EnvelopeInvalid, issue.Code);
        return issue;
    }

    [Fact]
    public void Valid_input_becomes_a_definition()
    {
        var definition = EnvelopeRules.Build(Valid(), Layers.Default);

        Assert.Equal(Fqid.Parse("finance.gdp.invoice:v1.2", Layers.Default), definition.Fqid);
        Assert.Equal("team-finance", definition.Owner);
        Assert.Equal("One invoice line.", definition.Description);
        Assert.Equal(SchemaDefinition.JsonSchemaFormat, definition.Format);
        Assert.Equal(CompatibilityMode.Full, definition.Compatibility);
        Assert.Equal("false", definition.Tags["pii"]);
        Assert.Equal("finance", definition.Tags["domain"]);
    }

    [Fact]
    public void Payload_is_kept_as_the_json_text_it_was_given_in()
    {
        var definition = EnvelopeRules.Build(Valid(), Layers.Default);

        Assert.Equal(PayloadText, definition.Payload);
    }

    [Fact]
    public void Tags_are_ordered_by_ordinal_key()
    {
        var input = Valid() with { Tags = new Dictionary<string, string> { ["b"] = "1", ["a"] = "2", ["B"] = "3", ["_"] = "4" } };

        var definition = EnvelopeRules.Build(input, Layers.Default);

        Assert.Equal(["B", "_", "a", "b"], definition.Tags.Keys);
    }

    [Fact]
    public void Owner_is_trimmed()
    {
        var definition = EnvelopeRules.Build(Valid() with { Owner = "  team-finance \t" }, Layers.Default);

        Assert.Equal("team-finance", definition.Owner);
    }

    [Fact]
    public void Optional_fields_take_their_defaults()
    {
        var input = Valid() with { Description = null, Format = null, Compatibility = null, Tags = null };

        var definition = EnvelopeRules.Build(input, Layers.Default);

        Assert.Equal("", definition.Description);
        Assert.Equal("json-schema", definition.Format);
        Assert.Equal(CompatibilityMode.Backward, definition.Compatibility);
        Assert.Empty(definition.Tags);
    }

    [Theory]
    [InlineData("NONE", CompatibilityMode.None)]
    [InlineData("BACKWARD", CompatibilityMode.Backward)]
    [InlineData("FORWARD", CompatibilityMode.Forward)]
    [InlineData("FULL", CompatibilityMode.Full)]
    [InlineData("BACKWARD_TRANSITIVE", CompatibilityMode.BackwardTransitive)]
    [InlineData("FORWARD_TRANSITIVE", CompatibilityMode.ForwardTransitive)]
    [InlineData("FULL_TRANSITIVE", CompatibilityMode.FullTransitive)]
    public void Every_compatibility_wire_name_is_accepted(string wire, CompatibilityMode mode)
    {
        Assert.Equal(mode, EnvelopeRules.Build(Valid() with { Compatibility = wire }, Layers.Default).Compatibility);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Missing_owner_is_a_VAL_1101_finding(string? owner)
    {
        var issue = SingleFinding(Valid() with { Owner = owner });

        Assert.Equal("/owner", issue.Path);
        Assert.Contains("required", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Owner_of_128_characters_is_accepted()
    {
        var owner = new string('o', EnvelopeRules.MaxOwnerLength);

        Assert.Equal(owner, EnvelopeRules.Build(Valid() with { Owner = owner }, Layers.Default).Owner);
    }

    [Fact]
    public void Owner_longer_than_128_characters_is_a_VAL_1101_finding()
    {
        var issue = SingleFinding(Valid() with { Owner = new string('o', EnvelopeRules.MaxOwnerLength + 1) });

        Assert.Equal("/owner", issue.Path);
    }

    [Theory]
    [InlineData("team\0finance")]
    [InlineData("team\nfinance")]
    [InlineData("team\u0007")]
    public void Owner_with_control_characters_is_a_VAL_1101_finding(string owner)
    {
        var issue = SingleFinding(Valid() with { Owner = owner });

        Assert.Equal("/owner", issue.Path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_fqid_is_a_VAL_1101_finding(string? fqid)
    {
        var issue = SingleFinding(Valid() with { Fqid = fqid });

        Assert.Equal("/fqid", issue.Path);
        Assert.Contains("required", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finance.gdp.invoice")]
    [InlineData("finance.gdp.invoice:latest")]
    [InlineData("finance.gdp.invoice:v1")]
    [InlineData("finance.gdp.invoice:v01.2")]
    [InlineData("finance.silver.invoice:v1.2")]
    [InlineData("Finance.gdp.invoice:v1.2")]
    [InlineData("../etc/passwd:v1.2")]
    [InlineData(" ")]
    public void Bad_fqid_is_a_VAL_1101_finding(string fqid)
    {
        var issue = SingleFinding(Valid() with { Fqid = fqid });

        Assert.Equal("/fqid", issue.Path);
        Assert.False(Fqid.TryParse(fqid, Layers.Default, out _, out var parseError));
        Assert.Equal(parseError, issue.Message);
    }

    [Theory]
    [InlineData("backward")]
    [InlineData("Backward")]
    [InlineData("BACKWARDS")]
    [InlineData("FULL TRANSITIVE")]
    [InlineData("")]
    [InlineData("TRANSITIVE")]
    public void Unknown_compatibility_is_a_VAL_1101_finding(string compatibility)
    {
        var issue = SingleFinding(Valid() with { Compatibility = compatibility });

        Assert.Equal("/compatibility", issue.Path);
        foreach (var mode in WireNames.AllModes)
        {
            Assert.Contains(mode, issue.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("avro")]
    [InlineData("protobuf")]
    [InlineData("JSON-SCHEMA")]
    [InlineData("json_schema")]
    [InlineData("json-schema ")]
    [InlineData("")]
    public void Unsupported_format_is_a_VAL_1101_finding(string format)
    {
        var issue = SingleFinding(Valid() with { Format = format });

        Assert.Equal("/format", issue.Path);
        Assert.Contains("json-schema", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_format_is_echoed_without_control_characters()
    {
        var issue = SingleFinding(Valid() with { Format = "avro\0\n" });

        Assert.DoesNotContain('\0', issue.Message);
        Assert.DoesNotContain('\n', issue.Message);
    }

    [Fact]
    public void Json_null_payload_is_a_VAL_1101_finding()
    {
        var issue = SingleFinding(Valid() with { Payload = Json("null") });

        Assert.Equal("/payload", issue.Path);
    }

    [Fact]
    public void Missing_payload_is_a_VAL_1101_finding()
    {
        var issue = SingleFinding(Valid() with { Payload = null });

        Assert.Equal("/payload", issue.Path);
    }

    [Fact]
    public void Undefined_payload_is_a_VAL_1101_finding()
    {
        var issue = SingleFinding(Valid() with { Payload = default(JsonElement) });

        Assert.Equal("/payload", issue.Path);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("true")]
    [InlineData("42")]
    public void Payload_shape_is_left_to_the_payload_check(string json)
    {
        Assert.Equal(json, EnvelopeRules.Build(Valid() with { Payload = Json(json) }, Layers.Default).Payload);
    }

    [Fact]
    public void Description_of_4096_characters_is_accepted()
    {
        var description = new string('d', EnvelopeRules.MaxDescriptionLength);

        Assert.Equal(description, EnvelopeRules.Build(Valid() with { Description = description }, Layers.Default).Description);
    }

    [Fact]
    public void Description_longer_than_4096_characters_is_a_VAL_1101_finding()
    {
        var issue = SingleFinding(Valid() with { Description = new string('d', EnvelopeRules.MaxDescriptionLength + 1) });

        Assert.Equal("/description", issue.Path);
    }

    [Fact]
    public void Sixty_four_tags_are_accepted()
    {
        var tags = Enumerable.Range(0, EnvelopeRules.MaxTags).ToDictionary(i => $"t{i}", i => "v");

        Assert.Equal(EnvelopeRules.MaxTags, EnvelopeRules.Build(Valid() with { Tags = tags }, Layers.Default).Tags.Count);
    }

    [Fact]
    public void More_than_sixty_four_tags_is_one_VAL_1101_finding()
    {
        var tags = Enumerable.Range(0, EnvelopeRules.MaxTags + 1).ToDictionary(i => i == 0 ? "" : $"t{i}", i => "v");

        var issue = SingleFinding(Valid() with { Tags = tags });

        Assert.Equal("/tags", issue.Path);
    }

    [Fact]
    public void Tag_of_256_characters_is_accepted()
    {
        var key = new string('k', EnvelopeRules.MaxTagLength);
        var value = new string('v', EnvelopeRules.MaxTagLength);

        var definition = EnvelopeRules.Build(Valid() with { Tags = new Dictionary<string, string> { [key] = value } }, Layers.Default);

        Assert.Equal(value, definition.Tags[key]);
    }

    [Theory]
    [InlineData("", "v", "/tags/")]
    [InlineData("k\0", "v", "/tags/k?")]
    [InlineData("k", "v\n", "/tags/k")]
    [InlineData("k", "v\u0001", "/tags/k")]
    public void Bad_tag_is_a_VAL_1101_finding_at_its_name(string key, string value, string path)
    {
        var issue = SingleFinding(Valid() with { Tags = new Dictionary<string, string> { [key] = value } });

        Assert.Equal(path, issue.Path);
    }

    [Fact]
    public void Tag_name_longer_than_256_characters_is_a_VAL_1101_finding()
    {
        var key = new string('k', EnvelopeRules.MaxTagLength + 1);

        var issue = SingleFinding(Valid() with { Tags = new Dictionary<string, string> { [key] = "v" } });

        Assert.StartsWith("/tags/", issue.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_value_longer_than_256_characters_is_a_VAL_1101_finding()
    {
        var value = new string('v', EnvelopeRules.MaxTagLength + 1);

        var issue = SingleFinding(Valid() with { Tags = new Dictionary<string, string> { ["k"] = value } });

        Assert.Equal("/tags/k", issue.Path);
    }

    [Fact]
    public void Empty_tag_value_is_accepted()
    {
        var definition = EnvelopeRules.Build(Valid() with { Tags = new Dictionary<string, string> { ["flag"] = "" } }, Layers.Default);

        Assert.Equal("", definition.Tags["flag"]);
    }

    [Fact]
    public void Every_finding_is_listed_in_one_error()
    {
        var input = new DraftInput(
            Fqid: "finance.gdp.invoice:v01.2",
            Owner: " ",
            Description: new string('d', EnvelopeRules.MaxDescriptionLength + 1),
            Format: "avro",
            Compatibility: "SIDEWAYS",
            Tags: new Dictionary<string, string> { ["ok"] = "v", [""] = "v" },
            Payload: null);

        var error = Refusal(input);

        Assert.Equal(ErrorCode.EnvelopeInvalid, error.Code);
        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Equal("Envelope invalid", error.Title);
        Assert.Equal(
            ["/fqid", "/owner", "/description", "/format", "/compatibility", "/tags/", "/payload"],
            error.Issues.Select(i => i.Path));
        Assert.All(error.Issues, i => Assert.Equal(ErrorCode.EnvelopeInvalid, i.Code));
        Assert.Equal(error.Issues[0].Message, error.Detail);
    }

    [Fact]
    public void Exception_message_is_the_first_findings_message()
    {
        var ex = Assert.Throws<RegistryException>(() => EnvelopeRules.Build(Valid() with { Owner = null, Payload = null }, Layers.Default));

        Assert.Equal(2, ex.Error.Issues.Count);
        Assert.Equal(ex.Error.Issues[0].Message, ex.Message);
    }
}
