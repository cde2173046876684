using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>The quarantine: list a run's, replay it against a newer version (releasing what now passes), purge old ones.</summary>
internal sealed class QuarantineService(IRegistryStorage storage, QuarantineStore quarantine, Layers layers, PipelineService pipelines, DataContractCache contracts,
    SpoolDirectory spools, Hosting.RegistryOptions options, TimeProvider time, ILogger<QuarantineService> logger)
{
    /// <summary>
    /// The runbook's "review the quarantined batch": one run's quarantined batches, or those of a subject (or of all)
    /// quarantined between two dates, newest first, each with where its files are.
    /// </summary>
    public async Task<List<QuarantineItem>> ListAsync(string? runId, string? subjectText, string? from, string? to, int? limit,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(runId))
        {
            var run = await pipelines.LoadRunAsync(runId, cancellationToken);
            return (await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken))
                .Where(b => b.QuarantineKey is not null)
                .Select(b => Item(b, run))
                .ToList();
        }
        SubjectName? subject = null;
        if (!string.IsNullOrEmpty(subjectText))
        {
            subject = SubjectName.TryParse(subjectText, layers, out var parsed, out var error) ? parsed : throw new RegistryException(RegistryError.Envelope(error));
        }
        var now = time.GetUtcNow();
        var start = QuarantineWindow.Parse(from, "from", endOfDay: false) ?? now.AddDays(-options.QuarantineRetentionDays);
        var end = QuarantineWindow.Parse(to, "to", endOfDay: true) ?? now.AddMilliseconds(1);
        var rows = await storage.Pipelines.ListQuarantineAsync(subject, start, end, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken);
        return rows.Select(r => Item(r.Batch, r.Run)).ToList();
    }

    /// <summary>
    /// A quarantined batch's records as they were stored (or its manifest), by the key <c>GET /v1/quarantine</c> lists.
    /// Only a key a batch holds opens: the key is checked against the run's batches, never used as a free path.
    /// </summary>
    /// <returns>The file and its media type: <c>text/csv</c> for a CSV batch's records (its header and rows as they arrived).</returns>
    public async Task<(Stream Content, string MediaType)> OpenBatchAsync(string? key, bool manifest, CancellationToken cancellationToken)
    {
        var notFound = new RegistryException(RegistryError.NotFound($"Quarantined batch {(key is { Length: > 120 } ? key[..120] + "…" : key)}"));
        var segments = (key ?? "").Split('/');
        if (segments.Length < 3)
        {
            throw notFound;
        }
        var run = await pipelines.LoadRunAsync(segments[^2], cancellationToken);
        var batch = (await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken)).FirstOrDefault(b => b.QuarantineKey == key) ?? throw notFound;
        var suffix = manifest ? QuarantineKeys.ManifestSuffix : QuarantineKeys.RecordsSuffixOf(batch.Format);
        var content = await quarantine.Blobs.OpenReadAsync(batch.QuarantineKey + suffix, cancellationToken) ?? throw notFound;
        return (content, suffix == QuarantineKeys.CsvRecordsSuffix ? "text/csv" : "application/x-ndjson");
    }

    private QuarantineItem Item(RunBatch batch, RunRecord run) =>
        new(run.RunId, run.PipelineId, batch.BatchNumber, batch.Counts.Quarantined, batch.Released, batch.QuarantineKey!, batch.CreatedAt)
        {
            Fqid = run.Fqid.ToString(),
            Location = quarantine.Locate(batch.QuarantineKey! + QuarantineKeys.RecordsSuffixOf(batch.Format)),
            ManifestLocation = quarantine.Locate(batch.QuarantineKey! + QuarantineKeys.ManifestSuffix),
        };

    /// <summary>
    /// Re-validates every record still quarantined for a run against <paramref name="request"/>'s version (default:
    /// the subject's newest published one). Records that now pass move to one released file beside the quarantine
    /// (CSV, under the header, when every batch is CSV with one header; else NDJSON, CSV rows as the JSON objects of
    /// their columns); the rest stay, with their manifest lines. Crash-safe (see <see cref="QuarantineReplay"/>): the
    /// released file and each changed batch's new generation of files are stored first, then one transaction
    /// switches the batches to them, adds the released counts and appends the event; the old files go last.
    /// </summary>
    public async Task<QuarantineReplayResponse> ReplayAsync(QuarantineReplayRequest request, CancellationToken cancellationToken)
    {
        var run = await pipelines.LoadRunAsync(request.RunId ?? "", cancellationToken);
        var fqid = await TargetAsync(run, request.Fqid, cancellationToken);
        var record = await storage.Schemas.GetAsync(fqid, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Schema {fqid}"));
        var contract = await contracts.GetAsync(record, cancellationToken);
        var policy = run.DriftPolicy == DriftPolicy.Fail ? DriftPolicy.Quarantine : run.DriftPolicy;
        var classifier = contract.Classifier(policy);
        var now = time.GetUtcNow();
        var quarantined = (await storage.Pipelines.ListBatchesAsync(run.RunId, cancellationToken))
            .Where(b => b.QuarantineKey is not null)
            .ToList();
        var formats = quarantined.ToDictionary(b => b.BatchNumber, b => b.Format);
        var batches = quarantined.Select(b => new ReplayedBatch(b.BatchNumber, b.QuarantineKey!, NewGeneration(run, b))).ToList();
        var csvHeader = await ReleasedCsvHeaderAsync(quarantined, cancellationToken);
        var releasedSuffix = csvHeader is null ? QuarantineKeys.RecordsSuffix : QuarantineKeys.CsvRecordsSuffix;
        var replay = new QuarantineReplay(Guid.NewGuid().ToString("N"), run.RunId, ReplayState.Pending, QuarantineKeys.Released(run, now, releasedSuffix), batches, now);
        await storage.Pipelines.BeginReplayAsync(replay, cancellationToken);
        var committed = false;
        try
        {
            using var spool = spools.CreateFolder();
            var releases = new List<BatchRelease>();
            long examined = 0, released = 0;
            await using (var releasedFile = spool.Create("released.ndjson"))
            {
                var releasedRecords = new ReleasedRecords(releasedFile, csvHeader);
                foreach (var batch in batches)
                {
                    var (batchExamined, batchReleased) = await ReplayBatchAsync(batch, formats[batch.BatchNumber], classifier, contract.Shape.TopLevelKinds, releasedRecords,
                        spool, cancellationToken);
                    examined += batchExamined;
                    released += batchReleased;
                    if (batchReleased > 0)
                    {
                        releases.Add(new BatchRelease(batch.BatchNumber, batch.OldKey, batch.NewKey, batchReleased));
                    }
                }
            }
            var releasedKey = released > 0 ? replay.ReleasedKey : null;
            if (releasedKey is not null)
            {
                await using var stream = File.OpenRead(spool.File("released.ndjson"));
                await quarantine.Blobs.PutAsync(releasedKey, stream, cancellationToken);
            }
            var remaining = examined - released;
            committed = await storage.Pipelines.CommitReplayAsync(replay.ReplayId, run.RunId, releases,
                [EventFactory.QuarantineReleased(run, fqid, examined, released, releasedKey, now)], cancellationToken);
            if (!committed)
            {
                throw new RegistryException(new RegistryError(ErrorCode.ConcurrentChange, ErrorKind.Conflict, "Replay not committed",
                    $"Another replay or a purge changed the quarantine of run {run.RunId} first; this replay released nothing. Replay again."));
            }
            return new QuarantineReplayResponse(run.RunId, fqid.ToString(), examined, released, remaining, releasedKey);
        }
        finally
        {
            // Not the request's token: a client that disconnects must not leave the files behind. A failure here changes
            // nothing the answer says (the row stays, and the next start-up settles it).
            try
            {
                await ReplaySettler.SettleAsync(storage, quarantine.Blobs, replay with { State = committed ? ReplayState.Committed : ReplayState.Pending }, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Quarantine replay {ReplayId} of run {RunId} is not settled; the next start-up settles it.", replay.ReplayId, run.RunId);
            }
        }
    }

    /// <summary>A batch's next generation of files: a fresh key, so the files the database points to are never rewritten.</summary>
    private static string NewGeneration(RunRecord run, RunBatch batch)
    {
        string key;
        do
        {
            key = QuarantineKeys.Batch(run, batch.BatchNumber);
        }
        while (key == batch.QuarantineKey);
        return key;
    }

    /// <summary>
    /// The header the released file of a replay starts with when it is CSV: every quarantined batch is CSV and their
    /// header rows name the same columns in the same order (line ends aside); else null, and the released file is NDJSON.
    /// </summary>
    private async Task<byte[]?> ReleasedCsvHeaderAsync(List<RunBatch> batches, CancellationToken cancellationToken)
    {
        if (batches.Count == 0 || batches.Any(b => QuarantineKeys.RecordsSuffixOf(b.Format) != QuarantineKeys.CsvRecordsSuffix))
        {
            return null;
        }
        byte[]? first = null;
        foreach (var batch in batches)
        {
            var header = await QuarantinedBatch.ReadCsvHeaderAsync(quarantine.Blobs, batch.QuarantineKey!, cancellationToken);
            if (header is null)
            {
                continue;
            }
            if (first is null)
            {
                first = header;
            }
            else if (!ReleasedRecords.WithoutLineEnd(first).SequenceEqual(ReleasedRecords.WithoutLineEnd(header)))
            {
                return null;
            }
        }
        return first;
    }

    /// <summary>Splits a batch's quarantine into released records and, when any were released, a new generation of what stays.</summary>
    private async Task<(long Examined, long Released)> ReplayBatchAsync(ReplayedBatch batch, string format, RecordClassifier classifier,
        IReadOnlyDictionary<string, Core.Compatibility.ValueKinds> columnKinds, ReleasedRecords releasedRecords, SpoolFolder spool, CancellationToken cancellationToken)
    {
        long examined = 0, released = 0;
        var keptRecords = spool.File("kept.ndjson");
        var keptManifest = spool.File("kept.manifest.ndjson");
        var recordsSuffix = QuarantineKeys.RecordsSuffixOf(format);
        await using (var records = spool.Create("kept.ndjson"))
        await using (var manifest = spool.Create("kept.manifest.ndjson"))
        {
            var headerWritten = false;
            await foreach (var record in QuarantinedBatch.ReadAsync(quarantine.Blobs, batch.OldKey, format, columnKinds, cancellationToken))
            {
                examined++;
                if (record.Header is { } header && !headerWritten)
                {
                    await records.WriteAsync(header, cancellationToken);
                    headerWritten = true;
                }
                var outcome = classifier.Classify(record.Json);
                if (outcome is RecordOutcome.Valid or RecordOutcome.Rescued)
                {
                    released++;
                    await releasedRecords.WriteAsync(record, outcome == RecordOutcome.Valid ? record.Json : classifier.RescuedJson.ToArray(), cancellationToken);
                    continue;
                }
                if (record.Row is { } row)
                {
                    // A quarantined row keeps its bytes; only the source's last row can lack a line end, and it stays last.
                    await records.WriteAsync(row, cancellationToken);
                }
                else
                {
                    await records.WriteAsync(record.Json, cancellationToken);
                    records.WriteByte((byte)'\n');
                }
                await manifest.WriteAsync(record.ManifestLine, cancellationToken);
                manifest.WriteByte((byte)'\n');
            }
        }
        if (released > 0)
        {
            // Records first, manifest last: a generation is only used once both are stored and the commit names it.
            await using var records = File.OpenRead(keptRecords);
            await quarantine.Blobs.PutAsync(batch.NewKey + recordsSuffix, records, cancellationToken);
            await using var manifest = File.OpenRead(keptManifest);
            await quarantine.Blobs.PutAsync(batch.NewKey + QuarantineKeys.ManifestSuffix, manifest, cancellationToken);
        }
        return (examined, released);
    }

    private async Task<Fqid> TargetAsync(RunRecord run, string? fqidText, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(fqidText))
        {
            if (!Fqid.TryParse(fqidText, layers, out var fqid, out var error))
            {
                throw new RegistryException(RegistryError.Envelope(error));
            }
            if (fqid.Subject != run.Fqid.Subject)
            {
                throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Other subject",
                    $"Run {run.RunId} ran on {run.Fqid.Subject}; its quarantine replays against a version of that subject."));
            }
            return fqid;
        }
        return await storage.Schemas.ResolveAsync(run.Fqid.Subject, null, cancellationToken)
            ?? throw new RegistryException(RegistryError.NotFound($"A published version of {run.Fqid.Subject}"));
    }

    /// <summary>Deletes the quarantine of batches older than the retention; returns how many batches and files.</summary>
    public async Task<QuarantinePurgeResponse> PurgeAsync(int olderThanDays, CancellationToken cancellationToken)
    {
        const int maxDays = 36_500; // a century; further back than that is before any run, and past the calendar's range soon after
        if (olderThanDays is < 0 or > maxDays)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid age", $"older_than_days must be between 0 and {maxDays}."));
        }
        var now = time.GetUtcNow();
        int batches = 0, files = 0;
        var runs = new Dictionary<string, RunRecord?>(StringComparer.Ordinal);
        foreach (var batch in await storage.Pipelines.ListQuarantinedBatchesAsync(now.AddDays(-olderThanDays), cancellationToken))
        {
            if (!runs.TryGetValue(batch.RunId, out var run))
            {
                runs[batch.RunId] = run = await storage.Pipelines.GetRunAsync(batch.RunId, cancellationToken);
            }
            var key = batch.QuarantineKey!;
            files += (await quarantine.Blobs.DeleteAsync(key + QuarantineKeys.RecordsSuffixOf(batch.Format), cancellationToken) ? 1 : 0)
                + (await quarantine.Blobs.DeleteAsync(key + QuarantineKeys.ManifestSuffix, cancellationToken) ? 1 : 0);
            await storage.Pipelines.ClearQuarantineAsync(batch.RunId, batch.BatchNumber,
                [EventFactory.QuarantinePurged(batch, run, olderThanDays, now)], cancellationToken);
            batches++;
        }
        return new QuarantinePurgeResponse(batches, files);
    }
}
