using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>References to other registered schemas (schemareg:FQID) resolve through the resolver the registry supplies.</summary>
public sealed class RegistryReferenceTests
{
    private sealed class Registry(Dictionary<string, string> documents) : ISchemaResolver
    {
        public JsonElement? Resolve(Uri uri) =>
            documents.TryGetValue(uri.OriginalString, out var text) ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }

    private static readonly Registry Documents = new(new Dictionary<string, string>
    {
        ["schemareg:finance.gdp.customer:v1.0"] = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"parent":{"$ref":"schemareg:finance.gdp.customer:v1.0"}},"$defs":{"code":{"pattern":"^[A-Z]{2}$"}}}""",
        ["schemareg:finance.gdp.node:v1.0"] = """{"type":"object","properties":{"next":{"$ref":"schemareg:finance.gdp.list:v1.0"}}}""",
        ["schemareg:finance.gdp.list:v1.0"] = """{"type":"object","properties":{"head":{"$ref":"schemareg:finance.gdp.node:v1.0"}}}""",
    });

    [Fact]
    public void A_reference_by_fqid_resolves_and_validates()
    {
        var schema = CompiledSchema.Compile("""{"properties":{"customer":{"$ref":"schemareg:finance.gdp.customer:v1.0"}}}""",
            new JsonSchemaOptions { Resolver = Documents });
        Assert.True(schema.IsValid("""{"customer":{"id":"c1","parent":{"id":"c0"}}}"""u8));
        Assert.False(schema.IsValid("""{"customer":{"id":"c1","parent":{}}}"""u8));
    }

    [Fact]
    public void A_fragment_of_a_registered_schema_resolves()
    {
        var schema = CompiledSchema.Compile("""{"$ref":"schemareg:finance.gdp.customer:v1.0#/$defs/code"}""", new JsonSchemaOptions { Resolver = Documents });
        Assert.True(schema.IsValid("\"DE\""u8));
        Assert.False(schema.IsValid("\"Germany\""u8));
    }

    [Fact]
    public void Cycles_between_registered_schemas_are_allowed()
    {
        var schema = CompiledSchema.Compile("""{"$ref":"schemareg:finance.gdp.node:v1.0"}""", new JsonSchemaOptions { Resolver = Documents });
        Assert.True(schema.IsValid("""{"next":{"head":{"next":{}}}}"""u8));
        Assert.False(schema.IsValid("""{"next":{"head":{"next":5}}}"""u8));
    }
}
