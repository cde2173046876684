using System.Text.Json.Nodes;

namespace SchemaRegistry.Server.Tests.OpenApi;

/// <summary>
/// Builds a request body from an OpenAPI schema alone: every member the schema lists, each with a placeholder of its
/// type (the first enum value, a real FQID where the member is named so). What the server makes of the values is its
/// business; the member names and types are the document's.
/// </summary>
internal sealed class RequestFromSchema(JsonObject document, string fqid)
{
    private readonly JsonObject _components = document["components"]?["schemas"]?.AsObject() ?? [];

    public JsonNode? Build(JsonNode? schema, string name = "", int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is not JsonObject s || depth > 8)
        {
            return null;
        }
        if (s["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }
        foreach (var alternatives in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (s[alternatives] is JsonArray options)
            {
                var chosen = options.FirstOrDefault(o => TypeOf(Resolve(o)) != "null");
                return chosen is null ? null : Build(chosen, name, depth + 1);
            }
        }
        return TypeOf(s) switch
        {
            "object" or null when s["properties"] is JsonObject properties => Object(properties, depth),
            "object" => new JsonObject(),
            "array" => new JsonArray(Build(s["items"], name, depth + 1)),
            "integer" or "number" => 1,
            "boolean" => false,
            "string" => Text(s, name),
            _ => new JsonObject { ["type"] = "object" }, // an open value (a JSON Schema payload): any object will do
        };
    }

    private JsonObject Object(JsonObject properties, int depth)
    {
        var body = new JsonObject();
        foreach (var (member, schema) in properties)
        {
            body[member] = Build(schema, member, depth + 1);
        }
        return body;
    }

    private JsonNode Text(JsonObject s, string name) => (string?)s["format"] switch
    {
        "date-time" => DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
        "uri" => "https://example.invalid/hook",
        _ when name.Contains("fqid", StringComparison.Ordinal) => fqid,
        _ => "placeholder",
    };

    /// <summary>The type, from <c>"type": "x"</c> or 3.1's <c>"type": ["x", "null"]</c> (a string alternative comes last).</summary>
    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => (string?)value,
        JsonArray types => types.Select(t => (string?)t).OrderBy(t => t is "null" ? 2 : t is "string" ? 1 : 0).FirstOrDefault(),
        _ => null,
    };

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; hops < 16 && schema?["$ref"] is JsonValue reference; hops++)
        {
            schema = _components[((string)reference!)["#/components/schemas/".Length..]];
        }
        return schema;
    }
}
