using System.Text.Json;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Server.Validation;

/// <summary>Resolves <c>schemareg:FQID</c> references to the payloads of registered schemas given up front.</summary>
internal sealed class RegistryReferenceResolver(IReadOnlyDictionary<string, string> payloads) : ISchemaResolver
{
    public JsonElement? Resolve(Uri uri)
    {
        const string scheme = "schemareg:";
        var text = uri.OriginalString;
        if (!text.StartsWith(scheme, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var fqid = hash < 0 ? text[scheme.Length..] : text[scheme.Length..hash];
        return payloads.TryGetValue(fqid, out var payload) ? JsonDocument.Parse(payload).RootElement.Clone() : null;
    }
}
