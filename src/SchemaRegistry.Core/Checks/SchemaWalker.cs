using System.Text.Json;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Core.Checks;

/// <summary>
/// Visits every subschema of a JSON Schema with its JSON pointer, following only the keywords whose values are
/// schemas. Keys inside <c>properties</c> or <c>$defs</c> are names, never keywords, so a field called
/// <c>type</c> or <c>default</c> is walked as the schema it is.
/// </summary>
public static class SchemaWalker
{
    private static readonly HashSet<string> SingleSchema =
    [
        "additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "contains",
        "propertyNames", "not", "if", "then", "else", "contentSchema",
    ];

    private static readonly HashSet<string> SchemaMaps =
        ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    private static readonly HashSet<string> SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems"];

    public static void Walk(JsonElement schema, Action<JsonElement, string> visit) => Walk(schema, "", visit);

    private static void Walk(JsonElement schema, string path, Action<JsonElement, string> visit)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        visit(schema, path);
        foreach (var keyword in schema.EnumerateObject())
        {
            var at = $"{path}/{JsonPointer.Escape(keyword.Name)}";
            var value = keyword.Value;
            if (SingleSchema.Contains(keyword.Name) || (keyword.Name == "items" && value.ValueKind == JsonValueKind.Object))
            {
                Walk(value, at, visit);
            }
            else if (SchemaMaps.Contains(keyword.Name) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Walk(entry.Value, $"{at}/{JsonPointer.Escape(entry.Name)}", visit);
                }
            }
            else if ((SchemaArrays.Contains(keyword.Name) || keyword.Name == "items") && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, $"{at}/{i++}", visit);
                }
            }
        }
    }
}
