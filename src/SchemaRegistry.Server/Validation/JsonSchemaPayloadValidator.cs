using SchemaRegistry.Data.References;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Validation;

/// <summary>
/// VAL-1102 by validating the payload against its dialect's meta-schema (errors listed with their locations), then
/// VAL-1102/VAL-1304 by compiling it with the referenced registry schemas as the only reachable documents.
/// </summary>
internal sealed class JsonSchemaPayloadValidator(RegistryOptions options, Caching.ContentCheckCache cache) : IPayloadValidator
{
    private const string DefaultMetaSchema = "https://json-schema.org/draft/2020-12/schema";
    private readonly ConcurrentDictionary<string, CompiledSchema> _metaSchemas = new(StringComparer.Ordinal);

    public IReadOnlyList<Issue> Check(string payload, IReadOnlyDictionary<string, string>? references) =>
        PayloadLimits.Check(payload, options) is { } overLimit ? [overLimit] : cache.GetOrCheck(payload, references, () => CheckUncached(payload, references));

    private IReadOnlyList<Issue> CheckUncached(string payload, IReadOnlyDictionary<string, string>? references)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var metaUri = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var declared) && declared.ValueKind == JsonValueKind.String
            ? declared.GetString()!
            : DefaultMetaSchema;
        CompiledSchema meta;
        try
        {
            meta = _metaSchemas.GetOrAdd(metaUri, uri => CompiledSchema.Compile($$"""{"$ref":{{JsonSerializer.Serialize(uri)}}}""", new JsonSchemaOptions { AssertFormat = false }));
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
        if (references is null)
        {
            return [];
        }
        try
        {
            CompiledSchema.Compile(root, new JsonSchemaOptions { Resolver = new RegistryReferenceResolver(references, options.CanonicalPrefix) }, new Uri("schemareg:payload"));
            return [];
        }
        catch (SchemaCompileException e)
        {
            return [new Issue(e.UnresolvedReference ? ErrorCode.ReferenceUnresolved : ErrorCode.PayloadInvalid, e.Location, e.Message)];
        }
    }
}
