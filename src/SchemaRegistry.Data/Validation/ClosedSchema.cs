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

    public static string Close(string schemaJson) => CloseIfOpen(schemaJson) ?? schemaJson;

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
