using System.Data.Common;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Lineage queries (by schema for impact analysis, by pipeline, by run) and the runbook's metadata-sync recovery,
/// which re-derives a run's lineage from its batches; a failed sync emits <c>MetadataSyncFailed</c> (PIPE-1402).
/// </summary>
internal sealed class LineageService(IRegistryStorage storage, PipelineService pipelines, TimeProvider time)
{
    public async Task<LineageResponse> QueryAsync(string? schema, string? pipelineId, string? runId, int? limit, CancellationToken cancellationToken)
    {
        if (new[] { schema, pipelineId, runId }.Count(v => !string.IsNullOrEmpty(v)) != 1)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "One filter",
                "Give exactly one of schema (a subject or an FQID), pipeline or run."));
        }
        var runs = !string.IsNullOrEmpty(runId)
            ? [await pipelines.GetRunAsync(runId, cancellationToken)]
            : await pipelines.ListRunsAsync(pipelineId, schema, limit ?? 1000, cancellationToken);
        var byPipeline = runs.GroupBy(r => r.PipelineId, StringComparer.Ordinal)
            .Select(g => new LineagePipelineItem(g.Key,
                g.Select(r => r.SchemaFqid).Distinct(StringComparer.Ordinal).OrderByDescending(f => f, VersionOrder.Instance).ToList(),
                g.Count(), g.Max(r => r.StartedAt), g.OrderByDescending(r => r.StartedAt).First().Status))
            .OrderBy(p => p.PipelineId, StringComparer.Ordinal)
            .ToList();
        return new LineageResponse(byPipeline, runs);
    }

    public async Task<RunResponse> SyncAsync(MetadataSyncRequest request, CancellationToken cancellationToken)
    {
        var runId = PipelineIds.Check(request.RunId, "run_id");
        try
        {
            var run = await storage.Pipelines.GetRunAsync(runId, cancellationToken);
            if (run is null)
            {
                throw await FailedAsync(runId, null, ErrorKind.NotFound, $"Run {runId} does not exist: there is no lineage to sync.");
            }
            var now = time.GetUtcNow();
            if (!await storage.Pipelines.RecomputeRunAsync(runId, [EventFactory.LineageSynced(run, now)], cancellationToken))
            {
                throw await FailedAsync(runId, run, ErrorKind.NotFound, $"Run {runId} disappeared during the sync.");
            }
            return await pipelines.GetRunAsync(runId, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw await FailedAsync(runId, null, ErrorKind.Internal, $"The lineage store failed during the sync: {e.Message}");
        }
    }

    /// <summary>
    /// Records the failure as an event when the store still takes writes, and returns the PIPE-1402 error. The event
    /// reports a refusal, not a change (the sync wrote nothing), so it is appended alone.
    /// </summary>
    private async Task<RegistryException> FailedAsync(string runId, RunRecord? run, ErrorKind kind, string detail)
    {
        Metrics.PipelineMetrics.MetadataSyncFailures.Inc();
        try
        {
            await storage.Events.AppendAsync(EventFactory.MetadataSyncFailed(runId, run, detail, time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            // The store is down: the caller still gets PIPE-1402, and the sync can be retried.
        }
        return new RegistryException(new RegistryError(ErrorCode.MetadataSyncFailed, kind, "Metadata sync failed", detail));
    }

    /// <summary>Orders FQID texts by version number (v1.10 after v1.9).</summary>
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (a, aMajor, aMinor) = Key(x);
            var (b, bMajor, bMinor) = Key(y);
            var bySubject = string.CompareOrdinal(a, b);
            return bySubject != 0 ? bySubject : aMajor != bMajor ? aMajor.CompareTo(bMajor) : aMinor.CompareTo(bMinor);
        }

        private static (string Subject, int Major, int Minor) Key(string? fqid)
        {
            var text = fqid ?? "";
            var colon = text.LastIndexOf(':');
            var parts = colon < 0 ? [] : text[(colon + 2)..].Split('.');
            return parts.Length == 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
                ? (text[..colon], major, minor)
                : (text, 0, 0);
        }
    }
}
