using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// Drift found on a subject. One case stays open per subject until resolved: drift of a field seen before adds
/// occurrences to that field, a new field adds a field, a later run adds itself to <see cref="RunIds"/>.
/// </summary>
public sealed record DriftCase(
    long Id,
    SubjectName Subject,
    DriftCaseStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    IReadOnlyList<DriftCaseField> Fields,
    IReadOnlyList<string> RunIds);
