using System.Text.Json;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// Register and look up through the door. A register lands in our subject as the version our diff requires (the next
/// minor when compatible, the next major when the level allows a breaking change), and is either published at once
/// (direct policy) or submitted for review (reviewed policy, answered 42205 naming who must approve).
/// </summary>
internal sealed class ConfluentRegistrar(
    IRegistryStorage storage,
    SchemaFormats formats,
    SubjectNames names,
    ConfluentCatalog catalog,
    ConfluentSettings settings,
    ConfluentAnswers answers,
    SchemaService schemas,
    CompatibilityService compatibility,
    Layers layers,
    LookUpCache lookUps,
    TimeProvider time)
{
    public async Task<RegisterResponse> RegisterAsync(string name, RegisterRequest request, bool normalize, Principal actor, CancellationToken cancellationToken)
    {
        var existing = await names.FindAsync(name, cancellationToken);
        var mode = await settings.RequireWritableAsync(existing, name, cancellationToken);
        var importing = mode == ConfluentSettings.Import;
        if (!importing && (request.Id is not null || request.Version is not null))
        {
            throw ConfluentErrors.NotPermitted("A schema id or version may be given only in IMPORT mode.");
        }
        var candidate = await CandidateSchema.ParseAsync(request, formats, names, catalog, cancellationToken);
        var subject = existing ?? await names.FindOrCreateAsync(name, cancellationToken);
        var versions = await catalog.VersionsAsync(subject, cancellationToken);
        var records = await storage.Schemas.ListVersionsAsync(subject, cancellationToken);
        if (records.Count > 0 && records[0].Definition.Format != candidate.Format.Name)
        {
            throw new ConfluentException(409, ConfluentErrors.Incompatible,
                $"Schema being registered is incompatible with an earlier schema: subject '{SubjectName.Printable(name)}' holds {records[0].Definition.Format} schemas.");
        }
        var live = versions.Where(v => v.Deleted == ConfluentVersion.Live).ToList();
        if (await storage.Confluent.FindSchemaIdAsync(candidate.Fingerprint, cancellationToken) is { } known && live.Any(v => v.SchemaId == known))
        {
            return request.Id is { } wanted && wanted != known
                ? throw ConfluentErrors.NotPermitted($"The schema is registered under id {known}, not {wanted}.")
                : new RegisterResponse(known);
        }
        if (records.Count == 0 && await settings.OwnPolicyAsync(subject, cancellationToken) is null)
        {
            await settings.SetPolicyAsync(subject, ConfluentSettings.Direct, actor, cancellationToken);
        }
        var level = await settings.CompatibilityAsync(subject, cancellationToken);
        var byFqid = records.ToDictionary(r => r.Fqid.ToString(), StringComparer.Ordinal);
        var liveRecords = live.Select(v => byFqid.GetValueOrDefault(v.Fqid)).OfType<SchemaRecord>().ToList();
        var probe = Record(new Fqid(subject, new SchemaVersion(0, 0)), candidate, normalize, level, name, 0, actor);
        var breaking = false;
        if (!importing && liveRecords.Count > 0)
        {
            var messages = await IncompatibilitiesAsync(Targets(liveRecords, level), probe, level, cancellationToken);
            if (messages.Count > 0)
            {
                throw new ConfluentException(409, ConfluentErrors.Incompatible,
                    $"Schema being registered is incompatible with an earlier schema for subject '{SubjectName.Printable(name)}': {string.Join("; ", messages.Take(10))}");
            }
            var diff = await compatibility.DiffAsync(liveRecords[^1], probe, cancellationToken);
            breaking = !CompatibilityRules.IsCompatible(diff, level == CompatibilityMode.None ? CompatibilityMode.Backward : level);
        }
        var fqid = new Fqid(subject, NextVersion(records, liveRecords.LastOrDefault(), breaking));
        var id = await storage.Confluent.EnsureSchemaIdAsync(candidate.ToStored(normalize), importing ? request.Id : null, time.GetUtcNow(), cancellationToken)
                 ?? throw ConfluentErrors.NotPermitted($"Schema id {request.Id} already names another schema.");
        var record = Record(fqid, candidate, normalize, level, name, id, actor);
        var policy = await settings.PolicyAsync(subject, cancellationToken);
        if (policy == ConfluentSettings.Reviewed && !importing)
        {
            await SubmitAsync(record, actor, cancellationToken);
            throw ConfluentErrors.NotPermitted(
                $"Subject '{SubjectName.Printable(name)}' is reviewed: {fqid} is registered and pending approval by a schema-admin other than {actor.Name} " +
                $"(POST /v1/schema/approve then /v1/schema/publish with {{\"fqid\":\"{fqid}\"}}). Clients keep the published version until then.");
        }
        try
        {
            await schemas.PublishDirectAsync(record.Definition, actor, $"Registered through the Confluent API as '{SubjectName.Printable(name)}' (direct policy).",
                candidate.References.Count > 0, cancellationToken);
        }
        catch (Core.Errors.RegistryException e) when (e.Error.Code == ErrorCode.AlreadyExists)
        {
            // Another register took this version number first; when it registered this same schema, its answer is ours.
            if ((await catalog.VersionsAsync(subject, cancellationToken)).Any(v => v.SchemaId == id && v.Deleted == ConfluentVersion.Live))
            {
                return new RegisterResponse(id);
            }
            throw;
        }
        var appended = await storage.Confluent.AppendVersionAsync(subject.ToString(), fqid.ToString(), id, importing ? request.Version : null, MetadataOf(request),
            cancellationToken);
        lookUps.Invalidate(subject.ToString());
        if (!appended && importing && request.Version is not null)
        {
            throw ConfluentErrors.NotPermitted($"Version {request.Version} of subject '{SubjectName.Printable(name)}' already exists.");
        }
        return new RegisterResponse(id);
    }

    /// <summary>The version of <paramref name="name"/> that holds the schema, with our subject and its cache generation read before the store.</summary>
    public async Task<(string Subject, (long Global, long Subject) Generation, SubjectVersionResponse Answer)> LookUpAsync(string name, RegisterRequest request,
        bool includeDeleted, CancellationToken cancellationToken)
    {
        var subject = await names.RequireAsync(name, cancellationToken);
        var generation = lookUps.Generation(subject.ToString());
        var candidate = await CandidateSchema.ParseAsync(request, formats, names, catalog, cancellationToken);
        var versions = await catalog.VersionsAsync(subject, cancellationToken);
        if (!versions.Any(v => v.Deleted == ConfluentVersion.Live || (includeDeleted && v.Deleted == ConfluentVersion.SoftDeleted)))
        {
            throw ConfluentErrors.SubjectMissing(name);
        }
        var id = await storage.Confluent.FindSchemaIdAsync(candidate.Fingerprint, cancellationToken) ?? throw ConfluentErrors.SchemaMissing("not found");
        var version = versions.LastOrDefault(v => v.SchemaId == id && (v.Deleted == ConfluentVersion.Live || (includeDeleted && v.Deleted == ConfluentVersion.SoftDeleted)))
                      ?? throw ConfluentErrors.SchemaMissing($"not found in subject '{SubjectName.Printable(name)}'");
        return (subject.ToString(), generation, await answers.VersionAsync(name, version, cancellationToken));
    }

    /// <summary>The versions a level checks against: all live ones for the transitive levels, else the latest.</summary>
    public static IReadOnlyList<SchemaRecord> Targets(IReadOnlyList<SchemaRecord> live, CompatibilityMode level) =>
        level is CompatibilityMode.BackwardTransitive or CompatibilityMode.ForwardTransitive or CompatibilityMode.FullTransitive ? live : [live[^1]];

    /// <summary>Our change list with reasons, one line per change that breaks the level (empty: compatible).</summary>
    public async Task<IReadOnlyList<string>> IncompatibilitiesAsync(IReadOnlyList<SchemaRecord> targets, SchemaRecord candidate, CompatibilityMode level,
        CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        if (level == CompatibilityMode.None)
        {
            return messages;
        }
        foreach (var target in targets)
        {
            var diff = await compatibility.DiffAsync(target, candidate, cancellationToken);
            if (CompatibilityRules.IsCompatible(diff, level))
            {
                continue;
            }
            foreach (var change in diff.Changes.Where(c => CompatibilityService.Breaks(c, level)))
            {
                var example = change.Example is null ? "" : $" For example {change.Example}.";
                messages.Add($"{WireNames.Of(change.Kind)} at '{change.Path}' against {target.Fqid} ({WireNames.Of(level)}): {change.Reason}{example}");
            }
        }
        return messages;
    }

    /// <summary>
    /// After the newest published version: the next minor of its major, or the next major when the change breaks. Drafts
    /// and pending versions count, so the number never collides with one of them.
    /// </summary>
    private static SchemaVersion NextVersion(IReadOnlyList<SchemaRecord> records, SchemaRecord? latest, bool breaking)
    {
        if (records.Count == 0)
        {
            return new SchemaVersion(1, 0);
        }
        var highestMajor = records.Max(r => r.Fqid.Version.Major);
        if (latest is null || breaking)
        {
            return new SchemaVersion(highestMajor + 1, 0);
        }
        var major = latest.Fqid.Version.Major;
        return new SchemaVersion(major, records.Where(r => r.Fqid.Version.Major == major).Max(r => r.Fqid.Version.Minor) + 1);
    }

    /// <summary>The candidate as one of our versions: owner and description say where it came from; its schema id rides in a tag.</summary>
    public SchemaRecord Record(Fqid fqid, CandidateSchema candidate, bool normalize, CompatibilityMode level, string name, long id, Principal actor)
    {
        using var payload = JsonDocument.Parse(SchemaText.ToPayload(normalize ? candidate.Normalised : candidate.Text));
        var tags = new Dictionary<string, string> { ["confluent.subject"] = name.Length > EnvelopeRules.MaxTagLength ? name[..EnvelopeRules.MaxTagLength] : name };
        if (id > 0)
        {
            tags[ConfluentCatalog.SchemaIdTag] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var definition = EnvelopeRules.Build(new DraftInput(fqid.ToString(), Owner(actor), $"Registered through the Confluent API as '{name}'.",
            candidate.Format.Name, WireNames.Of(level), tags, payload.RootElement), layers, level, formats.All.Select(f => f.Name).ToList());
        var now = time.GetUtcNow();
        return new SchemaRecord(definition, SchemaState.Draft, [], CanonicalJson.Hash(definition.Payload), now, actor.Name, now, actor.Name, null, 0);
    }

    private static string Owner(Principal actor) => actor.Name is { Length: > 0 and <= EnvelopeRules.MaxOwnerLength } n && !n.Any(char.IsControl) ? n : actor.Id;

    private async Task SubmitAsync(SchemaRecord record, Principal actor, CancellationToken cancellationToken)
    {
        var d = record.Definition;
        using var payload = JsonDocument.Parse(d.Payload);
        await schemas.RegisterAsync(new RegisterSchemaRequest(d.Fqid.ToString(), d.Owner, d.Description, d.Format, WireNames.Of(d.Compatibility),
            d.Tags.ToDictionary(), payload.RootElement.Clone()), actor, cancellationToken);
        await schemas.ValidateAsync(d.Fqid.ToString(), actor, true, cancellationToken);
        await schemas.ActAsync(SchemaAction.Submit, new LifecycleRequest(d.Fqid.ToString(), "Submitted through the Confluent API (reviewed policy)."), actor, cancellationToken);
    }

    /// <summary>The members newer clients send beyond the schema, kept as they came.</summary>
    private static string? MetadataOf(RegisterRequest request)
    {
        if (request.Metadata is null && request.RuleSet is null)
        {
            return null;
        }
        var kept = new Dictionary<string, JsonElement>();
        if (request.Metadata is { } metadata)
        {
            kept["metadata"] = metadata;
        }
        if (request.RuleSet is { } ruleSet)
        {
            kept["ruleSet"] = ruleSet;
        }
        return JsonSerializer.Serialize(kept);
    }
}
