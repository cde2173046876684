using SchemaRegistry.Core.Checks;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>Pipeline contracts and the life of a run: start (pin the version), complete (lineage).</summary>
internal sealed class PipelineService(IRegistryStorage storage, Layers layers, TimeProvider time)
{
    public async Task<PipelineResponse> RegisterAsync(PipelineRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pipeline = Build(request, request.PipelineId, now, now, allowMajor: false);
        try
        {
            await storage.Pipelines.AddPipelineAsync(pipeline, cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Pipeline exists",
                $"Pipeline {pipeline.PipelineId} is already registered; PUT /v1/pipelines/{pipeline.PipelineId} changes it."));
        }
        return PipelineMapper.ToResponse(pipeline);
    }

    public async Task<PipelineResponse> UpdateAsync(string pipelineId, PipelineRequest request, CancellationToken cancellationToken)
    {
        var current = await LoadPipelineAsync(pipelineId, cancellationToken);
        var pipeline = Build(request, pipelineId, current.CreatedAt, time.GetUtcNow(), current.AllowMajor);
        if (!await storage.Pipelines.UpdatePipelineAsync(pipeline, cancellationToken))
        {
            throw new RegistryException(RegistryError.NotFound($"Pipeline {pipelineId}"));
        }
        return PipelineMapper.ToResponse(pipeline);
    }

    public async Task<PipelineResponse> GetAsync(string pipelineId, CancellationToken cancellationToken) =>
        PipelineMapper.ToResponse(await LoadPipelineAsync(pipelineId, cancellationToken));

    public async Task<List<PipelineResponse>> ListAsync(CancellationToken cancellationToken) =>
        (await storage.Pipelines.ListPipelinesAsync(cancellationToken)).Select(PipelineMapper.ToResponse).ToList();

    /// <summary>
    /// Starts a run of a declared pipeline, pinning the exact published version (an alias is resolved here, once)
    /// and its content hash: every batch of the run is checked against that version.
    /// </summary>
    public async Task<RunResponse> StartRunAsync(StartRunRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var pipelineId = PipelineIds.Check(request.PipelineId, "pipeline_id");
        var runId = request.RunId is null ? "run-" + Guid.NewGuid().ToString("N")[..20] : PipelineIds.Check(request.RunId, "run_id");
        TextLimits.Check(request.OutputPath, "output_path", TextLimits.Location);
        var pipeline = await storage.Pipelines.GetPipelineAsync(pipelineId, cancellationToken)
            ?? throw new RegistryException(new RegistryError(ErrorCode.PipelineUndeclared, ErrorKind.NotFound, "Pipeline not declared",
                $"Pipeline {pipelineId} is not registered: a run must belong to a pipeline that declares its schema (POST /v1/pipelines)."));
        var fqid = pipeline.Schema.Exact ?? await storage.Schemas.ResolveAsync(pipeline.Schema.Subject, pipeline.Schema.Major, cancellationToken)
            ?? throw Blocked($"{pipeline.Schema} has no published version to run against.");
        var record = await storage.Schemas.GetAsync(fqid, cancellationToken) ?? throw Blocked($"{fqid} does not exist.");
        if (record.State != SchemaState.Published)
        {
            throw Blocked($"{fqid} is {WireNames.Of(record.State)}; a run needs a published version.");
        }
        if (pipeline.Schema is { Exact: null, Major: null } && !pipeline.AllowMajor)
        {
            var lastSuccessful = (await storage.Pipelines.ListRunsAsync(
                new RunQuery(PipelineId: pipeline.PipelineId, Limit: 1, Statuses: [RunStatus.Succeeded, RunStatus.CompletedWithQuarantine]), cancellationToken))
                .FirstOrDefault();
            if (RunStartRules.MajorJump(pipeline, fqid, lastSuccessful?.Fqid) is { } jump)
            {
                throw Blocked(jump);
            }
        }
        var now = time.GetUtcNow();
        var run = new RunRecord(runId, pipelineId, fqid, record.ContentHash, pipeline.DriftPolicy, RunStatus.Running, request.OutputPath,
            actor.Name, now, null, RunCounts.Zero, null, null);
        try
        {
            await storage.Pipelines.StartRunAsync(run, [EventFactory.RunStarted(run)], cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Run exists", $"Run {runId} was already started."));
        }
        return PipelineMapper.ToResponse(run);
    }

    /// <summary>A running run's sign of life between batches (a long transform): it keeps the run from being abandoned.</summary>
    public async Task<RunResponse> HeartbeatAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        if (!await storage.Pipelines.TouchRunAsync(run.RunId, time.GetUtcNow(), cancellationToken))
        {
            var current = await LoadRunAsync(runId, cancellationToken);
            throw new RegistryException(RegistryError.Transition($"Run {run.RunId} is {WireNames.Of(current.Status)}; only a running run takes heartbeats."));
        }
        return PipelineMapper.ToResponse(run);
    }

    public async Task<RunResponse> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        return PipelineMapper.ToResponse(run, await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken));
    }

    public Task<List<RunResponse>> ListRunsAsync(string? pipelineId, string? schema, int? limit, CancellationToken cancellationToken) =>
        ListRunsAsync(pipelineId, schema, limit, null, cancellationToken);

    /// <summary>Runs newest first; with <paramref name="afterRunId"/>, the page that follows that run (a keyset cursor).</summary>
    public async Task<List<RunResponse>> ListRunsAsync(string? pipelineId, string? schema, int? limit, string? afterRunId, CancellationToken cancellationToken)
    {
        SubjectName? subject = null;
        Fqid? fqid = null;
        if (!string.IsNullOrEmpty(schema))
        {
            if (schema.Contains(':', StringComparison.Ordinal))
            {
                fqid = Fqid.TryParse(schema, layers, out var parsed, out var error) ? parsed : throw new RegistryException(RegistryError.Envelope(error));
            }
            else
            {
                subject = SubjectName.TryParse(schema, layers, out var parsed, out var error) ? parsed : throw new RegistryException(RegistryError.Envelope(error));
            }
        }
        RunCursor? after = null;
        if (!string.IsNullOrEmpty(afterRunId))
        {
            var last = await LoadRunAsync(afterRunId, cancellationToken);
            after = new RunCursor(last.StartedAt, last.RunId);
        }
        var runs = await storage.Pipelines.ListRunsAsync(new RunQuery(pipelineId, subject, fqid, Math.Clamp(limit ?? 100, 1, 1000), After: after), cancellationToken);
        return runs.Select(r => PipelineMapper.ToResponse(r)).ToList();
    }

    /// <summary>
    /// Completes a run: its status follows from its batches unless the job reports its own failure; the run row is
    /// the lineage record (pipeline, pinned FQID, output path, status, validation result, counts, timing).
    /// </summary>
    public async Task<RunResponse> CompleteRunAsync(string runId, CompleteRunRequest request, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        if (request.Status is not (null or "failed" or "success"))
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid status",
                "status must be omitted (the registry decides from the batches), success or failed."));
        }
        var batches = await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken);
        TextLimits.Check(request.Error, "error", TextLimits.Comment);
        TextLimits.Check(request.OutputPath, "output_path", TextLimits.Location);
        var jobFailed = request.Status == "failed";
        var batchFailed = batches.Any(b => b.Failed);
        var status = jobFailed || batchFailed ? RunStatus.Failed
            : run.Counts.Quarantined > 0 ? RunStatus.CompletedWithQuarantine
            : RunStatus.Succeeded;
        var result = status == RunStatus.Failed ? "fail" : run.Counts.Quarantined > 0 ? "partial" : "pass";
        var reason = jobFailed ? $"{ErrorCode.InvocationError}: {request.Error ?? "the job reported a failure"}"
            : batchFailed ? $"{ErrorCode.DriftDetected}: drift failed batch {batches.First(b => b.Failed).BatchNumber} under the fail policy"
            : null;
        var timing = (await storage.Pipelines.GetPipelineAsync(run.PipelineId, cancellationToken))?.ValidationTiming ?? ValidationTiming.PreJob;
        var flags = ValidationStages.MissingFlags(timing, batches.Select(b => b.Stage));
        var now = time.GetUtcNow();
        var outputPath = request.OutputPath ?? run.OutputPath;
        var events = new List<OutboxEvent> { EventFactory.RunCompleted(run, status, result, outputPath, reason, timing, flags, now) };
        if (status == RunStatus.Failed)
        {
            events.Add(EventFactory.PipelineFailed(run, jobFailed ? ErrorCode.InvocationError : ErrorCode.DriftDetected, null, reason, now));
        }
        else if (result == "pass")
        {
            events.Add(EventFactory.RunValidated(run, now));
        }
        if (!await storage.Pipelines.CompleteRunAsync(run.RunId, status, now, outputPath, result, reason, flags, events, cancellationToken))
        {
            throw new RegistryException(RegistryError.Transition($"Run {run.RunId} is already {WireNames.Of(run.Status)}."));
        }
        Metrics.PipelineMetrics.RunCompleted(WireNames.Of(status));
        return await GetRunAsync(run.RunId, cancellationToken);
    }

    public async Task<RunRecord> LoadRunAsync(string runId, CancellationToken cancellationToken) =>
        await storage.Pipelines.GetRunAsync(PipelineIds.Check(runId, "run_id"), cancellationToken)
        ?? throw new RegistryException(RegistryError.NotFound($"Run {runId}"));

    private async Task<Pipeline> LoadPipelineAsync(string pipelineId, CancellationToken cancellationToken) =>
        await storage.Pipelines.GetPipelineAsync(PipelineIds.Check(pipelineId, "pipeline_id"), cancellationToken)
        ?? throw new RegistryException(RegistryError.NotFound($"Pipeline {pipelineId}"));

    private Pipeline Build(PipelineRequest request, string? pipelineId, DateTimeOffset createdAt, DateTimeOffset now, bool allowMajor)
    {
        var id = PipelineIds.Check(pipelineId, "pipeline_id");
        if (request.PipelineId is { } named && named != id)
        {
            throw Invalid($"pipeline_id '{SubjectName.Printable(named)}' does not match the URL's {id}.");
        }
        if (string.IsNullOrEmpty(request.Layer) || !layers.Contains(request.Layer))
        {
            throw Invalid($"layer must be one of {string.Join(", ", layers.Names)}.");
        }
        if (string.IsNullOrEmpty(request.Fqid))
        {
            throw new RegistryException(new RegistryError(ErrorCode.PipelineUndeclared, ErrorKind.Unprocessable, "Schema not declared",
                "A pipeline must declare the schema it runs on (fqid: an FQID or an alias such as finance.gdp.invoice:latest)."));
        }
        if (!SchemaSelector.TryParse(request.Fqid, layers, out var selector, out var error))
        {
            throw new RegistryException(RegistryError.Envelope(error));
        }
        // The seed's contract table: a GDP job validates before the job and after the transform, a KPI job at build time…
        var timing = ValidationStages.DefaultFor(request.Layer);
        if (request.ValidationTiming is not null && !WireNames.TryParseIgnoringCase(request.ValidationTiming, out timing))
        {
            throw Invalid("validation_timing must be on_invocation, pre_job, post_transform, pre_and_post or build_time.");
        }
        var policy = DriftPolicy.Quarantine;
        if (request.DriftPolicy is not null && !WireNames.TryParseIgnoringCase(request.DriftPolicy, out policy))
        {
            throw Invalid("drift_policy must be quarantine, fail, rescue or allow.");
        }
        var owner = string.IsNullOrWhiteSpace(request.Owner) ? selector.Subject.Domain : TextLimits.Check(request.Owner.Trim(), "owner", TextLimits.Label)!;
        return new Pipeline(id, request.Layer, selector, timing, policy, owner, createdAt, now, request.AllowMajor ?? allowMajor);
    }

    private static RegistryException Blocked(string detail) =>
        new(new RegistryError(ErrorCode.RunBlocked, ErrorKind.Conflict, "Run blocked", detail));

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid pipeline", detail));
}
