using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Pipelines;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Pipelines, runs and batches: pipeline-runner runs; ops-engineer and schema-admin manage contracts.</summary>
internal static class PipelineEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Pipelines").ProducesAuthenticatedErrors();
        group.MapPost("/v1/pipelines", Register).RequirePermission(Permission.ManagePipelines).AcceptsJson<PipelineRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapPut("/v1/pipelines/{pipelineId}", Update).RequirePermission(Permission.ManagePipelines).AcceptsJson<PipelineRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapGet("/v1/pipelines", (PipelineService service, CancellationToken ct) => service.ListAsync(ct)).RequirePermission(Permission.Read);
        group.MapGet("/v1/pipelines/{pipelineId}", (string pipelineId, PipelineService service, CancellationToken ct) => service.GetAsync(pipelineId, ct))
            .RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/runs", Start).RequirePermission(Permission.RunPipelines).AcceptsJson<StartRunRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapGet("/v1/runs", (string? pipeline_id, string? schema, int? limit, PipelineService service, CancellationToken ct) =>
            service.ListRunsAsync(pipeline_id, schema, limit, ct)).RequirePermission(Permission.Read);
        group.MapGet("/v1/runs/{runId}", (string runId, PipelineService service, CancellationToken ct) => service.GetRunAsync(runId, ct))
            .RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/runs/{runId}/batches", Batch).RequirePermission(Permission.RunPipelines)
            .AcceptsBytes("application/x-ndjson", "text/csv", "application/vnd.apache.parquet")
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.TooLarge, ErrorKind.UnsupportedMediaType, ErrorKind.Unprocessable);
        group.MapPost("/v1/runs/{runId}/complete", Complete).RequirePermission(Permission.RunPipelines).AcceptsJson<CompleteRunRequest>(optional: true)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/v1/runs/{runId}/heartbeat", Heartbeat).RequirePermission(Permission.RunPipelines).AcceptsJson<HeartbeatRequest>(optional: true)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/v1/runs/{runId}/batches/{batch}/quarantine", UploadQuarantine).RequirePermission(Permission.RunPipelines)
            .AcceptsBytes("application/x-ndjson")
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.TooLarge, ErrorKind.UnsupportedMediaType, ErrorKind.Unprocessable);
        group.MapPost("/v1/runs/{runId}/reports", Report).RequirePermission(Permission.RunPipelines).AcceptsJson<BatchReportRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapGet("/v1/lineage", (string? schema, string? pipeline, string? run, int? limit, LineageService service, CancellationToken ct) =>
            service.QueryAsync(schema, pipeline, run, limit, ct)).RequirePermission(Permission.Read);
        group.MapPost("/v1/schema/sync/metadata", Sync).RequirePermission(Permission.SyncMetadata).AcceptsJson<MetadataSyncRequest>()
            .ProducesErrors(ErrorKind.NotFound);
    }

    private static async Task<Created<PipelineResponse>> Register(HttpContext http, PipelineService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PipelineRequest>(http.Request, ct);
        var created = await service.RegisterAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/pipelines/{created.PipelineId}", created);
    }

    private static async Task<Ok<PipelineResponse>> Update(string pipelineId, HttpContext http, PipelineService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PipelineRequest>(http.Request, ct);
        return TypedResults.Ok(await service.UpdateAsync(pipelineId, body, ct));
    }

    private static async Task<Created<RunResponse>> Start(HttpContext http, PipelineService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<StartRunRequest>(http.Request, ct);
        var run = await service.StartRunAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/runs/{run.RunId}", run);
    }

    /// <summary>
    /// The body is streamed through the validator (never held whole), decompressed by its Content-Encoding; its limit
    /// is the batch limit, not the JSON one, before and after decompression. The caller's key is checked again before
    /// the batch is recorded: it may have been revoked while the body streamed.
    /// </summary>
    /// <param name="stage">The validation stage of the batch (<c>pre_job</c>, <c>post_transform</c>…), as the pipeline's timing asks.</param>
    private static Task<Ok<BatchResponse>> Batch(string runId, string? stage, HttpContext http, BatchService service, CallerRecheck caller,
        RegistryOptions options, CancellationToken ct) =>
        WithBatchBodyAsync(http, options, async body => TypedResults.Ok(await service.ValidateAsync(runId, http.Request.ContentType, stage, body,
            token => caller.EnsureStillAllowedAsync(http.User, "the batch was being sent", token), ct)));

    /// <summary>
    /// The records a pipeline worker quarantined in a batch it validated and reported itself: validated again here and
    /// stored in the registry's quarantine (NDJSON, each record as it arrived).
    /// </summary>
    private static Task<Ok<BatchResponse>> UploadQuarantine(string runId, string batch, HttpContext http, QuarantineUploads service, CallerRecheck caller,
        RegistryOptions options, CancellationToken ct)
    {
        // The batch body's size limit is set first, so a refusal sent before the body is read still drains it like a batch's.
        return WithBatchBodyAsync(http, options, async body =>
        {
            var number = int.TryParse(batch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new Core.Errors.RegistryException(Core.Errors.RegistryError.NotFound($"Batch {(batch.Length > 20 ? batch[..20] + "…" : batch)} of run {runId}"));
            return TypedResults.Ok(await service.UploadAsync(runId, number, http.Request.ContentType, body,
                token => caller.EnsureStillAllowedAsync(http.User, "the quarantine was being sent", token), ct));
        });
    }

    private static async Task<T> WithBatchBodyAsync<T>(HttpContext http, RegistryOptions options, Func<Stream, Task<T>> handle)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBatchBytes;
        }
        var body = BatchBody.Open(http.Request.Body, http.Request.Headers.ContentEncoding, options.MaxBatchBytes);
        try
        {
            return await handle(body);
        }
        finally
        {
            if (!ReferenceEquals(body, http.Request.Body))
            {
                await body.DisposeAsync();
            }
        }
    }

    /// <summary>The runbook's call, as written: <c>curl -X POST …/v1/schema/sync/metadata -d '{"run_id":"jr-2a8bc9a1b1"}'</c>.</summary>
    private static async Task<Ok<RunResponse>> Sync(HttpContext http, LineageService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<MetadataSyncRequest>(http.Request, ct);
        return TypedResults.Ok(await service.SyncAsync(body, ct));
    }

    private static async Task<Ok<RunResponse>> Heartbeat(string runId, HttpContext http, PipelineService service, CancellationToken ct)
    {
        _ = await JsonBody.ReadOptionalAsync(http.Request, new HeartbeatRequest(), ct);
        return TypedResults.Ok(await service.HeartbeatAsync(runId, ct));
    }

    private static async Task<Ok<BatchResponse>> Report(string runId, HttpContext http, BatchService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<BatchReportRequest>(http.Request, ct);
        return TypedResults.Ok(await service.RecordReportAsync(runId, body, ct));
    }

    private static async Task<Ok<RunResponse>> Complete(string runId, HttpContext http, PipelineService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(http.Request, new CompleteRunRequest(), ct);
        return TypedResults.Ok(await service.CompleteRunAsync(runId, body, ct));
    }
}
