using SchemaRegistry.Core.Documents;
using System.CommandLine;
using System.Text.Json;
using SchemaRegistry.Cli.Input;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Core.References;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg data validate</c>: checks a data file against a schema with the same engine as the server, offline
/// with a schema file or with a registered FQID fetched from the registry. Exit codes as
/// <see cref="ExitCodes"/> says: 0 every record passed, 1 some did not, 2 bad input, 3 the registry did not answer.
/// </summary>
internal static class DataCommands
{
    public static Command Build()
    {
        var data = new Command("data", "Check data files against a schema: validation, drift detection, quarantine.");
        data.Subcommands.Add(Validate());
        return data;
    }

    private static Command Validate()
    {
        var schema = new Option<FileInfo?>("--schema") { Description = "A JSON Schema file (offline; a registry definition file with a payload works too)." };
        var fqid = new Option<string?>("--fqid") { Description = "A registered FQID or alias, fetched from the registry (--server)." };
        var input = new Option<FileInfo>("--input", "-i") { Description = "The data file.", Required = true };
        var format = new Option<string?>("--format") { Description = "ndjson, csv or parquet (default: by the file's extension)." };
        var policy = new Option<string>("--drift-policy") { Description = "quarantine (default), fail, rescue or allow.", DefaultValueFactory = _ => "quarantine" };
        var quarantine = new Option<DirectoryInfo?>("--quarantine") { Description = "Folder for the records that do not pass (records.ndjson; records.csv for CSV, rows as they arrived) and why (manifest.ndjson)." };
        var report = new Option<FileInfo?>("--report") { Description = "Write the JSON report to this file." };
        var passed = new Option<FileInfo?>("--passed") { Description = "Write the records that pass (rescued ones in their rescued form) as NDJSON." };
        var noDrift = new Option<bool>("--no-drift") { Description = "Validate only; skip drift detection." };
        var timeBudget = new Option<double>("--time-budget")
        {
            Description = "Stop with an error (exit 2, no report, no output files) when validating takes longer than this many seconds (0: no limit).",
        };
        var command = new Command("validate", "Validate every record of a file; report drift; quarantine what does not pass.")
            { schema, fqid, input, format, policy, quarantine, report, passed, noDrift, timeBudget };
        ClientOptions.AddConnection(command);
        ClientOptions.Output(command, ClientCommand.TableOrJson);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var (contractFqid, schemaFile, contract) = await LoadSchemaAsync(parse, parse.GetValue(schema), parse.GetValue(fqid), ct);
                var file = parse.GetValue(input)!;
                if (!file.Exists)
                {
                    return Fail($"{file.FullName} does not exist.");
                }
                var dataFormat = ParseFormat(parse.GetValue(format)) ?? RecordReaders.FromFileName(file.Name)
                    ?? throw new ArgumentException($"Cannot tell the format of {file.Name}: pass --format ndjson|csv|parquet.");
                if (!WireNames.TryParseIgnoringCase(parse.GetValue(policy), out DriftPolicy driftPolicy))
                {
                    return Fail("--drift-policy must be quarantine, fail, rescue or allow.");
                }
                var seconds = parse.GetValue(timeBudget);
                var summary = await RunAsync(file, dataFormat, contract, driftPolicy, !parse.GetValue(noDrift),
                    parse.GetValue(quarantine), parse.GetValue(passed), seconds > 0 ? TimeSpan.FromSeconds(seconds) : null, ct);
                var quarantineDir = parse.GetValue(quarantine);
                var response = BatchReports.ToResponse(summary, null, 0, contractFqid ?? "", quarantineDir?.FullName, null, false, summary.Failed);
                var reportFile = parse.GetValue(report);
                // Only these two need the JSON report (and the native executable hands them to the managed build).
                var json = reportFile is not null || ClientOptions.Json(parse) ? JsonOutput.Batch(response, schemaFile) : null;
                if (reportFile is not null)
                {
                    await File.WriteAllTextAsync(reportFile.FullName, json!.ToJsonString(Indented), ct);
                }
                if (ClientOptions.Json(parse))
                {
                    JsonOutput.Print(json);
                }
                else
                {
                    Print(response, quarantineDir, dataFormat);
                }
                return summary.Quarantined == 0 && !summary.Failed ? ExitCodes.Ok : ExitCodes.ProblemsFound;
            }
            catch (RegistryApiException e)
            {
                ClientCommand.Print(parse, e);
                return ExitCodes.Of(e.Problem);
            }
            catch (InvalidSchemaException e)
            {
                Printer.Error(e.Problem, ClientOptions.Json(parse));
                return ExitCodes.UsageOrInput;
            }
            catch (InputException e)
            {
                return ClientCommand.Refuse(e);
            }
            catch (BatchTimeBudgetExceededException e)
            {
                return Fail($"{ErrorCode.BatchOverTimeBudget}: {e.Message}");
            }
            catch (RegistryException e)
            {
                // Raised here, not by the server: a reference closure beyond its bound (VAL-1305).
                return Fail($"{e.Error.Code}: {e.Error.Detail}");
            }
            catch (Exception e) when (e is IOException or ArgumentException or SchemaCompileException or JsonException or UnauthorizedAccessException
                or CsvFormatException or ParquetFormatException or RecordTooLargeException)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static readonly JsonSerializerOptions Indented = new(RegistryJson.Options) { WriteIndented = true };

    private static async Task<BatchSummary> RunAsync(FileInfo file, DataFormat format, CompiledDataContract contract, DriftPolicy policy,
        bool detectDrift, DirectoryInfo? quarantineDir, FileInfo? passedFile, TimeSpan? budget, CancellationToken ct)
    {
        await using var source = DataFiles.OpenRead(file.FullName);
        await using var reader = await RecordReaders.OpenAsync(format, source, contract.Shape.TopLevelKinds, ct);
        FileStream? records = null, manifest = null, passed = null;
        var overBudget = false;
        QuarantineWriter? quarantine = null;
        try
        {
            if (quarantineDir is not null)
            {
                quarantineDir.Create();
                records = DataFiles.Create(Path.Combine(quarantineDir.FullName, RecordsFileName(format)));
                manifest = DataFiles.Create(Path.Combine(quarantineDir.FullName, "manifest.ndjson"));
                quarantine = new QuarantineWriter(records, manifest);
            }
            if (passedFile is not null)
            {
                passed = DataFiles.Create(passedFile.FullName);
            }
            using var progress = ProgressBar.ForTerminal(source, file.Length);
            var classifier = contract.Classifier(policy, detectDrift);
            return await BatchValidator.ValidateAsync(reader, classifier, contract.Shape, quarantine, passed, progress, budget, ct);
        }
        catch (BatchTimeBudgetExceededException)
        {
            overBudget = true;
            throw;
        }
        finally
        {
            if (quarantine is not null)
            {
                await quarantine.DisposeAsync();
            }
            foreach (var stream in new[] { records, manifest, passed })
            {
                if (stream is not null)
                {
                    await stream.DisposeAsync();
                    if (overBudget)
                    {
                        // Files holding only the records checked before the stop would pass for a complete result.
                        File.Delete(stream.Name);
                    }
                }
            }
        }
    }

    /// <summary>The schema from a file, or from the registry with the payloads it references (compiled locally).</summary>
    private static async Task<(string? Fqid, string? SchemaFile, CompiledDataContract Contract)> LoadSchemaAsync(ParseResult parse, FileInfo? file, string? fqid, CancellationToken ct)
    {
        if ((file is null) == (fqid is null))
        {
            throw new ArgumentException("Give exactly one of --schema FILE or --fqid FQID.");
        }
        if (file is not null)
        {
            using var document = JsonFiles.Parse(file);
            if (SchemaFiles.Findings(file.ToString(), document.RootElement).ToList() is { Count: > 0 } findings)
            {
                throw new InvalidSchemaException(SchemaFiles.Invalid(findings, "no record was validated"));
            }
            var payload = SchemaFiles.Payload(document.RootElement).Payload;
            return (null, file.Name, CompiledDataContract.Compile(payload, new Uri(file.FullName)));
        }
        using var client = ClientOptions.CreateClient(parse);
        var root = await client.GetAsync(fqid!, ct);
        var referenced = await ReferenceClosure.LoadAsync(root.References, async (next, token) =>
        {
            var dependency = await client.GetAsync(next, token);
            return new ReferencedSchema(dependency.Payload.GetRawText(), dependency.References);
        }, ct);
        return (root.Fqid, null, CompiledDataContract.Compile(root.Payload.GetRawText(), referenced, client.CanonicalPrefix));
    }

    private static DataFormat? ParseFormat(string? text) =>
        text is null ? null
        : string.Equals(text, "jsonl", StringComparison.OrdinalIgnoreCase) ? DataFormat.Ndjson
        : WireNames.TryParseIgnoringCase(text, out DataFormat format) ? format
        : throw new ArgumentException($"--format must be {string.Join(", ", WireNames.All<DataFormat>())}.");

    private static void Print(BatchResponse r, DirectoryInfo? quarantineDir, DataFormat format)
    {
        Console.WriteLine($"{r.Records:N0} records: {r.Valid:N0} valid, {r.Invalid:N0} invalid, {r.Drifted:N0} drifted, {r.Rescued:N0} rescued, " +
            $"{r.Quarantined:N0} quarantined ({r.PassRate:P2} pass) in {r.DurationMs / 1000:0.00} s, {r.RecordsPerSecond:N0} records/s");
        var drift = r.Drift.NewFields.Select(f => ("new field", f)).Concat(r.Drift.MissingFields.Select(f => ("missing", f)))
            .Concat(r.Drift.TypeChanges.Select(f => ("type change", f))).ToList();
        if (drift.Count > 0)
        {
            Printer.Table(["drift", "path", "count", "first", "type", "expected", "samples"], drift.Select(d => new[]
            {
                d.Item1, JsonOutput.Pointer(d.f.Path), d.f.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                d.f.FirstRecord.ToString(System.Globalization.CultureInfo.InvariantCulture), d.f.InferredType ?? "", d.f.ExpectedType ?? "",
                string.Join(" ", d.f.Samples.Take(3)),
            }));
        }
        Console.WriteLine(QuarantineNote(r.Quarantined, quarantineDir, RecordsFileName(format)));
        if (r.Failed)
        {
            Console.WriteLine($"FAILED: {ErrorCode.DriftDetected} drift under the fail policy.");
        }
    }

    /// <summary>Where the records that did not pass went; without <c>--quarantine</c> they went nowhere, and it says so.</summary>
    private static string QuarantineNote(long quarantined, DirectoryInfo? dir, string recordsFile) => (quarantined, dir) switch
    {
        (0, null) => "Quarantine: none to write.",
        (0, { } d) => $"Quarantine: none; {Path.Combine(d.FullName, recordsFile)} is empty.",
        (_, null) => $"Quarantine: {quarantined:N0} record(s) did not pass and were NOT written anywhere; pass --quarantine DIR to keep them.",
        (_, { } d) => $"Quarantine: {quarantined:N0} record(s) written to {Path.Combine(d.FullName, recordsFile)}, why in {Path.Combine(d.FullName, "manifest.ndjson")}.",
    };

    /// <summary>The quarantine's records file: CSV rows are kept as they arrived, under their header.</summary>
    private static string RecordsFileName(DataFormat format) => format == DataFormat.Csv ? "records.csv" : "records.ndjson";

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }
}
