using System.Text.Json.Nodes;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// Where subschemas sit in a schema document (by keyword), so mutations, shrinking and the instance search can walk
/// every subschema, and how the generator's local references (JSON pointers and plain-name anchors) resolve.
/// </summary>
internal static class SchemaTree
{
    public static readonly string[] SingleSubschema =
        ["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else"];

    public static readonly string[] SubschemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems"];

    public static readonly string[] SubschemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    /// <summary>A place holding a subschema: the container and the key (property name or array index) in it.</summary>
    public sealed record Slot(JsonNode Container, string? Name, int Index, string Path)
    {
        public JsonNode? Get() => Name is not null ? Container.AsObject()[Name] : Container.AsArray()[Index];

        public void Set(JsonNode value)
        {
            if (Name is not null)
            {
                Container.AsObject()[Name] = value;
            }
            else
            {
                Container.AsArray()[Index] = value;
            }
        }
    }

    /// <summary>Every subschema slot under <paramref name="schema"/> (the root itself is not a slot), parents first.</summary>
    public static List<Slot> Slots(JsonNode schema, string path = "")
    {
        var slots = new List<Slot>();
        if (schema is not JsonObject o)
        {
            return slots;
        }
        foreach (var (keyword, value) in o.ToList())
        {
            var at = path + "/" + keyword;
            if (SingleSubschema.Contains(keyword) || (keyword == "items" && value is not JsonArray))
            {
                Add(new Slot(o, keyword, -1, at));
            }
            else if ((SubschemaArrays.Contains(keyword) || keyword == "items") && value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Add(new Slot(array, null, i, at + "/" + i));
                }
            }
            else if (SubschemaMaps.Contains(keyword) && value is JsonObject map)
            {
                foreach (var (name, member) in map.ToList())
                {
                    // draft-07's dependencies also takes arrays of names, which are no subschemas.
                    if (member is JsonObject || member?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                    {
                        Add(new Slot(map, name, -1, at + "/" + name));
                    }
                }
            }
        }
        return slots;

        void Add(Slot slot)
        {
            slots.Add(slot);
            if (slot.Get() is { } child)
            {
                slots.AddRange(Slots(child, slot.Path));
            }
        }
    }

    /// <summary>The subschema a local reference names: a JSON pointer, a <c>$anchor</c>, or a draft-07 <c>"$id": "#name"</c>.</summary>
    public static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }
        var fragment = reference[1..];
        if (fragment.Length == 0 || fragment.StartsWith('/'))
        {
            JsonNode? node = root;
            foreach (var token in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                node = node switch
                {
                    JsonObject o => o[name],
                    JsonArray a when int.TryParse(name, out var i) && i >= 0 && i < a.Count => a[i],
                    _ => null,
                };
            }
            return node;
        }
        return Slots(root).Select(s => s.Get()).OfType<JsonObject>().FirstOrDefault(s =>
            (s["$anchor"] is JsonValue anchor && anchor.GetValueKind() == System.Text.Json.JsonValueKind.String && anchor.GetValue<string>() == fragment)
            || (s["$id"] is JsonValue id && id.GetValueKind() == System.Text.Json.JsonValueKind.String && id.GetValue<string>() == reference));
    }
}
