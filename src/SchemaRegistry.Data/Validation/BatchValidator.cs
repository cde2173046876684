using System.Diagnostics;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Streams a source through a <see cref="RecordClassifier"/>: counts every outcome, aggregates drift, writes every
/// record that does not pass to the quarantine and every record that passes (rescued ones in their rescued form)
/// to <c>passed</c> when given. Memory is one block of records whatever the source's size.
/// </summary>
public static class BatchValidator
{
    public static Task<BatchSummary> ValidateAsync(
        IRecordReader reader,
        RecordClassifier classifier,
        Drift.DataShape shape,
        QuarantineWriter? quarantine,
        Stream? passed,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken) =>
        ValidateAsync(reader, classifier, shape, quarantine, passed, progress, null, cancellationToken);

    /// <param name="budget">
    /// The most time the whole batch may take; checked after every record, so one slow record (a pattern at its match
    /// timeout) overruns it by at most that record. Past it, <see cref="BatchTimeBudgetExceededException"/>.
    /// </param>
    public static async Task<BatchSummary> ValidateAsync(
        IRecordReader reader,
        RecordClassifier classifier,
        Drift.DataShape shape,
        QuarantineWriter? quarantine,
        Stream? passed,
        IProgress<BatchProgress>? progress,
        TimeSpan? budget,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var report = new Drift.DriftReport();
        var sourceDrift = reader.DeclaredFields.Count > 0 ? shape.Compare(reader.DeclaredFields) : [];
        long records = 0, valid = 0, invalid = 0, drifted = 0, rescued = 0, quarantined = 0;
        var failedSample = new List<long>();
        var block = new RecordBlock();
        using var passedLines = passed is null ? null : new NdjsonLineWriter(passed);
        while (await reader.ReadAsync(block, cancellationToken))
        {
            var spans = block.Records;
            for (var i = 0; i < spans.Count; i++)
            {
                var record = spans[i];
                var json = block.Json(record);
                var outcome = classifier.Classify(json);
                records++;
                if (budget is { } limit && clock.Elapsed > limit)
                {
                    throw new BatchTimeBudgetExceededException(records, limit);
                }
                if (classifier.DriftCount > 0)
                {
                    classifier.AddDriftTo(report, record.Number);
                }
                switch (outcome)
                {
                    case RecordOutcome.Valid:
                        valid++;
                        if (passedLines is not null)
                        {
                            await passedLines.WriteLineAsync(block.JsonMemory(record), cancellationToken);
                        }
                        continue;
                    case RecordOutcome.Rescued:
                        rescued++;
                        if (passedLines is not null)
                        {
                            await passedLines.WriteLineAsync(classifier.RescuedJson.ToArray(), cancellationToken);
                        }
                        continue;
                    case RecordOutcome.Invalid:
                        invalid++;
                        break;
                    default:
                        drifted++;
                        break;
                }
                quarantined++;
                if (failedSample.Count < BatchSummary.MaxFailedRecordSample)
                {
                    failedSample.Add(record.Number);
                }
                if (quarantine is not null)
                {
                    await quarantine.WriteAsync(block, i, outcome, classifier.Explain(json), cancellationToken);
                }
            }
            progress?.Report(new BatchProgress(records, quarantined));
        }
        if (passedLines is not null)
        {
            await passedLines.FlushAsync(cancellationToken);
        }
        if (quarantine is not null)
        {
            await quarantine.FlushAsync(cancellationToken);
        }
        var failed = classifier.Policy == DriftPolicy.Fail && (drifted > 0 || sourceDrift.Count > 0);
        return new BatchSummary(records, valid, invalid, drifted, rescued, quarantined, report, sourceDrift, clock.Elapsed, failed, failedSample);
    }
}
