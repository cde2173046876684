using SchemaRegistry.Data.Validation;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// The seeds' pipeline metrics. <c>pipeline.validation_success_rate</c> and <c>pipeline.failure_rate</c> are over
/// jobs (completed runs) of the last 24 hours and <c>drift.open_cases</c> counts open drift cases; all three are read
/// from the database by <see cref="PipelineHealth"/>, so every replica reports the same figures.
/// </summary>
internal static class PipelineMetrics
{
    public static readonly RegistryCounter Records = new(
        "pipeline.records", "Records validated in batches, by outcome (valid, invalid, drifted, rescued).", "outcome");

    public static readonly RegistryCounter Batches = new(
        "pipeline.batches", "Batches validated, by result (pass, partial, failed).", "result");

    public static readonly RegistryCounter DriftEvents = new(
        "pipeline.drift_events", "Batches that detected schema drift (each emits SchemaDriftDetected).");

    public static readonly RegistryCounter Runs = new(
        "pipeline.runs", "Completed runs, by status (success, completed_with_quarantine, failed).", "status");

    public static readonly RegistryCounter MetadataSyncFailures = new(
        "pipeline.metadata_sync_failures", $"Metadata (lineage) syncs that failed with {ErrorCode.MetadataSyncFailed}.");

    public static readonly RegistryGauge SuccessRate = new(
        "pipeline.validation_success_rate",
        "Share of jobs (runs completed in the last 24 hours) whose validation result is pass; 1 when none completed.");

    public static readonly RegistryGauge FailureRate = new(
        "pipeline.failure_rate", "Share of jobs (runs completed in the last 24 hours) that failed; 0 when none completed.");

    public static readonly RegistryGauge JobsPerDay = new(
        "pipeline.jobs_last_day", "Runs completed in the last 24 hours (the denominator of the two rates).");

    public static readonly RegistryGauge OpenDriftCases = new(
        "drift.open_cases", "Drift cases open (neither acknowledged nor resolved).");

    public static readonly RegistryHistogram ValidationLatency = new(
        "pipeline.runtime_validation_latency_ms", "Time to validate one batch, in milliseconds.",
        [1, 5, 10, 50, 100, 500, 1000, 5000, 30000, 120000]);

    public static void RunCompleted(string status) => Runs.WithLabels(status).Inc();

    public static void Observe(BatchSummary summary, bool failed, bool drifted)
    {
        Records.WithLabels("valid").Inc(summary.Valid);
        Records.WithLabels("invalid").Inc(summary.Invalid);
        Records.WithLabels("drifted").Inc(summary.Drifted);
        Records.WithLabels("rescued").Inc(summary.Rescued);
        Batches.WithLabels(failed ? "failed" : summary.Quarantined > 0 ? "partial" : "pass").Inc();
        if (drifted)
        {
            DriftEvents.Inc();
        }
        ValidationLatency.Observe(summary.Duration.TotalMilliseconds);
    }
}
