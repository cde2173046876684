using SchemaRegistry.Wire;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// The quarantine of a batch a pipeline worker validated itself (the .NET SDK, the Python client): the worker reports
/// the batch's counts, then sends the records it quarantined (NDJSON, exactly as they arrived; for a batch reported as
/// CSV, CSV: the header and the rows as they arrived). The registry does not
/// take the worker's word for what is bad: it validates them again against the run's pinned version and stores those
/// that fail here, with its own manifest of reasons, where it stores every other quarantine. Records that pass here
/// are not stored; the answer counts them, so a worker whose engine disagrees shows up.
/// </summary>
internal sealed class QuarantineUploads(IRegistryStorage storage, QuarantineStore quarantine, PipelineService pipelines, DataContractCache contracts,
    Hosting.RegistryOptions options, SpoolDirectory spools, TimeProvider time)
{
    public async Task<BatchResponse> UploadAsync(string runId, int batchNumber, string? contentType, Stream body, Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var run = await pipelines.LoadRunAsync(runId, cancellationToken);
        var batch = (await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken)).FirstOrDefault(b => b.BatchNumber == batchNumber)
            ?? throw new RegistryException(RegistryError.NotFound($"Batch {batchNumber} of run {run.RunId} (report it first: POST /v1/runs/{run.RunId}/reports)"));
        if (batch.QuarantineKey is not null || !batch.Format.StartsWith("sdk:", StringComparison.Ordinal))
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Quarantine already stored",
                $"Batch {batchNumber} of run {run.RunId} already has its quarantine in the registry."));
        }
        var csv = batch.Format == "sdk:csv";
        var format = csv ? DataFormat.Csv : DataFormat.Ndjson;
        if (RecordReaders.FromContentType(contentType) != format)
        {
            throw new RegistryException(new RegistryError(ErrorCode.UnsupportedMediaType, ErrorKind.UnsupportedMediaType, "Unsupported quarantine format",
                csv
                    ? $"Batch {batchNumber} was reported as CSV: send its quarantined rows as text/csv, the header row first, each row as it arrived."
                    : "Send the quarantined records as application/x-ndjson, one record per line as it arrived."));
        }
        var record = await storage.Schemas.GetAsync(run.Fqid, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Schema {run.Fqid}"));
        var contract = await contracts.GetAsync(record, cancellationToken);
        using var spool = spools.CreateFolder();
        var budget = options.BatchTimeBudgetSeconds > 0 ? TimeSpan.FromSeconds(options.BatchTimeBudgetSeconds) : (TimeSpan?)null;
        var summary = await BatchService.ValidateToSpoolAsync(format, body, contract, run.DriftPolicy, spool, budget, cancellationToken);
        if (beforeCommit is not null)
        {
            await beforeCommit(cancellationToken);
        }
        string? key = null;
        if (summary.Quarantined > 0)
        {
            key = await quarantine.StoreBatchAsync(run, batchNumber, spool, QuarantineKeys.RecordsSuffixOf(batch.Format), cancellationToken);
            var uploaded = EventFactory.QuarantineUploaded(run, batchNumber, key, summary.Records, summary.Quarantined, time.GetUtcNow());
            if (!await storage.Pipelines.AttachQuarantineAsync(run.RunId, batchNumber, key, [uploaded], cancellationToken))
            {
                await quarantine.DeleteBatchAsync(key);
                throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Quarantine already stored",
                    $"Batch {batchNumber} of run {run.RunId} got its quarantine from another request first."));
            }
        }
        return BatchReports.ToResponse(summary, run.RunId, batchNumber, run.Fqid.ToString(), key, null, false, false);
    }
}
