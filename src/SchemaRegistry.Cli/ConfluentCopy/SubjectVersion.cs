using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>A reference as Confluent lists it: the name the schema uses for it, and the subject version it names.</summary>
internal sealed record VersionReference(string Name, string Subject, int Version);

/// <summary>One version of a subject as <c>GET /subjects/{s}/versions/{v}</c> answers it.</summary>
internal sealed record SubjectVersion(string Subject, int Version, long Id, string SchemaType, string Schema, IReadOnlyList<VersionReference> References)
{
    public const string Avro = "AVRO";

    public (string Subject, int Version) Key => (Subject, Version);

    public static SubjectVersion From(string subject, JsonNode json) => new(
        subject,
        json["version"]!.GetValue<int>(),
        json["id"]!.GetValue<long>(),
        TypeOf(json),
        json["schema"]!.GetValue<string>(),
        ReferencesOf(json));

    /// <summary>Confluent leaves <c>schemaType</c> out for Avro.</summary>
    public static string TypeOf(JsonNode json) => json["schemaType"]?.GetValue<string>() is { Length: > 0 } type ? type.ToUpperInvariant() : Avro;

    public static IReadOnlyList<VersionReference> ReferencesOf(JsonNode json) =>
        json["references"] is JsonArray list
            ? list.Select(r => new VersionReference(r!["name"]!.GetValue<string>(), r["subject"]!.GetValue<string>(), r["version"]!.GetValue<int>())).ToList()
            : [];

    /// <summary>The register body that copies this version as it is: the same id and version (IMPORT mode).</summary>
    public JsonObject RegisterBody()
    {
        var body = new JsonObject { ["schema"] = Schema, ["id"] = Id, ["version"] = Version };
        if (SchemaType != Avro)
        {
            body["schemaType"] = SchemaType;
        }
        if (References.Count > 0)
        {
            body["references"] = new JsonArray(References.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name, ["subject"] = r.Subject, ["version"] = r.Version,
            }).ToArray());
        }
        return body;
    }

    /// <summary>
    /// The same schema as <paramref name="json"/> (a version or an id's answer): same type and references, and the same
    /// text, or for Avro and JSON Schema the same JSON (a registry may have stored it re-spaced).
    /// </summary>
    public bool SameSchemaAs(JsonNode json)
    {
        if (TypeOf(json) != SchemaType || !ReferencesOf(json).SequenceEqual(References))
        {
            return false;
        }
        var other = json["schema"]?.GetValue<string>() ?? "";
        if (other.Trim() == Schema.Trim())
        {
            return true;
        }
        if (SchemaType == "PROTOBUF")
        {
            return false;
        }
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(other), JsonNode.Parse(Schema));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
