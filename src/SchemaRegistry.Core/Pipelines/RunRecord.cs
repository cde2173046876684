using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// One execution of a pipeline, pinned at start to the exact version and content hash it validates against, with
/// its running totals (the lineage record once it completes). <see cref="Flags"/> name what its completion found missing
/// (a validation stage its timing needs); null when nothing was.
/// </summary>
public sealed record RunRecord(
    string RunId,
    string PipelineId,
    Fqid Fqid,
    string ContentHash,
    DriftPolicy DriftPolicy,
    RunStatus Status,
    string? OutputPath,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    RunCounts Counts,
    string? ValidationResult,
    string? FailureReason,
    IReadOnlyList<string>? Flags = null);
