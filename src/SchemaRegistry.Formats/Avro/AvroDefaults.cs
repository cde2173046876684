using System.Text.Json;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Whether a field's default is a value of the field's type in Avro's JSON encoding (Apache.Avro for .NET does not
/// check; the Java implementation does, and a reader that needs a bad default fails only when it reads data).
/// A union's default may be a value of any of its branches, as the 1.12 specification allows.
/// </summary>
internal static class AvroDefaults
{
    public static bool IsValid(AvroType type, JsonElement value, int depth = 0)
    {
        if (depth > 64)
        {
            return false;
        }
        return type switch
        {
            AvroUnion union => union.Branches.Any(b => IsValid(b, value, depth + 1)),
            AvroRecord record => value.ValueKind == JsonValueKind.Object && record.Fields.All(f =>
                value.TryGetProperty(f.Name, out var member) ? IsValid(f.Type, member, depth + 1) : f.HasDefault),
            AvroEnum enumType => value.ValueKind == JsonValueKind.String && enumType.Symbols.Contains(value.GetString()),
            AvroFixed fixedType => value.ValueKind == JsonValueKind.String && value.GetString()!.Length == fixedType.Size,
            AvroArray array => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => IsValid(array.Items, v, depth + 1)),
            AvroMap map => value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(m => IsValid(map.Values, m.Value, depth + 1)),
            _ => Primitive(type.Kind, value),
        };
    }

    private static bool Primitive(string kind, JsonElement value) => kind switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "float" or "double" => value.ValueKind == JsonValueKind.Number
            || (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity"),
        "bytes" => value.ValueKind == JsonValueKind.String && value.GetString()!.All(c => c <= '\u00ff'),
        "string" => value.ValueKind == JsonValueKind.String,
        _ => false,
    };
}
