using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Documents;

/// <summary>A stored schema version: its definition, state, content hash and who did what.</summary>
public sealed record SchemaRecord(
    SchemaDefinition Definition,
    SchemaState State,
    IReadOnlyList<string> References,
    string ContentHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? SubmittedBy,
    long Revision)
{
    public Fqid Fqid => Definition.Fqid;
}
