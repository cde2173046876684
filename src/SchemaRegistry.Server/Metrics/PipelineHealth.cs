using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// Reads the per-day job rates and the open drift cases from the database into their gauges: on every scrape of
/// <c>/metrics</c> (the database at most once per <see cref="TelemetryOptions.RefreshSeconds"/>) and, when OTLP export
/// is on, on a timer (<see cref="PipelineHealthSampler"/>). From the database rather than from this process's
/// counters, so every replica reports the same figures and a restart does not reset them.
/// </summary>
internal sealed class PipelineHealth(IRegistryStorage storage, TimeProvider time, TelemetryOptions options)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    // One gate for the process: the gauges live in prometheus-net's process-wide registry and the tests run several
    // registries in one process, so each scrape sets its own registry's figures and writes them out before another can.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private (JobRates Rates, long OpenDriftCases)? _last;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Sets the gauges (read again when older than the refresh period), then runs <paramref name="write"/> if any.</summary>
    public async Task PublishAsync(Func<CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is null || now - _readAt >= TimeSpan.FromSeconds(options.RefreshSeconds))
            {
                var runs = await storage.Pipelines.CountCompletedRunsAsync(now - Window, now.AddMilliseconds(1), cancellationToken);
                var open = await storage.Pipelines.CountDriftCasesAsync(DriftCaseStatus.Open, cancellationToken);
                (_last, _readAt) = ((JobRates.Of(runs), open), now);
            }
            var (rates, openCases) = _last.Value;
            PipelineMetrics.JobsPerDay.Set(rates.Jobs);
            PipelineMetrics.SuccessRate.Set(rates.SuccessRate);
            PipelineMetrics.FailureRate.Set(rates.FailureRate);
            PipelineMetrics.OpenDriftCases.Set(openCases);
            if (write is not null)
            {
                await write(cancellationToken);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
