using System.Globalization;
using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// The schema found at a change's logical path (through <c>properties</c>, <c>items</c>, <c>prefixItems</c>,
/// <c>additionalProperties</c>, composition branches and local <c>$ref</c>s). A property that only
/// <c>patternProperties</c>/<c>additionalProperties</c> describe is the owner's <see cref="Member"/>.
/// </summary>
internal sealed record SchemaNode(JsonElement Schema, string? Member)
{
    private static readonly HashSet<string> Single = ["additionalProperties", "additionalItems", "not"];

    /// <summary>The lengths (in segments) of the structural prefixes of a path, deepest first, ending with the root (0).</summary>
    public static List<int> Ancestors(IReadOnlyList<string> segments)
    {
        var ends = new List<int> { 0 };
        var i = 0;
        while (i < segments.Count)
        {
            var next = i + 1 < segments.Count ? segments[i + 1] : null;
            var indexed = next is not null && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            var step = segments[i] switch
            {
                "properties" when next is not null => 2,
                "prefixItems" or "allOf" or "anyOf" or "oneOf" when indexed => 2,
                "items" => indexed ? 2 : 1,
                "not" when next is not null => 1,
                var s when Single.Contains(s) && s != "not" => 1,
                _ => 0,
            };
            if (step == 0)
            {
                break;
            }
            i += step;
            ends.Add(i);
        }
        ends.Reverse();
        return ends;
    }

    public static List<string> Segments(string path) =>
        path.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    /// <summary>The node reached by the first <paramref name="count"/> segments, or null when the path is ambiguous there.</summary>
    public static SchemaNode? At(JsonElement root, IReadOnlyList<string> segments, int count, bool siblingsIgnored)
    {
        var node = root;
        var i = 0;
        while (i < count)
        {
            if (Resolve(node, root, siblingsIgnored) is not { } resolved)
            {
                return null;
            }
            node = resolved;
            var segment = segments[i];
            var next = i + 1 < segments.Count ? segments[i + 1] : null;
            var index = next is not null && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            switch (segment)
            {
                case "properties":
                    if (SchemaJson.Get(node, "properties") is { ValueKind: JsonValueKind.Object } properties && properties.TryGetProperty(next!, out var property))
                    {
                        node = property;
                    }
                    else if (i + 2 == count)
                    {
                        return new SchemaNode(node, next);
                    }
                    else if (SchemaJson.Get(node, "patternProperties") is not null)
                    {
                        return null;
                    }
                    else
                    {
                        node = SchemaJson.Get(node, "additionalProperties") ?? SchemaJson.True;
                    }
                    i += 2;
                    break;
                case "prefixItems":
                case "items" when index >= 0:
                    var tuple = SchemaJson.Get(node, segment);
                    node = tuple is { ValueKind: JsonValueKind.Array } t && index < t.GetArrayLength() ? t[index]
                        : SchemaJson.Get(node, segment == "items" ? "additionalItems" : "items") ?? SchemaJson.True;
                    i += 2;
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    if (SchemaJson.Get(node, segment) is not { ValueKind: JsonValueKind.Array } branches || index < 0 || index >= branches.GetArrayLength())
                    {
                        return null;
                    }
                    node = branches[index];
                    i += 2;
                    break;
                default:
                    node = SchemaJson.Get(node, segment) ?? SchemaJson.True;
                    if (node.ValueKind == JsonValueKind.Array)
                    {
                        return null;
                    }
                    i++;
                    break;
            }
        }
        return new SchemaNode(node, null);
    }

    private static JsonElement? Resolve(JsonElement node, JsonElement root, bool siblingsIgnored)
    {
        for (var hops = 0; hops < 32 && SchemaJson.LocalRef(node) is { } reference; hops++)
        {
            var constrained = node.EnumerateObject().Any(p => p.Name != "$ref" && !SchemaJson.AcceptsEverything(SchemaJson.Parse("{" + JsonSerializer.Serialize(p.Name) + ":0}")));
            if ((constrained && !siblingsIgnored) || SchemaJson.Pointer(root, reference[1..]) is not { } target)
            {
                return null;
            }
            node = target;
        }
        return node;
    }
}
