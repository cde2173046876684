using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// The outcome of one batch: counts (every failed record is counted and quarantined, none sampled away), the
/// drift report, drift the source declared itself (a Parquet footer), timing, and whether the policy failed it.
/// </summary>
public sealed record BatchSummary(
    long Records,
    long Valid,
    long Invalid,
    long Drifted,
    long Rescued,
    long Quarantined,
    DriftReport Drift,
    IReadOnlyList<DriftFinding> SourceDrift,
    TimeSpan Duration,
    bool Failed,
    IReadOnlyList<long> FailedRecordSample)
{
    public const int MaxFailedRecordSample = 100;

    /// <summary>The share of records that pass (valid or rescued), 1 for an empty batch.</summary>
    public double PassRate => Records == 0 ? 1 : (double)(Valid + Rescued) / Records;

    public double RecordsPerSecond => Duration.TotalSeconds <= 0 ? 0 : Records / Duration.TotalSeconds;

    public bool HasDrift => !Drift.IsEmpty || SourceDrift.Count > 0;
}
