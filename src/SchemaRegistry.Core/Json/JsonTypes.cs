using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Json;

/// <summary>
/// JSON Schema's type names and the <see cref="ValueKinds"/> they admit, read one way everywhere. <c>number</c> admits
/// integers too. A <c>type</c> keyword that cannot be read (an unknown name, an entry that is not a string, an empty
/// list, a value that is neither a string nor a list) admits every kind: nothing is claimed where the schema cannot
/// be seen, so neither a comparison nor drift detection reports a change it cannot show.
/// </summary>
public static class JsonTypes
{
    /// <summary>The kinds a type name admits; false for a name JSON Schema does not define.</summary>
    public static bool TryParse(string? name, out ValueKinds kinds)
    {
        kinds = name switch
        {
            "null" => ValueKinds.Null,
            "boolean" => ValueKinds.Boolean,
            "object" => ValueKinds.Object,
            "array" => ValueKinds.Array,
            "string" => ValueKinds.String,
            "integer" => ValueKinds.Integer,
            "number" => ValueKinds.Integer | ValueKinds.Fraction,
            _ => ValueKinds.None,
        };
        return kinds != ValueKinds.None;
    }

    /// <summary>The kinds a <c>type</c> keyword's value admits (a name or a list of names).</summary>
    public static ValueKinds OfKeyword(JsonElement type)
    {
        switch (type.ValueKind)
        {
            case JsonValueKind.String:
                return TryParse(type.GetString(), out var kinds) ? kinds : ValueKinds.All;
            case JsonValueKind.Array when type.GetArrayLength() > 0:
                var union = ValueKinds.None;
                foreach (var entry in type.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.String || !TryParse(entry.GetString(), out var one))
                    {
                        return ValueKinds.All;
                    }
                    union |= one;
                }
                return union;
            default:
                return ValueKinds.All;
        }
    }

    /// <summary>
    /// The kind of one value; a number is an integer when it has no fractional part (<c>1.0</c> included), and one
    /// beyond <see cref="decimal"/>'s range (<c>1e400</c>) counts as a fraction.
    /// </summary>
    public static ValueKinds Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => ValueKinds.Null,
        JsonValueKind.True or JsonValueKind.False => ValueKinds.Boolean,
        JsonValueKind.Object => ValueKinds.Object,
        JsonValueKind.Array => ValueKinds.Array,
        JsonValueKind.String => ValueKinds.String,
        JsonValueKind.Number => value.TryGetDecimal(out var d) && decimal.Truncate(d) == d ? ValueKinds.Integer : ValueKinds.Fraction,
        _ => ValueKinds.None,
    };
}
