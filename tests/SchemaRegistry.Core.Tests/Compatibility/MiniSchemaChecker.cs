using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Test-only JSON Schema checker covering exactly the keywords the compatibility cases use. An unsupported
/// keyword throws, so a case can never pass because a constraint was silently ignored.
/// </summary>
internal static class MiniSchemaChecker
{
    private static readonly HashSet<string> Ignored =
        ["$schema", "$id", "$defs", "definitions", "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly"];

    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.Ordinal)
    {
        ["email"] = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        ["date"] = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        ["date-time"] = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        ["uuid"] = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.None, TimeSpan.FromSeconds(1)),
    };

    public static bool IsValid(JsonElement schema, JsonElement instance) => Valid(schema, instance, schema);

    public static bool Valid(JsonElement schema, JsonElement instance, JsonElement root)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return schema.ValueKind == JsonValueKind.True;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Check(keyword.Name, keyword.Value, schema, instance, root))
            {
                return false;
            }
        }
        return true;
    }

    public static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            if (schema.EnumerateObject().Any(p => p.Name is not ("$ref" or "$defs" or "definitions")))
            {
                throw new NotSupportedException("$ref with siblings is not supported by the test checker.");
            }
            schema = Pointer(root, reference.GetString()!);
        }
        return schema;
    }

    private static JsonElement Pointer(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new NotSupportedException("Only local references are supported: " + reference);
        }
        var current = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.GetProperty(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }
        return current;
    }

    private static bool Check(string keyword, JsonElement value, JsonElement schema, JsonElement instance, JsonElement root)
    {
        var kind = instance.ValueKind;
        switch (keyword)
        {
            case var ignored when Ignored.Contains(ignored):
                return true;
            case "$ref":
                return Valid(Resolve(schema, root), instance, root);
            case "type":
                return value.ValueKind == JsonValueKind.Array
                    ? value.EnumerateArray().Any(t => IsType(t.GetString()!, instance))
                    : IsType(value.GetString()!, instance);
            case "enum":
                return value.EnumerateArray().Any(v => JsonEquals(v, instance));
            case "const":
                return JsonEquals(value, instance);
            case "minimum":
                return kind != JsonValueKind.Number || instance.GetDecimal() >= value.GetDecimal();
            case "maximum":
                return kind != JsonValueKind.Number || instance.GetDecimal() <= value.GetDecimal();
            case "exclusiveMinimum" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                // Draft-04: a boolean that makes minimum exclusive.
                return kind != JsonValueKind.Number || value.ValueKind == JsonValueKind.False || !schema.TryGetProperty("minimum", out var low)
                    || instance.GetDecimal() > low.GetDecimal();
            case "exclusiveMaximum" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return kind != JsonValueKind.Number || value.ValueKind == JsonValueKind.False || !schema.TryGetProperty("maximum", out var high)
                    || instance.GetDecimal() < high.GetDecimal();
            case "exclusiveMinimum":
                return kind != JsonValueKind.Number || instance.GetDecimal() > value.GetDecimal();
            case "exclusiveMaximum":
                return kind != JsonValueKind.Number || instance.GetDecimal() < value.GetDecimal();
            case "multipleOf":
                return kind != JsonValueKind.Number || instance.GetDecimal() % value.GetDecimal() == 0;
            case "minLength":
                return kind != JsonValueKind.String || Length(instance) >= value.GetInt32();
            case "maxLength":
                return kind != JsonValueKind.String || Length(instance) <= value.GetInt32();
            case "pattern":
                return kind != JsonValueKind.String || Regex.IsMatch(instance.GetString()!, value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1));
            case "format":
                return kind != JsonValueKind.String || Formats[value.GetString()!].IsMatch(instance.GetString()!);
            case "minItems":
                return kind != JsonValueKind.Array || instance.GetArrayLength() >= value.GetInt32();
            case "maxItems":
                return kind != JsonValueKind.Array || instance.GetArrayLength() <= value.GetInt32();
            case "uniqueItems":
                return kind != JsonValueKind.Array || value.ValueKind == JsonValueKind.False
                    || instance.EnumerateArray().Select(Canonical).Distinct(StringComparer.Ordinal).Count() == instance.GetArrayLength();
            case "minProperties":
                return kind != JsonValueKind.Object || instance.EnumerateObject().Count() >= value.GetInt32();
            case "maxProperties":
                return kind != JsonValueKind.Object || instance.EnumerateObject().Count() <= value.GetInt32();
            case "required":
                return kind != JsonValueKind.Object || value.EnumerateArray().All(name => instance.TryGetProperty(name.GetString()!, out _));
            case "properties":
                return kind != JsonValueKind.Object || instance.EnumerateObject().All(member =>
                    !value.TryGetProperty(member.Name, out var propertySchema) || Valid(propertySchema, member.Value, root));
            case "additionalProperties":
                return kind != JsonValueKind.Object || instance.EnumerateObject().All(member =>
                    (schema.TryGetProperty("properties", out var declared) && declared.TryGetProperty(member.Name, out _))
                    || (schema.TryGetProperty("patternProperties", out var patterns) && patterns.EnumerateObject().Any(p => Matches(member.Name, p.Name)))
                    || Valid(value, member.Value, root));
            case "patternProperties":
                return kind != JsonValueKind.Object || instance.EnumerateObject().All(member =>
                    value.EnumerateObject().Where(p => Matches(member.Name, p.Name)).All(p => Valid(p.Value, member.Value, root)));
            case "dependentRequired":
                return kind != JsonValueKind.Object || value.EnumerateObject().All(dependency =>
                    !instance.TryGetProperty(dependency.Name, out _) || dependency.Value.EnumerateArray().All(name => instance.TryGetProperty(name.GetString()!, out _)));
            case "prefixItems":
                return kind != JsonValueKind.Array || instance.EnumerateArray().Take(value.GetArrayLength()).Select((item, i) => Valid(value[i], item, root)).All(ok => ok);
            case "items" when value.ValueKind == JsonValueKind.Array:
                // Draft-04 to 07 tuple form; the rest is checked by additionalItems.
                return kind != JsonValueKind.Array || instance.EnumerateArray().Take(value.GetArrayLength()).Select((item, i) => Valid(value[i], item, root)).All(ok => ok);
            case "additionalItems":
                return kind != JsonValueKind.Array || !schema.TryGetProperty("items", out var tuple) || tuple.ValueKind != JsonValueKind.Array
                    || instance.EnumerateArray().Skip(tuple.GetArrayLength()).All(item => Valid(value, item, root));
            case "contains":
                var matching = kind == JsonValueKind.Array ? instance.EnumerateArray().Count(item => Valid(value, item, root)) : 0;
                var least = schema.TryGetProperty("minContains", out var minContains) ? minContains.GetInt32() : 1;
                var most = schema.TryGetProperty("maxContains", out var maxContains) ? maxContains.GetInt32() : int.MaxValue;
                return kind != JsonValueKind.Array || (matching >= least && matching <= most);
            case "minContains" or "maxContains":
                return true;
            case "dependentSchemas":
                return kind != JsonValueKind.Object || value.EnumerateObject().All(dependency =>
                    !instance.TryGetProperty(dependency.Name, out _) || Valid(dependency.Value, instance, root));
            case "dependencies":
                return kind != JsonValueKind.Object || value.EnumerateObject().All(dependency =>
                    !instance.TryGetProperty(dependency.Name, out _)
                    || (dependency.Value.ValueKind == JsonValueKind.Array
                        ? dependency.Value.EnumerateArray().All(name => instance.TryGetProperty(name.GetString()!, out _))
                        : Valid(dependency.Value, instance, root)));
            case "items":
                var skip = schema.TryGetProperty("prefixItems", out var prefix) ? prefix.GetArrayLength() : 0;
                return kind != JsonValueKind.Array || instance.EnumerateArray().Skip(skip).All(item => Valid(value, item, root));
            case "allOf":
                return value.EnumerateArray().All(branch => Valid(branch, instance, root));
            case "anyOf":
                return value.EnumerateArray().Any(branch => Valid(branch, instance, root));
            case "oneOf":
                return value.EnumerateArray().Count(branch => Valid(branch, instance, root)) == 1;
            case "not":
                return !Valid(value, instance, root);
            case "if":
                var matches = Valid(value, instance, root);
                return matches
                    ? !schema.TryGetProperty("then", out var then) || Valid(then, instance, root)
                    : !schema.TryGetProperty("else", out var otherwise) || Valid(otherwise, instance, root);
            case "then" or "else":
                return true;
            case "propertyNames":
                return kind != JsonValueKind.Object || instance.EnumerateObject().All(member =>
                    Valid(value, JsonDocument.Parse(JsonSerializer.Serialize(member.Name)).RootElement, root));
            default:
                throw new NotSupportedException($"The test checker does not support '{keyword}'.");
        }
    }

    private static bool Matches(string name, string pattern) => Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    private static int Length(JsonElement text) => text.GetString()!.EnumerateRunes().Count();

    private static bool IsType(string type, JsonElement instance) => type switch
    {
        "null" => instance.ValueKind == JsonValueKind.Null,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && decimal.Truncate(instance.GetDecimal()) == instance.GetDecimal(),
        _ => throw new NotSupportedException("Unknown type " + type),
    };

    public static bool JsonEquals(JsonElement a, JsonElement b) => Canonical(a) == Canonical(b);

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Number => (value.GetDecimal() / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
