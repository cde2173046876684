using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Random instances shaped by two schemas at once: at every level it follows the old or the new schema's
/// structure, draws values from both sides' enums, consts and bounds (and just past them), and sometimes adds
/// or drops members. Seeded, so a failure repeats.
/// </summary>
internal sealed class InstanceGenerator(JsonElement oldRoot, JsonElement newRoot, int seed)
{
    private static readonly string[] Strings = ["", "a", "ab", "ABC", "abc", "A1", "ABC-1234", "INV-00000001", "x@example.com", "2025-01-01", "hello world", "ZZZZZZZZZZZZ", "é", "null", "1"];
    private readonly Random _random = new(seed);

    public IEnumerable<string> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var useOld = _random.Next(2) == 0;
            yield return Value(useOld ? oldRoot : newRoot, useOld ? oldRoot : newRoot, 0)?.ToJsonString() ?? "null";
        }
    }

    private JsonNode? Value(JsonElement schema, JsonElement root, int depth)
    {
        schema = Resolve(schema, root);
        if (schema.ValueKind != JsonValueKind.Object || depth > 5)
        {
            return Scalar(default, "string");
        }
        foreach (var branches in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(branches, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0 && _random.Next(3) > 0)
            {
                return Value(options[_random.Next(options.GetArrayLength())], root, depth + 1);
            }
        }
        if (schema.TryGetProperty("const", out var constant) && _random.Next(4) > 0)
        {
            return JsonNode.Parse(constant.GetRawText());
        }
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0 && _random.Next(5) > 0)
        {
            return JsonNode.Parse(values[_random.Next(values.GetArrayLength())].GetRawText());
        }
        var type = TypeOf(schema);
        return type switch
        {
            "object" => Object(schema, root, depth),
            "array" => Array(schema, root, depth),
            _ => Scalar(schema, type),
        };
    }

    private string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return _random.Next(10) == 0 ? Pick("null", "string", "integer") : type.GetString()!;
            }
            if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0)
            {
                return type[_random.Next(type.GetArrayLength())].GetString() ?? "null";
            }
        }
        if (schema.TryGetProperty("properties", out _))
        {
            return "object";
        }
        if (schema.TryGetProperty("items", out _) || schema.TryGetProperty("prefixItems", out _))
        {
            return "array";
        }
        return Pick("string", "integer", "number", "boolean", "null", "object", "array");
    }

    private JsonObject Object(JsonElement schema, JsonElement root, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (_random.Next(10) < 8)
                {
                    result[property.Name] = Value(property.Value, root, depth + 1);
                }
            }
        }
        // Members the other side may know about, or nobody does.
        foreach (var name in Names(oldRoot).Concat(Names(newRoot)).Append("extra").Distinct())
        {
            if (!result.ContainsKey(name) && _random.Next(6) == 0)
            {
                result[name] = Scalar(default, Pick("string", "integer", "null"));
            }
        }
        return result;
    }

    private JsonArray Array(JsonElement schema, JsonElement root, int depth)
    {
        var result = new JsonArray();
        var prefix = schema.TryGetProperty("prefixItems", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToList() : [];
        var items = schema.TryGetProperty("items", out var i) && i.ValueKind != JsonValueKind.Array ? i : default;
        var length = _random.Next(0, 5);
        for (var index = 0; index < length; index++)
        {
            result.Add(index < prefix.Count ? Value(prefix[index], root, depth + 1)
                : items.ValueKind != JsonValueKind.Undefined ? Value(items, root, depth + 1) : Scalar(default, "integer"));
        }
        return result;
    }

    private JsonNode? Scalar(JsonElement schema, string type)
    {
        switch (type)
        {
            case "null":
                return null;
            case "boolean":
                return _random.Next(2) == 0;
            case "integer" or "number":
                var candidates = new List<double> { 0, 1, -1, 2, 10, 99, 100, 101, 1000, 0.5, 1.5, -0.5 };
                foreach (var bound in Bounds(schema, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"))
                {
                    candidates.AddRange([bound, bound - 1, bound + 1, bound - 0.5, bound + 0.5, bound * 2]);
                }
                var value = candidates[_random.Next(candidates.Count)];
                if (type == "integer")
                {
                    value = Math.Round(value);
                }
                return JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture));
            default:
                var lengths = Bounds(schema, "minLength", "maxLength").SelectMany(b => new[] { b - 1, b, b + 1 }).Where(b => b >= 0 && b < 300).ToList();
                return lengths.Count > 0 && _random.Next(2) == 0
                    ? new string('a', (int)lengths[_random.Next(lengths.Count)])
                    : Strings[_random.Next(Strings.Length)];
        }
    }

    private static IEnumerable<double> Bounds(JsonElement schema, params string[] keywords)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var keyword in keywords)
        {
            if (schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                yield return value.GetDouble();
            }
        }
    }

    private static IEnumerable<string> Names(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(x => x.Name)
            : [];

    /// <summary>Follows local references ("#/…") within the schema's own document.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        for (var hops = 0; hops < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r) && r.GetString() is { } target && target.StartsWith('#'); hops++)
        {
            var node = root;
            foreach (var segment in target[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                {
                    return schema;
                }
            }
            schema = node;
        }
        return schema;
    }

    private string Pick(params string[] options) => options[_random.Next(options.Length)];
}
