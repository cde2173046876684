using SchemaRegistry.Data.References;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// Checks a candidate version against the published versions its subject's mode names. Within one major line an
/// incompatible change is VAL-1402 (it needs a new major); the transitive modes also check earlier majors, where an
/// incompatible change is VAL-1401 (no version number can fix it). A new major's first version is checked against
/// nothing of the old majors unless the mode is transitive.
/// </summary>
internal sealed class CompatibilityService(IRegistryStorage storage, Layers layers, Core.Formats.SchemaFormats formats, ReferenceLoader references, Pipelines.DriftService drift, Hosting.RegistryOptions options, TimeProvider time)
{
    public async Task<DiffResponse> DiffAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var older = await LoadAsync(from, cancellationToken);
        var newer = await LoadAsync(to, cancellationToken);
        var diff = await DiffAsync(older, newer, cancellationToken);
        return new DiffResponse(older.Fqid.ToString(), newer.Fqid.ToString(), diff.IsBackwardCompatible, diff.IsForwardCompatible,
            diff.Changes.Select(ChangeItems.ToItem).ToList());
    }

    public async Task<CompatibilityResponse> ReportAsync(CompatibilityRequest request, CancellationToken cancellationToken)
    {
        if (request.Payload is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } payload)
        {
            return (await CheckAsync(await LoadAsync(request.Fqid, cancellationToken), cancellationToken)).Report;
        }
        // An unregistered candidate: checked as if it were registered under its FQID with the default envelope.
        var definition = Core.Checks.EnvelopeRules.Build(new Core.Checks.DraftInput(request.Fqid, "candidate", null, null, null, null, payload), layers, options.DefaultMode, formats.All.Select(f => f.Name).ToList());
        Validation.PayloadLimits.Enforce(definition.Payload, options);
        var now = time.GetUtcNow();
        var candidate = new SchemaRecord(definition, SchemaState.Draft, [], "", now, "candidate", now, "candidate", null, 0);
        return (await CheckAsync(candidate, cancellationToken)).Report;
    }

    public async Task<SubjectConfig> GetConfigAsync(string subjectText, CancellationToken cancellationToken)
    {
        var subject = ParseSubject(subjectText);
        var mode = await storage.Subjects.GetModeAsync(subject, cancellationToken);
        return new SubjectConfig(subject.ToString(), WireNames.Of(mode ?? options.DefaultMode), mode is null ? "default" : "subject");
    }

    public async Task<SubjectConfig> SetConfigAsync(string subjectText, SubjectConfig request, Core.Security.Principal actor, CancellationToken cancellationToken)
    {
        var subject = ParseSubject(subjectText);
        if (!WireNames.TryParse(request.Compatibility, out CompatibilityMode mode))
        {
            throw new RegistryException(RegistryError.Envelope($"compatibility must be one of {string.Join(", ", WireNames.AllModes)}."));
        }
        var now = time.GetUtcNow();
        await storage.Subjects.SetModeAsync(subject, mode, actor.Name, now, [Events.EventFactory.SubjectConfigChanged(subject, mode, actor, now)], cancellationToken);
        return new SubjectConfig(subject.ToString(), WireNames.Of(mode), "subject");
    }

    /// <summary>The payload with the registered schemas it references copied in, so the diff sees through them.</summary>
    private async Task<string> BundleAsync(SchemaRecord record, CancellationToken cancellationToken)
    {
        var referenced = Core.Checks.ReferenceScanner.Scan(record.Definition.Payload, options.CanonicalPrefix);
        if (referenced.Count == 0)
        {
            return record.Definition.Payload;
        }
        var payloads = await references.LoadAsync(Core.Checks.ReferenceRules.Parse(referenced, layers, []), cancellationToken);
        return ReferenceBundler.Bundle(record.Definition.Payload, payloads, options.CanonicalPrefix);
    }

    private SubjectName ParseSubject(string text) =>
        SubjectName.TryParse(text, layers, out var subject, out var error) ? subject : throw new RegistryException(RegistryError.Envelope(error));

    private async Task<SchemaRecord> LoadAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new RegistryException(RegistryError.Envelope("An exact FQID is required."));
        }
        if (!Fqid.TryParse(text, layers, out var fqid, out var error))
        {
            throw new RegistryException(RegistryError.Envelope(error));
        }
        return await storage.Schemas.GetAsync(fqid, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Schema {fqid}"));
    }

    public async Task<CompatibilityMode> EffectiveModeAsync(SchemaRecord candidate, CancellationToken cancellationToken) =>
        await storage.Subjects.GetModeAsync(candidate.Fqid.Subject, cancellationToken) ?? candidate.Definition.Compatibility;

    public async Task<(CompatibilityResponse Report, IReadOnlyList<Issue> Issues)> CheckAsync(SchemaRecord candidate, CancellationToken cancellationToken)
    {
        var mode = await EffectiveModeAsync(candidate, cancellationToken);
        var version = candidate.Fqid.Version;
        var published = (await storage.Schemas.ListVersionsAsync(candidate.Fqid.Subject, cancellationToken))
            .Where(v => v.State == SchemaState.Published && v.Fqid.Version < version)
            .OrderByDescending(v => v.Fqid.Version)
            .ToList();
        var transitive = mode is CompatibilityMode.BackwardTransitive or CompatibilityMode.ForwardTransitive or CompatibilityMode.FullTransitive;
        var targets = transitive ? published : published.Where(v => v.Fqid.Version.Major == version.Major).Take(1).ToList();
        var issues = new List<Issue>();
        var breaking = new List<(Issue Issue, SchemaChange Change)>();
        IReadOnlyList<SchemaChange> firstChanges = [];
        foreach (var target in targets)
        {
            var diff = await DiffAsync(target, candidate, cancellationToken);
            if (ReferenceEquals(target, targets[0]))
            {
                firstChanges = diff.Changes;
            }
            if (mode == CompatibilityMode.None || CompatibilityRules.IsCompatible(diff, mode))
            {
                continue;
            }
            var code = target.Fqid.Version.Major == version.Major ? ErrorCode.VersionMismatch : ErrorCode.Incompatible;
            foreach (var change in diff.Changes.Where(c => Breaks(c, mode)))
            {
                var example = change.Example is null ? "" : $" For example {change.Example}.";
                var issue = new Issue(code, change.Path, $"Against {target.Fqid}: {change.Reason}{example}");
                issues.Add(issue);
                breaking.Add((issue, change));
            }
        }
        var evidence = await EvidenceAsync(candidate, mode, breaking, cancellationToken);
        if (evidence is not null)
        {
            issues.Clear();
        }
        var bump = firstChanges.Count == 0 ? "none" : issues.Count == 0 ? "minor" : "major";
        var report = new CompatibilityResponse(candidate.Fqid.ToString(), WireNames.Of(mode), issues.Count == 0,
            targets.Select(t => t.Fqid.ToString()).ToList(), bump, firstChanges.Select(ChangeItems.ToItem).ToList())
        {
            Evidence = evidence?.Describe(candidate.Fqid.ToString()),
        };
        return (report, issues);
    }

    /// <summary>
    /// When the only thing that makes the candidate a major is properties added within its major line that the mode's
    /// backward half cannot prove safe, the drift case that saw those properties may show they are safe for the data the
    /// pipelines sent. Anything else (a removed or retyped property, a forward failure, another major) keeps its code.
    /// </summary>
    private async Task<Pipelines.DriftEvidence?> EvidenceAsync(SchemaRecord candidate, CompatibilityMode mode, List<(Issue Issue, SchemaChange Change)> breaking,
        CancellationToken cancellationToken)
    {
        if (breaking.Count == 0 || breaking.Any(b => b.Issue.Code != ErrorCode.VersionMismatch || b.Change.Kind != ChangeKind.PropertyAdded
                || Breaks(b.Change with { Backward = true }, mode)))
        {
            return null;
        }
        return await drift.EvidenceAsync(candidate, breaking.Select(b => b.Change.Path).ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    public static bool Breaks(SchemaChange change, CompatibilityMode mode) => mode switch
    {
        CompatibilityMode.Backward or CompatibilityMode.BackwardTransitive => change.Backward != true,
        CompatibilityMode.Forward or CompatibilityMode.ForwardTransitive => change.Forward != true,
        CompatibilityMode.Full or CompatibilityMode.FullTransitive => change.Backward != true || change.Forward != true,
        _ => false,
    };

    /// <summary>
    /// The diff from one version to another through their format: JSON Schema with the registered schemas it references
    /// copied in (the comparer sees through them), any other format by its own <see cref="Core.Formats.ISchemaFormat.Compare"/>.
    /// </summary>
    public async Task<SchemaDiff> DiffAsync(SchemaRecord older, SchemaRecord newer, CancellationToken cancellationToken)
    {
        var format = newer.Definition.Format;
        if (format == SchemaDefinition.JsonSchemaFormat && older.Definition.Format == format)
        {
            Validation.PayloadLimits.Enforce(older.Definition.Payload, options);
            Validation.PayloadLimits.Enforce(newer.Definition.Payload, options);
            using var a = JsonDocument.Parse(await BundleAsync(older, cancellationToken));
            using var b = JsonDocument.Parse(await BundleAsync(newer, cancellationToken));
            return Diff(a.RootElement, b.RootElement, older, newer);
        }
        if (older.Definition.Format != format || !formats.TryGet(format, out var schemaFormat))
        {
            throw new RegistryException(new RegistryError(ErrorCode.Incompatible, ErrorKind.Conflict, "Format changed",
                $"{older.Fqid} is {older.Definition.Format} and {newer.Fqid} is {format}: a subject keeps one format."));
        }
        return schemaFormat.Compare(Parse(schemaFormat, older), Parse(schemaFormat, newer));
    }

    private static Core.Formats.ParsedSchema Parse(Core.Formats.ISchemaFormat format, SchemaRecord record)
    {
        var parse = format.Parse(Core.Formats.SchemaText.FromPayload(record.Definition.Payload), new Dictionary<string, string>());
        return parse.Schema ?? throw new RegistryException(RegistryError.FromIssues("Not a schema", parse.Issues));
    }

    /// <summary>
    /// The comparer reads schemas that passed the payload check; a draft that did not (a <c>type</c> that is an
    /// object, <c>properties</c> that is an array) is refused with VAL-1102 rather than compared.
    /// </summary>
    private static SchemaDiff Diff(JsonElement older, JsonElement newer, SchemaRecord olderRecord, SchemaRecord newerRecord)
    {
        try
        {
            return SchemaDiffer.Diff(older, newer);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.PayloadInvalid, ErrorKind.Unprocessable, "Not a schema",
                $"{olderRecord.Fqid} and {newerRecord.Fqid} cannot be compared: one is not a valid schema ({e.Message}). Validate it first (POST /v1/schema/validate)."));
        }
    }
}
