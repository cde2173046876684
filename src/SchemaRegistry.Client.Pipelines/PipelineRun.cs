using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Core.References;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client.Pipelines;

/// <summary>
/// A run driven from inside the pipeline worker: started on the registry (which pins the version), then every batch
/// is validated here with the registry's own engine (drift detection, quarantine to local files) and reported for
/// lineage, and its quarantined records are sent to the registry, which validates them again and stores those that fail
/// in its quarantine (beside the server-validated batches'); completing records the run. Schemas come through the <see cref="SchemaResolver"/>, so with a warm cache
/// validation goes on while the registry is down, and reports and the completion are spooled to disk and re-sent.
/// </summary>
public sealed class PipelineRun
{
    private readonly RegistryClient _client;
    private readonly PipelineRunOptions _options;
    private readonly CompiledDataContract _contract;
    private int _batches;

    private PipelineRun(RegistryClient client, PipelineRunOptions options, RunResponse run, CompiledDataContract contract)
    {
        _client = client;
        _options = options;
        Run = run;
        _contract = contract;
        _batches = run.Counts.Batches;
    }

    /// <summary>The run as the registry started it (its pinned FQID).</summary>
    public RunResponse Run { get; }

    /// <summary>The drift policy the run started with.</summary>
    public DriftPolicy Policy => WireNames.TryParse(Run.DriftPolicy, out DriftPolicy policy) ? policy : DriftPolicy.Quarantine;

    /// <summary>Starts a run of a registered pipeline and loads its pinned version (and the versions it references).</summary>
    public static async Task<PipelineRun> StartAsync(RegistryClient client, SchemaResolver resolver, StartRunRequest request,
        PipelineRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = await client.StartRunAsync(request, cancellationToken);
        var contract = await LoadAsync(resolver, client.CanonicalPrefix, run.SchemaFqid, cancellationToken);
        return new PipelineRun(client, options ?? new PipelineRunOptions(), run, contract);
    }

    /// <summary>Compiles a version with everything it references, all fetched through the resolver's cache.</summary>
    public static async Task<CompiledDataContract> LoadAsync(SchemaResolver resolver, string canonicalPrefix, string fqid, CancellationToken cancellationToken)
    {
        var root = (await resolver.ResolveAsync(fqid, cancellationToken)).Schema;
        var referenced = await ReferenceClosure.LoadAsync(root.References, async (next, ct) =>
        {
            var dependency = (await resolver.ResolveAsync(next, ct)).Schema;
            return new ReferencedSchema(dependency.Payload.GetRawText(), dependency.References);
        }, cancellationToken);
        return CompiledDataContract.Compile(root.Payload.GetRawText(), referenced, canonicalPrefix);
    }

    /// <summary>
    /// Validates one batch here, quarantines what does not pass to local files, writes what passes to
    /// <paramref name="passed"/> when given, and reports the batch to the registry (spooled when it is unreachable).
    /// </summary>
    public Task<BatchResponse> ValidateAsync(Stream data, DataFormat format, Stream? passed = null, CancellationToken cancellationToken = default) =>
        ValidateStageAsync(data, format, null, passed, cancellationToken);

    /// <summary>
    /// As <see cref="ValidateAsync"/>, for the validation stage <paramref name="stage"/> the pipeline's timing asks
    /// (<c>pre_job</c>, <c>post_transform</c>…): a <c>pre_and_post</c> run that completes without one of them is flagged.
    /// </summary>
    public async Task<BatchResponse> ValidateStageAsync(Stream data, DataFormat format, string? stage, Stream? passed = null,
        CancellationToken cancellationToken = default)
    {
        var batch = Interlocked.Increment(ref _batches);
        var folder = Path.Combine(_options.QuarantineDirectory, Run.RunId);
        Directory.CreateDirectory(folder);
        var prefix = Path.Combine(folder, $"batch-{batch:D6}");
        // CSV rows are quarantined as they arrived, under their header; other records as NDJSON.
        var recordsFile = prefix + (format == DataFormat.Csv ? ".csv" : ".ndjson");
        BatchSummary summary;
        try
        {
            await using var records = DataFiles.Create(recordsFile);
            await using var manifest = DataFiles.Create(prefix + ".manifest.ndjson");
            await using var reader = await RecordReaders.OpenAsync(format, data, _contract.Shape.TopLevelKinds, cancellationToken);
            await using var quarantine = new QuarantineWriter(records, manifest);
            var classifier = _contract.Classifier(Policy, _options.DetectDrift);
            summary = await BatchValidator.ValidateAsync(reader, classifier, _contract.Shape, quarantine, passed, null, _options.BatchTimeBudget, cancellationToken);
        }
        catch (BatchTimeBudgetExceededException)
        {
            File.Delete(recordsFile);
            File.Delete(prefix + ".manifest.ndjson");
            Interlocked.Decrement(ref _batches);
            throw;
        }
        var quarantineKey = summary.Quarantined > 0 ? prefix : null;
        var response = BatchReports.ToResponse(summary, Run.RunId, batch, Run.SchemaFqid, quarantineKey, null, false, summary.Failed);
        var report = new BatchReportRequest(batch, WireNames.Of(format), summary.Records, summary.Valid, summary.Invalid, summary.Drifted,
            summary.Rescued, summary.Quarantined, summary.Duration.TotalMilliseconds, summary.Failed, response.Drift, quarantineKey) { Stage = stage };
        await SendOrSpoolAsync(report, () => _client.ReportBatchAsync(Run.RunId, report, cancellationToken), cancellationToken);
        if (quarantineKey is not null && _options.UploadQuarantine)
        {
            var upload = new SpooledQuarantine(batch, Path.GetFullPath(recordsFile));
            await SendOrSpoolAsync(upload, () => LineageSpool.UploadAsync(_client, Run.RunId, upload, cancellationToken), cancellationToken);
        }
        return response;
    }

    /// <summary>Completes the run (after re-sending anything spooled); returns null when the completion itself was spooled.</summary>
    public async Task<RunResponse?> CompleteAsync(CompleteRunRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new CompleteRunRequest();
        RunResponse? completed = null;
        await SendOrSpoolAsync(request, async () => completed = await _client.CompleteRunAsync(Run.RunId, request, cancellationToken), cancellationToken);
        return completed;
    }

    /// <summary>Reports and completions still waiting for the registry.</summary>
    public int Spooled => LineageSpool.Pending(_options.SpoolDirectory, Run.RunId);

    private async Task SendOrSpoolAsync(object item, Func<Task> send, CancellationToken cancellationToken)
    {
        try
        {
            if (LineageSpool.Pending(_options.SpoolDirectory, Run.RunId) > 0)
            {
                await LineageSpool.FlushAsync(_client, _options.SpoolDirectory, cancellationToken);
            }
            if (LineageSpool.Pending(_options.SpoolDirectory, Run.RunId) == 0)
            {
                await send();
                return;
            }
        }
        catch (RegistryApiException e) when (e.Status is 0 or >= 500)
        {
        }
        await LineageSpool.SaveAsync(_options.SpoolDirectory, Run.RunId, item, cancellationToken);
    }
}
