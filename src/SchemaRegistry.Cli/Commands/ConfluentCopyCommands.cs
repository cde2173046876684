using System.CommandLine;
using System.Globalization;
using SchemaRegistry.Cli.ConfluentCopy;
using SchemaRegistry.Cli.Output;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg import confluent --from URL</c> and <c>schemareg export confluent --to URL</c>: copy subjects, versions,
/// ids, references and settings between this registry (through its Confluent door) and any Confluent-compatible one
/// (docs/confluent.md, "Moving in and out").
/// </summary>
internal static class ConfluentCopyCommands
{
    public const string PasswordVariable = "SCHEMAREG_REMOTE_PASSWORD";

    public static Command Import() => Build("import", "--from", "Copy every subject, version, id, reference and setting from a Confluent-compatible registry into this one (schema-admin).");

    public static Command Export() => Build("export", "--to", "Copy every subject, version, id, reference and setting from this registry into a Confluent-compatible one.");

    private static Command Build(string verb, string remoteName, string description)
    {
        var importing = verb == "import";
        var remote = new Option<string>(remoteName)
        {
            Description = importing ? "The registry to copy from (Confluent REST API), e.g. http://confluent:8081." : "The registry to copy to (Confluent REST API).",
            Required = true,
        };
        var subjects = new Option<string?>("--subjects") { Description = "Only Confluent subjects matching this glob (`orders-*`); referenced versions come along." };
        var user = new Option<string?>("--user") { Description = $"HTTP Basic user for the registry named by {remoteName}." };
        var password = new Option<string?>("--password") { Description = $"HTTP Basic password for it (env {PasswordVariable})." };
        var remoteToken = new Option<string?>("--remote-token") { Description = $"Bearer token for the registry named by {remoteName} (--token is this registry's key)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be copied; write nothing." };
        var command = new Command("confluent", description) { remote, subjects, user, password, remoteToken, dryRun };
        ClientCommand.SetAction(command, async (parse, _, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(remote), UriKind.Absolute, out var remoteUrl) || remoteUrl.Scheme is not ("http" or "https"))
            {
                throw new InputException($"{remoteName} must be an http(s) URL, not '{parse.GetValue(remote)}'.");
            }
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable(PasswordVariable);
            if (parse.GetValue(user) is not null && parse.GetValue(remoteToken) is not null)
            {
                throw new InputException("Give the remote registry's credentials either as --user/--password or as --remote-token, not both.");
            }
            var credentials = parse.GetValue(user) is not null || secret is not null ? $"--user/--password (or {PasswordVariable})"
                : parse.GetValue(remoteToken) is not null ? "--remote-token" : $"none given (--user/--password or --remote-token)";
            using var far = new ConfluentRest(Slash(remoteUrl), ConfluentRest.Authorization(parse.GetValue(user), secret, parse.GetValue(remoteToken)),
                importing ? "source" : "target", credentials, ours: false);
            var (token, source) = ClientOptions.FindToken(parse);
            using var near = new ConfluentRest(Slash(new Uri(ClientOptions.ServerUrl(parse))), ConfluentRest.Authorization(null, null, token),
                importing ? "target" : "source", source ?? $"none found ({ClientOptions.TokenPlaces})", ours: true);
            var copier = importing
                ? new ConfluentCopier(far, near, new SubjectPattern(parse.GetValue(subjects)), parse.GetValue(dryRun))
                : new ConfluentCopier(near, far, new SubjectPattern(parse.GetValue(subjects)), parse.GetValue(dryRun));
            CopyReport report;
            try
            {
                report = await CopyProgress.RunAsync($"{verb} confluent", progress => copier.RunAsync(progress, ct));
            }
            catch (RegistryUnreachableException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                await Console.Error.WriteLineAsync(e.Registry.Ours
                    ? "hint: start it with `schemareg serve`, or point to it with --server or SCHEMAREG_URL."
                    : $"hint: check the URL given to {remoteName} and that the registry is running.");
                return ExitCodes.ServerOrNetwork;
            }
            catch (ConfluentCallException e)
            {
                return await RefusedAsync(e, remoteName);
            }
            Print(parse, report, verb);
            if (report.Conflicting == 0)
            {
                return ExitCodes.Ok;
            }
            await Console.Error.WriteLineAsync($"error: {report.Conflicting} version(s) conflict with what the target holds; nothing was overwritten.");
            return ExitCodes.ProblemsFound;
        });
        return command;
    }

    /// <summary>
    /// The remote registry's refusal or failure is the far side's (3), naming the credentials it refused; this
    /// registry's follows the CLI's convention (4xx: 2, else 3).
    /// </summary>
    private static async Task<int> RefusedAsync(ConfluentCallException e, string remoteName)
    {
        await Console.Error.WriteLineAsync($"error: {e.Message}");
        var status = e.Answer.Status;
        if (status is 401 or 403)
        {
            await Console.Error.WriteLineAsync(e.Registry.Ours
                ? $"hint: this registry needs a schema-admin key (config and mode changes); the key used came from {e.Registry.Credentials}."
                : $"hint: the registry at {e.Registry.Url} ({remoteName}) refused the credentials from {e.Registry.Credentials}" +
                  (status == 403 ? " (they lack the permission for this call)." : "."));
        }
        return e.Registry.Ours && status is >= 400 and < 500 ? ExitCodes.UsageOrInput : ExitCodes.ServerOrNetwork;
    }

    private static Uri Slash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static void Print(ParseResult parse, CopyReport report, string verb)
    {
        if (ClientOptions.Json(parse))
        {
            Printer.Json(report);
            return;
        }
        var imported = report.DryRun ? "to import" : verb == "import" ? "imported" : "exported";
        Console.WriteLine($"{(report.DryRun ? "Dry run: nothing written. " : "")}{report.Source} -> {report.Target}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Subjects {report.SubjectCount}; versions {imported} {report.Imported}, already present {report.AlreadyPresent}, conflicting {report.Conflicting}; " +
            $"soft-deleted versions not copied {report.SoftDeletedNotCopied}; ids {Ids(report.Ids)}."));
        if (report.Settings.Count > 0)
        {
            Console.WriteLine();
            Printer.Table(["scope", "setting", "value", "outcome"], report.Settings.Select(s => new[] { s.Scope, s.Setting, s.Value ?? "-", s.Outcome }));
        }
        var notable = report.Versions.Where(v => v.Outcome != VersionOutcome.AlreadyPresent).ToList();
        if (notable.Count > 0)
        {
            Console.WriteLine();
            Printer.Table(["subject", "version", "id", "outcome", "reason"], notable.Select(v => new[]
            {
                v.Subject, v.Version.ToString(CultureInfo.InvariantCulture), v.Id.ToString(CultureInfo.InvariantCulture), v.Outcome, v.Reason ?? "",
            }));
        }
    }

    private static string Ids(IReadOnlyList<long> ids) => ids.Count == 0 ? "none" : ids.Count <= 20 ? string.Join(", ", ids) : $"{ids.Count} ({ids[0]}..{ids[^1]})";
}
