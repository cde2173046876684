using System.Text.Json;

namespace SchemaRegistry.Core.Checks;

/// <summary>Finds every <c>"$ref": "schemareg:FQID[#fragment]"</c> in any subschema of a payload.</summary>
public static class ReferenceScanner
{
    public const string Scheme = "schemareg:";

    /// <summary>The referenced FQID texts (fragment removed), distinct, in order of first appearance.</summary>
    public static IReadOnlyList<string> Scan(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        var found = new List<string>();
        SchemaWalker.Walk(doc.RootElement, (schema, _) =>
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String &&
                reference.GetString() is { } target && target.StartsWith(Scheme, StringComparison.Ordinal))
            {
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                found.Add(hash < 0 ? target[Scheme.Length..] : target[Scheme.Length..hash]);
            }
        });
        return found.Distinct(StringComparer.Ordinal).ToList();
    }
}
