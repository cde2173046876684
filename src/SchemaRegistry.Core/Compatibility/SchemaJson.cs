using System.Globalization;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>Small helpers over schema JSON: local <c>$ref</c> resolution, canonical text, value kinds.</summary>
internal static class SchemaJson
{
    private static readonly HashSet<string> Annotations =
        ["$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$ref", "$defs", "definitions"];

    private static readonly JsonElement TrueSchema = Parse("true");

    public static JsonElement True => TrueSchema;

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static bool IsFalse(JsonElement schema) => schema.ValueKind == JsonValueKind.False;

    /// <summary>True for <c>true</c> and for an object without any constraining keyword.</summary>
    public static bool AcceptsEverything(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.True
        || (schema.ValueKind == JsonValueKind.Object && schema.EnumerateObject().All(p => Annotations.Contains(p.Name) && p.Name != "$ref"));

    public static JsonElement? Get(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) ? value : null;

    /// <summary>Local reference text (<c>#...</c>) of a schema, or null.</summary>
    public static string? LocalRef(JsonElement schema) =>
        Get(schema, "$ref") is { ValueKind: JsonValueKind.String } r && r.GetString() is { } text && text.StartsWith('#') ? text : null;

    /// <summary>
    /// Follows local <c>$ref</c>s. Constraining siblings of a <c>$ref</c> are kept by returning
    /// <c>{"allOf":[siblings, target]}</c>. Unresolvable or external references are returned untouched.
    /// </summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement root, out string? refKey)
    {
        refKey = null;
        for (var hops = 0; hops < 32; hops++)
        {
            var reference = LocalRef(schema);
            if (reference is null || Pointer(root, reference[1..]) is not { } target)
            {
                return schema;
            }
            refKey = reference;
            var siblings = schema.EnumerateObject().Where(p => p.Name != "$ref").ToList();
            // Up to draft-07 a $ref replaces its object: the validator ignores every sibling keyword.
            if (DraftOf(root) >= SchemaDraft.Draft201909 && siblings.Any(p => !Annotations.Contains(p.Name)))
            {
                // From 2019-09 a $ref is an in-place applicator like allOf, so the target joins the siblings' allOf and the
                // siblings stay in the same schema object: unevaluated* siblings still see what the target evaluates.
                var branches = (Get(schema, "allOf") is { ValueKind: JsonValueKind.Array } allOf ? allOf.EnumerateArray().Select(b => b.GetRawText()) : [])
                    .Append(target.GetRawText());
                var members = siblings.Where(p => p.Name != "allOf").Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText())
                    .Append("\"allOf\":[" + string.Join(",", branches) + "]");
                return Parse("{" + string.Join(",", members) + "}");
            }
            schema = target;
        }
        return schema;
    }

    /// <summary>
    /// The value a local reference's fragment (the text after <c>#</c>) names, or null: a JSON pointer (<c>#/$defs/a</c>)
    /// or a plain name (<c>#Address</c>), which names the subschema carrying <c>"$anchor": "Address"</c> (2019-09 on) or
    /// <c>"$id": "#Address"</c> (draft-06/07; <c>"id"</c> in draft-04).
    /// </summary>
    public static JsonElement? Pointer(JsonElement root, string fragment)
    {
        var decoded = JsonPointer.FromFragment(fragment);
        return decoded.Length == 0 || decoded[0] == '/' ? JsonPointer.Resolve(root, decoded) : Anchor(root, decoded, 0);
    }

    private static readonly HashSet<string> ValueKeywords = ["enum", "const", "default", "examples"];

    private static JsonElement? Anchor(JsonElement node, string name, int depth)
    {
        if (depth > 64)
        {
            return null;
        }
        if (node.ValueKind == JsonValueKind.Object)
        {
            if ((Get(node, "$anchor") is { ValueKind: JsonValueKind.String } anchor && anchor.GetString() == name)
                || ((Get(node, "$id") ?? Get(node, "id")) is { ValueKind: JsonValueKind.String } id && id.GetString() == "#" + name))
            {
                return node;
            }
            foreach (var property in node.EnumerateObject())
            {
                if (!ValueKeywords.Contains(property.Name) && Anchor(property.Value, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                if (Anchor(item, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }

    /// <summary>The draft a schema document declares in <c>$schema</c>; 2020-12 (the validator's default) when it declares none.</summary>
    public static SchemaDraft DraftOf(JsonElement root)
    {
        var uri = Get(root, "$schema") is { ValueKind: JsonValueKind.String } text ? text.GetString() ?? "" : "";
        return uri switch
        {
            _ when uri.Contains("draft-04", StringComparison.Ordinal) => SchemaDraft.Draft4,
            _ when uri.Contains("draft-06", StringComparison.Ordinal) => SchemaDraft.Draft6,
            _ when uri.Contains("draft-07", StringComparison.Ordinal) => SchemaDraft.Draft7,
            _ when uri.Contains("2019-09", StringComparison.Ordinal) => SchemaDraft.Draft201909,
            _ => SchemaDraft.Draft202012,
        };
    }

    /// <summary>Compact text of a JSON value with sorted keys and normalised numbers (no ref expansion).</summary>
    public static string Value(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(value, null, null, builder);
        return builder.ToString();
    }

    /// <summary>Canonical text of a schema with local refs inlined and <c>$defs</c> dropped; used for equality.</summary>
    public static string Canonical(JsonElement schema, JsonElement root)
    {
        var builder = new StringBuilder();
        Write(schema, root, [], builder);
        return builder.ToString();
    }

    private static void Write(JsonElement value, JsonElement? root, HashSet<string>? expanding, StringBuilder builder)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (root is not null && property.Name is "$defs" or "definitions")
                    {
                        continue;
                    }
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    builder.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    if (root is { } r && expanding is not null && property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String
                        && property.Value.GetString() is { } text && text.StartsWith('#') && Pointer(r, text[1..]) is { } target)
                    {
                        if (expanding.Add(text))
                        {
                            Write(target, root, expanding, builder);
                            expanding.Remove(text);
                        }
                        else
                        {
                            builder.Append(JsonSerializer.Serialize("@recursive:" + text));
                        }
                        continue;
                    }
                    Write(property.Value, root, expanding, builder);
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        builder.Append(',');
                    }
                    Write(item, root, expanding, builder);
                }
                builder.Append(']');
                break;
            case JsonValueKind.Number:
                builder.Append(Number(value));
                break;
            default:
                builder.Append(value.GetRawText());
                break;
        }
    }

    public static string Number(JsonElement value) =>
        value.TryGetDecimal(out var number) ? Format(number) : value.GetRawText();

    public static string Format(decimal number) =>
        (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Kinds admitted by <c>type</c>, narrowed by <c>const</c>/<c>enum</c> when present.</summary>
    public static ValueKinds Kinds(JsonElement schema)
    {
        if (IsFalse(schema))
        {
            return ValueKinds.None;
        }
        var kinds = ValueKinds.All;
        if (Get(schema, "type") is { } type)
        {
            kinds = JsonTypes.OfKeyword(type);
        }
        if (Values(schema) is { } values)
        {
            kinds &= values.Aggregate(ValueKinds.None, (k, v) => k | JsonTypes.Of(v));
        }
        // Every multiple of a whole step is a whole number: {"type":"number","multipleOf":1} takes integers only.
        if (Get(schema, "multipleOf") is { ValueKind: JsonValueKind.Number } step && step.TryGetDecimal(out var m) && m >= 1 && decimal.Truncate(m) == m)
        {
            kinds &= ~ValueKinds.Fraction;
        }
        return kinds;
    }

    /// <summary>
    /// The allowed values from <c>const</c> and <c>enum</c>, or null when unrestricted. Both apply when both are present,
    /// so the constant is allowed only if the enum lists it too (none otherwise).
    /// </summary>
    public static IReadOnlyList<JsonElement>? Values(JsonElement schema)
    {
        if (Get(schema, "const") is { } constant)
        {
            return Get(schema, "enum") is { ValueKind: JsonValueKind.Array } members && !members.EnumerateArray().Any(m => Value(m) == Value(constant))
                ? []
                : [constant];
        }
        return Get(schema, "enum") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : null;
    }

    public static string Describe(ValueKinds kinds)
    {
        if (kinds == ValueKinds.All)
        {
            return "any type";
        }
        var names = new List<string>();
        if (kinds.HasFlag(ValueKinds.Null)) { names.Add("null"); }
        if (kinds.HasFlag(ValueKinds.Boolean)) { names.Add("boolean"); }
        if (kinds.HasFlag(ValueKinds.Object)) { names.Add("object"); }
        if (kinds.HasFlag(ValueKinds.Array)) { names.Add("array"); }
        if (kinds.HasFlag(ValueKinds.String)) { names.Add("string"); }
        if (kinds.HasFlag(ValueKinds.Integer | ValueKinds.Fraction)) { names.Add("number"); }
        else if (kinds.HasFlag(ValueKinds.Integer)) { names.Add("integer"); }
        else if (kinds.HasFlag(ValueKinds.Fraction)) { names.Add("non-integer number"); }
        return names.Count == 0 ? "nothing" : string.Join(", ", names);
    }
}
