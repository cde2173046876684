using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg audit list|export|verify|annotate|annotations</c>: the governance ledger, an independent check of its
/// hash chain, and the post-incident tags.
/// </summary>
internal static class AuditCommands
{
    public static Command Build()
    {
        var command = new Command("audit", "The governance ledger: who changed what, when and why, hash-chained.");
        var target = new Option<string?>("--target") { Description = "Only entries about this FQID, subject, run or key." };
        var principal = new Option<string?>("--principal") { Description = "Only entries by this principal (key id)." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only entries at or after this time (ISO 8601)." };
        var list = new Command("list", "Print ledger entries.") { target, principal, from };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            await Filters.SubjectOrVersionIfNamedAsync(client, "--target", parse.GetValue(target), ct);
            PrintEntries(await client.ListAuditAsync(0, parse.GetValue(target), parse.GetValue(principal), parse.GetValue(from), 10_000, ct), ClientOptions.Json(parse));
        });
        var file = new Argument<FileInfo>("file") { Description = "Where to write the ledger (NDJSON)." };
        var export = new Command("export", "Write the whole ledger as NDJSON.") { file };
        ClientCommand.SetAction(export, async (parse, client, ct) =>
        {
            var count = 0;
            await using (var writer = new StreamWriter(parse.GetValue(file)!.FullName))
            {
                await foreach (var line in client.ExportAuditAsync(ct))
                {
                    await writer.WriteLineAsync(line);
                    count++;
                }
            }
            Console.WriteLine($"Exported {count} ledger entries.");
        }, outputs: []);
        var input = new Option<FileInfo?>("--file") { Description = "Verify an exported ledger file instead of the registry's." };
        var verify = new Command("verify", "Recompute the hash chain; name the first broken entry (exit 1).") { input };
        ClientCommand.SetAction(verify, async (parse, client, ct) =>
        {
            var lines = parse.GetValue(input) is { } path ? File.ReadLinesAsync(path.FullName, ct) : client.ExportAuditAsync(ct);
            var entries = new List<AuditEntry>();
            await foreach (var line in lines)
            {
                if (line.Length > 0)
                {
                    entries.Add(ToEntry(RegistryClient.ParseAuditLine(line)));
                }
            }
            if (AuditChain.Verify(entries, previousSequence: 0) is { } broken)
            {
                throw new CheckFailedException($"The ledger is broken at entry {broken.Sequence}: {broken.Reason}");
            }
            Console.WriteLine($"The ledger holds: {entries.Count} entries, chain intact" + (entries.Count > 0 ? $", last hash {entries[^1].Hash}." : "."));
        }, outputs: []);
        command.Subcommands.Add(list);
        command.Subcommands.Add(export);
        command.Subcommands.Add(verify);
        command.Subcommands.Add(Annotate());
        command.Subcommands.Add(Annotations());
        return command;
    }

    private static readonly Option<string> Incident = new("--incident") { Description = "The incident tracker's id.", Required = true };

    private static Command Annotate()
    {
        var fqids = new Option<string[]>("--fqid") { Description = "A schema version to tag (repeatable).", AllowMultipleArgumentsPerToken = true };
        var runs = new Option<string[]>("--run") { Description = "A run id to tag (repeatable).", AllowMultipleArgumentsPerToken = true };
        var note = new Option<string?>("--note") { Description = "Root cause or corrective action." };
        var command = new Command("annotate", "Tag schema versions and runs with an incident in the ledger.") { Incident, fqids, runs, note };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var entries = await client.AnnotateAsync(new AnnotationRequest(parse.GetValue(Incident), parse.GetValue(note), parse.GetValue(fqids), parse.GetValue(runs)), ct);
            PrintEntries(entries, ClientOptions.Json(parse));
        });
        return command;
    }

    private static Command Annotations()
    {
        var command = new Command("annotations", "The ledger entries that tag an incident.") { Incident };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
            PrintEntries(await client.ListAnnotationsAsync(parse.GetValue(Incident)!, ct), ClientOptions.Json(parse)));
        return command;
    }

    private static void PrintEntries(List<AuditEntryResponse> entries, bool json)
    {
        if (json)
        {
            Printer.Json(entries);
            return;
        }
        Printer.Table(["seq", "at", "principal", "role", "action", "target", "reason"], entries.Select(e => new[]
        {
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Printer.Time(e.At), e.Principal, e.Role, e.Action, e.Target, e.Reason ?? "",
        }));
    }

    /// <summary>The entry as the ledger's hash covers it (the resolver SDK carries only the wire record, not the domain).</summary>
    private static AuditEntry ToEntry(AuditEntryResponse e) =>
        new(e.Sequence, e.At, e.Principal, e.Role, e.Action, e.Target, e.Reason, e.BeforeHash, e.AfterHash, e.PreviousHash, e.Hash);
}
