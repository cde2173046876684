using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Core.Documents;

/// <summary>
/// A stable spelling of a JSON value (object keys sorted by code unit, no insignificant whitespace, numbers
/// as written) so that the same content always hashes the same however it was formatted.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text; throws <see cref="JsonException"/> for text no writer can spell (lone surrogates).</summary>
    public static string Write(JsonElement element)
    {
        using var buffer = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });
            WriteValue(writer, element);
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("The JSON contains an invalid Unicode escape (a lone UTF-16 surrogate).", e);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The content hash of a payload: <c>sha256:</c> and the lower-case hex digest of its canonical form.</summary>
    public static string Hash(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var canonical = Encoding.UTF8.GetBytes(Write(doc.RootElement));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
