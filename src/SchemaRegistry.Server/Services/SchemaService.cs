using System.Text.Json;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Governance;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>The registry's use cases: each loads, asks the domain what may happen, and stores the outcome.</summary>
internal sealed class SchemaService(IRegistryStorage storage, Layers layers, IPayloadValidator validator, Core.Formats.SchemaFormats formats, CompatibilityService compatibility, ReferenceLoader references, Pipelines.DriftService drift, Pipelines.MidRunAlerts alerts, Caching.SchemaReadCache cache, RegistryOptions options, TimeProvider time)
{
    public async Task<SchemaResponse> RegisterAsync(RegisterSchemaRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var definition = EnvelopeRules.Build(ToInput(request), layers, options.DefaultMode, FormatNames);
        EnforceLimits(definition);
        // Whole milliseconds, as stored: the answer built here is the one a later read gives.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var record = new SchemaRecord(definition, SchemaState.Draft, ReferenceScanner.Scan(definition.Payload, options.CanonicalPrefix),
            CanonicalJson.Hash(definition.Payload), now, actor.Name, now, actor.Name, null, 1);
        var entry = Entry(record, SchemaAction.Register, null, actor, now, null);
        try
        {
            await storage.Schemas.InsertAsync(record, entry, EventFactory.SchemaChanged(entry), cancellationToken);
            cache.Invalidate(record.Fqid.Subject.ToString());
        }
        catch (StoreConflictException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Version exists",
                $"{definition.Fqid} is already registered; edit the draft with PUT /v1/schema/{definition.Fqid} or register a new version."));
        }
        // A new version's history is the one entry just written with it.
        return SchemaMapper.ToResponse(record, [entry], null);
    }

    /// <summary>
    /// A subject's direct registration policy (the Confluent door's default): validate, check compatibility and publish
    /// in one step, with no review. The version is stored published with its history entry and its SchemaPublished
    /// event in one transaction, audited under <paramref name="actor"/>; the definition file is written first.
    /// </summary>
    /// <param name="definition">The version to publish.</param>
    /// <param name="actor">Who registered it.</param>
    /// <param name="comment">The history and ledger comment.</param>
    /// <param name="referencesChecked">
    /// True when the caller's format already resolved the schema's references (Confluent references, by name): the
    /// registry's own reference check (published <c>schemareg:</c> FQIDs) is then not repeated.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SchemaRecord> PublishDirectAsync(SchemaDefinition definition, Principal actor, string comment, bool referencesChecked,
        CancellationToken cancellationToken)
    {
        EnforceLimits(definition);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var draft = new SchemaRecord(definition, SchemaState.Draft, ReferenceScanner.Scan(definition.Payload, options.CanonicalPrefix),
            CanonicalJson.Hash(definition.Payload), now, actor.Name, now, actor.Name, null, 1);
        await ReportingFailureAsync(draft, EventFactory.PublishBlocked, true, () => CheckContentAsync(draft, referencesChecked, cancellationToken), cancellationToken);
        IReadOnlyList<Core.Pipelines.DriftCase> resolves = [];
        await ReportingFailureAsync(draft, EventFactory.PublishBlocked, true,
            async () => resolves = await drift.CheckPublishAsync(draft, cancellationToken), cancellationToken);
        var record = draft with { State = SchemaState.Published, SubmittedBy = actor.Id };
        await WriteDefinitionAsync(record, cancellationToken);
        var entry = Entry(record, SchemaAction.Publish, null, actor, now, comment);
        try
        {
            await storage.Schemas.InsertAsync(record, entry, EventFactory.SchemaChanged(entry), cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Version exists",
                $"{definition.Fqid} was registered by another request at the same time; retry."));
        }
        cache.Invalidate(record.Fqid.Subject.ToString());
        await drift.ResolvePublishedAsync(resolves, record, actor);
        await alerts.AfterChangeAsync(SchemaAction.Publish, record, CancellationToken.None);
        return record;
    }

    public async Task<SchemaResponse> EditAsync(string fqidText, RegisterSchemaRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(ParseFqid(fqidText), cancellationToken);
        if (request.Fqid is not null && request.Fqid != current.Fqid.ToString())
        {
            throw new RegistryException(RegistryError.Envelope($"The body names {SubjectName.Printable(request.Fqid)} but the path names {current.Fqid}."));
        }
        var next = LifecycleMachine.Apply(current.State, SchemaAction.Edit);
        var definition = EnvelopeRules.Build(ToInput(request with { Fqid = current.Fqid.ToString() }), layers, options.DefaultMode, FormatNames);
        EnforceLimits(definition);
        var now = time.GetUtcNow();
        var updated = current with
        {
            Definition = definition,
            State = next,
            References = ReferenceScanner.Scan(definition.Payload, options.CanonicalPrefix),
            ContentHash = CanonicalJson.Hash(definition.Payload),
            UpdatedAt = now,
            UpdatedBy = actor.Name,
            SubmittedBy = null,
            Revision = current.Revision + 1,
        };
        await SaveAsync(current, updated, Entry(updated, SchemaAction.Edit, current.State, actor, now, null), cancellationToken);
        return await DescribeAsync(updated, null, cancellationToken);
    }

    public async Task<SchemaResponse> GetAsync(string selectorText, CancellationToken cancellationToken) =>
        (await GetAnswerAsync(selectorText, cancellationToken)).Response;

    /// <summary>A version by FQID or alias, with its JSON and entity tag (cached per subject until it changes).</summary>
    public async Task<Caching.SchemaAnswer> GetAnswerAsync(string selectorText, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var span = Metrics.ServerTelemetry.Source.StartActivity("schema.resolve");
        span?.SetTag("schema.selector", selectorText);
        try
        {
            if (!SchemaSelector.TryParse(selectorText, layers, out var selector, out var error))
            {
                throw new RegistryException(RegistryError.Envelope(error));
            }
            var subject = selector.Subject.ToString();
            var key = selector.ToString();
            if (cache.TryGet(subject, key, out var cached))
            {
                return cached;
            }
            var generation = cache.Generation(subject);
            var fqid = selector.Exact ?? await storage.Schemas.ResolveAsync(selector.Subject, selector.Major, cancellationToken)
                ?? throw new RegistryException(RegistryError.NotFound($"A published version for {selector}"));
            var record = await LoadAsync(fqid, cancellationToken);
            var answer = new Caching.SchemaAnswer(await DescribeAsync(record, selector.IsAlias ? key : null, cancellationToken));
            cache.Put(subject, key, answer, generation);
            return answer;
        }
        finally
        {
            Metrics.RegistryMetrics.ResolverLatency.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async Task<VersionListResponse> ListVersionsAsync(string subjectText, CancellationToken cancellationToken)
    {
        if (!SubjectName.TryParse(subjectText, layers, out var subject, out var error))
        {
            throw new RegistryException(RegistryError.Envelope(error));
        }
        var versions = await storage.Schemas.ListVersionsAsync(subject, cancellationToken);
        if (versions.Count == 0)
        {
            throw new RegistryException(RegistryError.NotFound($"Subject {subject}"));
        }
        return new VersionListResponse(subject.ToString(), versions
            .Select(v => new VersionItem(v.Fqid.ToString(), v.Fqid.Version.ToString(), WireNames.Of(v.State), v.ContentHash, v.UpdatedAt))
            .ToList());
    }

    public async Task<SubjectListResponse> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken)
    {
        var subjects = await storage.Schemas.ListSubjectsAsync(query, cancellationToken);
        return new SubjectListResponse(subjects.Select(s => new SubjectItem(
            s.Subject.ToString(), s.Subject.Domain, s.Subject.Layer, s.Subject.Entity, s.Versions,
            s.LatestPublished is { } v ? new Fqid(s.Subject, v).ToString() : null, s.UpdatedAt)).ToList());
    }

    /// <summary>Checks a version's content; with <paramref name="apply"/> a passing draft becomes validated.</summary>
    public async Task<ValidationResponse> ValidateAsync(string? fqidText, Principal? actor, bool apply, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(ParseFqid(fqidText), cancellationToken);
        string? evidence = null;
        await ReportingFailureAsync(current, EventFactory.ValidationFailed, apply && actor is not null,
            async () => evidence = await CheckContentAsync(current, false, cancellationToken), cancellationToken);
        var record = current;
        if (apply && actor is not null && current.State != SchemaState.Validated && LifecycleMachine.CanApply(current.State, SchemaAction.Validate))
        {
            record = await TransitionAsync(current, SchemaAction.Validate, actor, evidence, cancellationToken);
        }
        return new ValidationResponse(record.Fqid.ToString(), true, WireNames.Of(record.State), record.ContentHash, record.References);
    }

    public async Task<SchemaResponse> ActAsync(SchemaAction action, LifecycleRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(ParseFqid(request.Fqid), cancellationToken);
        if (action is SchemaAction.Publish && request.Force)
        {
            action = SchemaAction.ForcePublish;
        }
        var reason = action == SchemaAction.ForcePublish ? request.Reason ?? request.Comment : request.Comment ?? request.Reason;
        GovernanceRules.Authorize(current, action, actor, reason);
        if (action is SchemaAction.Submit or SchemaAction.Publish or SchemaAction.ForcePublish)
        {
            Func<Fqid, RegistryError, DateTimeOffset, OutboxEvent> failure = action == SchemaAction.Submit ? EventFactory.ValidationFailed : EventFactory.PublishBlocked;
            string? evidence = null;
            await ReportingFailureAsync(current, failure, true, async () => evidence = await CheckContentAsync(current, false, cancellationToken), cancellationToken);
            reason = WithEvidence(reason, evidence);
        }
        IReadOnlyList<Core.Pipelines.DriftCase> resolves = [];
        if (action is SchemaAction.Publish)
        {
            // VAL-1202: an open drift case blocks unless this version accepts its quarantined records. A forced
            // publish (schema-admin, with a recorded reason) passes the gate and leaves the cases open.
            await ReportingFailureAsync(current, EventFactory.PublishBlocked, true,
                async () => resolves = await drift.CheckPublishAsync(current, cancellationToken), cancellationToken);
        }
        if (action is SchemaAction.Publish or SchemaAction.ForcePublish)
        {
            await WriteDefinitionAsync(current, cancellationToken);
        }
        var updated = await TransitionAsync(current, action, actor, reason, cancellationToken);
        await drift.ResolvePublishedAsync(resolves, updated, actor);
        // The change has committed: its alert must not be lost to a client that hangs up now.
        await alerts.AfterChangeAsync(action, updated, CancellationToken.None);
        return await DescribeAsync(updated, null, cancellationToken);
    }

    private async Task<SchemaRecord> TransitionAsync(SchemaRecord current, SchemaAction action, Principal actor, string? comment, CancellationToken cancellationToken)
    {
        var next = GovernanceRules.Authorize(current, action, actor, comment);
        var now = time.GetUtcNow();
        var updated = current with
        {
            State = next,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
            SubmittedBy = action == SchemaAction.Submit ? actor.Id : current.SubmittedBy,
            Revision = current.Revision + 1,
        };
        var entry = Entry(updated, action, current.State, actor, now, comment);
        if (action is SchemaAction.Publish or SchemaAction.ForcePublish)
        {
            await SavePublishedAsync(current, updated, entry, cancellationToken);
        }
        else
        {
            await SaveAsync(current, updated, entry, cancellationToken);
        }
        return updated;
    }

    /// <summary>The step's comment with the compatibility evidence it relied on, so history and ledger both keep it.</summary>
    private static string? WithEvidence(string? comment, string? evidence)
    {
        var text = evidence is null ? comment : string.IsNullOrWhiteSpace(comment) ? evidence : $"{comment} ({evidence})";
        return text is { Length: > GovernanceRules.MaxReasonLength } ? text[..GovernanceRules.MaxReasonLength] : text;
    }

    /// <summary>
    /// VAL-1102 and VAL-1304: the payload is a schema and every reference is a published version; then compatibility.
    /// Returns the evidence a compatibility verdict rested on, if it was not proof.
    /// </summary>
    private async Task<string?> CheckContentAsync(SchemaRecord record, bool referencesChecked, CancellationToken cancellationToken)
    {
        var issues = new List<Issue>();
        var referenced = ReferenceRules.Parse(record.References, layers, issues);
        ReferenceRules.CheckPublished(await storage.Schemas.GetStatesAsync(referenced.ToList(), cancellationToken), issues);
        var payloads = issues.Count == 0 && !referencesChecked ? await references.LoadAsync(referenced, cancellationToken) : null;
        issues.InsertRange(0, CheckPayload(record.Definition, payloads));
        if (issues.Count > 0)
        {
            throw new RegistryException(RegistryError.FromIssues("Validation failed", issues));
        }
        var (report, incompatible) = await compatibility.CheckAsync(record, cancellationToken);
        if (incompatible.Count > 0)
        {
            var title = incompatible[0].Code == ErrorCode.VersionMismatch ? "Incompatible change needs a new major version" : "Incompatible change";
            throw new RegistryException(new RegistryError(incompatible[0].Code, ErrorKind.Conflict, title, incompatible[0].Message) { Issues = incompatible });
        }
        return report.Evidence;
    }

    /// <summary>
    /// Runs a check; when it fails and <paramref name="report"/> is set, the failure becomes an event too. That event
    /// reports a refusal, not a change (nothing was written), so it has no change's transaction to join: it is appended alone.
    /// </summary>
    private async Task ReportingFailureAsync(SchemaRecord subject, Func<Fqid, RegistryError, DateTimeOffset, OutboxEvent> failureEvent, bool report,
        Func<Task> check, CancellationToken cancellationToken)
    {
        try
        {
            await check();
        }
        catch (RegistryException e) when (report)
        {
            await storage.Events.AppendAsync(failureEvent(subject.Fqid, e.Error, time.GetUtcNow()), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The published definition file; written before the state changes, so a crash leaves at worst an unreferenced file.</summary>
    private async Task WriteDefinitionAsync(SchemaRecord record, CancellationToken cancellationToken)
    {
        var d = record.Definition;
        using var payload = JsonDocument.Parse(d.Payload);
        var document = new Dictionary<string, object?>
        {
            ["fqid"] = d.Fqid.ToString(),
            ["owner"] = d.Owner,
            ["description"] = d.Description,
            ["format"] = d.Format,
            ["compatibility"] = WireNames.Of(d.Compatibility),
            ["tags"] = d.Tags,
            ["references"] = record.References,
            ["content_hash"] = record.ContentHash,
            ["payload"] = payload.RootElement,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions { WriteIndented = true });
        await storage.Blobs.PutAsync(d.Fqid.BlobKey, bytes, cancellationToken);
    }

    private async Task SaveAsync(SchemaRecord current, SchemaRecord updated, HistoryEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Schemas.UpdateAsync(updated, current.Revision, entry, EventFactory.SchemaChanged(entry), cancellationToken);
            cache.Invalidate(current.Fqid.Subject.ToString());
        }
        catch (StoreConflictException)
        {
            throw ConcurrentChange(current);
        }
    }

    /// <summary>
    /// VAL-1304 again, decided with the commit: a version the publish references may have been deprecated since
    /// <see cref="CheckContentAsync"/> read it. The store checks the references under the lock the other change held
    /// until its commit, so the outcome is that of one order or the other, never both.
    /// </summary>
    private async Task SavePublishedAsync(SchemaRecord current, SchemaRecord updated, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var issues = new List<Issue>();
        var referenced = ReferenceRules.Parse(updated.References, layers, issues);
        IReadOnlyDictionary<Fqid, SchemaState?> unpublished;
        try
        {
            unpublished = await storage.Schemas.PublishAsync(updated, current.Revision, entry, EventFactory.SchemaChanged(entry), referenced.ToList(), cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw ConcurrentChange(current);
        }
        if (unpublished.Count == 0)
        {
            cache.Invalidate(current.Fqid.Subject.ToString());
            return;
        }
        ReferenceRules.CheckPublished(unpublished, issues);
        await ReportingFailureAsync(current, EventFactory.PublishBlocked, true,
            () => Task.FromException(new RegistryException(RegistryError.FromIssues("Validation failed", issues))), cancellationToken);
    }

    private static RegistryException ConcurrentChange(SchemaRecord current) =>
        new(new RegistryError(ErrorCode.ConcurrentChange, ErrorKind.Conflict, "Concurrent change",
            $"{current.Fqid} was changed by another request; read it again and retry."));

    private async Task<SchemaRecord> LoadAsync(Fqid fqid, CancellationToken cancellationToken) =>
        await storage.Schemas.GetAsync(fqid, cancellationToken)
        ?? throw new RegistryException(RegistryError.NotFound($"Schema {fqid}"));

    private Fqid ParseFqid(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new RegistryException(RegistryError.Envelope("fqid is required (e.g. finance.gdp.invoice:v1.2)."));
        }
        return Fqid.TryParse(text, layers, out var fqid, out var error) ? fqid : throw new RegistryException(RegistryError.Envelope(error));
    }

    private async Task<SchemaResponse> DescribeAsync(SchemaRecord record, string? requested, CancellationToken cancellationToken)
    {
        var history = await storage.Schemas.GetHistoryAsync(record.Fqid, cancellationToken);
        return SchemaMapper.ToResponse(record, history, requested);
    }

    private static HistoryEntry Entry(SchemaRecord record, SchemaAction action, SchemaState? from, Principal actor, DateTimeOffset at, string? comment) =>
        new(record.Fqid, action, from, record.State, actor.Id, actor.Name, WireNames.Of(actor.Role), at, comment);

    /// <summary>The names of the formats the registry holds, for the envelope's <c>format</c>.</summary>
    public IReadOnlyCollection<string> FormatNames => formats.All.Select(f => f.Name).ToList();

    /// <summary>JSON Schema's limits (VAL-1103/VAL-1104) read JSON Schema keywords; other formats are bounded by the body limit.</summary>
    private void EnforceLimits(SchemaDefinition definition)
    {
        if (definition.Format == SchemaDefinition.JsonSchemaFormat)
        {
            Validation.PayloadLimits.Enforce(definition.Payload, options);
        }
    }

    /// <summary>VAL-1102: JSON Schema through the registry's validator (cached, with references); other formats through their parser.</summary>
    private IReadOnlyList<Issue> CheckPayload(SchemaDefinition definition, IReadOnlyDictionary<string, string>? payloads)
    {
        if (definition.Format == SchemaDefinition.JsonSchemaFormat || !formats.TryGet(definition.Format, out var format))
        {
            return validator.Check(definition.Payload, payloads);
        }
        return format.Parse(Core.Formats.SchemaText.FromPayload(definition.Payload), new Dictionary<string, string>()).Issues;
    }

    private static DraftInput ToInput(RegisterSchemaRequest r) =>
        new(r.Fqid, r.Owner, r.Description, r.Format, r.Compatibility, r.Tags, r.Payload);
}
