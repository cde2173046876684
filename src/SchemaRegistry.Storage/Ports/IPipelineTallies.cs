using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Counts behind the operational gauges (success and failure rates per day, open drift cases).</summary>
public interface IPipelineTallies
{
    /// <summary>Runs completed in [<paramref name="from"/>, <paramref name="to"/>), counted by status and validation result.</summary>
    Task<IReadOnlyList<RunOutcomeCount>> CountCompletedRunsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Drift cases currently in <paramref name="status"/>.</summary>
    Task<long> CountDriftCasesAsync(DriftCaseStatus status, CancellationToken cancellationToken);
}
