using SchemaRegistry.Data.References;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Server.Validation;

/// <summary>
/// VAL-1102 by validating the payload against its dialect's meta-schema (errors listed with their locations), then
/// VAL-1102/VAL-1304 by compiling it with the referenced registry schemas as the only reachable documents.
/// </summary>
internal sealed class JsonSchemaPayloadValidator(RegistryOptions options, Caching.ContentCheckCache cache) : IPayloadValidator
{
    public IReadOnlyList<Issue> Check(string payload, IReadOnlyDictionary<string, string>? references) =>
        PayloadLimits.Check(payload, options) is { } overLimit ? [overLimit] : cache.GetOrCheck(payload, references, () => CheckUncached(payload, references));

    private IReadOnlyList<Issue> CheckUncached(string payload, IReadOnlyDictionary<string, string>? references) =>
        Formats.JsonSchema.JsonSchemaMetaCheck.Check(payload, references is null ? null : new RegistryReferenceResolver(references, options.CanonicalPrefix));
}
