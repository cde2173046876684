using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// The events of the runbook's run rules, each built here and only here: an abandoned run, runs affected by a change
/// of the versions they pinned, a worker's quarantine stored through the registry.
/// </summary>
internal static class RunbookEvents
{
    /// <summary><c>PipelineFailed</c> (PIPE-1301) of a run that went silent: the job died without reporting.</summary>
    public static OutboxEvent RunAbandoned(PipelineRun run, string reason, DateTimeOffset at) =>
        new(EventTypes.PipelineFailed, run.Fqid.ToString(), at, JsonSerializer.Serialize(new
        {
            code = ErrorCode.InvocationError,
            run_id = run.RunId,
            pipeline_id = run.PipelineId,
            status = PipelineWireNames.Of(RunStatus.Abandoned),
            reason,
        }));

    /// <summary>The <c>RunCompleted</c> lineage record of an abandoned run, so lineage consumers see every run end.</summary>
    public static OutboxEvent AbandonedRunCompleted(PipelineRun run, string reason, DateTimeOffset at) =>
        new(EventTypes.RunCompleted, run.Fqid.ToString(), at, JsonSerializer.Serialize(new
        {
            pipeline_id = run.PipelineId,
            schema_fqid = run.Fqid.ToString(),
            run_id = run.RunId,
            output_path = run.OutputPath,
            status = PipelineWireNames.Of(RunStatus.Abandoned),
            validation_result = "fail",
            started_at = run.StartedAt,
            completed_at = at,
            duration_ms = (at - run.StartedAt).TotalMilliseconds,
            counts = PipelineMapper.ToResponse(run.Counts),
            error = reason,
        }));

    /// <summary>
    /// <c>RunsAffected</c>: <paramref name="change"/> (<c>major_published</c> or <c>version_deprecated</c>) of
    /// <paramref name="fqid"/> while <paramref name="runs"/> were running on an older major or on that version.
    /// </summary>
    public static OutboxEvent RunsAffected(string change, string fqid, IReadOnlyList<PipelineRun> runs, DateTimeOffset at) =>
        new(EventTypes.RunsAffected, fqid, at, JsonSerializer.Serialize(new
        {
            code = ErrorCode.DriftDetected,
            change,
            fqid,
            runs = runs.Select(r => new { run_id = r.RunId, pipeline_id = r.PipelineId, schema_fqid = r.Fqid.ToString() }),
        }));

    /// <summary><c>QuarantineUploaded</c>: a worker's quarantined records of one batch, as the server re-validated and stored them.</summary>
    public static OutboxEvent QuarantineUploaded(PipelineRun run, int batch, string key, long received, long stored, DateTimeOffset at) =>
        new(EventTypes.QuarantineUploaded, run.Fqid.ToString(), at, JsonSerializer.Serialize(new
        {
            run_id = run.RunId,
            pipeline_id = run.PipelineId,
            batch,
            key,
            received,
            stored,
            passed_on_server = received - stored,
        }));
}
