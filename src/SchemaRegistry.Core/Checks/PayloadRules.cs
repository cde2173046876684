using System.Text.Json;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Core.Checks;

/// <summary>
/// VAL-1102: the payload must be a JSON Schema of a known dialect. This checks the shape only (an object or
/// boolean, a known <c>$schema</c>, well-typed core keywords); full meta-schema validation replaces it
/// when the validator lands.
/// </summary>
public static class PayloadRules
{
    public static readonly IReadOnlySet<string> KnownDialects = new HashSet<string>(StringComparer.Ordinal)
    {
        "https://json-schema.org/draft/2020-12/schema",
        "https://json-schema.org/draft/2019-09/schema",
        "http://json-schema.org/draft-07/schema",
        "http://json-schema.org/draft-07/schema#",
        "http://json-schema.org/draft-06/schema",
        "http://json-schema.org/draft-06/schema#",
        "http://json-schema.org/draft-04/schema",
        "http://json-schema.org/draft-04/schema#",
    };

    private static readonly HashSet<string> TypeNames =
        ["null", "boolean", "object", "array", "number", "integer", "string"];

    public static IReadOnlyList<Issue> Check(string payload)
    {
        var issues = new List<Issue>();
        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            issues.Add(Issue("", $"a schema must be a JSON object or boolean, not {Describe(root.ValueKind)}."));
            return issues;
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var dialect))
        {
            if (dialect.ValueKind != JsonValueKind.String || !KnownDialects.Contains(dialect.GetString()!))
            {
                issues.Add(Issue("/$schema",
                    $"$schema {dialect.GetRawText()} is not a known dialect (2020-12, 2019-09, draft-07, draft-06, draft-04)."));
            }
        }
        SchemaWalker.Walk(root, (schema, path) => CheckKeywords(schema, path, issues));
        return issues;
    }

    private static void CheckKeywords(JsonElement schema, string path, List<Issue> issues)
    {
        if (schema.TryGetProperty("type", out var type) && !IsValidType(type))
        {
            issues.Add(Issue($"{path}/type", $"type {Clip(type.GetRawText())} must be one of {string.Join(", ", TypeNames)} or an array of them."));
        }
        if (schema.TryGetProperty("required", out var required) && !IsStringArray(required))
        {
            issues.Add(Issue($"{path}/required", "required must be an array of property names."));
        }
        foreach (var map in new[] { "properties", "$defs", "definitions", "patternProperties" })
        {
            if (schema.TryGetProperty(map, out var value) && value.ValueKind != JsonValueKind.Object)
            {
                issues.Add(Issue($"{path}/{map}", $"{map} must be an object mapping names to schemas."));
            }
        }
    }

    private static bool IsValidType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => TypeNames.Contains(type.GetString()!),
        JsonValueKind.Array => type.GetArrayLength() > 0 &&
            type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && TypeNames.Contains(t.GetString()!)),
        _ => false,
    };

    private static bool IsStringArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String);

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static string Describe(JsonValueKind kind) => kind.ToString().ToLowerInvariant();

    private static Issue Issue(string path, string message) => new(ErrorCode.PayloadInvalid, path, message);
}
