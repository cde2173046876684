using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// The closed variant of a schema: every object schema that names its fields (<c>properties</c> or
/// <c>patternProperties</c>) and says nothing about other fields gets <c>additionalProperties: false</c>. A record
/// valid against it is valid against the original and carries no field the schema does not declare, so it cannot
/// drift: one validation pass settles the common case, and only the records it rejects need drift detection.
/// Closing can reject records the original accepts (fields spread over <c>allOf</c> branches); those merely take the
/// full path.
/// </summary>
public static class ClosedSchema
{
    private static readonly HashSet<string> SingleSchema =
    [
        "additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "items", "contains",
        "propertyNames", "not", "if", "then", "else", "contentSchema",
    ];

    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    private static readonly HashSet<string> SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    /// <summary>
    /// Keywords that apply no second schema to a value: a document using only these (with local pointer references
    /// standing alone) evaluates each value with one schema object, the one drift detection walks.
    /// </summary>
    private static readonly HashSet<string> PlainKeywords =
    [
        "$schema", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "$defs", "definitions", "type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum",
        "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "required", "dependentRequired", "properties", "additionalProperties",
        "items", "prefixItems", "contentEncoding", "contentMediaType",
    ];

    private static readonly HashSet<string> Annotations = ["$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"];

    public static string Close(string schemaJson) => CloseIfOpen(schemaJson) ?? schemaJson;

    /// <summary>
    /// True when the closed variant rejects a record the schema accepts only if drift detection finds drift in it:
    /// every schema object uses plain keywords (no composition, conditions, patterns for names or <c>contains</c>),
    /// references are local JSON pointers standing alone, <c>$id</c> only at the root, and every object schema that
    /// names fields names each field it requires. Then a record that does not drift and that the closed variant
    /// rejects is invalid, with no second pass. (Closing inside <c>allOf</c>, for one, rejects fields a sibling
    /// branch declares: those schemas keep the second pass.)
    /// </summary>
    public static bool ClosesExactly(JsonElement root) => IsPlain(root, isRoot: true);

    private static bool IsPlain(JsonElement schema, bool isRoot = false)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return true;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.ValueKind == JsonValueKind.String && reference.GetString() is "#" or ['#', '/', ..]
                && schema.EnumerateObject().All(k => k.Name is "$ref" || Annotations.Contains(k.Name));
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            var plain = keyword.Name switch
            {
                "$id" => isRoot,
                "properties" => keyword.Value.ValueKind == JsonValueKind.Object && keyword.Value.EnumerateObject().Any()
                    && keyword.Value.EnumerateObject().All(p => IsPlain(p.Value))
                    && (!schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array
                        || required.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String && keyword.Value.TryGetProperty(n.GetString()!, out _))),
                "$defs" or "definitions" => keyword.Value.ValueKind == JsonValueKind.Object && keyword.Value.EnumerateObject().All(p => IsPlain(p.Value)),
                "additionalProperties" => IsPlain(keyword.Value),
                "items" => keyword.Value.ValueKind != JsonValueKind.Array && IsPlain(keyword.Value),
                "prefixItems" => keyword.Value.ValueKind == JsonValueKind.Array && keyword.Value.EnumerateArray().All(i => IsPlain(i)),
                _ => PlainKeywords.Contains(keyword.Name),
            };
            if (!plain)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The closed variant, or null when closing changes nothing (every object schema that names its fields already
    /// says what other fields may do): then the schema is its own closed variant, and a record it rejects needs no
    /// second validation pass.
    /// </summary>
    public static string? CloseIfOpen(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson);
        return Visit(root) ? root!.ToJsonString() : null;
    }

    /// <summary>Closes the schema in place; true when anything changed.</summary>
    private static bool Visit(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return false;
        }
        var changed = false;
        foreach (var (keyword, value) in schema.ToList())
        {
            if (SingleSchema.Contains(keyword) && value is JsonObject)
            {
                changed |= Visit(value);
            }
            else if (SchemaMaps.Contains(keyword) && value is JsonObject map)
            {
                foreach (var (_, sub) in map.ToList())
                {
                    changed |= Visit(sub);
                }
            }
            else if (SchemaArrays.Contains(keyword) && value is JsonArray list)
            {
                foreach (var sub in list)
                {
                    changed |= Visit(sub);
                }
            }
        }
        if ((schema.ContainsKey("properties") || schema.ContainsKey("patternProperties"))
            && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
        {
            schema["additionalProperties"] = false;
            changed = true;
        }
        return changed;
    }
}
