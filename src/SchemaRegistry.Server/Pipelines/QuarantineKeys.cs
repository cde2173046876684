using System.Globalization;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Where a run's quarantine lives in the blob store: <c>quarantine/{domain}/{layer}/{entity}/{yyyy}/{mm}/{dd}/{run_id}/</c>
/// (the run's start date), one <c>batch-NNNNNN-xxxxxxxx.ndjson</c> (<c>.csv</c> for a CSV batch: its rows as they
/// arrived) with its <c>.manifest.ndjson</c> per batch.
/// </summary>
internal static class QuarantineKeys
{
    public const string RecordsSuffix = ".ndjson";
    public const string CsvRecordsSuffix = ".csv";
    public const string ManifestSuffix = ".manifest.ndjson";

    /// <summary>Every suffix a batch's records file may have, for deleting files whose batch format is not at hand.</summary>
    public static readonly string[] AllRecordsSuffixes = [RecordsSuffix, CsvRecordsSuffix];

    /// <summary>The records file's suffix for a batch recorded with format <paramref name="batchFormat"/> (<c>csv</c>, <c>sdk:csv</c>, <c>ndjson</c>…).</summary>
    public static string RecordsSuffixOf(string batchFormat) =>
        batchFormat is "csv" or "sdk:csv" ? CsvRecordsSuffix : RecordsSuffix;

    public static string RunFolder(RunRecord run)
    {
        var s = run.Fqid.Subject;
        var day = run.StartedAt.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"quarantine/{s.Domain}/{s.Layer}/{s.Entity}/{day:yyyy}/{day:MM}/{day:dd}/{run.RunId}/");
    }

    /// <summary>A batch's key prefix; the random part keeps a retried batch from overwriting another's files.</summary>
    public static string Batch(RunRecord run, int batch) =>
        string.Create(CultureInfo.InvariantCulture, $"{RunFolder(run)}batch-{batch:D6}-{Guid.NewGuid().ToString("N")[..8]}");

    public static string Released(RunRecord run, DateTimeOffset at, string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"{RunFolder(run)}released-{at.UtcDateTime:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}{suffix}");
}
