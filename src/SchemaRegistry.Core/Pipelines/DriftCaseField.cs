namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// One drifted field of a case, aggregated over every batch that showed it: how often, where first, sample
/// values (JSON texts) and the type the data suggests.
/// </summary>
public sealed record DriftCaseField(
    string Path,
    DriftKind Kind,
    long Occurrences,
    string FirstRunId,
    long FirstRecord,
    IReadOnlyList<string> Samples,
    string? InferredType);
