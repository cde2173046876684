using System.Text.Json;

namespace SchemaRegistry.Core.Checks;

/// <summary>Finds every <c>"$ref": "schemareg:FQID[#fragment]"</c> anywhere in a payload.</summary>
public static class ReferenceScanner
{
    public const string Scheme = "schemareg:";

    /// <summary>The referenced FQID texts (fragment removed), distinct, in order of first appearance.</summary>
    public static IReadOnlyList<string> Scan(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        var found = new List<string>();
        Walk(doc.RootElement, found);
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String &&
                        property.Value.GetString() is { } target && target.StartsWith(Scheme, StringComparison.Ordinal))
                    {
                        var hash = target.IndexOf('#', StringComparison.Ordinal);
                        found.Add(hash < 0 ? target[Scheme.Length..] : target[Scheme.Length..hash]);
                    }
                    else if (property.Name is not ("enum" or "const" or "default" or "examples"))
                    {
                        Walk(property.Value, found);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, found);
                }
                break;
        }
    }
}
