using System.CommandLine;
using System.Text.Json;
using SchemaRegistry.Cli.Input;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg schema …</c>: every schema operation of the API.</summary>
internal static class SchemaCommands
{
    private static readonly Option<string?> Comment = new("--comment", "-m") { Description = "Comment recorded in the history." };

    public static Command Build()
    {
        var schema = new Command("schema", "Register, read and govern schema versions.");
        schema.Subcommands.Add(WithFile("register", "Register a draft from a JSON file, sent as written (the body of POST /v1/schema).",
            (client, _, document, ct) => client.RegisterDocumentAsync(document, ct)));
        schema.Subcommands.Add(WithFile("edit", "Replace a draft from a JSON file, sent as written (the body of PUT /v1/schema/{fqid}).",
            (client, fqid, document, ct) => client.EditDocumentAsync(fqid, document, ct)));
        schema.Subcommands.Add(Get());
        schema.Subcommands.Add(List());
        schema.Subcommands.Add(Versions());
        schema.Subcommands.Add(Validate());
        schema.Subcommands.Add(Action("submit", "Submit a validated version for approval.", (c, f, m, ct) => c.SubmitAsync(f, m, ct)));
        schema.Subcommands.Add(Action("approve", "Approve a submitted version (not your own).", (c, f, m, ct) => c.ApproveAsync(f, m, ct)));
        schema.Subcommands.Add(Action("reject", "Reject a submitted version; --comment says why.", (c, f, m, ct) => c.RejectAsync(f, m ?? "", ct)));
        schema.Subcommands.Add(Publish());
        schema.Subcommands.Add(Action("deprecate", "Deprecate a published version.", (c, f, m, ct) => c.DeprecateAsync(f, m, ct)));
        schema.Subcommands.Add(DiffCommand.Build());
        schema.Subcommands.Add(Changelog());
        schema.Subcommands.Add(Check());
        return schema;
    }

    /// <summary>
    /// The file goes to the registry as written, so the registry judges every member of it (a misspelt
    /// <c>"compatiblity"</c> is refused with REQ-1001, as over HTTP); only its JSON syntax is checked here.
    /// </summary>
    private static Command WithFile(string name, string description, Func<RegistryClient, string, string, CancellationToken, Task<SchemaResponse>> call)
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON document: fqid, owner, description, compatibility, tags, payload." };
        var command = new Command(name, description) { file };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var path = parse.GetValue(file)!;
            var document = JsonFiles.ReadText(path);
            using var parsed = JsonDocument.Parse(document);
            var fqid = parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.TryGetProperty("fqid", out var f)
                && f.ValueKind == JsonValueKind.String ? f.GetString()! : "";
            Printer.Schema(await call(client, fqid, document, ct), ClientOptions.Json(parse));
        });
        return command;
    }

    private static Command Get()
    {
        var fqid = FqidArgument("FQID or alias (subject:latest, subject:vMAJOR).");
        var payload = new Option<bool>("--payload") { Description = "Print only the payload (the JSON Schema itself), as JSON: redirect it to a file to diff or edit it." };
        var command = new Command("get", "Show a version: its envelope and history, or with --payload its JSON Schema.") { fqid, payload };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var schema = await client.GetAsync(parse.GetValue(fqid)!, ct);
            if (parse.GetValue(payload))
            {
                Printer.Json(schema.Payload);
                return;
            }
            Printer.Schema(schema, ClientOptions.Json(parse));
        });
        return command;
    }

    private static Command List()
    {
        var domain = new Option<string?>("--domain") { Description = "Only this domain." };
        var layer = new Option<string?>("--layer") { Description = "Only this layer." };
        var query = new Option<string?>("--query", "-q") { Description = "Text in subject, owner or description." };
        var command = new Command("list", "List subjects.") { domain, layer, query };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var result = await client.ListSubjectsAsync(parse.GetValue(domain), parse.GetValue(layer), parse.GetValue(query), ct);
            if (result.Subjects.Count == 0 && (parse.GetValue(domain) is not null || parse.GetValue(layer) is not null))
            {
                var all = (await client.ListSubjectsAsync(cancellationToken: ct)).Subjects.Select(s => s.Subject.Split('.')).ToList();
                Filters.Part("--domain", parse.GetValue(domain), all.Select(parts => parts[0]), matchedNothing: true);
                Filters.Part("--layer", parse.GetValue(layer), all.Select(parts => parts[1]), matchedNothing: true);
            }
            if (ClientOptions.Json(parse))
            {
                Printer.Json(result);
                return;
            }
            Printer.Table(["subject", "versions", "latest published", "updated"], result.Subjects.Select(s =>
                new[] { s.Subject, s.Versions.ToString(System.Globalization.CultureInfo.InvariantCulture), s.LatestPublished ?? "-", Printer.Time(s.UpdatedAt) }));
        });
        return command;
    }

    private static Command Versions()
    {
        var subject = new Argument<string>("subject") { Description = "domain.layer.entity" };
        var command = new Command("versions", "List a subject's versions.") { subject };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var result = await client.ListVersionsAsync(parse.GetValue(subject)!, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(result);
                return;
            }
            Printer.Table(["fqid", "state", "content hash", "updated"],
                result.Versions.Select(v => new[] { v.Fqid, v.State, v.ContentHash, Printer.Time(v.UpdatedAt) }));
        });
        return command;
    }

    private static Command Validate()
    {
        var fqid = FqidArgument("The version to validate.");
        var check = new Option<bool>("--check") { Description = "Only check; do not mark the version validated." };
        var command = new Command("validate", "Validate a version (envelope, payload, references).") { fqid, check };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var target = parse.GetValue(fqid)!;
            ValidationResponse result;
            try
            {
                result = parse.GetValue(check) ? await client.CheckAsync(target, ct) : await client.ValidateAsync(target, ct);
            }
            catch (RegistryApiException e) when (e.Problem.Status == 422)
            {
                // The validation ran and found problems: a check's failure (1), not a refused request (2).
                ClientCommand.Print(parse, e);
                return ExitCodes.ProblemsFound;
            }
            if (ClientOptions.Json(parse))
            {
                Printer.Json(result);
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{result.Fqid} is valid (state {result.State}, {result.ContentHash}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Changelog()
    {
        var subject = new Argument<string>("subject") { Description = "domain.layer.entity" };
        var command = new Command("changelog", "The changes between a subject's published versions, version by version.") { subject };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var versions = (await client.ListVersionsAsync(parse.GetValue(subject)!, ct)).Versions
                .Where(v => v.State is "published" or "deprecated")
                .ToList();
            var steps = new List<DiffResponse>();
            for (var i = 1; i < versions.Count; i++)
            {
                steps.Add(await client.DiffAsync(versions[i - 1].Fqid, versions[i].Fqid, ct));
            }
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.WithChanges(steps));
                return;
            }
            if (versions.Count > 0)
            {
                Console.WriteLine($"{versions[0].Fqid}: first published version");
            }
            foreach (var step in steps)
            {
                var verdict = (step.Backward, step.Forward) switch
                {
                    (true, true) => "fully compatible",
                    (true, false) => "backward compatible",
                    (false, true) => "forward compatible",
                    _ => "breaking",
                };
                Console.WriteLine($"{step.To}: {step.Changes.Count} change(s) since {step.From}, {verdict}");
                foreach (var change in step.Changes)
                {
                    Console.WriteLine($"  {change.Kind} {change.Path}: {change.Reason}");
                }
            }
        });
        return command;
    }

    /// <summary>
    /// The server's compatibility check of a registered version, or of a candidate payload file under the FQID it would
    /// have: exit 0 when it may be published under the subject's mode, 1 when not (a CI gate; compare <c>schema diff</c>,
    /// which judges two local files).
    /// </summary>
    private static Command Check()
    {
        var fqid = FqidArgument("The (candidate) version.");
        var payload = new Option<FileInfo?>("--payload") { Description = "A JSON Schema file: check it as the payload of an unregistered version." };
        var command = new Command("check", "Check a version against its subject's published versions on the server (exit 1 when incompatible).") { fqid, payload };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            JsonElement? body = null;
            if (parse.GetValue(payload) is { } file)
            {
                using var document = JsonFiles.Parse(file);
                body = document.RootElement.Clone();
            }
            var report = await client.CheckCompatibilityAsync(new CompatibilityRequest(parse.GetValue(fqid), body), ct);
            if (ClientOptions.Json(parse))
            {
                JsonOutput.Print(JsonOutput.WithChanges(report));
            }
            else
            {
                var against = report.ComparedWith.Count == 0 ? "no published version" : string.Join(", ", report.ComparedWith);
                Console.WriteLine($"{report.Fqid}: {(report.Compatible ? "compatible" : "INCOMPATIBLE")} under {report.Mode} with {against}; needs a {report.RequiredBump} bump.");
                Printer.WrappedTable(["backward", "forward", "kind", "path", "reason"], report.Changes.Select(c => new[]
                {
                    Verdict(c.Backward), Verdict(c.Forward), c.Kind, c.Path.Length == 0 ? "/" : c.Path, c.Reason,
                }));
            }
            return report.Compatible ? ExitCodes.Ok : ExitCodes.ProblemsFound;
        });
        return command;
    }

    private static string Verdict(bool? verdict) => verdict switch { true => "ok", false => "BREAKS", null => "unproven" };

    private static Command Publish()
    {
        var fqid = FqidArgument("The approved version to publish.");
        var force = new Option<bool>("--force") { Description = "Publish without approval (schema-admin; needs --reason)." };
        var reason = new Option<string?>("--reason") { Description = "Why the publish is forced; recorded." };
        var command = new Command("publish", "Publish an approved version.") { fqid, force, reason };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
            Printer.Schema(await client.PublishAsync(parse.GetValue(fqid)!, parse.GetValue(force), parse.GetValue(reason), ct), ClientOptions.Json(parse)));
        return command;
    }

    private static Command Action(string name, string description, Func<RegistryClient, string, string?, CancellationToken, Task<SchemaResponse>> call)
    {
        var fqid = FqidArgument("The version acted on.");
        var command = new Command(name, description) { fqid, Comment };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
            Printer.Schema(await call(client, parse.GetValue(fqid)!, parse.GetValue(Comment), ct), ClientOptions.Json(parse)));
        return command;
    }

    private static Argument<string> FqidArgument(string description) => new("fqid") { Description = description };
}
