using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Says what a JSON error expected in JSON's words. The serializer's messages name .NET types
/// (<c>could not be converted to SchemaRegistry.Wire.PipelineRequest</c>), which tell a client nothing it can act
/// on and show the server's internals.
/// </summary>
internal static partial class JsonTerms
{
    public static string Message(JsonException e)
    {
        var at = e.Path is null or "$" ? "the body" : $"the value at {e.Path}";
        if (ConvertedTo().Match(e.Message) is { Success: true } converted)
        {
            var type = converted.Groups[1].Value;
            // For a member bound through a constructor the serializer names the enclosing type, not the member's.
            return type.StartsWith("SchemaRegistry.", StringComparison.Ordinal) && at != "the body"
                ? $"{Capitalize(at)} has the wrong JSON type for that member; see /openapi/v1.json for the call's shape."
                : $"{Capitalize(at)} has the wrong JSON type: expected {Expected(type)}.";
        }
        if (MissingRequired().Match(e.Message) is { Success: true } missing)
        {
            return $"{Capitalize(at)} lacks required members: {missing.Groups[1].Value.TrimEnd('.')}.";
        }
        return DotNetType().Replace(e.Message, "the expected value");
    }

    /// <summary>A token type as a client would name it.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "empty",
        _ => "not an object",
    };

    private static string Expected(string type)
    {
        var name = NullableOf().Match(type) is { Success: true } inner ? inner.Groups[1].Value : type;
        return name switch
        {
            "System.String" or "System.Char" => "a string",
            "System.Boolean" => "true or false",
            "System.Int16" or "System.Int32" or "System.Int64" or "System.Byte" or "System.UInt16" or "System.UInt32" or "System.UInt64" => "an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.DateTimeOffset" or "System.DateTime" => "a date-time string (ISO 8601)",
            "System.Text.Json.JsonElement" or "System.Text.Json.Nodes.JsonNode" => "a JSON value",
            _ when name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`1", StringComparison.Ordinal)
                || name.Contains("Enumerable`1", StringComparison.Ordinal) || name.Contains("Collection`1", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path:", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties(?: including)?: (.*?)(?: Path:|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([^,\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"'?\b(?:System|SchemaRegistry|Microsoft)\.[\w.`\[\], =]+'?", RegexOptions.CultureInvariant)]
    private static partial Regex DotNetType();
}
