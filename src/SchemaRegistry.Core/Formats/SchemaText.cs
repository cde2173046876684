using System.Text.Json;

namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A stored payload is always JSON: a JSON Schema or Avro document as it was given, or a text format's source
/// (<c>.proto</c>) as one JSON string. This is the text <see cref="ISchemaFormat.Parse"/> reads, and back.
/// </summary>
public static class SchemaText
{
    public static string FromPayload(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Length > 0 && payload[0] == '"' ? JsonSerializer.Deserialize<string>(payload) ?? "" : payload;
    }

    /// <summary>The payload for a schema's text: JSON text as it is, anything else as a JSON string.</summary>
    public static string ToPayload(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? text : JsonSerializer.Serialize(text);
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(text);
        }
    }
}
