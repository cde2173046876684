using System.Text.Json;

namespace SchemaRegistry.Formats.Avro;

/// <summary>A record's field.</summary>
/// <param name="Default">The default as canonical JSON, null when the field has none.</param>
/// <param name="DefaultValue">The default as parsed, for checking it against the field's type.</param>
/// <param name="Order">The sort order when it is not the implicit <c>ascending</c>.</param>
internal sealed record AvroField(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Doc,
    AvroType Type,
    string? Default,
    JsonElement? DefaultValue,
    string? Order,
    IReadOnlyDictionary<string, string> Properties)
{
    public bool HasDefault => Default is not null;
}
