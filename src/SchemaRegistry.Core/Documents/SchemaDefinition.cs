using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Documents;

/// <summary>
/// What an author writes: the envelope (owner, description, format, compatibility, tags) and the payload,
/// the JSON Schema of one record, kept as the JSON text it was given in.
/// </summary>
public sealed record SchemaDefinition(
    Fqid Fqid,
    string Owner,
    string Description,
    string Format,
    CompatibilityMode Compatibility,
    IReadOnlyDictionary<string, string> Tags,
    string Payload)
{
    public const string JsonSchemaFormat = "json-schema";
}
