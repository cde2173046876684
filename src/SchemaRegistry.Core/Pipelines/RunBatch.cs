namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// One validated batch of a run: its counts, whether it failed (PIPE-1204 under the fail policy), where its
/// quarantined records are (a blob-store prefix, null when none), how many of them replay released since, and the
/// validation stage it reported (<c>pre_job</c>, <c>post_transform</c>…; null when the job named none).
/// </summary>
public sealed record RunBatch(
    string RunId,
    int BatchNumber,
    string Format,
    RunCounts Counts,
    bool Failed,
    string? QuarantineKey,
    long Released,
    double DurationMs,
    DateTimeOffset CreatedAt,
    string? Stage = null);
