using System.Diagnostics;
using System.Globalization;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Bench;

/// <summary>What one record that does not pass costs, per step, in microseconds (best of the rounds).</summary>
internal sealed record DataQuarantineCost(int Records, double ClassifyMicros, double ExplainMicros, double WriteMicros, double WriteSyscallsPerRecord);

/// <summary>
/// Times the quarantine path of <c>data validate</c> on the base file's records that do not pass, in memory, on this
/// thread: <see cref="RecordClassifier.Classify"/>, <see cref="RecordClassifier.Explain"/> (the reasons) and
/// <see cref="QuarantineWriter.WriteAsync(ReadOnlyMemory{byte}, long, RecordOutcome, IReadOnlyList{RecordReason}, CancellationToken)"/> to files opened as the CLI opens them, with the write system calls the
/// process made meanwhile (<c>syscw</c> in /proc/self/io).
/// </summary>
internal static class DataQuarantinePath
{
    public static async Task<DataQuarantineCost> MeasureAsync(DataSetup setup, byte[][] failed, int rounds)
    {
        double classify = double.MaxValue, explain = double.MaxValue, write = double.MaxValue, syscalls = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var classifier = setup.Contract.Classifier(DriftPolicy.Quarantine);
            GC.Collect();
            var clock = Stopwatch.StartNew();
            foreach (var record in failed)
            {
                classifier.Classify(record);
            }
            var classifyOnly = clock.Elapsed.TotalSeconds;

            var reasons = new IReadOnlyList<RecordReason>[failed.Length];
            var outcomes = new RecordOutcome[failed.Length];
            GC.Collect();
            clock.Restart();
            for (var i = 0; i < failed.Length; i++)
            {
                outcomes[i] = classifier.Classify(failed[i]);
                reasons[i] = classifier.Explain(failed[i]);
            }
            var classifyAndExplain = clock.Elapsed.TotalSeconds;

            var folder = Directory.CreateTempSubdirectory("schemareg-bench-quarantine-");
            try
            {
                GC.Collect();
                var syscallsBefore = WriteSyscalls();
                clock.Restart();
                await using (var records = Create(folder, "records.ndjson"))
                await using (var manifest = Create(folder, "manifest.ndjson"))
                await using (var writer = new QuarantineWriter(records, manifest))
                {
                    for (var i = 0; i < failed.Length; i++)
                    {
                        await writer.WriteAsync(failed[i], i + 1, outcomes[i], reasons[i], CancellationToken.None);
                    }
                }
                var written = clock.Elapsed.TotalSeconds;
                var calls = WriteSyscalls() - syscallsBefore;
                // Round 0 is the warm-up.
                if (round > 0)
                {
                    classify = Math.Min(classify, classifyOnly);
                    explain = Math.Min(explain, classifyAndExplain - classifyOnly);
                    write = Math.Min(write, written);
                    syscalls = calls is { } n ? (double)n / failed.Length : double.NaN;
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
        return new DataQuarantineCost(failed.Length, Micros(classify), Micros(explain), Micros(write), syscalls);

        double Micros(double seconds) => seconds / failed.Length * 1e6;
    }

    private static FileStream Create(DirectoryInfo folder, string name) => DataFiles.Create(Path.Combine(folder.FullName, name));

    private static long? WriteSyscalls()
    {
        try
        {
            var line = File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith("syscw:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["syscw:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
