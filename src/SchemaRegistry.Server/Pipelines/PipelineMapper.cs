using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>Domain records to wire records.</summary>
public static class PipelineMapper
{
    public static PipelineResponse ToResponse(Pipeline p) =>
        new(p.PipelineId, p.Layer, p.Schema.ToString(), PipelineWireNames.Of(p.ValidationTiming), PipelineWireNames.Of(p.DriftPolicy), p.Owner, p.CreatedAt, p.UpdatedAt);

    public static CountsResponse ToResponse(RunCounts c) => new(c.Batches, c.Records, c.Valid, c.Invalid, c.Drifted, c.Rescued, c.Quarantined);

    public static RunResponse ToResponse(PipelineRun r, IReadOnlyList<RunBatch>? batches = null) =>
        new(r.RunId, r.PipelineId, r.Fqid.ToString(), r.ContentHash, PipelineWireNames.Of(r.DriftPolicy), PipelineWireNames.Of(r.Status),
            r.OutputPath, r.ValidationResult, r.StartedBy, r.StartedAt, r.CompletedAt,
            r.CompletedAt is { } end ? (end - r.StartedAt).TotalMilliseconds : null, ToResponse(r.Counts), r.FailureReason,
            batches?.Select(ToResponse).ToList());

    public static BatchItem ToResponse(RunBatch b) =>
        new(b.BatchNumber, b.Format, ToResponse(b.Counts), b.Failed, b.QuarantineKey, b.Released, b.DurationMs, b.CreatedAt);

    public static DriftCaseResponse ToResponse(DriftCase c) =>
        new(c.Id, c.Subject.ToString(), PipelineWireNames.Of(c.Status), c.OpenedAt, c.UpdatedAt, c.AcknowledgedBy, c.AcknowledgedAt,
            c.ResolvedBy, c.ResolvedAt, c.Resolution,
            c.Fields.Select(f => new DriftCaseFieldItem(f.Path, PipelineWireNames.Of(f.Kind), f.Occurrences, f.FirstRunId, f.FirstRecord, f.Samples, f.InferredType)).ToList(),
            c.RunIds);

    public static DriftSummary ToResponse(DriftReport report, bool versionDeprecated = false) =>
        new(Items(report, DriftKind.NewField), Items(report, DriftKind.MissingField), Items(report, DriftKind.TypeChange), versionDeprecated);

    public static BatchResponse ToResponse(BatchSummary s, string? runId, int batch, string fqid, string? quarantine, long? caseId, bool versionDeprecated, bool failed) =>
        new(runId, batch, fqid, s.Records, s.Valid, s.Invalid, s.Drifted, s.Rescued, s.Quarantined, s.PassRate,
            s.Duration.TotalMilliseconds, Math.Round(s.RecordsPerSecond), failed,
            failed ? "PIPE-1204" : s.Quarantined > 0 ? "PIPE-1002" : null,
            ToResponse(s.Drift, versionDeprecated),
            s.SourceDrift.Select(f => new SourceDriftItem(PipelineWireNames.Of(f.Kind), f.Path,
                f.Observed == Core.Compatibility.ValueKinds.None ? null : KindNames.Of(f.Observed),
                f.Expected is Core.Compatibility.ValueKinds.None or Core.Compatibility.ValueKinds.All ? null : KindNames.Of(f.Expected))).ToList(),
            s.FailedRecordSample, quarantine, caseId);

    private static List<DriftFieldItem> Items(DriftReport report, DriftKind kind) =>
        report.OfKind(kind).Select(f => new DriftFieldItem(f.Path, f.Count, f.FirstRecord, f.Samples, f.InferredType, f.ExpectedType)).ToList();
}
