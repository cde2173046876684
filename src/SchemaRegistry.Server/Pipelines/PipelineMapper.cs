using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>Domain records to wire records.</summary>
internal static class PipelineMapper
{
    public static PipelineResponse ToResponse(Pipeline p) =>
        new(p.PipelineId, p.Layer, p.Schema.ToString(), WireNames.Of(p.ValidationTiming), WireNames.Of(p.DriftPolicy), p.Owner, p.CreatedAt, p.UpdatedAt)
        {
            AllowMajor = p.AllowMajor,
        };

    public static CountsResponse ToResponse(RunCounts c) => new(c.Batches, c.Records, c.Valid, c.Invalid, c.Drifted, c.Rescued, c.Quarantined);

    public static RunResponse ToResponse(RunRecord r, IReadOnlyList<RunBatch>? batches = null) =>
        new(r.RunId, r.PipelineId, r.Fqid.ToString(), r.ContentHash, WireNames.Of(r.DriftPolicy), WireNames.Of(r.Status),
            r.OutputPath, r.ValidationResult, r.StartedBy, r.StartedAt, r.CompletedAt,
            r.CompletedAt is { } end ? (end - r.StartedAt).TotalMilliseconds : null, ToResponse(r.Counts), r.FailureReason,
            batches?.Select(ToResponse).ToList())
        {
            Flags = r.Flags,
        };

    public static BatchItem ToResponse(RunBatch b) =>
        new(b.BatchNumber, b.Format, ToResponse(b.Counts), b.Failed, b.QuarantineKey, b.Released, b.DurationMs, b.CreatedAt) { Stage = b.Stage };

    public static DriftCaseResponse ToResponse(DriftCase c) =>
        new(c.Id, c.Subject.ToString(), WireNames.Of(c.Status), c.OpenedAt, c.UpdatedAt, c.AcknowledgedBy, c.AcknowledgedAt,
            c.ResolvedBy, c.ResolvedAt, c.Resolution,
            c.Fields.Select(f => new DriftCaseFieldItem(f.Path, WireNames.Of(f.Kind), f.Occurrences, f.FirstRunId, f.FirstRecord, f.Samples, f.InferredType)).ToList(),
            c.RunIds);
}
