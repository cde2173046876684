using System.CommandLine;
using System.Globalization;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg pipelines|runs|drift|quarantine …</c>: the pipeline runtime through the SDK.</summary>
internal static class PipelineCommands
{
    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static Command Pipelines()
    {
        var command = new Command("pipelines", "Register and list pipeline contracts.");
        var id = new Argument<string>("pipeline-id") { Description = "Pipeline id (finance_gdp_transform)." };
        var layer = new Option<string>("--layer") { Description = "Layer the stage writes.", Required = true };
        var fqid = new Option<string>("--fqid") { Description = "Schema FQID or alias (finance.gdp.invoice:latest).", Required = true };
        var timing = new Option<string?>("--validation-timing")
        {
            Description = "on_invocation, pre_job, post_transform, pre_and_post, build_time (default by layer: extractor on_invocation, gdp pre_and_post, kpi build_time, else pre_job).",
        };
        var policy = new Option<string?>("--drift-policy") { Description = "quarantine (default), fail, rescue, allow." };
        var owner = new Option<string?>("--owner") { Description = "Owning team." };
        var register = new Command("register", "Register a pipeline (or change it with --update).") { id, layer, fqid, timing, policy, owner };
        var update = new Option<bool>("--update") { Description = "Change an existing pipeline." };
        register.Options.Add(update);
        var allowMajor = new Option<bool?>("--allow-major") { Description = $"Runs on :latest may start on a newer major than the last successful run (else {ErrorCode.RunBlocked})." };
        register.Options.Add(allowMajor);
        ClientCommand.SetAction(register, async (parse, client, ct) =>
        {
            var request = new PipelineRequest(parse.GetValue(id), parse.GetValue(layer), parse.GetValue(fqid), parse.GetValue(timing), parse.GetValue(policy), parse.GetValue(owner))
            {
                AllowMajor = parse.GetValue(allowMajor),
            };
            var pipeline = parse.GetValue(update)
                ? await client.UpdatePipelineAsync(parse.GetValue(id)!, request, ct)
                : await client.RegisterPipelineAsync(request, ct);
            Console.WriteLine($"Pipeline {pipeline.PipelineId} ({pipeline.Layer}) runs on {pipeline.Fqid}, drift policy {pipeline.DriftPolicy}.");
        }, outputs: []);
        var list = new Command("list", "List pipelines.");
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            var all = await client.ListPipelinesAsync(ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(all);
                return;
            }
            Printer.Table(["pipeline", "layer", "schema", "timing", "drift policy", "owner"],
                all.Select(p => new[] { p.PipelineId, p.Layer, p.Fqid, p.ValidationTiming, p.DriftPolicy, p.Owner }));
        });
        var get = new Command("get", "Show one pipeline's contract.") { id };
        ClientCommand.SetAction(get, async (parse, client, ct) =>
        {
            var pipeline = await client.GetPipelineAsync(parse.GetValue(id)!, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(pipeline);
                return;
            }
            Printer.Table(["pipeline", "layer", "schema", "timing", "drift policy", "owner"],
                [[pipeline.PipelineId, pipeline.Layer, pipeline.Fqid, pipeline.ValidationTiming, pipeline.DriftPolicy, pipeline.Owner]]);
        });
        command.Subcommands.Add(register);
        command.Subcommands.Add(get);
        command.Subcommands.Add(list);
        return command;
    }

    public static Command Runs()
    {
        var command = new Command("runs", "Start runs, send batches, complete runs; read lineage.");
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline id.", Required = true };
        var runIdOption = new Option<string?>("--run-id") { Description = "The job's run id (generated when absent)." };
        var outputPath = new Option<string?>("--output-path") { Description = "Where the job writes." };
        var start = new Command("start", "Start a run: pins the pipeline's schema version.") { pipeline, runIdOption, outputPath };
        ClientCommand.SetAction(start, async (parse, client, ct) =>
        {
            var run = await client.StartRunAsync(new StartRunRequest(parse.GetValue(pipeline), parse.GetValue(runIdOption), parse.GetValue(outputPath)), ct);
            Print(run, ClientOptions.Json(parse));
        });
        var runId = new Argument<string>("run-id") { Description = "Run id." };
        var file = new Option<FileInfo>("--input", "-i") { Description = "Batch file (NDJSON, CSV or Parquet by extension).", Required = true };
        var stage = new Option<string?>("--stage") { Description = "Validation stage of the batch: pre_job, post_transform, on_invocation or build_time." };
        var batch = new Command("batch", "Send a batch file to a run for validation.") { runId, file, stage };
        ClientCommand.SetAction(batch, async (parse, client, ct) =>
        {
            var input = parse.GetValue(file)!;
            var contentType = RecordReaders.FromFileName(input.Name) switch
            {
                Data.Records.DataFormat.Csv => "text/csv",
                Data.Records.DataFormat.Parquet => "application/vnd.apache.parquet",
                _ => "application/x-ndjson",
            };
            await using var stream = input.OpenRead();
            var result = await client.SendStagedBatchAsync(parse.GetValue(runId)!, stream, contentType, parse.GetValue(stage), ct);
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.Batch(result));
            }
            else
            {
                Console.WriteLine($"Batch {result.Batch} of {result.RunId} on {result.Fqid}: {N(result.Records)} records, {N(result.Valid)} valid, " +
                    $"{N(result.Invalid)} invalid, {N(result.Drifted)} drifted, {N(result.Quarantined)} quarantined{(result.Failed ? $" — FAILED ({ErrorCode.DriftDetected})" : "")}.");
            }
            // As `data validate` on the same file: records that did not pass make the batch's check fail.
            return result.Quarantined == 0 && !result.Failed ? ExitCodes.Ok : ExitCodes.ProblemsFound;
        });
        var heartbeat = new Command("heartbeat", "Tell the registry a running run is alive (between batches), so it is not abandoned.") { runId };
        ClientCommand.SetAction(heartbeat, async (parse, client, ct) => Print(await client.HeartbeatAsync(parse.GetValue(runId)!, ct), ClientOptions.Json(parse)));
        var status = new Option<string?>("--status") { Description = "failed when the job itself failed; omit to let the registry decide." };
        var error = new Option<string?>("--error") { Description = "Why the job failed." };
        var complete = new Command("complete", "Complete a run (records its lineage).") { runId, status, outputPath, error };
        ClientCommand.SetAction(complete, async (parse, client, ct) =>
            Print(await client.CompleteRunAsync(parse.GetValue(runId)!, new CompleteRunRequest(parse.GetValue(status), parse.GetValue(outputPath), parse.GetValue(error)), ct),
                ClientOptions.Json(parse)));
        var get = new Command("get", "Show a run and its batches.") { runId };
        ClientCommand.SetAction(get, async (parse, client, ct) => Print(await client.GetRunAsync(parse.GetValue(runId)!, ct), ClientOptions.Json(parse)));
        var schema = new Option<string?>("--schema") { Description = "Runs of a subject (impact analysis) or of one FQID." };
        var byPipeline = new Option<string?>("--pipeline") { Description = "Runs of a pipeline." };
        var list = new Command("list", "Runs (lineage), newest first.") { schema, byPipeline };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            await Filters.SubjectOrVersionAsync(client, "--schema", parse.GetValue(schema), ct);
            await Filters.PipelineAsync(client, "--pipeline", parse.GetValue(byPipeline), ct);
            var runs = await client.ListRunsAsync(parse.GetValue(byPipeline), parse.GetValue(schema), 100, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(runs);
                return;
            }
            Printer.Table(["run", "pipeline", "schema", "status", "result", "records", "quarantined", "started", "output"], runs.Select(r => new[]
            {
                r.RunId, r.PipelineId, r.SchemaFqid, r.Status, r.ValidationResult ?? "", N(r.Counts.Records), N(r.Counts.Quarantined), Printer.Time(r.StartedAt), r.OutputPath ?? "",
            }));
        });
        foreach (var sub in new[] { start, batch, heartbeat, complete, get, list })
        {
            command.Subcommands.Add(sub);
        }
        return command;
    }

    public static Command Lineage()
    {
        var schema = new Option<string?>("--schema") { Description = "A subject (impact analysis: every pipeline and version that ran on it) or an FQID." };
        var pipeline = new Option<string?>("--pipeline") { Description = "A pipeline's runs." };
        var run = new Option<string?>("--run") { Description = "One run." };
        var command = new Command("lineage", "Who ran on which schema version: by schema, pipeline or run.") { schema, pipeline, run };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            await Filters.SubjectOrVersionAsync(client, "--schema", parse.GetValue(schema), ct);
            await Filters.PipelineAsync(client, "--pipeline", parse.GetValue(pipeline), ct);
            var lineage = await client.LineageAsync(parse.GetValue(schema), parse.GetValue(pipeline), parse.GetValue(run), ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(lineage);
                return;
            }
            Printer.Table(["pipeline", "versions", "runs", "last run", "last status"], lineage.Pipelines.Select(p => new[]
            {
                p.PipelineId, string.Join(", ", p.Versions), p.Runs.ToString(CultureInfo.InvariantCulture), Printer.Time(p.LastRunAt), p.LastStatus,
            }));
            Console.WriteLine();
            Printer.Table(["run", "pipeline", "schema", "status", "result", "output"], lineage.Runs.Select(r => new[]
            {
                r.RunId, r.PipelineId, r.SchemaFqid, r.Status, r.ValidationResult ?? "", r.OutputPath ?? "",
            }));
        });
        return command;
    }

    public static Command Drift()
    {
        var command = new Command("drift", "Drift cases: list, show, acknowledge, resolve, propose the next version.");
        var subject = new Option<string?>("--subject") { Description = "domain.layer.entity." };
        var status = new Option<string?>("--status") { Description = "open, acknowledged or resolved." };
        var list = new Command("list", "List drift cases, newest first.") { subject, status };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            await Filters.SubjectOrVersionAsync(client, "--subject", parse.GetValue(subject), ct);
            var cases = await client.ListDriftCasesAsync(parse.GetValue(subject), parse.GetValue(status), ct);
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.DriftCases(cases));
                return;
            }
            Printer.Table(["id", "subject", "status", "fields", "runs", "opened"], cases.Select(c => new[]
            {
                c.Id.ToString(CultureInfo.InvariantCulture), c.Subject, c.Status,
                string.Join(", ", c.Fields.Select(f => $"{JsonOutput.Pointer(f.Path)} ({f.Kind}, {N(f.Occurrences)})")), c.RunIds.Count.ToString(CultureInfo.InvariantCulture), Printer.Time(c.OpenedAt),
            }));
        });
        var id = new Argument<long>("id") { Description = "Case id." };
        var comment = new Option<string?>("--comment") { Description = "Why." };
        var ack = new Command("ack", "Acknowledge an open case (it stops blocking publication).") { id, comment };
        ClientCommand.SetAction(ack, async (parse, client, ct) =>
        {
            var acknowledged = await client.AcknowledgeDriftAsync(parse.GetValue(id), parse.GetValue(comment), ct);
            Console.WriteLine($"Drift case {acknowledged.Id} on {acknowledged.Subject} is {acknowledged.Status}.");
        }, outputs: []);
        var get = new Command("get", "Show a drift case: its fields, samples and runs.") { id };
        ClientCommand.SetAction(get, async (parse, client, ct) =>
        {
            var found = await client.GetDriftCaseAsync(parse.GetValue(id), ct);
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.DriftCases(found));
                return;
            }
            Console.WriteLine($"Drift case {found.Id} on {found.Subject}: {found.Status}, opened {Printer.Time(found.OpenedAt)}; runs {string.Join(", ", found.RunIds)}");
            Printer.Table(["field", "kind", "occurrences", "samples"], found.Fields.Select(f => new[] { JsonOutput.Pointer(f.Path), f.Kind, N(f.Occurrences), string.Join(" ", f.Samples.Take(3)) }));
        });
        var reason = new Option<string>("--comment") { Description = "Why it is resolved without a new version (required).", Required = true };
        var resolve = new Command("resolve", "Resolve a case by hand (publishing a version that accepts the data resolves it on its own).") { id, reason };
        ClientCommand.SetAction(resolve, async (parse, client, ct) =>
        {
            var resolved = await client.ResolveDriftAsync(parse.GetValue(id), parse.GetValue(reason)!, ct);
            Console.WriteLine($"Drift case {resolved.Id} on {resolved.Subject} is {resolved.Status}.");
        }, outputs: []);
        command.Subcommands.Add(list);
        command.Subcommands.Add(get);
        command.Subcommands.Add(ack);
        command.Subcommands.Add(resolve);
        command.Subcommands.Add(Propose(id));
        return command;
    }

    private static Command Propose(Argument<long> id)
    {
        var payload = new Option<bool>("--payload") { Description = "Print only the candidate JSON Schema: redirect it to a file, edit it, then `schemareg schema check FQID --payload FILE`." };
        var command = new Command("propose", "Propose the next version for a drift case: the newest published version extended to accept the drifted fields, and its compatibility report (registers nothing).") { id, payload };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var proposal = await client.ProposeDriftVersionAsync(parse.GetValue(id), ct);
            if (parse.GetValue(payload))
            {
                Printer.Json(proposal.Payload);
                return;
            }
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.ToNode(proposal));
                return;
            }
            var report = proposal.Compatibility;
            Console.WriteLine($"Drift case {proposal.CaseId}: propose {proposal.Fqid} (extends {proposal.Declared}), a {report.RequiredBump} bump, " +
                $"{(report.Compatible ? "compatible" : "INCOMPATIBLE")} under {report.Mode}.");
            if (report.Evidence is not null)
            {
                Console.WriteLine(report.Evidence);
            }
            Printer.WrappedTable(["field", "kind", "type", "candidate"], proposal.Fields.Select(f => new[] { JsonOutput.Pointer(f.Path), f.Kind, f.Type ?? "", f.Note }));
        });
        return command;
    }

    public static Command Quarantine()
    {
        var command = new Command("quarantine", "Quarantined records: list, replay against a newer version, purge.");
        var runId = new Option<string>("--run") { Description = "Run id.", Required = true };
        var ofRun = new Option<string?>("--run") { Description = "One run's quarantined batches." };
        var subject = new Option<string?>("--subject") { Description = "A subject's quarantined batches (domain.layer.entity)." };
        var from = new Option<string?>("--from") { Description = "From this day (2025-10-07) or instant; default: the retention ago." };
        var to = new Option<string?>("--to") { Description = "To this day (included) or instant; default: now." };
        var ls = new Command("ls", "List quarantined batches with where their records are: of a run, or of a subject between two days.") { ofRun, subject, from, to };
        ClientCommand.SetAction(ls, async (parse, client, ct) =>
        {
            await Filters.SubjectOrVersionAsync(client, "--subject", parse.GetValue(subject), ct);
            var items = parse.GetValue(ofRun) is { } run
                ? await client.ListQuarantineAsync(run, ct)
                : await client.ListQuarantineBySubjectAsync(parse.GetValue(subject), parse.GetValue(from), parse.GetValue(to), 1000, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(items);
                return;
            }
            Printer.Table(["run", "batch", "quarantined", "released", "location", "created"], items.Select(q => new[]
            {
                q.RunId, q.Batch.ToString(CultureInfo.InvariantCulture), N(q.Quarantined), N(q.Released), q.Location ?? q.Key, Printer.Time(q.CreatedAt),
            }));
        });
        var fqid = new Option<string?>("--fqid") { Description = "Version to re-validate against (default: the newest published)." };
        var yes = new Option<bool>("--yes") { Description = "Replay against a newer major than the run's without asking (CI, no terminal)." };
        var replay = new Command("replay", "Re-validate a run's quarantine and release the records that now pass; asks before replaying against another major.")
            { runId, fqid, yes };
        ClientCommand.SetAction(replay, async (parse, client, ct) =>
        {
            if (parse.GetValue(fqid) is null && !parse.GetValue(yes)
                && await OtherMajorAsync(client, parse.GetValue(runId)!, ct) is { } change && !QuarantineReplayConfirmation.Confirmed(change))
            {
                await Console.Error.WriteLineAsync($"error: not replayed: the run {parse.GetValue(runId)} ran on {change.Pinned}, the newest published version is {change.Target}, another major. " +
                    $"Pass --fqid {change.Target} (or a version of major {change.PinnedMajor}) to choose, or --yes to confirm.");
                return ExitCodes.UsageOrInput;
            }
            var result = await client.ReplayQuarantineAsync(new QuarantineReplayRequest(parse.GetValue(runId), parse.GetValue(fqid)), ct);
            Console.WriteLine($"Replayed {N(result.Examined)} records of {result.RunId} against {result.Fqid}: {N(result.Released)} released" +
                (result.ReleasedKey is null ? "" : $" to {result.ReleasedKey}") + $", {N(result.Remaining)} still quarantined.");
            return ExitCodes.Ok;
        }, outputs: []);
        var key = new Argument<string>("key") { Description = "A batch's key, as `quarantine ls` lists it." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var manifest = new Option<bool>("--manifest") { Description = "The batch's manifest (why each record was quarantined) instead of its records." };
        var get = new Command("get", "Download a quarantined batch's records as they arrived (or its manifest).") { key, outFile, manifest };
        ClientCommand.SetAction(get, async (parse, client, ct) =>
        {
            if (parse.GetValue(outFile) is { } file)
            {
                var partial = file.FullName + ".partial";
                long bytes;
                await using (var output = File.Create(partial))
                {
                    bytes = await client.DownloadQuarantineAsync(parse.GetValue(key)!, parse.GetValue(manifest), output, ct);
                }
                File.Move(partial, file.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"Wrote {N(bytes)} bytes to {file.FullName}.");
                return;
            }
            await using var stdout = Console.OpenStandardOutput();
            await client.DownloadQuarantineAsync(parse.GetValue(key)!, parse.GetValue(manifest), stdout, ct);
        }, outputs: []);
        var olderThan = new Option<string?>("--older-than") { Description = "Age like 30d (default: the server's retention)." };
        var purge = new Command("purge", "Delete quarantines older than an age.") { olderThan };
        ClientCommand.SetAction(purge, async (parse, client, ct) =>
        {
            var age = parse.GetValue(olderThan);
            int? days = age is null ? null : int.TryParse(age.TrimEnd('d', 'D'), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d
                : throw new IOException("--older-than must be a number of days such as 30d.");
            var result = await client.PurgeQuarantineAsync(days, ct);
            Console.WriteLine($"Purged the quarantine of {result.Batches} batches ({result.Files} files).");
        }, outputs: []);
        command.Subcommands.Add(ls);
        command.Subcommands.Add(get);
        command.Subcommands.Add(replay);
        command.Subcommands.Add(purge);
        return command;
    }

    /// <summary>The replay's default target when it is of another major than the run's pinned version; null when the same.</summary>
    private static async Task<MajorChange?> OtherMajorAsync(Client.RegistryClient client, string runId, CancellationToken ct)
    {
        var pinned = (await client.GetRunAsync(runId, ct)).SchemaFqid;
        var subject = pinned.Split(':')[0];
        var target = (await client.GetAsync(subject + ":latest", ct)).Fqid;
        return Major(pinned) is { } from && Major(target) is { } to && from != to ? new MajorChange(pinned, target, from) : null;
    }

    private static int? Major(string fqid) =>
        Core.Naming.SchemaVersion.TryParse(fqid[(fqid.IndexOf(':', StringComparison.Ordinal) + 1)..], out var version) ? version.Value.Major : null;

    private static void Print(RunResponse run, bool json)
    {
        if (json)
        {
            Printer.Json(run);
            return;
        }
        Console.WriteLine($"Run {run.RunId} of {run.PipelineId} on {run.SchemaFqid} ({run.ContentHash[..Math.Min(12, run.ContentHash.Length)]}): {run.Status}" +
            (run.ValidationResult is null ? "" : $", {run.ValidationResult}") +
            $"; {N(run.Counts.Records)} records in {run.Counts.Batches} batches, {N(run.Counts.Quarantined)} quarantined" + (run.Error is null ? "" : $"; {run.Error}")
            + (run.Flags is { Count: > 0 } flags ? $"; flagged: {string.Join(", ", flags)}" : ""));
        foreach (var b in run.Batches ?? [])
        {
            Console.WriteLine($"  batch {b.Batch} ({b.Format}): {N(b.Counts.Records)} records, {N(b.Counts.Quarantined)} quarantined, {N(b.Released)} released{(b.Failed ? ", FAILED" : "")}");
        }
    }
}
