using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>
/// VAL-1102 by validating a payload against the meta-schema its <c>$schema</c> names (2020-12 when it names none),
/// then VAL-1102/VAL-1304 by compiling it with the referenced schemas as the only reachable documents. Meta-schemas
/// are compiled once per process.
/// </summary>
public static class JsonSchemaMetaCheck
{
    private const string DefaultMetaSchema = "https://json-schema.org/draft/2020-12/schema";
    private static readonly ConcurrentDictionary<string, CompiledSchema> MetaSchemas = new(StringComparer.Ordinal);

    /// <param name="payload">The schema's JSON text.</param>
    /// <param name="resolver">Resolves references to other schemas; null to skip compiling.</param>
    public static IReadOnlyList<Issue> Check(string payload, ISchemaResolver? resolver)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var metaUri = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var declared) && declared.ValueKind == JsonValueKind.String
            ? declared.GetString()!
            : DefaultMetaSchema;
        CompiledSchema meta;
        try
        {
            meta = MetaSchemas.GetOrAdd(metaUri, uri => CompiledSchema.Compile($$"""{"$ref":{{JsonSerializer.Serialize(uri)}}}""", new JsonSchemaOptions { AssertFormat = false }));
        }
        catch (SchemaCompileException)
        {
            return [new Issue(ErrorCode.PayloadInvalid, "/$schema", $"$schema {metaUri} is not a known dialect (2020-12, 2019-09, draft-07, draft-06, draft-04).")];
        }
        var result = meta.Evaluate(Encoding.UTF8.GetBytes(payload));
        if (!result.Valid)
        {
            return result.Errors
                .Select(e => new Issue(ErrorCode.PayloadInvalid, e.InstanceLocation, $"{e.Message} (meta-schema keyword {e.KeywordLocation})"))
                .DistinctBy(i => (i.Path, i.Message))
                .Take(100)
                .ToList();
        }
        if (resolver is null)
        {
            return [];
        }
        try
        {
            CompiledSchema.Compile(root, new JsonSchemaOptions { Resolver = resolver }, new Uri("schemareg:payload"));
            return [];
        }
        catch (SchemaCompileException e)
        {
            return [new Issue(e.UnresolvedReference ? ErrorCode.ReferenceUnresolved : ErrorCode.PayloadInvalid, e.Location, e.Message)];
        }
    }
}
