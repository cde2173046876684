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
        CheckTypes(root, "", issues);
        return issues;
    }

    private static void CheckTypes(JsonElement schema, string path, List<Issue> issues)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in schema.EnumerateArray())
            {
                CheckTypes(item, $"{path}/{i++}", issues);
            }
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in schema.EnumerateObject())
        {
            var at = $"{path}/{Escape(property.Name)}";
            if (property.Name == "type" && !IsValidType(property.Value))
            {
                issues.Add(Issue(at, $"type {Clip(property.Value.GetRawText())} must be one of {string.Join(", ", TypeNames)} or an array of them."));
            }
            else if (property.Name is "required" && !IsStringArray(property.Value))
            {
                issues.Add(Issue(at, "required must be an array of property names."));
            }
            else if (property.Name is "properties" or "$defs" or "definitions" or "patternProperties" &&
                     property.Value.ValueKind != JsonValueKind.Object)
            {
                issues.Add(Issue(at, $"{property.Name} must be an object mapping names to schemas."));
            }
            else if (property.Name is not ("enum" or "const" or "default" or "examples"))
            {
                CheckTypes(property.Value, at, issues);
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

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static string Describe(JsonValueKind kind) => kind.ToString().ToLowerInvariant();

    private static Issue Issue(string path, string message) => new(ErrorCode.PayloadInvalid, path, message);
}
