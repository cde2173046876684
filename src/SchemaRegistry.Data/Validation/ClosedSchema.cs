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

    public static string Close(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson);
        Visit(root);
        return root?.ToJsonString() ?? schemaJson;
    }

    private static void Visit(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }
        foreach (var (keyword, value) in schema.ToList())
        {
            if (SingleSchema.Contains(keyword) && value is JsonObject)
            {
                Visit(value);
            }
            else if (SchemaMaps.Contains(keyword) && value is JsonObject map)
            {
                foreach (var (_, sub) in map.ToList())
                {
                    Visit(sub);
                }
            }
            else if (SchemaArrays.Contains(keyword) && value is JsonArray list)
            {
                foreach (var sub in list)
                {
                    Visit(sub);
                }
            }
        }
        if ((schema.ContainsKey("properties") || schema.ContainsKey("patternProperties"))
            && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
        {
            schema["additionalProperties"] = false;
        }
    }
}
