using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Output;

/// <summary>
/// The CLI's <c>--output json</c> for reports that carry JSON as text on the wire: keyword values, examples and drift
/// samples become JSON values, and drift paths become JSON pointers like the paths of invalid values
/// (<c>lines[].sku</c> → <c>/lines/*/sku</c>, <c>*</c> standing for any element of the array).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new(RegistryJson.Options) { WriteIndented = true };
    private static readonly string[] ChangeValues = ["old", "new", "example"];
    private static readonly string[] DriftKinds = ["new_fields", "missing_fields", "type_changes"];

    public static void Print(JsonNode? node) => Console.WriteLine(node?.ToJsonString(Indented) ?? "null");

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, RegistryJson.Options);

    /// <summary>Any value holding <c>changes</c> (a diff, a compatibility report), or a list of them.</summary>
    public static JsonNode? WithChanges<T>(T value)
    {
        var node = ToNode(value);
        foreach (var holder in node is JsonArray list ? list.OfType<JsonObject>() : node is JsonObject one ? [one] : [])
        {
            foreach (var change in (holder["changes"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var name in ChangeValues)
                {
                    ParseText(change, name);
                }
            }
        }
        return node;
    }

    /// <summary>A batch report; offline, the schema's file name goes in <c>schema_file</c> and <c>fqid</c> is null.</summary>
    public static JsonObject Batch(BatchResponse batch, string? schemaFile = null)
    {
        var node = (JsonObject)ToNode(batch)!;
        if (schemaFile is not null)
        {
            node["fqid"] = null;
            node["schema_file"] = schemaFile;
        }
        if (node["drift"] is JsonObject drift)
        {
            foreach (var kind in DriftKinds)
            {
                foreach (var field in (drift[kind] as JsonArray ?? []).OfType<JsonObject>())
                {
                    DriftField(field);
                }
            }
        }
        foreach (var field in (node["source_drift"] as JsonArray ?? []).OfType<JsonObject>())
        {
            field["path"] = Pointer(field["path"]?.GetValue<string>() ?? "");
        }
        return node;
    }

    /// <summary>A drift case or a list of them: each field's path a pointer, its samples JSON values.</summary>
    public static JsonNode? DriftCases<T>(T value)
    {
        var node = ToNode(value);
        foreach (var driftCase in node is JsonArray list ? list.OfType<JsonObject>() : node is JsonObject one ? [one] : [])
        {
            foreach (var field in (driftCase["fields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                DriftField(field);
            }
        }
        return node;
    }

    private static void DriftField(JsonObject field)
    {
        field["path"] = Pointer(field["path"]?.GetValue<string>() ?? "");
        if (field["samples"] is JsonArray samples)
        {
            field["samples"] = new JsonArray(samples.Select(s => Parse(s?.GetValue<string>())).ToArray());
        }
    }

    /// <summary>A dotted drift path as a JSON pointer (<see cref="DriftPath.ToPointer"/>).</summary>
    public static string Pointer(string driftPath) => DriftPath.ToPointer(driftPath);

    private static void ParseText(JsonObject holder, string name)
    {
        if (holder[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            holder[name] = Parse(text);
        }
    }

    /// <summary>JSON text as its value; text that is not JSON stays a string.</summary>
    private static JsonNode? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
