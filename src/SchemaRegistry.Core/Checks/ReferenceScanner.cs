using System.Text.Json;

namespace SchemaRegistry.Core.Checks;

/// <summary>
/// Finds every reference to another registered schema in any subschema of a payload: <c>"$ref":
/// "schemareg:FQID[#fragment]"</c>, or the registry's canonical URL for it (<c>{public url}/v1/schema/FQID</c>).
/// </summary>
public static class ReferenceScanner
{
    public const string Scheme = "schemareg:";

    /// <summary>The referenced FQID texts (fragment removed), distinct, in order of first appearance.</summary>
    /// <param name="payload">The payload's JSON text.</param>
    /// <param name="canonicalPrefix">The registry's canonical URL prefix, e.g. <c>https://registry.example/v1/schema/</c>.</param>
    public static IReadOnlyList<string> Scan(string payload, string? canonicalPrefix = null)
    {
        using var doc = JsonDocument.Parse(payload);
        var found = new List<string>();
        SchemaWalker.Walk(doc.RootElement, (schema, _) =>
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String &&
                reference.GetString() is { } target && TryGetFqid(target, canonicalPrefix, out var fqid))
            {
                found.Add(fqid);
            }
        });
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The FQID text a reference names, when it names a registered schema at all.</summary>
    public static bool TryGetFqid(string reference, string? canonicalPrefix, out string fqid)
    {
        var prefixLength = reference.StartsWith(Scheme, StringComparison.Ordinal) ? Scheme.Length
            : canonicalPrefix is { Length: > 0 } && reference.StartsWith(canonicalPrefix, StringComparison.Ordinal) ? canonicalPrefix.Length
            : -1;
        if (prefixLength < 0)
        {
            fqid = "";
            return false;
        }
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var text = hash < 0 ? reference[prefixLength..] : reference[prefixLength..hash];
        fqid = Uri.UnescapeDataString(text);
        return true;
    }
}
