using System.Text.Json.Serialization;

namespace SchemaRegistry.Wire.Events;

/// <summary>Data of RunStarted; the event's subject is the pinned version, <see cref="SchemaFqid"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="SchemaFqid">The exact version the run pinned.</param>
/// <param name="ContentHash">That version's content hash.</param>
/// <param name="OutputPath">Where the job writes, when given.</param>
/// <param name="Principal">Who started the run.</param>
public sealed record RunStartedData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("schema_fqid")] string SchemaFqid,
    [property: JsonPropertyName("content_hash")] string ContentHash,
    [property: JsonPropertyName("output_path")] string? OutputPath,
    [property: JsonPropertyName("principal")] string Principal);

/// <summary>Data of RunCompleted, the run's lineage record; the event's subject is <see cref="SchemaFqid"/>.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="SchemaFqid">The pinned version.</param>
/// <param name="RunId">The run.</param>
/// <param name="OutputPath">Where the job wrote.</param>
/// <param name="Status">success, failed or completed_with_quarantine.</param>
/// <param name="ValidationResult">pass, partial or fail.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="DurationMs">End minus start, in milliseconds.</param>
/// <param name="Counts">The run's counts.</param>
/// <param name="Error">Why it failed (an error code and a reason), when it did.</param>
/// <param name="ValidationTiming">The pipeline's validation timing (<c>pre_job</c>, <c>pre_and_post</c>…); null for an abandoned run.</param>
/// <param name="Flags">What the run lacked, e.g. <c>missing_post_transform_validation</c>; empty when nothing.</param>
public sealed record RunCompletedData(
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("schema_fqid")] string SchemaFqid,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("output_path")] string? OutputPath,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("validation_result")] string ValidationResult,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset CompletedAt,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("counts")] RunCountsData Counts,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("validation_timing")] string? ValidationTiming,
    [property: JsonPropertyName("flags")] IReadOnlyList<string> Flags);

/// <summary>A run's counts in <see cref="RunCompletedData"/>.</summary>
/// <param name="Batches">Batches validated.</param>
/// <param name="Records">Records read.</param>
/// <param name="Valid">Valid records.</param>
/// <param name="Invalid">Invalid records.</param>
/// <param name="Drifted">Drifted records not let through.</param>
/// <param name="Rescued">Drifted records let through with <c>_rescued_data</c>.</param>
/// <param name="Quarantined">Records quarantined.</param>
public sealed record RunCountsData(
    [property: JsonPropertyName("batches")] int Batches,
    [property: JsonPropertyName("records")] long Records,
    [property: JsonPropertyName("valid")] long Valid,
    [property: JsonPropertyName("invalid")] long Invalid,
    [property: JsonPropertyName("drifted")] long Drifted,
    [property: JsonPropertyName("rescued")] long Rescued,
    [property: JsonPropertyName("quarantined")] long Quarantined);

/// <summary>
/// Data of SchemaValidated when a run validated every record of the pinned version (<see cref="Source"/> is
/// <c>run</c>); emitted with RunCompleted. The SchemaValidated of the lifecycle carries <see cref="SchemaChangedData"/>.
/// </summary>
/// <param name="Fqid">The version.</param>
/// <param name="Source">Always <c>run</c>.</param>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="Records">Records validated.</param>
public sealed record RunValidatedData(
    [property: JsonPropertyName("fqid")] string Fqid,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("records")] long Records);

/// <summary>
/// Data of PipelineFailed: a batch failed under the fail policy (<see cref="Batch"/> set), or a run completed as failed
/// (<see cref="Batch"/> absent); emitted with that change. The event's subject is the run's pinned version.
/// </summary>
/// <param name="Code">PIPE-1204 (drift) or the job's own failure code.</param>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="Batch">The failed batch; absent when the run failed as a whole.</param>
/// <param name="Reason">Why.</param>
/// <param name="Status">The run's status when the failure ended it without a report (<c>abandoned</c>); absent otherwise.</param>
public sealed record PipelineFailedData(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("batch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Batch,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null);

/// <summary>
/// Data of RunsAffected: a new major was published, or a version deprecated, while runs were running on an older major or
/// on that version. The event's subject is the FQID published or deprecated.
/// </summary>
/// <param name="Code">PIPE-1204.</param>
/// <param name="Change"><c>major_published</c> or <c>version_deprecated</c>.</param>
/// <param name="Fqid">The version published or deprecated.</param>
/// <param name="Runs">The runs affected.</param>
public sealed record RunsAffectedData(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("fqid")] string Fqid,
    [property: JsonPropertyName("runs")] IReadOnlyList<AffectedRunData> Runs);

/// <summary>A run named by RunsAffected.</summary>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="SchemaFqid">The version it pinned.</param>
public sealed record AffectedRunData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("schema_fqid")] string SchemaFqid);

/// <summary>
/// Data of QuarantineUploaded: the records a worker quarantined in one batch of its own, as the registry re-validated and
/// stored them, committed with the batch's quarantine key. The event's subject is the run's pinned version.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="Batch">The batch.</param>
/// <param name="Key">Where the records are stored.</param>
/// <param name="Received">Records the worker sent.</param>
/// <param name="Stored">Records that failed again here and were stored.</param>
/// <param name="PassedOnServer">Records the registry found valid (not stored).</param>
public sealed record QuarantineUploadedData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("stored")] long Stored,
    [property: JsonPropertyName("passed_on_server")] long PassedOnServer);

/// <summary>Data of SchemaDriftDetected, emitted with the batch that drifted; the event's subject is the run's pinned version.</summary>
/// <param name="Code">PIPE-1204.</param>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="Batch">The batch.</param>
/// <param name="DriftPolicy">The run's drift policy.</param>
/// <param name="DriftedRecords">Records that drifted.</param>
/// <param name="QuarantinedRecords">Records quarantined.</param>
/// <param name="Fields">The drifted fields.</param>
public sealed record SchemaDriftDetectedData(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("drift_policy")] string DriftPolicy,
    [property: JsonPropertyName("drifted_records")] long DriftedRecords,
    [property: JsonPropertyName("quarantined_records")] long QuarantinedRecords,
    [property: JsonPropertyName("fields")] IReadOnlyList<DriftFieldData> Fields);

/// <summary>One drifted field of <see cref="SchemaDriftDetectedData"/>.</summary>
/// <param name="Path">The field.</param>
/// <param name="Kind">new_field, missing_field, type_change or version_deprecated.</param>
/// <param name="Count">Occurrences in the batch.</param>
public sealed record DriftFieldData(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("count")] long Count);

/// <summary>Data of DriftAcknowledged; the event's subject is the case's subject.</summary>
/// <param name="CaseId">The drift case.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Principal">Who acknowledged it.</param>
/// <param name="Comment">Why, when given.</param>
public sealed record DriftAcknowledgedData(
    [property: JsonPropertyName("case_id")] long CaseId,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>Data of DriftResolved; the event's subject is the case's subject.</summary>
/// <param name="CaseId">The drift case.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Principal">Who resolved it (by hand or by publishing).</param>
/// <param name="Resolution"><c>manual: …</c> or <c>published …</c>.</param>
public sealed record DriftResolvedData(
    [property: JsonPropertyName("case_id")] long CaseId,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("resolution")] string Resolution);

/// <summary>Data of QuarantineReleased (a replay of a run's quarantine committed); the event's subject is the run's pinned version.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Fqid">The version the quarantine was replayed against.</param>
/// <param name="Examined">Records examined.</param>
/// <param name="Released">Records that now pass.</param>
/// <param name="Remaining">Records still quarantined.</param>
/// <param name="ReleasedKey">The blob of released records, when any.</param>
public sealed record QuarantineReleasedData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("fqid")] string Fqid,
    [property: JsonPropertyName("examined")] long Examined,
    [property: JsonPropertyName("released")] long Released,
    [property: JsonPropertyName("remaining")] long Remaining,
    [property: JsonPropertyName("released_key")] string? ReleasedKey);

/// <summary>Data of QuarantinePurged (a batch's quarantine deleted by retention); the event's subject is the run's pinned version.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Batch">The batch.</param>
/// <param name="Key">The quarantine's blob key.</param>
/// <param name="OlderThanDays">The retention asked for.</param>
public sealed record QuarantinePurgedData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("older_than_days")] int OlderThanDays);

/// <summary>Data of LineageSynced (a run's lineage re-derived from its batches); the event's subject is <see cref="SchemaFqid"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="SchemaFqid">The pinned version.</param>
/// <param name="OutputPath">Where the job wrote.</param>
/// <param name="Status">The run's status before the sync.</param>
/// <param name="ValidationResult">Its validation result before the sync.</param>
public sealed record LineageSyncedData(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("pipeline_id")] string PipelineId,
    [property: JsonPropertyName("schema_fqid")] string SchemaFqid,
    [property: JsonPropertyName("output_path")] string? OutputPath,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("validation_result")] string? ValidationResult);

/// <summary>
/// Data of MetadataSyncFailed (PIPE-1402): a lineage sync was refused and nothing changed (a notification, not a state
/// change). The event's subject is the run's pinned version, or <c>runs/{run_id}</c> when the run is not known.
/// </summary>
/// <param name="Code">PIPE-1402.</param>
/// <param name="RunId">The run.</param>
/// <param name="Detail">Why.</param>
public sealed record MetadataSyncFailedData(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("detail")] string Detail);
