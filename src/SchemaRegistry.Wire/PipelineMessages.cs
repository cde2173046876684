namespace SchemaRegistry.Wire;

/// <summary>Body of <c>POST /v1/pipelines</c> and <c>PUT /v1/pipelines/{id}</c>: a pipeline stage's contract.</summary>
/// <param name="PipelineId">Stable id (<c>finance_gdp_transform</c>): lower-case letters, digits, <c>_ . -</c>.</param>
/// <param name="Layer">The layer the stage writes (extractor, raw, gdp, kpi).</param>
/// <param name="Fqid">The schema it is bound to: an FQID or an alias (<c>finance.gdp.invoice:latest</c>, <c>:v1</c>), resolved when a run starts.</param>
/// <param name="ValidationTiming">on_invocation, pre_job, post_transform, pre_and_post or build_time.</param>
/// <param name="DriftPolicy">quarantine (default), fail, rescue or allow.</param>
/// <param name="Owner">Team that owns the stage.</param>
public sealed record PipelineRequest(string? PipelineId, string? Layer, string? Fqid, string? ValidationTiming = null, string? DriftPolicy = null, string? Owner = null)
{
    /// <summary>
    /// Whether a run on <c>:latest</c> may start on a newer major than the pipeline's last successful run (else PIPE-1103).
    /// Default false; on <c>PUT</c>, omitted keeps the current setting.
    /// </summary>
    public bool? AllowMajor { get; init; }
}

/// <summary>A registered pipeline.</summary>
/// <param name="PipelineId">Id.</param>
/// <param name="Layer">Layer.</param>
/// <param name="Fqid">The schema FQID or alias it declares.</param>
/// <param name="ValidationTiming">When it validates.</param>
/// <param name="DriftPolicy">What drift does to its records.</param>
/// <param name="Owner">Owning team.</param>
/// <param name="CreatedAt">Registered at.</param>
/// <param name="UpdatedAt">Last changed at.</param>
public sealed record PipelineResponse(string PipelineId, string Layer, string Fqid, string ValidationTiming, string DriftPolicy, string Owner, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether a run on <c>:latest</c> may start on a newer major than the last successful run.</summary>
    public bool AllowMajor { get; init; }
}

/// <summary>Body of <c>POST /v1/runs</c>.</summary>
/// <param name="PipelineId">A registered pipeline.</param>
/// <param name="RunId">The job's own run id (<c>jr-2a8bc9a1b1</c>); generated when absent.</param>
/// <param name="OutputPath">Where the job writes (<c>s3://warehouse/gdp/invoice/2025/10/07/</c>).</param>
public sealed record StartRunRequest(string? PipelineId, string? RunId = null, string? OutputPath = null);

/// <summary>Body of <c>POST /v1/runs/{run_id}/complete</c>.</summary>
/// <param name="Status">Omit to let the registry decide from the batches; <c>failed</c> when the job itself failed.</param>
/// <param name="OutputPath">Where the job wrote, if not given at start.</param>
/// <param name="Error">Why the job failed (PIPE-1301 invocation errors and the like).</param>
public sealed record CompleteRunRequest(string? Status = null, string? OutputPath = null, string? Error = null);

/// <summary>Record counts.</summary>
/// <param name="Batches">Batches validated.</param>
/// <param name="Records">Records read.</param>
/// <param name="Valid">Records that passed as they were.</param>
/// <param name="Invalid">Records that broke a value rule (PIPE-1002).</param>
/// <param name="Drifted">Records whose shape drifted and were not let through (PIPE-1204).</param>
/// <param name="Rescued">Drifted records that passed with their drifted fields in <c>_rescued_data</c>.</param>
/// <param name="Quarantined">Records written to quarantine (invalid + drifted).</param>
public sealed record CountsResponse(int Batches, long Records, long Valid, long Invalid, long Drifted, long Rescued, long Quarantined);

/// <summary>A run: its pinned schema and its lineage.</summary>
/// <param name="RunId">Id.</param>
/// <param name="PipelineId">Pipeline.</param>
/// <param name="SchemaFqid">The exact version pinned at start.</param>
/// <param name="ContentHash">Its content hash.</param>
/// <param name="DriftPolicy">The pipeline's drift policy when the run started.</param>
/// <param name="Status">running, success, failed, completed_with_quarantine or abandoned (silent past the configured time).</param>
/// <param name="OutputPath">Where the job wrote.</param>
/// <param name="ValidationResult">pass, partial or fail, once completed.</param>
/// <param name="StartedBy">Principal.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="DurationMs">Run time once completed.</param>
/// <param name="Counts">Totals over its batches.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Batches">Its batches (on <c>GET /v1/runs/{run_id}</c>).</param>
public sealed record RunResponse(string RunId, string PipelineId, string SchemaFqid, string ContentHash, string DriftPolicy, string Status,
    string? OutputPath, string? ValidationResult, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, double? DurationMs,
    CountsResponse Counts, string? Error, IReadOnlyList<BatchItem>? Batches = null)
{
    /// <summary>
    /// What its completion found missing: <c>missing_pre_job_validation</c>, <c>missing_post_transform_validation</c>…
    /// (a stage its pipeline's validation timing needs that no batch reported); absent when nothing was.
    /// </summary>
    public IReadOnlyList<string>? Flags { get; init; }
}

/// <summary>One batch of a run.</summary>
/// <param name="Batch">Its number in the run, from 1.</param>
/// <param name="Format">ndjson, csv or parquet.</param>
/// <param name="Counts">Its counts.</param>
/// <param name="Failed">True when the drift policy failed it (PIPE-1204).</param>
/// <param name="Quarantine">Blob key prefix of its quarantined records (<c>.ndjson</c>) and manifest (<c>.manifest.ndjson</c>).</param>
/// <param name="Released">Quarantined records released by replay since.</param>
/// <param name="DurationMs">Validation time.</param>
/// <param name="CreatedAt">When validated.</param>
public sealed record BatchItem(int Batch, string Format, CountsResponse Counts, bool Failed, string? Quarantine, long Released, double DurationMs, DateTimeOffset CreatedAt)
{
    /// <summary>The validation stage the batch reported (<c>pre_job</c>, <c>post_transform</c>…), if any.</summary>
    public string? Stage { get; init; }
}

/// <summary>One drifted field over a batch or a case.</summary>
/// <param name="Path">Dotted field path (<c>customer.address.zip</c>, <c>lines[].sku</c>).</param>
/// <param name="Count">Records that showed it.</param>
/// <param name="FirstRecord">Line or row of the first.</param>
/// <param name="Samples">A few values as JSON text.</param>
/// <param name="InferredType">JSON type(s) the data holds.</param>
/// <param name="ExpectedType">JSON type(s) the schema declares.</param>
public sealed record DriftFieldItem(string Path, long Count, long FirstRecord, IReadOnlyList<string> Samples, string? InferredType, string? ExpectedType);

/// <summary>Drift of a batch, by kind.</summary>
/// <param name="NewFields">Fields the schema does not declare.</param>
/// <param name="MissingFields">Required fields absent.</param>
/// <param name="TypeChanges">Values of an undeclared type.</param>
/// <param name="VersionDeprecated">True when the pinned version was deprecated during the run.</param>
public sealed record DriftSummary(IReadOnlyList<DriftFieldItem> NewFields, IReadOnlyList<DriftFieldItem> MissingFields, IReadOnlyList<DriftFieldItem> TypeChanges, bool VersionDeprecated = false);

/// <summary>Result of <c>POST /v1/runs/{run_id}/batches</c> and of <c>schemareg data validate</c>.</summary>
/// <param name="RunId">Run (null offline).</param>
/// <param name="Batch">Batch number (0 offline).</param>
/// <param name="Fqid">Version validated against.</param>
/// <param name="Records">Records read.</param>
/// <param name="Valid">Passed as they were.</param>
/// <param name="Invalid">Broke a value rule.</param>
/// <param name="Drifted">Drifted and not let through.</param>
/// <param name="Rescued">Passed after rescue.</param>
/// <param name="Quarantined">Sent to quarantine.</param>
/// <param name="PassRate">(valid + rescued) / records.</param>
/// <param name="DurationMs">Validation time.</param>
/// <param name="RecordsPerSecond">Throughput.</param>
/// <param name="Failed">True when the drift policy failed the batch.</param>
/// <param name="Code">PIPE-1204 when failed for drift, PIPE-1002 when records failed validation.</param>
/// <param name="Drift">Drift by kind.</param>
/// <param name="SourceDrift">Drift the file's own schema shows (Parquet footer), before any record.</param>
/// <param name="FailedRecords">Line/row numbers of the first 100 failed records (all are in the quarantine).</param>
/// <param name="Quarantine">Where the quarantined records went.</param>
/// <param name="DriftCaseId">The drift case the drift was added to.</param>
public sealed record BatchResponse(string? RunId, int Batch, string Fqid, long Records, long Valid, long Invalid, long Drifted, long Rescued,
    long Quarantined, double PassRate, double DurationMs, double RecordsPerSecond, bool Failed, string? Code, DriftSummary Drift,
    IReadOnlyList<SourceDriftItem> SourceDrift, IReadOnlyList<long> FailedRecords, string? Quarantine, long? DriftCaseId);

/// <summary>A drift the source's declared schema shows.</summary>
/// <param name="Kind">new_field, missing_field or type_change.</param>
/// <param name="Path">Field path.</param>
/// <param name="InferredType">Type in the file.</param>
/// <param name="ExpectedType">Type in the schema.</param>
public sealed record SourceDriftItem(string Kind, string Path, string? InferredType, string? ExpectedType);

/// <summary>A drift case.</summary>
/// <param name="Id">Id.</param>
/// <param name="Subject">domain.layer.entity.</param>
/// <param name="Status">open, acknowledged or resolved.</param>
/// <param name="OpenedAt">Opened.</param>
/// <param name="UpdatedAt">Last drift added.</param>
/// <param name="AcknowledgedBy">Who acknowledged.</param>
/// <param name="AcknowledgedAt">When.</param>
/// <param name="ResolvedBy">Who or what resolved it (the publishing principal).</param>
/// <param name="ResolvedAt">When.</param>
/// <param name="Resolution">How (<c>published finance.gdp.invoice:v1.2</c>).</param>
/// <param name="Fields">Drifted fields with their occurrences.</param>
/// <param name="RunIds">Runs that showed it.</param>
public sealed record DriftCaseResponse(long Id, string Subject, string Status, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? Resolution, IReadOnlyList<DriftCaseFieldItem> Fields, IReadOnlyList<string> RunIds);

/// <summary>A drifted field of a case.</summary>
/// <param name="Path">Field path.</param>
/// <param name="Kind">new_field, missing_field, type_change or version_deprecated.</param>
/// <param name="Occurrences">Records (over every batch) that showed it.</param>
/// <param name="FirstRunId">Run that first showed it.</param>
/// <param name="FirstRecord">Line/row in that run's batch.</param>
/// <param name="Samples">Up to 5 sample values.</param>
/// <param name="InferredType">Type the data holds.</param>
public sealed record DriftCaseFieldItem(string Path, string Kind, long Occurrences, string FirstRunId, long FirstRecord, IReadOnlyList<string> Samples, string? InferredType);

/// <summary>Body of <c>POST /v1/drift/{id}/ack</c> and <c>/resolve</c>.</summary>
/// <param name="Comment">Why.</param>
public sealed record DriftActionRequest(string? Comment = null);

/// <summary>Body of <c>POST /v1/quarantine/replay</c>.</summary>
/// <param name="RunId">The run whose quarantine is replayed.</param>
/// <param name="Fqid">The version to re-validate against; default: the newest published version of the run's subject.</param>
public sealed record QuarantineReplayRequest(string? RunId, string? Fqid = null);

/// <summary>Result of a quarantine replay.</summary>
/// <param name="RunId">Run.</param>
/// <param name="Fqid">Version re-validated against.</param>
/// <param name="Examined">Quarantined records re-validated.</param>
/// <param name="Released">Records that now pass, moved to <see cref="ReleasedKey"/>.</param>
/// <param name="Remaining">Records still quarantined.</param>
/// <param name="ReleasedKey">Blob key of the released records (NDJSON), null when none.</param>
public sealed record QuarantineReplayResponse(string RunId, string Fqid, long Examined, long Released, long Remaining, string? ReleasedKey);

/// <summary>Body of <c>POST /v1/quarantine/purge</c>.</summary>
/// <param name="OlderThanDays">Purge quarantines of batches older than this (default: the configured retention).</param>
public sealed record QuarantinePurgeRequest(int? OlderThanDays = null);

/// <summary>Result of a purge.</summary>
/// <param name="Batches">Batch quarantines deleted.</param>
/// <param name="Files">Files deleted.</param>
public sealed record QuarantinePurgeResponse(int Batches, int Files);

/// <summary>A batch's quarantine.</summary>
/// <param name="RunId">Run.</param>
/// <param name="PipelineId">Pipeline.</param>
/// <param name="Batch">Batch number.</param>
/// <param name="Quarantined">Records quarantined.</param>
/// <param name="Released">Released since by replay.</param>
/// <param name="Key">Blob key prefix.</param>
/// <param name="CreatedAt">When.</param>
public sealed record QuarantineItem(string RunId, string PipelineId, int Batch, long Quarantined, long Released, string Key, DateTimeOffset CreatedAt)
{
    /// <summary>The run's pinned FQID.</summary>
    public string? Fqid { get; init; }

    /// <summary>Where the records are, as an operator lists them (<c>s3://warehouse/quarantine/finance/gdp/invoice/…/batch-000001-….ndjson</c>).</summary>
    public string? Location { get; init; }

    /// <summary>Where their manifest (one line of reasons per record) is.</summary>
    public string? ManifestLocation { get; init; }
}

/// <summary>Body of <c>POST /v1/schema/sync/metadata</c> (the runbook's metadata-sync recovery).</summary>
/// <param name="RunId">The run whose lineage is re-derived.</param>
public sealed record MetadataSyncRequest(string? RunId);

/// <summary>Lineage: the runs that match, and for impact analysis the pipelines that ran on a subject and which versions.</summary>
/// <param name="Pipelines">Per pipeline: the versions it ran on, how many runs, the last one.</param>
/// <param name="Runs">The lineage records, newest first.</param>
public sealed record LineageResponse(IReadOnlyList<LineagePipelineItem> Pipelines, IReadOnlyList<RunResponse> Runs);

/// <summary>One pipeline in a lineage answer.</summary>
/// <param name="PipelineId">Pipeline.</param>
/// <param name="Versions">FQIDs its runs pinned, newest version first.</param>
/// <param name="Runs">Runs counted.</param>
/// <param name="LastRunAt">Start of its newest run.</param>
/// <param name="LastStatus">Status of its newest run.</param>
public sealed record LineagePipelineItem(string PipelineId, IReadOnlyList<string> Versions, int Runs, DateTimeOffset LastRunAt, string LastStatus);

/// <summary>
/// Body of <c>POST /v1/runs/{run_id}/reports</c>: a batch validated inside the pipeline worker by the SDK (same
/// engine), reported for the run's lineage and drift cases. Sending the same batch number again is refused with
/// REG-1002, so a spooled report can be re-sent safely.
/// </summary>
/// <param name="Batch">The batch's number in the run (the next one).</param>
/// <param name="Format">ndjson, csv or parquet.</param>
/// <param name="Records">Records read.</param>
/// <param name="Valid">Passed as they were.</param>
/// <param name="Invalid">Broke a value rule.</param>
/// <param name="Drifted">Drifted, not let through.</param>
/// <param name="Rescued">Passed after rescue.</param>
/// <param name="Quarantined">Sent to the worker's quarantine.</param>
/// <param name="DurationMs">Validation time.</param>
/// <param name="Failed">True when the drift policy failed the batch.</param>
/// <param name="Drift">Its drift, by kind.</param>
/// <param name="Quarantine">Where the worker put the quarantined records.</param>
public sealed record BatchReportRequest(int Batch, string? Format, long Records, long Valid, long Invalid, long Drifted, long Rescued, long Quarantined,
    double DurationMs, bool Failed, DriftSummary? Drift, string? Quarantine)
{
    /// <summary>The validation stage of the batch (<c>pre_job</c>, <c>post_transform</c>…; see the pipeline's validation timing).</summary>
    public string? Stage { get; init; }
}

/// <summary>
/// Body of <c>POST /v1/runs/{run_id}/heartbeat</c>, optional: a heartbeat is its own message (the run is alive), so
/// it has no fields yet; <c>{}</c> or no body.
/// </summary>
public sealed record HeartbeatRequest();
