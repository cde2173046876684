using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// Best-effort generator of small instances valid under a schema, used for breaking examples.
/// Returns null whenever it cannot be reasonably sure (patterns, composition, unknown formats).
/// </summary>
internal static class InstanceSampler
{
    private static readonly ValueKinds[] Preference =
        [ValueKinds.String, ValueKinds.Integer, ValueKinds.Fraction, ValueKinds.Boolean, ValueKinds.Object, ValueKinds.Array, ValueKinds.Null];

    private static readonly string[] Composition = ["anyOf", "oneOf", "allOf", "not", "if", "$ref"];

    /// <summary>A sample of any kind the schema admits (restricted to <paramref name="only"/>).</summary>
    public static string? Sample(JsonElement schema, JsonElement root, ValueKinds only = ValueKinds.All, int depth = 0)
    {
        schema = SchemaJson.Resolve(schema, root, out _);
        if (depth > 8 || SchemaJson.IsFalse(schema) || Composition.Any(k => SchemaJson.Get(schema, k) is not null))
        {
            return null;
        }
        if (SchemaJson.Values(schema) is { } values)
        {
            var match = values.FirstOrDefault(v => (Json.JsonTypes.Of(v) & only & SchemaJson.Kinds(schema)) != 0);
            return match.ValueKind == JsonValueKind.Undefined ? null : SchemaJson.Value(match);
        }
        var kinds = SchemaJson.Kinds(schema) & only;
        if (kinds == ValueKinds.All)
        {
            // Keywords other than type/enum/const apply to one kind only, so null satisfies all of them.
            return "null";
        }
        foreach (var kind in Preference.Where(k => (kinds & k) != 0))
        {
            if (OfKind(schema, root, kind, depth) is { } sample)
            {
                return sample;
            }
        }
        return null;
    }

    private static string? OfKind(JsonElement schema, JsonElement root, ValueKinds kind, int depth) => kind switch
    {
        ValueKinds.Null => "null",
        ValueKinds.Boolean => "true",
        ValueKinds.String => Text(schema),
        ValueKinds.Integer => Number(schema, integral: true),
        ValueKinds.Fraction => Number(schema, integral: false),
        ValueKinds.Object => ObjectSample(schema, root, depth, null, null),
        ValueKinds.Array => ArraySample(schema, root, depth),
        _ => null,
    };

    /// <summary>
    /// An object valid under <paramref name="schema"/> (its required properties sampled), with
    /// <paramref name="extraName"/> set to the raw JSON <paramref name="extraValue"/> when given.
    /// </summary>
    public static string? ObjectSample(JsonElement schema, JsonElement root, int depth, string? extraName, string? extraValue) =>
        Compose(schema, root, RequiredMembers(schema, root, depth), extraName, extraValue);

    /// <summary>
    /// The required members of a sample object (name, and the <c>"name":value</c> text), null when it cannot be
    /// sampled; reused across the examples of one object.
    /// </summary>
    public static IReadOnlyList<(string Name, string Member)>? RequiredMembers(JsonElement schema, JsonElement root, int depth)
    {
        schema = SchemaJson.Resolve(schema, root, out _);
        if (SchemaJson.IsFalse(schema) || (SchemaJson.Kinds(schema) & ValueKinds.Object) == 0
            || Composition.Any(k => SchemaJson.Get(schema, k) is not null) || SchemaJson.Values(schema) is not null)
        {
            return null;
        }
        var members = new List<(string, string)>();
        if (SchemaJson.Get(schema, "required") is { ValueKind: JsonValueKind.Array } required)
        {
            // One pass over the properties: looking each required name up would be quadratic on wide records.
            var declared = SchemaJson.Get(schema, "properties") is { ValueKind: JsonValueKind.Object } properties
                ? properties.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)
                : [];
            var otherwise = SchemaJson.Get(schema, "additionalProperties") ?? SchemaJson.True;
            foreach (var name in required.EnumerateArray().Select(r => r.GetString() ?? "").Distinct(StringComparer.Ordinal))
            {
                var property = declared.TryGetValue(name, out var declaredSchema) ? declaredSchema : otherwise;
                if (Sample(property, root, ValueKinds.All, depth + 1) is not { } value)
                {
                    return null;
                }
                members.Add((name, JsonSerializer.Serialize(name) + ":" + value));
            }
        }
        return members;
    }

    /// <summary>The object of <paramref name="members"/>, with <paramref name="extraName"/> replaced by or added as <paramref name="extraValue"/>.</summary>
    public static string? Compose(JsonElement schema, JsonElement root, IReadOnlyList<(string Name, string Member)>? members, string? extraName, string? extraValue)
    {
        if (members is null)
        {
            return null;
        }
        var parts = members.Where(m => m.Name != extraName).Select(m => m.Member).ToList();
        if (extraName is not null && extraValue is not null)
        {
            parts.Add(JsonSerializer.Serialize(extraName) + ":" + extraValue);
        }
        schema = SchemaJson.Resolve(schema, root, out _);
        if (SchemaJson.Get(schema, "minProperties") is { } min && min.TryGetDecimal(out var minCount) && parts.Count < minCount)
        {
            return null;
        }
        return "{" + string.Join(",", parts) + "}";
    }

    private static string? ArraySample(JsonElement schema, JsonElement root, int depth)
    {
        var count = SchemaJson.Get(schema, "minItems") is { } min && min.TryGetInt32(out var m) ? m : 0;
        if (count > 16)
        {
            return null;
        }
        var prefix = SchemaJson.Get(schema, "prefixItems") is { ValueKind: JsonValueKind.Array } p ? p.EnumerateArray().ToList() : [];
        var rest = SchemaJson.Get(schema, "items") ?? SchemaJson.True;
        var items = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (Sample(i < prefix.Count ? prefix[i] : rest, root, ValueKinds.All, depth + 1) is not { } item)
            {
                return null;
            }
            items.Add(item);
        }
        return "[" + string.Join(",", items) + "]";
    }

    private static string? Text(JsonElement schema)
    {
        if (SchemaJson.Get(schema, "pattern") is not null)
        {
            return null;
        }
        var min = SchemaJson.Get(schema, "minLength") is { } a && a.TryGetInt32(out var x) ? x : 0;
        var max = SchemaJson.Get(schema, "maxLength") is { } b && b.TryGetInt32(out var y) ? y : int.MaxValue;
        string? text = (SchemaJson.Get(schema, "format")?.GetString()) switch
        {
            null => new string('a', Math.Min(Math.Max(min, 1), Math.Min(max, 64))),
            "email" => "user@example.com",
            "date" => "2024-01-31",
            "date-time" => "2024-01-31T12:00:00Z",
            "uuid" => "123e4567-e89b-12d3-a456-426614174000",
            "uri" => "https://example.com/",
            _ => null,
        };
        return text is not null && text.Length >= min && text.Length <= max ? JsonSerializer.Serialize(text) : null;
    }

    private static string? Number(JsonElement schema, bool integral)
    {
        decimal? Bound(string keyword) => SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) ? d : null;
        var minimum = Bound("minimum");
        var exclusiveMinimum = Bound("exclusiveMinimum");
        var maximum = Bound("maximum");
        var exclusiveMaximum = Bound("exclusiveMaximum");
        var multipleOf = Bound("multipleOf");
        decimal value = 0;
        if (minimum is { } lo)
        {
            value = integral ? decimal.Ceiling(lo) : lo;
        }
        if (exclusiveMinimum is { } xlo && value <= xlo)
        {
            value = decimal.Floor(xlo) + 1;
        }
        if (minimum is null && exclusiveMinimum is null)
        {
            if (maximum is { } hi && value > hi)
            {
                value = decimal.Floor(hi);
            }
            if (exclusiveMaximum is { } xhi && value >= xhi)
            {
                value = decimal.Ceiling(xhi) - 1;
            }
        }
        if (multipleOf is { } step and > 0)
        {
            if (!integral)
            {
                return null;
            }
            value = decimal.Ceiling(value / step) * step;
        }
        if (!integral)
        {
            value += 0.5m;
            if (decimal.Truncate(value) == value)
            {
                value += 0.25m;
            }
        }
        if ((maximum is { } max && value > max) || (exclusiveMaximum is { } xmax && value >= xmax)
            || (minimum is { } min && value < min) || (exclusiveMinimum is { } xmin && value <= xmin))
        {
            return null;
        }
        if (integral && decimal.Truncate(value) != value)
        {
            return null;
        }
        return SchemaJson.Format(value);
    }
}
