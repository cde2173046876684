using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// Lineage queries: runs of one pipeline, of any version of one subject, or of one exact version, optionally only in
/// some statuses; newest first (by start time, then run id). <paramref name="After"/> is a keyset cursor: only the runs
/// that come after that run in this order.
/// </summary>
public sealed record RunQuery(string? PipelineId = null, SubjectName? Subject = null, Fqid? Fqid = null, int Limit = 100,
    IReadOnlyList<Core.Pipelines.RunStatus>? Statuses = null, RunCursor? After = null);

/// <summary>Where a page of runs ends: the start time and id of its last run.</summary>
public sealed record RunCursor(DateTimeOffset StartedAt, string RunId);
