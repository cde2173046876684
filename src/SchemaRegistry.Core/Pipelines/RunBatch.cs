namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// One validated batch of a run: its counts, whether it failed (PIPE-1204 under the fail policy), where its
/// quarantined records are (a blob-store prefix, null when none) and how many of them replay released since.
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
    DateTimeOffset CreatedAt);
