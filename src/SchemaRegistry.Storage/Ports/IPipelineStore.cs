using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// Pipeline contracts, their runs and batches (the lineage), drift cases and the quarantine index. Every write
/// appends its <see cref="OutboxEvent"/>s in the same transaction.
/// </summary>
public interface IPipelineStore : IPipelineTallies
{
    /// <summary>Registers a pipeline; throws <see cref="StoreConflictException"/> when the id exists.</summary>
    Task AddPipelineAsync(Pipeline pipeline, CancellationToken cancellationToken);

    /// <summary>Replaces a pipeline's contract; false when it does not exist.</summary>
    Task<bool> UpdatePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken);

    Task<Pipeline?> GetPipelineAsync(string pipelineId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(CancellationToken cancellationToken);

    /// <summary>Starts a run; throws <see cref="StoreConflictException"/> when the run id exists.</summary>
    Task StartRunAsync(RunRecord run, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records a batch (its number must be the run's next one, else <see cref="StoreConflictException"/>), adds its
    /// counts to the run's totals, merges <paramref name="drift"/> into the subject's open or acknowledged case
    /// (creating one when there is none) and adds the run to that case; all in one transaction with the events.
    /// Returns the id of the case the drift went to, or null without drift.
    /// </summary>
    Task<long?> RecordBatchAsync(RunBatch batch, DriftObservation? drift, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a running run with its final status and lineage fields; false when the run is not running.
    /// </summary>
    Task<bool> CompleteRunAsync(string runId, RunStatus status, DateTimeOffset completedAt, string? outputPath,
        string validationResult, string? failureReason, IReadOnlyList<string> flags, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>A running run's sign of life (a heartbeat; starting and recording a batch count too); false when it is not running.</summary>
    Task<bool> TouchRunAsync(string runId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ids of running runs whose last sign of life is before <paramref name="silentSince"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListSilentRunsAsync(DateTimeOffset silentSince, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a run abandoned, with its events, only if it is still running and still silent since
    /// <paramref name="silentSince"/>: one conditional update in the events' transaction, so of several replicas
    /// sweeping at once exactly one abandons it (and a batch or heartbeat that arrived meanwhile keeps it running).
    /// </summary>
    Task<bool> AbandonRunAsync(string runId, DateTimeOffset silentSince, DateTimeOffset at, string reason, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);

    /// <summary>
    /// Re-derives a run's totals from its batches (the lineage's counts), idempotently, with the events; false when
    /// the run does not exist.
    /// </summary>
    Task<bool> RecomputeRunAsync(string runId, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="released"/> to a batch's released count (after a quarantine replay).</summary>
    Task AddReleasedAsync(string runId, int batchNumber, long released, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Records a replay before it writes any blob (see <see cref="QuarantineReplay"/>); pending until committed.</summary>
    Task BeginReplayAsync(QuarantineReplay replay, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: marks the pending replay committed, points each batch of <paramref name="releases"/> from
    /// its old key to its new one and adds its released count, and appends the events. False, with nothing changed,
    /// when the replay is no longer pending (aborted by a recovery) or a batch no longer has its old key (another
    /// replay or a purge got there first).
    /// </summary>
    Task<bool> CommitReplayAsync(string replayId, string runId, IReadOnlyList<BatchRelease> releases, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);

    /// <summary>Replays whose row is still there: pending or aborted ones and committed ones whose leftover files may remain.</summary>
    Task<IReadOnlyList<QuarantineReplay>> ListReplaysAsync(CancellationToken cancellationToken);

    /// <summary>Marks a pending replay aborted, so it can never commit; true when it is aborted now (or was), false when it committed or is gone.</summary>
    Task<bool> AbortReplayAsync(string replayId, CancellationToken cancellationToken);

    /// <summary>Deletes a replay's row once its leftovers are removed.</summary>
    Task ForgetReplayAsync(string replayId, CancellationToken cancellationToken);

    /// <summary>Forgets a batch's quarantine (after a purge deleted its files).</summary>
    Task ClearQuarantineAsync(string runId, int batchNumber, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Quarantined batches (those that still have a quarantine) created in [<paramref name="from"/>, <paramref name="to"/>),
    /// of one subject or of all, newest first, with the run each belongs to.
    /// </summary>
    Task<IReadOnlyList<(RunBatch Batch, RunRecord Run)>> ListQuarantineAsync(SubjectName? subject, DateTimeOffset from, DateTimeOffset to, int limit,
        CancellationToken cancellationToken);

    /// <summary>
    /// Points a batch that has no quarantine yet at <paramref name="key"/> (records a pipeline worker quarantined and
    /// uploaded), with the events; false, with nothing changed, when the batch does not exist or already has one.
    /// </summary>
    Task<bool> AttachQuarantineAsync(string runId, int batchNumber, string key, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Batches that still have a quarantine and were created before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<RunBatch>> ListQuarantinedBatchesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task<DriftCase?> GetDriftCaseAsync(long id, CancellationToken cancellationToken);

    /// <summary>Cases, newest first, optionally of one subject and/or one status.</summary>
    Task<IReadOnlyList<DriftCase>> ListDriftCasesAsync(SubjectName? subject, DriftCaseStatus? status, CancellationToken cancellationToken);

    /// <summary>Moves an open case to acknowledged; false when it is not open.</summary>
    Task<bool> AcknowledgeDriftCaseAsync(long id, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Resolves an open or acknowledged case; false when it is already resolved or does not exist.</summary>
    Task<bool> ResolveDriftCaseAsync(long id, string principal, DateTimeOffset at, string resolution, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
