using System.Text.Json;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Data.References;

/// <summary>Resolves <c>schemareg:FQID</c> and canonical-URL references to the payloads of registered schemas given up front.</summary>
public sealed class RegistryReferenceResolver(IReadOnlyDictionary<string, string> payloads, string canonicalPrefix) : ISchemaResolver
{
    public JsonElement? Resolve(Uri uri) =>
        ReferenceScanner.TryGetFqid(uri.OriginalString, canonicalPrefix, out var fqid) && payloads.TryGetValue(fqid, out var payload)
            ? JsonDocument.Parse(payload).RootElement.Clone()
            : null;
}
