using SchemaRegistry.Wire;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Validates a batch of a run as it streams in: against the version the run pinned, with drift detection, under
/// the pipeline's drift policy. Quarantined records (CSV rows as they arrived, under their header) are spooled to local files and then stored in the blob store;
/// the batch, its drift and its events are recorded in one transaction.
/// </summary>
internal sealed class BatchService(IRegistryStorage storage, QuarantineStore quarantine, PipelineService pipelines, DataContractCache contracts, Hosting.RegistryOptions options,
    SpoolDirectory spools, TimeProvider time)
{
    /// <param name="beforeCommit">
    /// Called once the batch is validated, before its quarantine is stored, and again before it is recorded: it
    /// throws to refuse the batch (a key revoked while the body streamed), and then nothing of it is kept.
    /// </param>
    /// <param name="stage">The validation stage the job says the batch is (<c>pre_job</c>, <c>post_transform</c>…), or null.</param>
    public async Task<BatchResponse> ValidateAsync(string runId, string? contentType, string? stage, Stream body, Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        CheckStage(stage);
        var run = await pipelines.LoadRunAsync(runId, cancellationToken);
        if (run.Status != RunStatus.Running)
        {
            throw new RegistryException(RegistryError.Transition($"Run {run.RunId} is {WireNames.Of(run.Status)}; it takes no more batches."));
        }
        var format = RecordReaders.FromContentType(contentType)
            ?? throw new RegistryException(new RegistryError(ErrorCode.UnsupportedMediaType, ErrorKind.UnsupportedMediaType, "Unsupported batch format",
                "Send a batch as application/x-ndjson, text/csv or application/vnd.apache.parquet."));
        var record = await storage.Schemas.GetAsync(run.Fqid, cancellationToken)
            ?? throw new RegistryException(RegistryError.NotFound($"Schema {run.Fqid}"));
        var contract = await contracts.GetAsync(record, cancellationToken);
        var deprecated = record.State == SchemaState.Deprecated;
        var batchNumber = run.Counts.Batches + 1;
        using var spool = spools.CreateFolder();
        var budget = options.BatchTimeBudgetSeconds > 0 ? TimeSpan.FromSeconds(options.BatchTimeBudgetSeconds) : (TimeSpan?)null;
        var summary = await ValidateToSpoolAsync(format, body, contract, run.DriftPolicy, spool, budget, cancellationToken);
        if (beforeCommit is not null)
        {
            await beforeCommit(cancellationToken);
        }
        string? quarantineKey = null;
        if (summary.Quarantined > 0)
        {
            quarantineKey = await quarantine.StoreBatchAsync(run, batchNumber, spool, QuarantineKeys.RecordsSuffixOf(WireNames.Of(format)), cancellationToken);
        }
        if (beforeCommit is not null)
        {
            try
            {
                await beforeCommit(cancellationToken);
            }
            catch (RegistryException) when (quarantineKey is not null)
            {
                await quarantine.DeleteBatchAsync(quarantineKey);
                throw;
            }
        }
        var failed = summary.Failed || (deprecated && run.DriftPolicy == DriftPolicy.Fail);
        var now = time.GetUtcNow();
        var observation = Observe(run, summary, deprecated);
        var events = Events(run, batchNumber, summary, observation, failed, now);
        var counts = new RunCounts(1, summary.Records, summary.Valid, summary.Invalid, summary.Drifted, summary.Rescued, summary.Quarantined);
        var batch = new RunBatch(run.RunId, batchNumber, WireNames.Of(format), counts, failed, quarantineKey, 0,
            summary.Duration.TotalMilliseconds, now, stage);
        long? caseId;
        try
        {
            caseId = await storage.Pipelines.RecordBatchAsync(batch, observation, events, cancellationToken);
        }
        catch (StoreConflictException e)
        {
            throw new RegistryException(new RegistryError(ErrorCode.ConcurrentChange, ErrorKind.Conflict, "Batch not recorded",
                $"{e.Message} Send the batch again."));
        }
        Metrics.PipelineMetrics.Observe(summary, failed, observation is not null);
        return BatchReports.ToResponse(summary, run.RunId, batchNumber, run.Fqid.ToString(), quarantineKey, caseId, deprecated, failed);
    }

    /// <summary>Records a batch the SDK validated in the pipeline worker: counts, drift and events as for a streamed batch.</summary>
    public async Task<BatchResponse> RecordReportAsync(string runId, BatchReportRequest report, CancellationToken cancellationToken)
    {
        CheckStage(report.Stage);
        var run = await pipelines.LoadRunAsync(runId, cancellationToken);
        if (report.Batch <= run.Counts.Batches)
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Batch already recorded",
                $"Batch {report.Batch} of run {run.RunId} is already recorded."));
        }
        if (run.Status != RunStatus.Running)
        {
            throw new RegistryException(RegistryError.Transition($"Run {run.RunId} is {WireNames.Of(run.Status)}; it takes no more batches."));
        }
        if (report.Batch != run.Counts.Batches + 1 || Math.Min(Math.Min(report.Records, report.Valid), Math.Min(Math.Min(report.Invalid, report.Drifted), Math.Min(report.Rescued, report.Quarantined))) < 0
            || report.Valid + report.Invalid + report.Drifted + report.Rescued != report.Records || report.Quarantined > report.Invalid + report.Drifted)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Inconsistent report",
                $"batch must be {run.Counts.Batches + 1}; counts must be non-negative, valid + invalid + drifted + rescued = records, quarantined ≤ invalid + drifted."));
        }
        var record = await storage.Schemas.GetAsync(run.Fqid, cancellationToken);
        var deprecated = record?.State == SchemaState.Deprecated;
        var fields = new List<DriftCaseField>();
        foreach (var (kind, items) in new[] { (DriftKind.NewField, report.Drift?.NewFields), (DriftKind.MissingField, report.Drift?.MissingFields), (DriftKind.TypeChange, report.Drift?.TypeChanges) })
        {
            fields.AddRange((items ?? []).Select(f => new DriftCaseField(f.Path, kind, f.Count, run.RunId, f.FirstRecord, f.Samples.Take(DriftReport.MaxSamples).ToList(), f.InferredType)));
        }
        if (deprecated)
        {
            fields.Add(new DriftCaseField(run.Fqid.ToString(), DriftKind.VersionDeprecated, 1, run.RunId, 0, [], null));
        }
        var observation = fields.Count == 0 ? null : new DriftObservation(run.Fqid.Subject, run.RunId, fields);
        var failed = report.Failed || (deprecated && run.DriftPolicy == DriftPolicy.Fail);
        var now = time.GetUtcNow();
        var summary = new BatchSummary(report.Records, report.Valid, report.Invalid, report.Drifted, report.Rescued, report.Quarantined, new DriftReport(), [],
            TimeSpan.FromMilliseconds(report.DurationMs), failed, []);
        var counts = new RunCounts(1, report.Records, report.Valid, report.Invalid, report.Drifted, report.Rescued, report.Quarantined);
        var batch = new RunBatch(run.RunId, report.Batch, "sdk:" + (report.Format ?? "ndjson"), counts, failed, null, 0, report.DurationMs, now, report.Stage);
        long? caseId;
        try
        {
            caseId = await storage.Pipelines.RecordBatchAsync(batch, observation, Events(run, report.Batch, summary, observation, failed, now), cancellationToken);
        }
        catch (StoreConflictException e)
        {
            throw new RegistryException(new RegistryError(ErrorCode.ConcurrentChange, ErrorKind.Conflict, "Batch not recorded", $"{e.Message} Send the report again."));
        }
        Metrics.PipelineMetrics.Observe(summary, failed, observation is not null);
        return new BatchResponse(run.RunId, report.Batch, run.Fqid.ToString(), report.Records, report.Valid, report.Invalid, report.Drifted, report.Rescued,
            report.Quarantined, summary.PassRate, report.DurationMs, summary.RecordsPerSecond, failed,
            failed ? ErrorCode.DriftDetected : report.Quarantined > 0 ? ErrorCode.BatchValidationFailed : null,
            report.Drift ?? new DriftSummary([], [], [], deprecated), [], [], report.Quarantine, caseId);
    }

    private static void CheckStage(string? stage)
    {
        if (stage is not null && !ValidationStages.IsStage(stage))
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid stage",
                "stage must be pre_job, post_transform, on_invocation or build_time (a pre_and_post pipeline sends one batch of each of the first two)."));
        }
    }

    internal static async Task<BatchSummary> ValidateToSpoolAsync(DataFormat format, Stream body, DataContract contract, DriftPolicy policy,
        SpoolFolder spool, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var source = body;
        FileStream? copy = null;
        try
        {
            if (format == DataFormat.Parquet)
            {
                // The footer is at the end: a Parquet body is spooled to disk so the reader can seek.
                copy = spool.Create("body.parquet");
                await body.CopyToAsync(copy, 1 << 16, cancellationToken);
                copy.Position = 0;
                source = copy;
            }
            await using var reader = await OpenAsync(format, source, contract, cancellationToken);
            await using var records = spool.Create("records.ndjson");
            await using var manifest = spool.Create("manifest.ndjson");
            var classifier = contract.Classifier(policy);
            BatchSummary summary;
            await using (var quarantine = new QuarantineWriter(records, manifest))
            {
                summary = await BatchValidator.ValidateAsync(reader, classifier, contract.Shape, quarantine, null, null, budget, cancellationToken);
            }
            return summary;
        }
        catch (BatchTimeBudgetExceededException e)
        {
            // Nothing of the batch is recorded or uploaded: the sender still holds every record and can send them again.
            throw new RegistryException(new RegistryError(ErrorCode.BatchOverTimeBudget, ErrorKind.Unprocessable, "Batch over its time budget",
                e.Message + " (Registry:BatchTimeBudgetSeconds)"));
        }
        catch (Exception e) when (e is RecordTooLargeException or CsvFormatException or ParquetFormatException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.BatchValidationFailed, ErrorKind.Unprocessable, "Batch unreadable", e.Message));
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    private static async Task<IRecordReader> OpenAsync(DataFormat format, Stream source, DataContract contract, CancellationToken cancellationToken)
    {
        try
        {
            return await RecordReaders.OpenAsync(format, source, contract.Shape.TopLevelKinds, cancellationToken);
        }
        catch (Exception e) when (e is CsvFormatException or ParquetFormatException or IOException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.BatchValidationFailed, ErrorKind.Unprocessable, "Batch unreadable", e.Message));
        }
    }

    private static DriftObservation? Observe(RunRecord run, BatchSummary summary, bool deprecated)
    {
        var fields = summary.Drift.Fields
            .Select(f => new DriftCaseField(f.Path, f.Kind, f.Count, run.RunId, f.FirstRecord, f.Samples.ToList(), f.InferredType))
            .ToList();
        if (deprecated)
        {
            fields.Add(new DriftCaseField(run.Fqid.ToString(), DriftKind.VersionDeprecated, 1, run.RunId, 0, [], null));
        }
        return fields.Count == 0 ? null : new DriftObservation(run.Fqid.Subject, run.RunId, fields);
    }

    private static List<OutboxEvent> Events(RunRecord run, int batch, BatchSummary summary, DriftObservation? drift, bool failed, DateTimeOffset now)
    {
        var events = new List<OutboxEvent>();
        if (drift is not null)
        {
            events.Add(EventFactory.SchemaDriftDetected(run, batch, summary.Drifted, summary.Quarantined, drift, now));
        }
        if (failed)
        {
            events.Add(EventFactory.PipelineFailed(run, ErrorCode.DriftDetected, batch, "Drift failed the batch under the fail policy.", now));
        }
        return events;
    }
}
