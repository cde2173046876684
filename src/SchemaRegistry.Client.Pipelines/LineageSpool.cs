using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client.Pipelines;

/// <summary>
/// Batch reports, quarantine uploads and run completions that could not reach the registry, kept as numbered JSON
/// files per run and re-sent in order. A report or quarantine the registry already has (REG-1002) or a run already
/// completed (REG-1003) counts as delivered, so re-sending is safe after a crash between sending and deleting.
/// </summary>
public static class LineageSpool
{
    private const string ReportSuffix = "-report.json";
    private const string CompleteSuffix = "-complete.json";
    private const string QuarantineSuffix = "-quarantine.json";

    internal static async Task SaveAsync(string directory, string runId, object item, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, runId);
        Directory.CreateDirectory(folder);
        var next = Directory.EnumerateFiles(folder, "*.json").Count() + 1;
        var suffix = item switch
        {
            BatchReportRequest => ReportSuffix,
            SpooledQuarantine => QuarantineSuffix,
            _ => CompleteSuffix,
        };
        var temp = Path.Combine(folder, $"{next:D6}{suffix}.tmp");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), RegistryJson.Options), cancellationToken);
        File.Move(temp, temp[..^4], overwrite: false);
    }

    /// <summary>Items waiting for a run.</summary>
    public static int Pending(string directory, string runId) =>
        Directory.Exists(Path.Combine(directory, runId)) ? Directory.EnumerateFiles(Path.Combine(directory, runId), "*.json").Count() : 0;

    /// <summary>Re-sends every spooled item of every run, oldest first; stops at the first transport failure. Returns how many were delivered.</summary>
    public static async Task<int> FlushAsync(RegistryClient client, string directory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }
        var delivered = 0;
        foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var runId = Path.GetFileName(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    var json = await File.ReadAllBytesAsync(file, cancellationToken);
                    if (file.EndsWith(ReportSuffix, StringComparison.Ordinal))
                    {
                        await client.ReportBatchAsync(runId, JsonSerializer.Deserialize<BatchReportRequest>(json, RegistryJson.Options)!, cancellationToken);
                    }
                    else if (file.EndsWith(QuarantineSuffix, StringComparison.Ordinal))
                    {
                        await UploadAsync(client, runId, JsonSerializer.Deserialize<SpooledQuarantine>(json, RegistryJson.Options)!, cancellationToken);
                    }
                    else
                    {
                        await client.CompleteRunAsync(runId, JsonSerializer.Deserialize<CompleteRunRequest>(json, RegistryJson.Options)!, cancellationToken);
                    }
                }
                catch (RegistryApiException e) when (e.Code is ErrorCode.AlreadyExists or ErrorCode.TransitionNotAllowed)
                {
                    // Already applied: the earlier attempt reached the registry.
                }
                catch (RegistryApiException e) when (e.Status is 0 or >= 500)
                {
                    return delivered;
                }
                File.Delete(file);
                delivered++;
            }
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        return delivered;
    }

    /// <summary>Sends a batch's quarantined records from the worker's file; a file removed since (nothing to send) counts as delivered.</summary>
    internal static async Task UploadAsync(RegistryClient client, string runId, SpooledQuarantine upload, CancellationToken cancellationToken)
    {
        if (!File.Exists(upload.Path))
        {
            return;
        }
        await using var records = new FileStream(upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var mediaType = upload.Path.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson";
        await client.UploadQuarantineAsync(runId, upload.Batch, records, mediaType, cancellationToken);
    }
}

/// <summary>A batch's quarantine waiting to be sent: its number and the worker's file of quarantined records.</summary>
internal sealed record SpooledQuarantine(int Batch, string Path);
