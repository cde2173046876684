using System.Net.Http.Headers;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>Pipelines, runs, batches, drift cases and the quarantine.</summary>
public sealed partial class RegistryClient
{
    /// <summary>Registers a pipeline contract.</summary>
    public Task<PipelineResponse> RegisterPipelineAsync(PipelineRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<PipelineResponse>(HttpMethod.Post, "v1/pipelines", request, cancellationToken);

    /// <summary>Changes a pipeline contract.</summary>
    public Task<PipelineResponse> UpdatePipelineAsync(string pipelineId, PipelineRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<PipelineResponse>(HttpMethod.Put, $"v1/pipelines/{Escape(pipelineId)}", request, cancellationToken);

    /// <summary>One pipeline's contract.</summary>
    public Task<PipelineResponse> GetPipelineAsync(string pipelineId, CancellationToken cancellationToken = default) =>
        SendAsync<PipelineResponse>(HttpMethod.Get, $"v1/pipelines/{Escape(pipelineId)}", null, cancellationToken);

    /// <summary>Lists pipelines.</summary>
    public Task<List<PipelineResponse>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<PipelineResponse>>(HttpMethod.Get, "v1/pipelines", null, cancellationToken);

    /// <summary>Starts a run, pinning the pipeline's schema version.</summary>
    public Task<RunResponse> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<RunResponse>(HttpMethod.Post, "v1/runs", request, cancellationToken);

    /// <summary>Streams a batch (NDJSON, CSV or Parquet, by <paramref name="contentType"/>) to a run for validation.</summary>
    public Task<BatchResponse> SendBatchAsync(string runId, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(content, 1 << 16);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendContentAsync<BatchResponse>(HttpMethod.Post, $"v1/runs/{Escape(runId)}/batches", body, cancellationToken);
    }

    /// <summary>
    /// Streams a batch of a validation stage (<c>pre_job</c>, <c>post_transform</c>…, as the pipeline's timing asks; a
    /// <c>pre_and_post</c> run completed without one of them is flagged).
    /// </summary>
    public Task<BatchResponse> SendStagedBatchAsync(string runId, Stream content, string contentType, string? stage, CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(content, 1 << 16);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var path = $"v1/runs/{Escape(runId)}/batches" + (stage is null ? "" : $"?stage={Escape(stage)}");
        return SendContentAsync<BatchResponse>(HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>Reports a batch validated in the pipeline worker (REG-1002 when that batch number is already recorded).</summary>
    public Task<BatchResponse> ReportBatchAsync(string runId, BatchReportRequest report, CancellationToken cancellationToken = default) =>
        SendAsync<BatchResponse>(HttpMethod.Post, $"v1/runs/{Escape(runId)}/reports", report, cancellationToken);

    /// <summary>
    /// Sends the records a worker quarantined in batch <paramref name="batch"/> (already reported), as NDJSON or CSV: the registry
    /// validates them again and stores those that fail in its quarantine (REG-1002 when that batch's quarantine is there already).
    /// The body's <c>mediaType</c> is <c>text/csv</c> for a batch reported as CSV (its header row, then the quarantined rows as
    /// they arrived), <c>application/x-ndjson</c> otherwise.
    /// </summary>
    public Task<BatchResponse> UploadQuarantineAsync(string runId, int batch, Stream records, string mediaType = "application/x-ndjson",
        CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(records, 1 << 16);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return SendContentAsync<BatchResponse>(HttpMethod.Post, $"v1/runs/{Escape(runId)}/batches/{batch}/quarantine", body, cancellationToken);
    }

    /// <summary>Tells the registry a running run is alive between batches, so it is not abandoned.</summary>
    public Task<RunResponse> HeartbeatAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync<RunResponse>(HttpMethod.Post, $"v1/runs/{Escape(runId)}/heartbeat", null, cancellationToken);

    /// <summary>Quarantined batches of a subject (or of all) between two days (<c>2025-10-07</c>, both included) or instants, newest first.</summary>
    public Task<List<QuarantineItem>> ListQuarantineBySubjectAsync(string? subject, string? from, string? to, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = $"v1/quarantine?limit={limit}" + (subject is null ? "" : $"&subject={Escape(subject)}") + (from is null ? "" : $"&from={Escape(from)}")
            + (to is null ? "" : $"&to={Escape(to)}");
        return SendAsync<List<QuarantineItem>>(HttpMethod.Get, query, null, cancellationToken);
    }

    /// <summary>Completes a run (its lineage record).</summary>
    public Task<RunResponse> CompleteRunAsync(string runId, CompleteRunRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<RunResponse>(HttpMethod.Post, $"v1/runs/{Escape(runId)}/complete", request, cancellationToken);

    /// <summary>A run with its batches.</summary>
    public Task<RunResponse> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync<RunResponse>(HttpMethod.Get, $"v1/runs/{Escape(runId)}", null, cancellationToken);

    /// <summary>Runs (lineage), newest first: of a pipeline, of any version of a subject, or of one FQID.</summary>
    public Task<List<RunResponse>> ListRunsAsync(string? pipelineId = null, string? schema = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = $"v1/runs?limit={limit}" + (pipelineId is null ? "" : $"&pipeline_id={Escape(pipelineId)}") + (schema is null ? "" : $"&schema={Escape(schema)}");
        return SendAsync<List<RunResponse>>(HttpMethod.Get, query, null, cancellationToken);
    }

    /// <summary>Drift cases, newest first.</summary>
    public Task<List<DriftCaseResponse>> ListDriftCasesAsync(string? subject = null, string? status = null, CancellationToken cancellationToken = default)
    {
        var query = "v1/drift?" + (subject is null ? "" : $"subject={Escape(subject)}&") + (status is null ? "" : $"status={Escape(status)}");
        return SendAsync<List<DriftCaseResponse>>(HttpMethod.Get, query.TrimEnd('&', '?'), null, cancellationToken);
    }

    /// <summary>Acknowledges an open drift case.</summary>
    public Task<DriftCaseResponse> AcknowledgeDriftAsync(long id, string? comment = null, CancellationToken cancellationToken = default) =>
        SendAsync<DriftCaseResponse>(HttpMethod.Post, $"v1/drift/{id}/ack", new DriftActionRequest(comment), cancellationToken);

    /// <summary>The next version a drift case asks for, with its compatibility report (nothing is registered).</summary>
    public Task<DriftProposalResponse> ProposeDriftVersionAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<DriftProposalResponse>(HttpMethod.Get, $"v1/drift/{id}/proposal", null, cancellationToken);

    /// <summary>A run's quarantined batches.</summary>
    public Task<List<QuarantineItem>> ListQuarantineAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync<List<QuarantineItem>>(HttpMethod.Get, $"v1/quarantine?run_id={Escape(runId)}", null, cancellationToken);

    /// <summary>
    /// Copies a quarantined batch's records as they were stored (or, with <paramref name="manifest"/>, why each one was
    /// quarantined) to <paramref name="destination"/>; <paramref name="key"/> is a key <see cref="ListQuarantineAsync"/> lists.
    /// Returns the bytes copied.
    /// </summary>
    public async Task<long> DownloadQuarantineAsync(string key, bool manifest, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/quarantine/records?key={Escape(key)}&manifest={(manifest ? "true" : "false")}");
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryApiException(await ReadProblemAsync(response, cancellationToken));
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var before = destination.CanSeek ? destination.Position : 0;
        await body.CopyToAsync(destination, cancellationToken);
        return destination.CanSeek ? destination.Position - before : -1;
    }

    /// <summary>Re-validates a run's quarantine against a version and releases what now passes.</summary>
    public Task<QuarantineReplayResponse> ReplayQuarantineAsync(QuarantineReplayRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<QuarantineReplayResponse>(HttpMethod.Post, "v1/quarantine/replay", request, cancellationToken);

    /// <summary>Deletes quarantines older than a number of days.</summary>
    public Task<QuarantinePurgeResponse> PurgeQuarantineAsync(int? olderThanDays, CancellationToken cancellationToken = default) =>
        SendAsync<QuarantinePurgeResponse>(HttpMethod.Post, "v1/quarantine/purge", new QuarantinePurgeRequest(olderThanDays), cancellationToken);

    /// <summary>Lineage by schema (a subject or an FQID: impact analysis), by pipeline or by run; give exactly one.</summary>
    public Task<LineageResponse> LineageAsync(string? schema = null, string? pipelineId = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        var query = "v1/lineage?" + (schema is null ? "" : $"schema={Escape(schema)}") + (pipelineId is null ? "" : $"pipeline={Escape(pipelineId)}")
            + (runId is null ? "" : $"run={Escape(runId)}");
        return SendAsync<LineageResponse>(HttpMethod.Get, query, null, cancellationToken);
    }

    /// <summary>Re-derives a run's lineage (the runbook's metadata-sync recovery).</summary>
    public Task<RunResponse> SyncMetadataAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync<RunResponse>(HttpMethod.Post, "v1/schema/sync/metadata", new MetadataSyncRequest(runId), cancellationToken);
}
