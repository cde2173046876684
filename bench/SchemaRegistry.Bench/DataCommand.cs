using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Records;
using static SchemaRegistry.Bench.DataReport;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>data</c>: the <c>data validate</c> benchmark. On one thread: the bare validator's rate (records in memory), then
/// the in-process <c>data validate</c> pipeline (NDJSON reader, drift detection, validation, quarantine files) over a
/// 1 GB NDJSON file with injected drift, the same pipeline over the base file's records as NDJSON, CSV and Parquet,
/// and the CLI as a child process over a 2 GB file for its peak RSS. Prints a Markdown table with the targets.
/// </summary>
internal static class DataCommand
{
    private const double ThroughputTarget = 0.70;
    private const double RssTargetBytes = 150e6;
    private const double MinWarmupSeconds = 1.0;

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var schemaPath = arguments.Required("schema");
        var dataPath = arguments.Required("data");
        var dataDir = arguments.Optional("data-dir") ?? Path.GetDirectoryName(Path.GetFullPath(dataPath))!;
        var gigabytes = arguments.Int("gigabytes", 1, 1);
        var rssGigabytes = arguments.Int("rss-gigabytes", 2, 0);
        var passes = arguments.Int("passes", 3, 1);
        var cliDll = arguments.Optional("cli", Path.Combine("src", "SchemaRegistry.Cli", "bin", "Release", "net10.0", "schemareg.dll"));
        var dotnet = arguments.Optional("dotnet", "dotnet");
        var markdownPath = arguments.Optional("markdown");
        arguments.RejectUnknown();

        var schemaText = await File.ReadAllTextAsync(schemaPath);
        var setup = DataSetup.FromFile(schemaPath, schemaText);
        Console.Error.WriteLine($"Loading {dataPath} …");
        var corpus = Corpus.Load(dataPath);
        var baseFileBytes = new FileInfo(dataPath).Length;
        var rows = new List<DataRow>();

        // (a) The baseline: the validator alone over records in memory, measured as the validator benchmark's "(b) ours";
        // (b, c, c′) the drift detector and the classifier with and without the closed variant over the same records in
        // the same rounds, to show what each adds.
        var otherCpu = OtherCpuUse.Start();
        var inMemory = InProcessMeasurer.Measure(
            [OurValidator.Create(schemaText), new DataDriftContender(setup.Shape), new DataClassifierContender(setup, closedVariant: true),
                new DataClassifierContender(setup, closedVariant: false)],
            corpus,
            new RunSettings(passes, 20_000, 60));
        var (bare, driftOnly, classify, classifyOpen) = (inMemory[0], inMemory[1], inMemory[2], inMemory[3]);
        var baseValid = bare.Verdicts!;
        var baseDrifted = DriftOf(setup, corpus);
        var bestOf = Format($"best of {passes} {(passes == 1 ? "pass" : "passes")} after a warm-up");
        rows.Add(new DataRow(
            "(a) bare validator: `CompiledSchema.IsValid`, base file's records in memory", bare.Records, bare.Bytes, bare.Seconds, null,
            Format($"{bare.Valid:N0} valid ({100.0 * bare.Valid!.Value / bare.Records:N1}%)"),
            Format($"{bestOf}, as the validator benchmark's \"(b) ours\"; MB = JSON text")));
        rows.Add(new DataRow(
            "(b) " + driftOnly.Name, driftOnly.Records, driftOnly.Bytes, driftOnly.Seconds, null,
            Format($"{baseDrifted.Count(d => d):N0} drift"), Format($"{bestOf}, in the same rounds as (a)")));
        rows.Add(new DataRow(
            "(c) " + classify.Name, classify.Records, classify.Bytes, classify.Seconds, null,
            Format($"{classify.Valid:N0} valid"),
            Format($"{bestOf}, in the same rounds as (a); no reader, no quarantine{(setup.Contract.Closed is null ? "; the closed variant did not compile" : "")}")));
        rows.Add(new DataRow(
            "(c′) " + classifyOpen.Name, classifyOpen.Records, classifyOpen.Bytes, classifyOpen.Seconds, null,
            Format($"{classifyOpen.Valid:N0} valid"), Format($"{bestOf}, in the same rounds as (a); the classifier before the fast path")));

        // (d, e) The big file, in the page cache before the timed passes.
        var big = DataCorpus.Ensure(corpus, dataDir, gigabytes * 1_000_000_000L, $"{gigabytes}GB");
        var readThrough = DataCorpus.ReadThrough(big.Path);
        Console.Error.WriteLine(Format($"Read {big.Path} once untimed ({readThrough:N2} s) so the timed passes read it from the page cache."));
        await WarmUpAsync("reader + IsValid", () => DataPasses.ReadAndCheckAsync(setup, dataPath));
        await WarmUpAsync("data validate (NDJSON)", () => DataPasses.ValidateAsync(setup, DataFormat.Ndjson, dataPath));
        // (a′) The bare validator over the big file's records in memory, just before (d) and (e), timed as they are.
        var bigRecords = Corpus.Load(big.Path).Records;
        await DataPasses.BareInMemoryAsync(setup, corpus.Records);
        var bareBig = await BestOfAsync("bare validator, big file's records in memory", passes, () => DataPasses.BareInMemoryAsync(setup, bigRecords!), warmUp: false);
        var bigJsonBytes = bigRecords.Sum(r => (long)r.Length);
        bigRecords = null;
        var readCheck = await BestOfAsync("reader + IsValid, big file", passes, () => DataPasses.ReadAndCheckAsync(setup, big.Path), warmUp: false);
        var validateBig = await BestOfAsync("data validate, big file", passes, () => DataPasses.ValidateAsync(setup, DataFormat.Ndjson, big.Path), warmUp: false);
        rows.Add(new DataRow(
            Format($"(a′) bare validator over the {gigabytes} GB file's records in memory"),
            bareBig.Records, bigJsonBytes, bareBig.Seconds, bareBig.Cpus,
            Format($"{bareBig.Valid:N0} valid ({100.0 * bareBig.Valid / bareBig.Records:N1}%)"),
            Format($"best of {passes} passes after the warm-ups, right before (d) and (e); MB = JSON text; timed passes {bareBig.PassTimes} s")));
        rows.Add(new DataRow(
            Format($"(d) `NdjsonRecordReader` streaming the {gigabytes} GB file + `IsValid` (no drift, no quarantine)"),
            readCheck.Records, big.Bytes, readCheck.Seconds, readCheck.Cpus,
            Format($"{readCheck.Valid:N0} valid ({100.0 * readCheck.Valid / readCheck.Records:N1}%)"),
            Format($"best of {passes} passes after a warm-up on the base file; timed passes {readCheck.PassTimes} s")));
        rows.Add(new DataRow(
            Format($"(e) **`data validate` in process: NDJSON, {gigabytes} GB file, drift detection on, quarantine to files**"),
            validateBig.Records, big.Bytes, validateBig.Seconds, validateBig.Cpus,
            Outcome(validateBig.Records, validateBig.Valid, validateBig.Quarantined, validateBig.Drifted),
            Format($"best of {passes} passes after a warm-up on the base file; the target row; timed passes {validateBig.PassTimes} s")));
        var expectedBig = DataCorpus.Expected(baseValid, baseDrifted, big.Records);
        var otherCpusTarget = otherCpu?.AverageCpus();
        var otherCpuFormats = OtherCpuUse.Start();

        // (f–m) The base file's records as NDJSON (with the pieces of the pipeline switched off), CSV and Parquet.
        var stem = Path.Combine(dataDir, Path.GetFileNameWithoutExtension(dataPath));
        var columns = TopLevelProperties(schemaText);
        Console.Error.WriteLine($"Writing {stem}.csv and {stem}.parquet …");
        var csv = DataFormats.WriteCsv(corpus, columns, stem + ".csv");
        var parquet = await DataFormats.WriteParquetAsync(corpus, stem + ".parquet");
        var csvBack = await DataFormats.ReadBackAsync(corpus, csv, DataFormat.Csv, setup.Kinds);
        var parquetBack = await DataFormats.ReadBackAsync(corpus, parquet, DataFormat.Parquet, setup.Kinds);
        var parquetExpectedValid = parquet.Included.Count(i => baseValid[i]);

        var ndjsonBase = await BestOfAsync("data validate, NDJSON base file", passes, () => DataPasses.ValidateAsync(setup, DataFormat.Ndjson, dataPath));
        var ndjsonNoDrift = await BestOfAsync("data validate --no-drift, NDJSON base file", passes,
            () => DataPasses.ValidateAsync(setup, DataFormat.Ndjson, dataPath, detectDrift: false));
        var ndjsonNoQuarantine = await BestOfAsync("data validate without quarantine, NDJSON base file", passes,
            () => DataPasses.ValidateAsync(setup, DataFormat.Ndjson, dataPath, quarantine: false));
        var csvValidate = await BestOfAsync("data validate, CSV", passes, () => DataPasses.ValidateAsync(setup, DataFormat.Csv, csv.Path));
        var parquetValidate = await BestOfAsync("data validate, Parquet", passes, () => DataPasses.ValidateAsync(setup, DataFormat.Parquet, parquet.Path));
        var ndjsonRead = await BestOfAsync("reader alone, NDJSON", passes, () => DataPasses.ReadOnlyAsync(setup, DataFormat.Ndjson, dataPath));
        var csvRead = await BestOfAsync("reader alone, CSV", passes, () => DataPasses.ReadOnlyAsync(setup, DataFormat.Csv, csv.Path));
        var parquetRead = await BestOfAsync("reader alone, Parquet", passes, () => DataPasses.ReadOnlyAsync(setup, DataFormat.Parquet, parquet.Path));
        var failedRecords = Enumerable.Range(0, corpus.Count).Where(i => !baseValid[i] || baseDrifted[i]).Select(i => corpus.Records[i]).ToArray();
        var quarantineCost = await DataQuarantinePath.MeasureAsync(setup, failedRecords, passes);
        var otherCpusFormats = otherCpuFormats?.AverageCpus();
        rows.Add(Validated("(f) `data validate` in process: NDJSON, base file", ndjsonBase, baseFileBytes, bestOf));
        rows.Add(Validated("(g) same as (f), drift detection off (the CLI's `--no-drift`)", ndjsonNoDrift, baseFileBytes, bestOf));
        rows.Add(Validated("(h) same as (f), drift on, no quarantine writer (failed records neither explained nor written)", ndjsonNoQuarantine, baseFileBytes, bestOf));
        rows.Add(Validated("(i) `data validate` in process: CSV of the same records", csvValidate, csv.Bytes,
            Format($"{bestOf}; {csvBack.Differ:N0} records read back differently from the NDJSON (see below)")));
        rows.Add(Validated("(j) `data validate` in process: Parquet (nested) of the same records", parquetValidate, parquet.Bytes,
            Format($"{bestOf}; {parquet.SkippedCount:N0} records a Parquet row cannot hold left out (see below); expected {parquetExpectedValid:N0} valid (the NDJSON verdicts of the same records)")));
        rows.Add(ReadOnly("(k) reader alone: NDJSON, base file", ndjsonRead, baseFileBytes, bestOf));
        rows.Add(ReadOnly("(l) reader alone: CSV", csvRead, csv.Bytes, bestOf));
        rows.Add(ReadOnly("(m) reader alone: Parquet", parquetRead, parquet.Bytes, bestOf));

        // (n) The CLI over the big RSS file, as a child process.
        CliRun? cli = null;
        DataFile? rssFile = null;
        string? cliSkipped = null;
        if (rssGigabytes == 0)
        {
            cliSkipped = "not run (--rss-gigabytes 0)";
        }
        else if (!File.Exists(cliDll))
        {
            cliSkipped = $"not run: {cliDll} does not exist (build src/SchemaRegistry.Cli in Release)";
        }
        else
        {
            rssFile = DataCorpus.Ensure(corpus, dataDir, rssGigabytes * 1_000_000_000L, $"{rssGigabytes}GB");
            DataCorpus.ReadThrough(rssFile.Path);
            var quarantine = Directory.CreateTempSubdirectory("schemareg-bench-cli-quarantine-");
            try
            {
                cli = await PeakRss.RunAsync(dotnet, Path.GetFullPath(cliDll), Path.GetFullPath(schemaPath), rssFile.Path, quarantine.FullName);
            }
            finally
            {
                quarantine.Delete(recursive: true);
            }
            rows.Add(new DataRow(
                Format($"(n) `schemareg data validate` CLI, child process: NDJSON, {rssGigabytes} GB file"),
                cli.Records, rssFile.Bytes, cli.ReportedSeconds, null,
                Outcome(cli.Records, cli.Valid, cli.Quarantined, cli.Drifted),
                Format($"one run; records/s by the CLI's own clock (its report's `duration_ms`); wall {cli.WallSeconds:N1} s with start-up and schema compile = {cli.Records / cli.WallSeconds:N0} records/s")));
        }

        var report = new StringBuilder();
        report.AppendLine(Format(
            $"Data: base file `{Path.GetFileName(dataPath)}` ({corpus.Count:N0} invoices, {baseFileBytes / 1e6:N1} MB, {100.0 * bare.Valid!.Value / corpus.Count:N1}% valid); the {gigabytes} GB file `{Path.GetFileName(big.Path)}` holds {big.Records:N0} records ({big.Bytes / 1e6:N1} MB): the base records repeated, and in 1 record of every {DataCorpus.DriftEvery} `\"{DataCorpus.DriftFieldName}\":\"EU-W\"` put right after the opening brace, a field the closed schema (`additionalProperties: false`) does not declare, so those records are drifted and invalid."));
        report.AppendLine(Format(
            $"Method: one thread, one pass after another (`data validate`'s files are synchronous FileStreams, `DataFiles`: reads and quarantine writes run in place on this thread; \"CPUs\" is this process's CPU time ÷ wall time: above 1.00 it counts the GC's and the runtime's other threads). Before the timed passes each file was read once untimed, so it came from the page cache, not the disk ({RamNote()}). `data validate` in process is what the CLI runs: a FileStream with the CLI's options, `RecordReaders.OpenAsync`, the schema compiled as the CLI compiles a schema file (`CompiledDataContract`: the schema, its closed variant, its data shape) and its `RecordClassifier` (drift detection on, policy quarantine), `BatchValidator` with a `QuarantineWriter` writing records.ndjson and manifest.ndjson to a temp folder (deleted after each pass, untimed); each pass's time includes opening the reader and flushing the quarantine. MB = 10^6 bytes of the source as read (the NDJSON file with its newlines, the CSV file, the Parquet file; for the bare validator the JSON text in memory). % of bare validator = records/s ÷ row (a)'s. {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}."));
        report.AppendLine();
        report.Append(Table(rows, bare.RecordsPerSecond));
        if (cliSkipped is not null)
        {
            report.AppendLine(Format($"| (n) `schemareg data validate` CLI, child process | — | — | — | — | — | — | — | {cliSkipped} |"));
        }

        var share = validateBig.RecordsPerSecond / bare.RecordsPerSecond;
        report.AppendLine();
        report.AppendLine("Targets:");
        report.AppendLine();
        report.AppendLine(Format(
            $"- `data validate` on the {gigabytes} GB NDJSON file with drift detection on, one core, ≥ 70% of the bare validator's records/s: {validateBig.RecordsPerSecond:N0} ÷ {bare.RecordsPerSecond:N0} = {100 * share:N1}% (row e ÷ row a): {Verdict(share >= ThroughputTarget)}. Against the bare validator timed the same way as (e) over the same records (a′): {100 * validateBig.RecordsPerSecond / bareBig.RecordsPerSecond:N1}%."));
        if (cli is not null && rssFile is not null)
        {
            report.AppendLine(Format(
                $"- peak RSS ≤ 150 MB for a {rssGigabytes} GB file: VmHWM {cli.PeakMegabytes:N1} MB (10^6 bytes; {cli.PeakMebibytes:N1} MiB) for `schemareg data validate` on {rssFile.Bytes / 1e6:N0} MB, judged against 150 × 10^6 bytes: {Verdict(cli.PeakBytes <= RssTargetBytes)}"));
        }
        else
        {
            report.AppendLine($"- peak RSS ≤ 150 MB for a {rssGigabytes} GB file: NOT MEASURED ({cliSkipped})");
        }
        report.AppendLine("- Parquet and CSV throughput reported beside NDJSON over the same records: rows (f), (i), (j) and, for the readers alone, (k)–(m).");

        report.AppendLine();
        report.AppendLine("Checks and notes:");
        report.AppendLine();
        report.AppendLine(Format(
            $"- {gigabytes} GB pass (e): {validateBig.Quarantined:N0} quarantined ({100.0 * validateBig.Quarantined / validateBig.Records:N2}%), {validateBig.Drifted:N0} of them drifted ({100.0 * validateBig.Drifted / validateBig.Records:N2}%); expected from the base records' verdicts and drift plus the injected field: {expectedBig.Quarantined:N0} and {expectedBig.Drifted:N0}: {(expectedBig == (validateBig.Quarantined, validateBig.Drifted) ? "match" : "MISMATCH")}. Row (d) counted {readCheck.Valid:N0} valid, row (e) {validateBig.Valid:N0}: {(readCheck.Valid == validateBig.Valid ? "match" : "MISMATCH")}."));
        report.AppendLine(Format(
            $"- Drift detection: the detector alone (b) runs at {100 * driftOnly.RecordsPerSecond / bare.RecordsPerSecond:N0}% of the validator's rate, so a classifier that runs both on every record (c′) reaches {100 * classifyOpen.RecordsPerSecond / bare.RecordsPerSecond:N1}% of (a) before any reading or quarantine. `data validate` compiles the schema's closed variant as well (`CompiledDataContract`): a record valid against it is valid and cannot have drifted, so one validation pass settles it, and only the records it rejects get drift detection and validation (c): {100 * classify.RecordsPerSecond / bare.RecordsPerSecond:N1}% of (a), same outcomes as (c′) ({classify.Valid:N0} and {classifyOpen.Valid:N0} valid)."));
        report.AppendLine(Format(
            $"- The quarantine path: (f) with the quarantine writer vs (h) without it, {100 * (1 - ndjsonBase.RecordsPerSecond / ndjsonNoQuarantine.RecordsPerSecond):N1}% of the time for {100.0 * ndjsonBase.Quarantined / ndjsonBase.Records:N1}% of the records. Timed alone on the {quarantineCost.Records:N0} base records that do not pass (in memory, best of {passes} after a warm-up), one such record costs {quarantineCost.ClassifyMicros:N1} µs to classify (the closed variant, drift detection and the schema: three passes), {quarantineCost.ExplainMicros:N1} µs to explain (`Explain`: a full `Evaluate` for the reasons) and {quarantineCost.WriteMicros:N1} µs to write (`QuarantineWriter` to files opened as the CLI opens them, {quarantineCost.WriteSyscallsPerRecord:N2} write system calls per record), {quarantineCost.ClassifyMicros + quarantineCost.ExplainMicros + quarantineCost.WriteMicros:N1} µs in all against {1e6 / bare.RecordsPerSecond:N2} µs to validate a record (a)."));
        if (cli is not null && rssFile is not null)
        {
            var expectedRss = DataCorpus.Expected(baseValid, baseDrifted, rssFile.Records);
            report.AppendLine(Format(
                $"- CLI run (n): `{cli.Command.Replace(Path.GetDirectoryName(rssFile.Path)! + "/", "", StringComparison.Ordinal)}` (quarantine in a temp folder), exit code {cli.ExitCode}; {cli.Records:N0} records, {cli.Quarantined:N0} quarantined, {cli.Drifted:N0} drifted (expected {rssFile.Records:N0}, {expectedRss.Quarantined:N0}, {expectedRss.Drifted:N0}: {(cli.Records == rssFile.Records && expectedRss == (cli.Quarantined, cli.Drifted) ? "match" : "MISMATCH")}). VmHWM read {cli.Samples:N0} times from /proc/PID/status, every 50 ms; the last reading before exit is the peak."));
        }
        report.AppendLine(Format(
            $"- CSV (i): header = the schema's {columns.Count} top-level properties; scalars as text, `customer`, `line_items` and `tags` as their JSON text in the cell (quoted); absent or null = empty cell; a field the schema does not declare goes into an extra cell (the reader calls it `_extra_1`). Read back, {csvBack.Differ:N0} of {csvBack.Records:N0} records differ from the NDJSON (null members ignored): the CSV reader types a cell by the schema's kinds, so a number written as a string in a number column becomes a number, a number in a string column a string, and an undeclared field is renamed `_extra_N`. Valid: {csvValidate.Valid:N0} vs {ndjsonBase.Valid:N0} for the NDJSON."));
        report.AppendLine(Format(
            $"- Parquet (j): nested, written with Parquet.Net's class serialiser: `customer` a struct (with `billing_address` a struct), `line_items` a list of structs, `tags` a list of strings, dates DATE, amounts DOUBLE, quantities INT32, the rest strings, every column optional; {parquet.RowGroups} row groups of up to {DataFormats.ParquetRowGroupRows:N0} rows, {parquet.Included.Length:N0} records. Left out, {parquet.SkippedCount:N0} records no such row holds as they are: {string.Join("; ", parquet.Skipped.Select(s => Format($"{s.Value:N0} with {s.Key}")))}. Read back with `ParquetRecordReader`, {parquetBack.Differ:N0} of {parquetBack.Records:N0} rows differ from their NDJSON record once null members are ignored. Source drift from the footer: {parquetValidate.SourceDrift} findings."));
        report.AppendLine(Format(
            $"- Parquet (j): {parquetValidate.Valid:N0} of {parquetValidate.Records:N0} rows valid, {parquetValidate.Quarantined:N0} quarantined ({parquetValidate.Drifted:N0} drifted); the same records as NDJSON: {parquetExpectedValid:N0} valid: {(parquetValidate.Valid == parquetExpectedValid ? "the same verdicts" : "MISMATCH")} (the reader writes an optional column's null as an absent member unless the schema's field accepts null)."));
        foreach (var example in csvBack.Examples)
        {
            report.AppendLine($"- CSV read back differently: {example}.");
        }
        foreach (var example in parquetBack.Examples)
        {
            report.AppendLine($"- Parquet read back differently: {example}.");
        }
        foreach (var (rowsMeasured, busy) in new[] { ("(a)–(e)", otherCpusTarget), ("(f)–(m)", otherCpusFormats) })
        {
            if (busy is { } cpus)
            {
                report.AppendLine(Format(
                    $"- Other processes kept {cpus:0.00} of {Environment.ProcessorCount} CPUs busy on average while rows {rowsMeasured} ran{(cpus >= 0.25 ? ": a disturbed run, read those rates with care" : "")}."));
            }
        }

        var text = report.ToString();
        Console.WriteLine(text);
        if (markdownPath is not null)
        {
            await File.WriteAllTextAsync(markdownPath, text);
        }
        return 0;

        DataRow Validated(string name, DataPass pass, long bytes, string note) => new(
            name, pass.Records, bytes, pass.Seconds, pass.Cpus, Outcome(pass.Records, pass.Valid, pass.Quarantined, pass.Drifted), WithPasses(note, pass));

        static DataRow ReadOnly(string name, DataPass pass, long bytes, string note) =>
            new(name, pass.Records, bytes, pass.Seconds, pass.Cpus, "n/a (not validated)", WithPasses(note, pass));

        static string WithPasses(string note, DataPass pass) => pass.PassTimes is null ? note : $"{note}; timed passes {pass.PassTimes} s";
    }

    /// <summary>Runs <paramref name="pass"/> until a second has gone by (tiered compilation needs that long).</summary>
    private static async Task WarmUpAsync(string name, Func<Task<DataPass>> pass)
    {
        double seconds = 0;
        var count = 0;
        while (seconds < MinWarmupSeconds)
        {
            seconds += (await pass()).Seconds;
            count++;
        }
        Console.Error.WriteLine(Format($"  {name}: warm-up {count} pass(es), {seconds:N2} s"));
    }

    private static async Task<DataPass> TimedAsync(string name, Func<Task<DataPass>> pass)
    {
        var result = await pass();
        Console.Error.WriteLine(Format($"  {name}: {result.Records:N0} records in {result.Seconds:N3} s = {result.RecordsPerSecond:N0}/s, {result.Cpus:0.00} CPUs"));
        return result;
    }

    private static async Task<DataPass> BestOfAsync(string name, int passes, Func<Task<DataPass>> pass, bool warmUp = true)
    {
        if (warmUp)
        {
            await WarmUpAsync(name, pass);
        }
        DataPass? best = null;
        var seconds = new List<double>();
        for (var i = 0; i < passes; i++)
        {
            var result = await TimedAsync(name, pass);
            seconds.Add(result.Seconds);
            if (best is not null && (result.Records, result.Valid, result.Quarantined) != (best.Records, best.Valid, best.Quarantined))
            {
                throw new InvalidOperationException($"{name}: the counts changed between passes.");
            }
            if (best is null || result.Seconds < best.Seconds)
            {
                best = result;
            }
        }
        return best! with { PassTimes = string.Join(" / ", seconds.Select(s => s.ToString("N3", CultureInfo.InvariantCulture))) };
    }

    /// <summary>Which base records drift from the schema's shape (the drift detector the classifier uses).</summary>
    private static bool[] DriftOf(DataSetup setup, Corpus corpus)
    {
        var detector = new DriftDetector(setup.Shape);
        return [.. corpus.Records.Select(record => detector.Inspect(record))];
    }

    private static List<string> TopLevelProperties(string schemaText)
    {
        using var schema = System.Text.Json.JsonDocument.Parse(schemaText);
        return [.. schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    private static string RamNote()
    {
        var total = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        return total is null ? "RAM size unknown" : Format($"{long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0:N1} GiB of RAM");
    }

}
