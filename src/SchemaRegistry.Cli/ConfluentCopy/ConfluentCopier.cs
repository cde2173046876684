using System.Text.Json.Nodes;

namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>
/// Copies subjects, versions (ids and version numbers kept), references and settings from one Confluent-compatible
/// registry to another through Confluent's REST API. Each subject written is put in IMPORT mode for the copy and
/// then given the source's own mode (or its previous one). Idempotent: a version already on the target with the same
/// id and schema is skipped; one that differs is a conflict, reported and never overwritten. Resumable, as every
/// step checks the target first.
/// </summary>
internal sealed class ConfluentCopier(ConfluentRest source, ConfluentRest target, SubjectPattern pattern, bool dryRun)
{
    private const string Import = "IMPORT";
    private readonly Dictionary<string, string?> _switched = new(StringComparer.Ordinal);
    private readonly List<SettingOutcome> _settings = [];
    private readonly List<VersionOutcome> _versions = [];

    public async Task<CopyReport> RunAsync(Action<int, int, string> progress, CancellationToken ct)
    {
        var subjects = Strings(await source.RequireAsync(HttpMethod.Get, "subjects", null, ct)).Where(pattern.Matches).Order(StringComparer.Ordinal).ToList();
        var (versions, softDeleted) = await ReadSourceAsync(subjects, ct);
        var order = CopyOrder.Of(versions);
        var all = subjects.Union(order.Select(v => v.Subject), StringComparer.Ordinal).ToList();
        await CopyGlobalSettingsAsync(ct);
        var last = order.Select((v, i) => (v.Subject, i)).GroupBy(p => p.Subject).ToDictionary(g => g.Key, g => g.Max(p => p.i), StringComparer.Ordinal);
        var done = 0;
        for (var i = 0; i < order.Count; i++)
        {
            _versions.Add(await CopyVersionAsync(order[i], ct));
            if (last[order[i].Subject] == i)
            {
                await FinishSubjectAsync(order[i].Subject, ct);
                progress(++done, all.Count, Summary(order[i].Subject));
            }
        }
        foreach (var empty in all.Where(s => !last.ContainsKey(s)))
        {
            await FinishSubjectAsync(empty, ct);
            progress(++done, all.Count, $"{empty}: no live version");
        }
        var ids = _versions.Where(v => v.Outcome is VersionOutcome.Imported or VersionOutcome.AlreadyPresent).Select(v => v.Id).Distinct().Order().ToList();
        return new CopyReport(source.Url.ToString(), target.Url.ToString(), dryRun, pattern.Glob, all.Count,
            Count(VersionOutcome.Imported) + Count(VersionOutcome.WouldImport), Count(VersionOutcome.AlreadyPresent), Count(VersionOutcome.Conflicting),
            softDeleted, ids, _settings, _versions);
    }

    private int Count(string outcome) => _versions.Count(v => v.Outcome == outcome);

    private string Summary(string subject)
    {
        var mine = _versions.Where(v => v.Subject == subject).ToList();
        var verb = dryRun ? "to import" : "imported";
        var text = $"{subject}: {mine.Count(v => v.Outcome is VersionOutcome.Imported or VersionOutcome.WouldImport)} {verb}, " +
                   $"{mine.Count(v => v.Outcome == VersionOutcome.AlreadyPresent)} already present";
        var conflicts = mine.Count(v => v.Outcome == VersionOutcome.Conflicting);
        return conflicts == 0 ? text : $"{text}, {conflicts} conflicting";
    }

    /// <summary>
    /// The live versions of the chosen subjects, and every version they reference (even outside <c>--subjects</c> or
    /// soft-deleted: a referrer cannot be registered without them). Soft-deleted versions are otherwise not copied.
    /// </summary>
    private async Task<(List<SubjectVersion> Versions, int SoftDeleted)> ReadSourceAsync(IReadOnlyList<string> subjects, CancellationToken ct)
    {
        var found = new Dictionary<(string, int), SubjectVersion>();
        var softDeleted = 0;
        foreach (var subject in subjects)
        {
            var path = $"subjects/{ConfluentRest.Escape(subject)}/versions";
            var live = Ints(await source.RequireAsync(HttpMethod.Get, path, null, ct));
            if (await source.GetAsync(path + "?deleted=true", ct) is { Ok: true } withDeleted)
            {
                softDeleted += Ints(withDeleted.Json).Count(v => !live.Contains(v));
            }
            foreach (var version in live)
            {
                found[(subject, version)] = await FetchAsync(subject, version, ct);
            }
        }
        var pending = new Queue<VersionReference>(found.Values.SelectMany(v => v.References));
        while (pending.TryDequeue(out var reference))
        {
            if (!found.ContainsKey((reference.Subject, reference.Version)))
            {
                var version = await FetchAsync(reference.Subject, reference.Version, ct);
                found[version.Key] = version;
                foreach (var next in version.References)
                {
                    pending.Enqueue(next);
                }
            }
        }
        return (found.Values.ToList(), softDeleted);
    }

    private async Task<SubjectVersion> FetchAsync(string subject, int version, CancellationToken ct) =>
        SubjectVersion.From(subject, (await source.RequireAsync(HttpMethod.Get, $"subjects/{ConfluentRest.Escape(subject)}/versions/{version}?deleted=true", null, ct))!);

    private async Task<VersionOutcome> CopyVersionAsync(SubjectVersion version, CancellationToken ct)
    {
        VersionOutcome Outcome(string outcome, string? reason = null) => new(version.Subject, version.Version, version.Id, outcome, reason);
        var subject = ConfluentRest.Escape(version.Subject);
        var present = await target.GetAsync($"subjects/{subject}/versions/{version.Version}?deleted=true", ct);
        if (present.Ok)
        {
            var id = present.Json?["id"]?.GetValue<long>();
            return id != version.Id
                ? Outcome(VersionOutcome.Conflicting, $"the target's version {version.Version} of '{version.Subject}' has id {id}, the source's {version.Id}")
                : version.SameSchemaAs(present.Json!)
                    ? Outcome(VersionOutcome.AlreadyPresent)
                    : Outcome(VersionOutcome.Conflicting, $"the target's version {version.Version} of '{version.Subject}' (id {id}) holds another schema");
        }
        RequireNotFound(target, present);
        var byId = await target.GetAsync($"schemas/ids/{version.Id}", ct);
        if (byId.Ok && !version.SameSchemaAs(byId.Json!))
        {
            return Outcome(VersionOutcome.Conflicting, $"id {version.Id} names another schema on the target");
        }
        if (!byId.Ok)
        {
            RequireNotFound(target, byId);
        }
        if (dryRun)
        {
            return Outcome(VersionOutcome.WouldImport);
        }
        await SwitchToImportAsync(version.Subject, ct);
        var answer = await target.SendAsync(HttpMethod.Post, $"subjects/{subject}/versions", version.RegisterBody(), ct);
        if (answer.Ok)
        {
            var id = answer.Json?["id"]?.GetValue<long>();
            return id == version.Id ? Outcome(VersionOutcome.Imported) : Outcome(VersionOutcome.Conflicting, $"the target registered it as id {id}");
        }
        RequireRefusal(target, answer);
        return Outcome(VersionOutcome.Conflicting, $"the target refused it: {answer.ErrorCode} {answer.Message}");
    }

    /// <summary>The source's global compatibility level is copied; its global mode is reported, not copied (a source is often frozen READONLY for a move).</summary>
    private async Task CopyGlobalSettingsAsync(CancellationToken ct)
    {
        if ((await source.RequireAsync(HttpMethod.Get, "config", null, ct))?["compatibilityLevel"]?.GetValue<string>() is { } level)
        {
            var current = (await target.RequireAsync(HttpMethod.Get, "config", null, ct))?["compatibilityLevel"]?.GetValue<string>();
            _settings.Add(new SettingOutcome("(global)", "compatibility", level, await ApplyAsync(current == level, HttpMethod.Put, "config",
                new JsonObject { ["compatibility"] = level }, ct)));
        }
        if ((await source.GetAsync("mode", ct)) is { Ok: true } mode && mode.Json?["mode"]?.GetValue<string>() is { } sourceMode)
        {
            var targetMode = (await target.GetAsync("mode", ct)).Json?["mode"]?.GetValue<string>();
            _settings.Add(new SettingOutcome("(global)", "mode", sourceMode, $"not copied (the target's global mode stays {targetMode ?? "unknown"})"));
        }
    }

    /// <summary>The subject's own compatibility level and mode, as the source has them; the mode last, as READONLY would refuse the rest.</summary>
    private async Task FinishSubjectAsync(string name, CancellationToken ct)
    {
        var subject = ConfluentRest.Escape(name);
        if (await OwnAsync(source, $"config/{subject}?defaultToGlobal=false", "compatibilityLevel", ct) is { } level)
        {
            var current = await OwnAsync(target, $"config/{subject}?defaultToGlobal=false", "compatibilityLevel", ct);
            _settings.Add(new SettingOutcome(name, "compatibility", level, await ApplyAsync(current == level, HttpMethod.Put, $"config/{subject}",
                new JsonObject { ["compatibility"] = level }, ct)));
        }
        var sourceMode = await OwnAsync(source, $"mode/{subject}?defaultToGlobal=false", "mode", ct);
        var switched = _switched.TryGetValue(name, out var before);
        // A subject left in IMPORT by an interrupted run is not one to keep importing: it follows the source again.
        var wanted = sourceMode ?? (switched && before != Import ? before : null);
        var own = switched ? Import : await OwnAsync(target, $"mode/{subject}?defaultToGlobal=false", "mode", ct);
        if (wanted is not null)
        {
            var outcome = await ApplyAsync(own == wanted, HttpMethod.Put, $"mode/{subject}?force=true", new JsonObject { ["mode"] = wanted }, ct);
            _settings.Add(new SettingOutcome(name, "mode", wanted, switched ? $"{outcome} after the copy in IMPORT mode" : outcome));
        }
        else if (own is not null && (switched || own == Import))
        {
            var outcome = await ApplyAsync(false, HttpMethod.Delete, $"mode/{subject}", null, ct);
            _settings.Add(new SettingOutcome(name, "mode", null, $"{(outcome == "set" ? "cleared" : "would clear")} after the copy in IMPORT mode (follows the global mode)"));
        }
    }

    /// <summary>Puts a subject in IMPORT mode before its first register (the target must accept ids and versions), remembering its own mode.</summary>
    private async Task SwitchToImportAsync(string name, CancellationToken ct)
    {
        if (_switched.ContainsKey(name))
        {
            return;
        }
        var subject = ConfluentRest.Escape(name);
        var own = await OwnAsync(target, $"mode/{subject}?defaultToGlobal=false", "mode", ct);
        if (own != Import)
        {
            await target.RequireAsync(HttpMethod.Put, $"mode/{subject}?force=true", new JsonObject { ["mode"] = Import }, ct);
        }
        _switched[name] = own;
    }

    private async Task<string> ApplyAsync(bool present, HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        if (present)
        {
            return VersionOutcome.AlreadyPresent;
        }
        if (dryRun)
        {
            return "would set";
        }
        await target.RequireAsync(method, path, body, ct);
        return "set";
    }

    /// <summary>A subject's own setting, or null when it has none (404: 40401, 40408, 40409).</summary>
    private static async Task<string?> OwnAsync(ConfluentRest registry, string path, string member, CancellationToken ct)
    {
        var answer = await registry.GetAsync(path, ct);
        if (answer.Ok)
        {
            return answer.Json?[member]?.GetValue<string>();
        }
        RequireNotFound(registry, answer);
        return null;
    }

    private static void RequireNotFound(ConfluentRest registry, ConfluentAnswer answer)
    {
        if (answer.Status != 404)
        {
            throw new ConfluentCallException(registry, answer);
        }
    }

    /// <summary>A refusal of this one version (409, 422, 404 for a reference) is reported as a conflict; credentials and failures stop the copy.</summary>
    private static void RequireRefusal(ConfluentRest registry, ConfluentAnswer answer)
    {
        if (answer.Status is not (404 or 409 or 422))
        {
            throw new ConfluentCallException(registry, answer);
        }
    }

    private static List<string> Strings(JsonNode? json) => json is JsonArray list ? list.Select(n => n!.GetValue<string>()).ToList() : [];

    private static List<int> Ints(JsonNode? json) => json is JsonArray list ? list.Select(n => n!.GetValue<int>()).ToList() : [];
}
