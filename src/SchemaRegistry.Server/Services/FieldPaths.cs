using System.Text.Json;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The property paths a schema declares (<c>customer.customer_id</c>, <c>lines[].sku</c>), for the search by field
/// name: JSON Schema <c>properties</c> (through <c>items</c>, <c>$defs</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>) and
/// Avro record <c>fields</c>. A payload that is not JSON (Protobuf) declares none here.
/// </summary>
internal static class FieldPaths
{
    private const int MaxPaths = 2000;
    private const int MaxDepth = 32;

    public static IReadOnlyList<string> Of(string payload)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 256 });
            Walk(document.RootElement, "", paths, 0);
        }
        catch (JsonException)
        {
            return [];
        }
        return [.. paths];
    }

    private static void Walk(JsonElement node, string prefix, SortedSet<string> paths, int depth)
    {
        if (depth > MaxDepth || paths.Count >= MaxPaths || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var member in node.EnumerateObject())
        {
            switch (member.Name)
            {
                case "properties" when member.Value.ValueKind == JsonValueKind.Object:
                    foreach (var property in member.Value.EnumerateObject())
                    {
                        var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                        paths.Add(path);
                        Walk(property.Value, path, paths, depth + 1);
                    }
                    break;
                case "fields" when member.Value.ValueKind == JsonValueKind.Array:
                    foreach (var field in member.Value.EnumerateArray())
                    {
                        if (field.ValueKind == JsonValueKind.Object && field.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                        {
                            var path = prefix.Length == 0 ? name.GetString()! : $"{prefix}.{name.GetString()}";
                            paths.Add(path);
                            if (field.TryGetProperty("type", out var type))
                            {
                                Walk(type, path, paths, depth + 1);
                            }
                        }
                    }
                    break;
                case "items":
                    Walk(member.Value, prefix + "[]", paths, depth + 1);
                    break;
                case "$defs" or "definitions" when member.Value.ValueKind == JsonValueKind.Object:
                    foreach (var definition in member.Value.EnumerateObject())
                    {
                        Walk(definition.Value, prefix, paths, depth + 1);
                    }
                    break;
                case "allOf" or "anyOf" or "oneOf" when member.Value.ValueKind == JsonValueKind.Array:
                    foreach (var branch in member.Value.EnumerateArray())
                    {
                        Walk(branch, prefix, paths, depth + 1);
                    }
                    break;
                default:
                    break;
            }
        }
    }
}
