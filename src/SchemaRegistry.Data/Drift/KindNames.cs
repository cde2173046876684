using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Data.Drift;

/// <summary>JSON Schema type names for a set of value kinds: <c>integer|null</c>; <c>number</c> covers integers too.</summary>
public static class KindNames
{
    public static string Of(ValueKinds kinds)
    {
        var names = new List<string>(4);
        if ((kinds & ValueKinds.Fraction) != 0)
        {
            names.Add("number");
        }
        else if ((kinds & ValueKinds.Integer) != 0)
        {
            names.Add("integer");
        }
        if ((kinds & ValueKinds.String) != 0)
        {
            names.Add("string");
        }
        if ((kinds & ValueKinds.Boolean) != 0)
        {
            names.Add("boolean");
        }
        if ((kinds & ValueKinds.Object) != 0)
        {
            names.Add("object");
        }
        if ((kinds & ValueKinds.Array) != 0)
        {
            names.Add("array");
        }
        if ((kinds & ValueKinds.Null) != 0)
        {
            names.Add("null");
        }
        return string.Join('|', names);
    }

    /// <summary>The kinds a list written by <see cref="Of"/> (<c>integer|null</c>) stands for; none for null or empty text.</summary>
    public static ValueKinds Parse(string? names) =>
        (names ?? "").Split('|').Aggregate(ValueKinds.None, (kinds, name) => JsonTypes.TryParse(name, out var one) ? kinds | one : kinds);
}
