using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Bench;

/// <summary>One timed pass over a file: counts, wall time and the CPU time this process used meanwhile.</summary>
internal sealed record DataPass(long Records, double Seconds, double CpuSeconds, long Valid, long Quarantined, long Drifted, int SourceDrift)
{
    public double RecordsPerSecond => Records / Seconds;

    /// <summary>CPUs busy on average in this process during the pass (1.0 = one core the whole time).</summary>
    public double Cpus => CpuSeconds / Seconds;

    /// <summary>Every timed pass's seconds, when this is the best of several.</summary>
    public string? PassTimes { get; init; }
}

/// <summary>
/// The schema compiled once, as <c>schemareg data validate --schema FILE</c> compiles it: the schema, its closed
/// variant (the fast path; null when it does not compile) and its data shape. Shared by every pass.
/// </summary>
internal sealed class DataSetup
{
    private DataSetup(CompiledDataContract contract)
    {
        Contract = contract;
        Kinds = contract.Shape.TopLevelKinds;
    }

    public CompiledDataContract Contract { get; }

    public CompiledSchema Schema => Contract.Schema;

    public DataShape Shape => Contract.Shape;

    public IReadOnlyDictionary<string, ValueKinds> Kinds { get; }

    public static DataSetup FromFile(string schemaPath, string schemaText)
    {
        var baseUri = new Uri(Path.GetFullPath(schemaPath));
        using var document = JsonDocument.Parse(schemaText);
        CompiledSchema? closed;
        try
        {
            closed = CompiledSchema.Compile(ClosedSchema.Close(schemaText), null, baseUri);
        }
        catch (SchemaCompileException)
        {
            closed = null;
        }
        return new DataSetup(new CompiledDataContract(CompiledSchema.Compile(document.RootElement, null, baseUri), closed, DataShape.FromSchema(document.RootElement)));
    }
}

/// <summary>
/// The in-process passes of the data benchmark, each on this thread, one after the other: what
/// <c>schemareg data validate</c> does (the same reader, classifier, validator and quarantine writer, the same file
/// options), and the pieces alone.
/// </summary>
internal static class DataPasses
{
    /// <summary>
    /// <c>data validate</c>: the format's reader over a FileStream, drift detection on under the quarantine policy,
    /// every record that does not pass written to records.ndjson and manifest.ndjson in a fresh temp folder (deleted
    /// after the pass, untimed). The time includes opening the reader and flushing the quarantine files.
    /// <paramref name="detectDrift"/> false is the CLI's <c>--no-drift</c>; <paramref name="quarantine"/> false runs
    /// without a quarantine writer, so the validator neither explains nor writes the records that fail.
    /// </summary>
    public static Task<DataPass> ValidateAsync(
        DataSetup setup, DataFormat format, string path, bool detectDrift = true, bool quarantine = true) =>
        TimedAsync(async () =>
        {
            var folder = Directory.CreateTempSubdirectory("schemareg-bench-quarantine-");
            CleanUp.Add(folder);
            BatchSummary summary;
            await using (var source = OpenSource(path))
            await using (var reader = await OpenReaderAsync(setup, format, source))
            await using (var records = CreateQuarantineFile(folder, "records.ndjson"))
            await using (var manifest = CreateQuarantineFile(folder, "manifest.ndjson"))
            await using (var writer = new QuarantineWriter(records, manifest))
            {
                var classifier = setup.Contract.Classifier(DriftPolicy.Quarantine, detectDrift);
                summary = await BatchValidator.ValidateAsync(
                    reader, classifier, setup.Shape, quarantine ? writer : null, null, null, CancellationToken.None);
            }
            return new Counts(summary.Records, summary.Valid, summary.Quarantined, summary.Drifted, summary.SourceDrift.Count);
        });

    /// <summary>The NDJSON reader streaming the file and <see cref="CompiledSchema.IsValid(ReadOnlySpan{byte})"/> on each record: no drift, no quarantine.</summary>
    public static Task<DataPass> ReadAndCheckAsync(DataSetup setup, string path) =>
        TimedAsync(async () =>
        {
            long records = 0, valid = 0;
            await using var source = OpenSource(path);
            await using var reader = await OpenReaderAsync(setup, DataFormat.Ndjson, source);
            var block = new RecordBlock();
            while (await reader.ReadAsync(block, CancellationToken.None))
            {
                valid += CheckBlock(setup.Schema, block);
                records += block.Count;
            }
            return new Counts(records, valid, 0, 0, 0);
        });

    /// <summary>The bare validator once over records in memory, timed like the other passes (one pass, no best-of).</summary>
    public static Task<DataPass> BareInMemoryAsync(DataSetup setup, byte[][] records) =>
        TimedAsync(() =>
        {
            var valid = CheckAll(setup.Schema, records);
            return Task.FromResult(new Counts(records.Length, valid, 0, 0, 0));
        });

    /// <summary>The format's reader alone: every record read into blocks, nothing checked.</summary>
    public static Task<DataPass> ReadOnlyAsync(DataSetup setup, DataFormat format, string path) =>
        TimedAsync(async () =>
        {
            long records = 0;
            await using var source = OpenSource(path);
            await using var reader = await OpenReaderAsync(setup, format, source);
            var block = new RecordBlock();
            while (await reader.ReadAsync(block, CancellationToken.None))
            {
                records += block.Count;
            }
            return new Counts(records, 0, 0, 0, 0);
        });

    /// <summary>Deletes the quarantine folders of the passes so far; called outside the timed region.</summary>
    public static void DeleteQuarantineFolders()
    {
        foreach (var folder in CleanUp)
        {
            folder.Delete(recursive: true);
        }
        CleanUp.Clear();
    }

    private static readonly List<DirectoryInfo> CleanUp = [];

    private sealed record Counts(long Records, long Valid, long Quarantined, long Drifted, int SourceDrift);

    private static async Task<DataPass> TimedAsync(Func<Task<Counts>> pass)
    {
        DeleteQuarantineFolders();
        // Garbage of the previous pass is collected outside the timed region.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var counts = await pass();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        DeleteQuarantineFolders();
        return new DataPass(counts.Records, seconds, cpuSeconds, counts.Valid, counts.Quarantined, counts.Drifted, counts.SourceDrift);
    }

    /// <summary>The same stream the CLI opens.</summary>
    private static FileStream OpenSource(string path) => DataFiles.OpenRead(path);

    private static FileStream CreateQuarantineFile(DirectoryInfo folder, string name) => DataFiles.Create(Path.Combine(folder.FullName, name));

    private static Task<IRecordReader> OpenReaderAsync(DataSetup setup, DataFormat format, Stream source) =>
        RecordReaders.OpenAsync(format, source, setup.Kinds, CancellationToken.None);

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long CheckAll(CompiledSchema schema, byte[][] records)
    {
        long valid = 0;
        foreach (var record in records)
        {
            if (schema.IsValid(record))
            {
                valid++;
            }
        }
        return valid;
    }

    private static int CheckBlock(CompiledSchema schema, RecordBlock block)
    {
        var valid = 0;
        foreach (var record in block.Records)
        {
            if (schema.IsValid(block.Json(record)))
            {
                valid++;
            }
        }
        return valid;
    }
}
