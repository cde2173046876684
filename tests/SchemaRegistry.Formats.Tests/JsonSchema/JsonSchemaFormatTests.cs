using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Formats.Tests.JsonSchema;

public sealed class JsonSchemaFormatTests
{
    private static readonly JsonSchemaFormat Format = new();
    private static readonly Dictionary<string, string> NoReferences = [];

    [Fact]
    public void The_format_is_json_schema_and_json_to_confluent_and_in_the_catalog()
    {
        Assert.Equal(("json-schema", "JSON"), (Format.Name, Format.ConfluentType));
        Assert.True(FormatCatalog.Create().TryGetByConfluentType("JSON", out var found));
        Assert.IsType<JsonSchemaFormat>(found);
    }

    [Theory]
    [InlineData("""{"type":12}""", "/type")]
    [InlineData("""{"type":"object","properties":[]}""", "/properties")]
    [InlineData("""{"$schema":"https://example.com/unknown","type":"object"}""", "/$schema")]
    public void A_schema_its_meta_schema_refuses_is_refused_with_VAL_1102_and_where(string text, string path)
    {
        var parse = Format.Parse(text, NoReferences);
        Assert.False(parse.IsValid);
        Assert.Contains(parse.Issues, i => i.Code == "VAL-1102" && i.Path == path);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var issue = Assert.Single(Format.Parse("{not json", NoReferences).Issues);
        Assert.Equal("VAL-1102", issue.Code);
    }

    [Fact]
    public void Two_spellings_of_one_schema_normalise_to_the_same_text()
    {
        var a = Format.Parse("""{ "type": "object", "properties": { "id": { "type": "string" } } }""", NoReferences).Schema!;
        var b = Format.Parse("""{"properties":{"id":{"type":"string"}},"type":"object"}""", NoReferences).Schema!;
        Assert.Equal(Format.Normalise(a), Format.Normalise(b));
        Assert.Equal("""{"properties":{"id":{"type":"string"}},"type":"object"}""", Format.Normalise(a));
    }

    [Fact]
    public void Compare_gives_the_change_list_the_registry_uses()
    {
        var older = Format.Parse("""{"type":"object","properties":{"id":{"type":"string"}}}""", NoReferences).Schema!;
        var newer = Format.Parse("""{"type":"object","properties":{"id":{"type":"integer"}}}""", NoReferences).Schema!;
        var diff = Format.Compare(older, newer);
        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeKind.TypeChanged, change.Kind);
        Assert.False(diff.IsBackwardCompatible);
    }

    [Fact]
    public void References_resolve_by_the_uri_the_schema_uses_and_a_missing_one_is_VAL_1304()
    {
        var text = """{"type":"object","properties":{"customer":{"$ref":"https://acme.example/customer.json"}}}""";
        var customer = """{"type":"object","properties":{"name":{"type":"string"}}}""";
        Assert.True(Format.Parse(text, new Dictionary<string, string> { ["https://acme.example/customer.json"] = customer }).IsValid);
        var missing = Format.Parse(text, new Dictionary<string, string> { ["https://acme.example/other.json"] = customer });
        Assert.Contains(missing.Issues, i => i.Code == "VAL-1304");
    }
}
