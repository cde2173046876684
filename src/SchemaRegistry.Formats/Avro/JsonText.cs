using System.Text.Json;

namespace SchemaRegistry.Formats.Avro;

internal static class JsonText
{
    /// <summary>A string as a JSON string literal.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);
}
