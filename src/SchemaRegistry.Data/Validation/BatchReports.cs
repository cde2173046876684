using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Data.Validation;

/// <summary>A batch's outcome on the wire, the same from the server, the CLI's report and the SDK.</summary>
public static class BatchReports
{
    public static DriftSummary Drift(DriftReport report, bool versionDeprecated = false) =>
        new(Items(report, DriftKind.NewField), Items(report, DriftKind.MissingField), Items(report, DriftKind.TypeChange), versionDeprecated);

    public static BatchResponse ToResponse(BatchSummary s, string? runId, int batch, string fqid, string? quarantine, long? caseId, bool versionDeprecated, bool failed) =>
        new(runId, batch, fqid, s.Records, s.Valid, s.Invalid, s.Drifted, s.Rescued, s.Quarantined, s.PassRate,
            s.Duration.TotalMilliseconds, Math.Round(s.RecordsPerSecond), failed,
            failed ? ErrorCode.DriftDetected : s.Quarantined > 0 ? ErrorCode.BatchValidationFailed : null,
            Drift(s.Drift, versionDeprecated),
            s.SourceDrift.Select(f => new SourceDriftItem(WireNames.Of(f.Kind), f.Path,
                f.Observed == ValueKinds.None ? null : KindNames.Of(f.Observed),
                f.Expected is ValueKinds.None or ValueKinds.All ? null : KindNames.Of(f.Expected))).ToList(),
            s.FailedRecordSample, quarantine, caseId);

    private static List<DriftFieldItem> Items(DriftReport report, DriftKind kind) =>
        report.OfKind(kind).Select(f => new DriftFieldItem(f.Path, f.Count, f.FirstRecord, f.Samples, f.InferredType, f.ExpectedType)).ToList();
}
