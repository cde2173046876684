using SchemaRegistry.Data.References;
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
    public IReadOnlyList<Issue> Check(string payload, IReadOnlyDictionary<string, string>? references) =>
        PayloadLimits.Check(payload, options) is { } overLimit ? [overLimit] : cache.GetOrCheck(payload, references, () => CheckUncached(payload, references));

    private IReadOnlyList<Issue> CheckUncached(string payload, IReadOnlyDictionary<string, string>? references)
    {
        if (PayloadMetaSchema.Check(payload) is { Count: > 0 } findings)
        {
            return findings;
        }
        if (references is null)
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            CompiledSchema.Compile(document.RootElement, new JsonSchemaOptions { Resolver = new RegistryReferenceResolver(references, options.CanonicalPrefix) }, new Uri("schemareg:payload"));
            return [];
        }
        catch (SchemaCompileException e)
        {
            return [new Issue(e.UnresolvedReference ? ErrorCode.ReferenceUnresolved : ErrorCode.PayloadInvalid, e.Location, e.Message)];
        }
    }
}
