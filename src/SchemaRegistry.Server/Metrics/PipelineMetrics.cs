using Prometheus;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Server.Metrics;

/// <summary>The seeds' pipeline metrics (<c>pipeline.validation_success_rate</c>, <c>pipeline.drift_events</c>, …).</summary>
internal static class PipelineMetrics
{
    public static readonly Counter Records = Prometheus.Metrics.CreateCounter(
        "pipeline_records_total", "Records validated in batches, by outcome (valid, invalid, drifted, rescued).", "outcome");

    public static readonly Counter Batches = Prometheus.Metrics.CreateCounter(
        "pipeline_batches_total", "Batches validated, by result (pass, partial, failed).", "result");

    public static readonly Counter DriftEvents = Prometheus.Metrics.CreateCounter(
        "pipeline_drift_events_total", "Batches that detected schema drift (each emits SchemaDriftDetected).");

    public static readonly Gauge SuccessRate = Prometheus.Metrics.CreateGauge(
        "pipeline_validation_success_rate", "Share of validated records that passed (valid or rescued), since start.");

    public static readonly Counter Runs = Prometheus.Metrics.CreateCounter(
        "pipeline_runs_total", "Completed runs, by status (success, completed_with_quarantine, failed).", "status");

    public static readonly Gauge FailureRate = Prometheus.Metrics.CreateGauge(
        "pipeline_failure_rate", "Share of completed runs that failed, since start.");

    public static void RunCompleted(string status)
    {
        Runs.WithLabels(status).Inc();
        var failed = Runs.WithLabels("failed").Value;
        var all = failed + Runs.WithLabels("success").Value + Runs.WithLabels("completed_with_quarantine").Value;
        FailureRate.Set(all == 0 ? 0 : failed / all);
    }

    public static readonly Histogram ValidationLatency = Prometheus.Metrics.CreateHistogram(
        "pipeline_runtime_validation_latency_ms", "Time to validate one batch, in milliseconds.",
        new HistogramConfiguration { Buckets = [1, 5, 10, 50, 100, 500, 1000, 5000, 30000, 120000] });

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
        var total = Records.WithLabels("valid").Value + Records.WithLabels("invalid").Value + Records.WithLabels("drifted").Value + Records.WithLabels("rescued").Value;
        SuccessRate.Set(total == 0 ? 1 : (Records.WithLabels("valid").Value + Records.WithLabels("rescued").Value) / total);
        ValidationLatency.Observe(summary.Duration.TotalMilliseconds);
    }
}
