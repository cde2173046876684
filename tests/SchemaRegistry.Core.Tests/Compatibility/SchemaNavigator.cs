using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Finds the schema node a <see cref="SchemaChange"/> example is an instance of, by walking the change's logical
/// path through <c>properties</c>, <c>items</c>, <c>prefixItems</c>, <c>additionalProperties</c> and composition
/// branches, resolving local <c>$ref</c>s on the way (independently of the engine's own resolution).
/// </summary>
internal static class SchemaNavigator
{
    private static readonly HashSet<ChangeKind> MembershipKinds =
    [
        ChangeKind.PropertyAdded, ChangeKind.PropertyRemoved, ChangeKind.RequiredAdded, ChangeKind.RequiredRemoved,
        ChangeKind.AdditionalPropertiesClosed, ChangeKind.AdditionalPropertiesOpened,
    ];

    private static readonly JsonElement True = JsonDocument.Parse("true").RootElement;

    public static JsonElement ExampleNode(JsonElement root, SchemaChange change)
    {
        var segments = change.Path.Split('/').Skip(1)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        if (MembershipKinds.Contains(change.Kind))
        {
            // The example is the object that owns the property (or the additionalProperties rule).
            var owned = change.Kind is ChangeKind.AdditionalPropertiesClosed or ChangeKind.AdditionalPropertiesOpened ? 1 : 2;
            segments.RemoveRange(segments.Count - owned, owned);
        }
        var node = MiniSchemaChecker.Resolve(root, root);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment)
            {
                case "properties":
                    var name = segments[++i];
                    node = node.ValueKind == JsonValueKind.Object && node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var property)
                        ? property
                        : Keyword(node, "additionalProperties");
                    break;
                case "additionalProperties" or "additionalItems" or "items" or "not":
                    node = Keyword(node, segment);
                    break;
                case "prefixItems":
                    var index = int.Parse(segments[++i], System.Globalization.CultureInfo.InvariantCulture);
                    node = node.TryGetProperty("prefixItems", out var prefix) && index < prefix.GetArrayLength() ? prefix[index] : Keyword(node, "items");
                    break;
                case "anyOf" or "allOf" or "oneOf":
                    node = node.GetProperty(segment)[int.Parse(segments[++i], System.Globalization.CultureInfo.InvariantCulture)];
                    break;
                default:
                    // A value keyword such as type, minimum or enum ends the path: the owner is the node.
                    Assert.Equal(segments.Count - 1, i);
                    return node;
            }
            node = MiniSchemaChecker.Resolve(node, root);
        }
        return node;
    }

    private static JsonElement Keyword(JsonElement node, string keyword) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(keyword, out var value) ? value : True;
}
