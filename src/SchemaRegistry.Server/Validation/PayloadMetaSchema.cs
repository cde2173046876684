using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Validation;

/// <summary>
/// VAL-1102 findings of a JSON Schema payload against its dialect's meta-schema, each with the JSON pointer of the
/// offending value: the server's payload check, and the CLI's offline one (<c>schema diff</c>, <c>data validate</c>),
/// so both refuse a schema for the same reasons.
/// </summary>
public static class PayloadMetaSchema
{
    private const string DefaultMetaSchema = "https://json-schema.org/draft/2020-12/schema";
    private const int MaxFindings = 100;
    private static readonly ConcurrentDictionary<string, CompiledSchema> MetaSchemas = new(StringComparer.Ordinal);

    /// <summary>The findings; empty when the payload is a valid schema of its dialect (2020-12 when it declares none).</summary>
    public static IReadOnlyList<Issue> Check(string payload)
    {
        string metaUri;
        using (var document = JsonDocument.Parse(payload))
        {
            var root = document.RootElement;
            metaUri = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var declared) && declared.ValueKind == JsonValueKind.String
                ? declared.GetString()!
                : DefaultMetaSchema;
        }
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
        return result.Valid
            ? []
            : result.Errors
                .Select(e => new Issue(ErrorCode.PayloadInvalid, e.InstanceLocation, $"{e.Message} (meta-schema keyword {e.KeywordLocation})"))
                .DistinctBy(i => (i.Path, i.Message))
                .Take(MaxFindings)
                .ToList();
    }
}
