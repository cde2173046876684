using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// Reads a schema document into <see cref="ShapeNode"/>s. Local <c>$ref</c>s (JSON pointers, as in a bundled
/// payload) are followed and shared, so recursive schemas make a graph, not an endless tree; other references
/// are taken as "anything" (no drift is claimed where the schema cannot be seen).
/// </summary>
internal sealed class ShapeBuilder(JsonElement root)
{
    private readonly Dictionary<string, ShapeNode> _byPointer = new(StringComparer.Ordinal);
    private readonly List<ShapeNode> _all = [];

    public ShapeNode Build()
    {
        var node = Node(root, "");
        foreach (var each in _all.ToList())
        {
            Flatten(each);
        }
        return node;
    }

    private ShapeNode Node(JsonElement schema, string pointer)
    {
        if (_byPointer.TryGetValue(pointer, out var known))
        {
            return known;
        }
        var node = new ShapeNode();
        _byPointer[pointer] = node;
        _all.Add(node);
        if (schema.ValueKind == JsonValueKind.False)
        {
            node.Kinds = ValueKinds.None;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return node;
        }
        node.Kinds = KindsOf(schema);
        foreach (var keyword in schema.EnumerateObject())
        {
            Apply(node, keyword.Name, keyword.Value, $"{pointer}/{JsonPointer.Escape(keyword.Name)}");
        }
        return node;
    }

    private void Apply(ShapeNode node, string keyword, JsonElement value, string at)
    {
        switch (keyword)
        {
            case "properties" when value.ValueKind == JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    node.Properties[property.Name] = Node(property.Value, $"{at}/{JsonPointer.Escape(property.Name)}");
                }
                break;
            case "required" when value.ValueKind == JsonValueKind.Array:
                foreach (var name in value.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String))
                {
                    node.Required.Add(name.GetString()!);
                }
                break;
            case "additionalProperties" or "unevaluatedProperties":
                if (value.ValueKind == JsonValueKind.False)
                {
                    node.Closed = true;
                }
                else if (value.ValueKind == JsonValueKind.Object)
                {
                    node.Additional ??= Node(value, at);
                }
                break;
            case "patternProperties" when value.ValueKind == JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    node.Patterns.Add((Pattern(property.Name), Node(property.Value, $"{at}/{JsonPointer.Escape(property.Name)}")));
                }
                break;
            case "items" when value.ValueKind == JsonValueKind.Array:
            case "prefixItems" when value.ValueKind == JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    node.PrefixItems.Add(Node(item, $"{at}/{i++}"));
                }
                break;
            case "items" or "additionalItems" when value.ValueKind is JsonValueKind.Object or JsonValueKind.True:
                node.Items ??= Node(value, at);
                break;
            case "$ref" when value.ValueKind == JsonValueKind.String:
                node.AllOf.Add(Reference(value.GetString()!));
                break;
            case "allOf" when value.ValueKind == JsonValueKind.Array:
                node.AllOf.AddRange(Branches(value, at));
                break;
            case "anyOf" or "oneOf" when value.ValueKind == JsonValueKind.Array:
                node.AnyOf.AddRange(Branches(value, at));
                break;
            case "then" or "else" when value.ValueKind == JsonValueKind.Object:
                // Either branch may apply: its fields are declared, its types are one of the alternatives.
                node.AnyOf.Add(Node(value, at));
                break;
        }
    }

    private IEnumerable<ShapeNode> Branches(JsonElement array, string at) =>
        array.EnumerateArray().Select((branch, i) => Node(branch, $"{at}/{i}")).ToList();

    private ShapeNode Reference(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return ShapeNode.Unconstrained();
        }
        var pointer = JsonPointer.FromFragment(reference[1..]);
        return JsonPointer.Resolve(root, pointer) is { } target ? Node(target, pointer) : ShapeNode.Unconstrained();
    }

    /// <summary>Merges includes into the node (cycles are cut: a node being flattened contributes what it has so far).</summary>
    private static void Flatten(ShapeNode node)
    {
        if (node.SealState != 0)
        {
            return;
        }
        node.SealState = 1;
        foreach (var include in node.AllOf)
        {
            Flatten(include);
            node.Kinds &= include.Kinds;
            Merge(node, include, all: true);
        }
        if (node.AnyOf.Count > 0)
        {
            var kinds = ValueKinds.None;
            foreach (var branch in node.AnyOf)
            {
                Flatten(branch);
                kinds |= branch.Kinds;
                Merge(node, branch, all: false);
            }
            node.Kinds &= kinds;
        }
        node.Seal();
        node.SealState = 2;
    }

    private static void Merge(ShapeNode node, ShapeNode include, bool all)
    {
        foreach (var (name, child) in include.Properties)
        {
            if (!node.Properties.TryGetValue(name, out var existing))
            {
                node.Properties[name] = child;
            }
            else if (!ReferenceEquals(existing, child))
            {
                var combined = new ShapeNode();
                combined.AnyOf.Add(existing);
                combined.AnyOf.Add(child);
                Flatten(combined);
                node.Properties[name] = combined;
            }
        }
        if (all)
        {
            node.Required.UnionWith(include.Required);
            node.Closed |= include.Closed;
        }
        node.Additional ??= include.Additional;
        node.Patterns.AddRange(include.Patterns);
        node.Items ??= include.Items;
        if (node.PrefixItems.Count == 0)
        {
            node.PrefixItems.AddRange(include.PrefixItems);
        }
    }

    private static ValueKinds KindsOf(JsonElement schema)
    {
        var kinds = schema.TryGetProperty("type", out var type) ? JsonTypes.OfKeyword(type) : ValueKinds.All;
        if (schema.TryGetProperty("const", out var constant))
        {
            kinds &= JsonTypes.Of(constant);
        }
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            kinds &= values.EnumerateArray().Aggregate(ValueKinds.None, (k, v) => k | JsonTypes.Of(v));
        }
        return kinds;
    }

    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read still declares fields: treat every name as matching it.
            return new Regex("", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        }
    }
}
