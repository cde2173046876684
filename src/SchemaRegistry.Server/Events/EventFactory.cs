using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire.Events;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Events;

/// <summary>
/// Builds every event the registry emits: its type, its subject (one rule for all, <see cref="EventSubjects"/>) and its
/// data, a record of <c>SchemaRegistry.Wire.Events</c>. Services hand the events to the store that commits the
/// change they describe; nothing else makes an <see cref="OutboxEvent"/> (EventFactoryLayeringTests check it).
/// To add an event type: a constant in <see cref="EventTypes"/>, a data record in Contracts/Events (listed in
/// PublicAPI.Unshipped.txt), one method here that calls <see cref="Build"/>, and a row in docs/events.md's event table.
/// </summary>
internal static class EventFactory
{
    /// <summary>Data as stored: snake_case names from the records' attributes, nulls written (as the shapes document).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Default,
    };

    // Schema versions

    /// <summary>The lifecycle event of a history entry; stored with the entry, in the change's transaction.</summary>
    public static OutboxEvent SchemaChanged(HistoryEntry entry) =>
        Build(EventTypes.ForAction(entry.Action), entry.Fqid.ToString(), entry.At, new SchemaChangedData(
            entry.Fqid.ToString(), WireNames.Of(entry.Action),
            entry.From is { } from ? WireNames.Of(from) : null, WireNames.Of(entry.To),
            entry.PrincipalName, entry.PrincipalId, entry.Role, entry.Comment));

    /// <summary>A validation or submission refused by a check. A notification: nothing changed, so it is appended alone.</summary>
    public static OutboxEvent ValidationFailed(Fqid fqid, RegistryError error, DateTimeOffset at) =>
        Build(EventTypes.ValidationFailed, fqid.ToString(), at, CheckFailed(fqid, error));

    /// <summary>A publication refused by a check. A notification: nothing changed, so it is appended alone.</summary>
    public static OutboxEvent PublishBlocked(Fqid fqid, RegistryError error, DateTimeOffset at) =>
        Build(EventTypes.PublishBlocked, fqid.ToString(), at, CheckFailed(fqid, error));

    public static OutboxEvent SubjectConfigChanged(SubjectName subject, CompatibilityMode mode, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.SubjectConfigChanged, subject.ToString(), at, new SubjectConfigChangedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, subject.ToString(), WireNames.Of(mode)));

    /// <summary>A setting of <paramref name="subject"/> (null: registry-wide) other than its compatibility mode; <paramref name="value"/> null: removed.</summary>
    public static OutboxEvent SettingChanged(SubjectName? subject, string setting, string? value, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.SettingChanged, subject?.ToString() ?? EventSubjects.GlobalConfig, at, new SettingChangedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, subject?.ToString() ?? "", setting, value));

    /// <summary>A subject's own compatibility mode removed (it falls back to the default).</summary>
    public static OutboxEvent SubjectConfigCleared(SubjectName subject, Principal actor, DateTimeOffset at) =>
        SettingChanged(subject, "compatibility", null, actor, at);

    /// <summary>Numbered versions deleted through the Confluent door, written with the change that marks them.</summary>
    public static OutboxEvent ConfluentVersionsDeleted(SubjectName subject, string name, IReadOnlyList<ConfluentVersion> versions, bool permanent,
        Principal actor, DateTimeOffset at) =>
        Build(EventTypes.ConfluentVersionsDeleted, subject.ToString(), at, new ConfluentVersionsDeletedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, subject.ToString(), name,
            versions.Select(v => v.Version).ToList(), versions.Select(v => v.Fqid).ToList(), permanent));

    // Runs: the subject is the version the run pinned

    public static OutboxEvent RunStarted(RunRecord run) =>
        Build(EventTypes.RunStarted, run.Fqid.ToString(), run.StartedAt, new RunStartedData(
            run.RunId, run.PipelineId, run.Fqid.ToString(), run.ContentHash, run.OutputPath, run.StartedBy));

    public static OutboxEvent RunCompleted(RunRecord run, RunStatus status, string validationResult, string? outputPath, string? error,
        ValidationTiming? timing, IReadOnlyList<string> flags, DateTimeOffset at)
    {
        var c = run.Counts;
        return Build(EventTypes.RunCompleted, run.Fqid.ToString(), at, new RunCompletedData(
            run.PipelineId, run.Fqid.ToString(), run.RunId, outputPath, WireNames.Of(status), validationResult, run.StartedAt, at,
            (at - run.StartedAt).TotalMilliseconds, new RunCountsData(c.Batches, c.Records, c.Valid, c.Invalid, c.Drifted, c.Rescued, c.Quarantined), error,
            timing is { } t ? WireNames.Of(t) : null, flags));
    }

    /// <summary>A run completed as failed (<paramref name="batch"/> null), or a batch failed under the fail policy.</summary>
    public static OutboxEvent PipelineFailed(RunRecord run, string code, int? batch, string? reason, DateTimeOffset at) =>
        Build(EventTypes.PipelineFailed, run.Fqid.ToString(), at, new PipelineFailedData(code, run.RunId, run.PipelineId, batch, reason));

    /// <summary>A run that went silent, abandoned by the sweeper (PIPE-1301): its <c>PipelineFailed</c> and its <c>RunCompleted</c> lineage record.</summary>
    public static IReadOnlyList<OutboxEvent> RunAbandoned(RunRecord run, string reason, DateTimeOffset at) =>
    [
        RunCompleted(run, RunStatus.Abandoned, "fail", run.OutputPath, reason, null, [], at),
        Build(EventTypes.PipelineFailed, run.Fqid.ToString(), at, new PipelineFailedData(
            ErrorCode.InvocationError, run.RunId, run.PipelineId, null, reason, WireNames.Of(RunStatus.Abandoned))),
    ];

    /// <summary>
    /// <paramref name="change"/> (<c>major_published</c> or <c>version_deprecated</c>) of <paramref name="fqid"/> while
    /// <paramref name="runs"/> were running. An alert about a change whose own event (SchemaPublished, SchemaDeprecated)
    /// committed with it; appended after it.
    /// </summary>
    public static OutboxEvent RunsAffected(string change, Fqid fqid, IReadOnlyList<RunRecord> runs, DateTimeOffset at) =>
        Build(EventTypes.RunsAffected, fqid.ToString(), at, new RunsAffectedData(ErrorCode.DriftDetected, change, fqid.ToString(),
            runs.Select(r => new AffectedRunData(r.RunId, r.PipelineId, r.Fqid.ToString())).ToList()));

    /// <summary>A worker's quarantined records of one batch, as the server re-validated and stored them.</summary>
    public static OutboxEvent QuarantineUploaded(RunRecord run, int batch, string key, long received, long stored, DateTimeOffset at) =>
        Build(EventTypes.QuarantineUploaded, run.Fqid.ToString(), at, new QuarantineUploadedData(
            run.RunId, run.PipelineId, batch, key, received, stored, received - stored));

    /// <summary>A run that validated every record: SchemaValidated with <c>source: run</c>.</summary>
    public static OutboxEvent RunValidated(RunRecord run, DateTimeOffset at) =>
        Build(EventTypes.SchemaValidated, run.Fqid.ToString(), at, new RunValidatedData(run.Fqid.ToString(), "run", run.RunId, run.PipelineId, run.Counts.Records));

    public static OutboxEvent SchemaDriftDetected(RunRecord run, int batch, long drifted, long quarantined, DriftObservation drift, DateTimeOffset at) =>
        Build(EventTypes.SchemaDriftDetected, run.Fqid.ToString(), at, new SchemaDriftDetectedData(
            ErrorCode.DriftDetected, run.RunId, run.PipelineId, batch, WireNames.Of(run.DriftPolicy), drifted, quarantined,
            drift.Fields.Select(f => new DriftFieldData(f.Path, WireNames.Of(f.Kind), f.Occurrences)).ToList()));

    public static OutboxEvent QuarantineReleased(RunRecord run, Fqid target, long examined, long released, string? releasedKey, DateTimeOffset at) =>
        Build(EventTypes.QuarantineReleased, run.Fqid.ToString(), at, new QuarantineReleasedData(
            run.RunId, target.ToString(), examined, released, examined - released, releasedKey));

    /// <summary>A batch's quarantine deleted; <paramref name="run"/> is null only if the run row is gone.</summary>
    public static OutboxEvent QuarantinePurged(RunBatch batch, RunRecord? run, int olderThanDays, DateTimeOffset at) =>
        Build(EventTypes.QuarantinePurged, RunSubject(batch.RunId, run), at, new QuarantinePurgedData(batch.RunId, batch.BatchNumber, batch.QuarantineKey ?? "", olderThanDays));

    public static OutboxEvent LineageSynced(RunRecord run, DateTimeOffset at) =>
        Build(EventTypes.LineageSynced, run.Fqid.ToString(), at, new LineageSyncedData(
            run.RunId, run.PipelineId, run.Fqid.ToString(), run.OutputPath, WireNames.Of(run.Status), run.ValidationResult));

    /// <summary>A lineage sync refused (PIPE-1402). A notification: nothing changed, so it is appended alone.</summary>
    public static OutboxEvent MetadataSyncFailed(string runId, RunRecord? run, string detail, DateTimeOffset at) =>
        Build(EventTypes.MetadataSyncFailed, RunSubject(runId, run), at, new MetadataSyncFailedData(ErrorCode.MetadataSyncFailed, runId, detail));

    // Drift cases: the subject is the case's subject

    public static OutboxEvent DriftAcknowledged(DriftCase driftCase, string principal, string? comment, DateTimeOffset at) =>
        Build(EventTypes.DriftAcknowledged, driftCase.Subject.ToString(), at, new DriftAcknowledgedData(driftCase.Id, driftCase.Subject.ToString(), principal, comment));

    public static OutboxEvent DriftResolved(DriftCase driftCase, string principal, string resolution, DateTimeOffset at) =>
        Build(EventTypes.DriftResolved, driftCase.Subject.ToString(), at, new DriftResolvedData(driftCase.Id, driftCase.Subject.ToString(), principal, resolution));

    // Keys and subscriptions: the subject is keys/{id} or subscriptions/{id}

    public static OutboxEvent KeyCreated(ApiKey key, Principal actor, DateTimeOffset at, string? rotatedFrom = null) =>
        Build(EventTypes.KeyCreated, EventSubjects.Key(key.Id), at, new KeyCreatedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, key.Id, key.Name, WireNames.Of(key.Role), key.ExpiresAt, rotatedFrom));

    public static OutboxEvent KeyRevoked(ApiKey key, Principal actor, DateTimeOffset at, string? rotatedTo = null) =>
        Build(EventTypes.KeyRevoked, EventSubjects.Key(key.Id), at, new KeyRevokedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, key.Id, key.Name, rotatedTo));

    public static OutboxEvent KeyRecovered(ApiKey key, bool reactivated, DateTimeOffset at) =>
        Build(EventTypes.KeyRecovered, EventSubjects.Key(key.Id), at, new KeyRecoveredData(
            "recovery", "recovery", "operator", "SCHEMAREG_ADMIN_TOKEN set at start-up while no schema-admin key was active",
            key.Id, key.Name, WireNames.Of(Role.SchemaAdmin), reactivated));

    public static OutboxEvent SubscriptionCreated(Subscription subscription, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.SubscriptionCreated, EventSubjects.Subscription(subscription.Id), at, new SubscriptionCreatedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, subscription.Id, subscription.Url, subscription.Types, subscription.SubjectPattern,
            subscription.Format));

    public static OutboxEvent SubscriptionDeleted(string subscriptionId, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.SubscriptionDeleted, EventSubjects.Subscription(subscriptionId), at, new SubscriptionDeletedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, subscriptionId));

    /// <summary>A replay of a subscription's events (the replay is a temporary subscription of its own).</summary>
    public static OutboxEvent ReplayStarted(Subscription replay, Principal actor, DateTimeOffset at)
    {
        var of = replay.Replay?.Of ?? replay.Id;
        return Build(EventTypes.ReplayStarted, EventSubjects.Subscription(of), at, new ReplayStartedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), null, replay.Id, replay.ReplayName ?? "", of,
            replay.Replay?.From ?? replay.Cursor + 1, replay.ReplayUntil ?? replay.Cursor, replay.Replay?.DeadLettersOnly ?? false));
    }

    /// <summary>A running replay stopped before its next event.</summary>
    public static OutboxEvent ReplayCancelled(Subscription replay, string? comment, Principal actor, DateTimeOffset at)
    {
        var of = replay.Replay?.Of ?? replay.Id;
        return Build(EventTypes.ReplayCancelled, EventSubjects.Subscription(of), at, new ReplayCancelledData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), comment, replay.Id, replay.ReplayName ?? "", of, replay.Cursor));
    }

    /// <summary>A subscription's undelivered backlog skipped: its cursor moved from <paramref name="previous"/> to the last event.</summary>
    public static OutboxEvent SubscriptionBacklogPurged(string subscriptionId, long previous, long last, string? comment, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.SubscriptionBacklogPurged, EventSubjects.Subscription(subscriptionId), at, new SubscriptionBacklogPurgedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), comment, subscriptionId, previous, Math.Max(previous, last), Math.Max(0, last - previous)));

    // Audit

    /// <summary>
    /// A post-incident tag on a schema version (subject: its FQID) or a run (subject: <c>runs/{id}</c>); the reason starts
    /// with <paramref name="tag"/>, which is how the incident's entries are found again.
    /// </summary>
    public static OutboxEvent IncidentAnnotated(string incident, string? note, string tag, string target, bool isRun, Principal actor, DateTimeOffset at) =>
        Build(EventTypes.IncidentAnnotated, isRun ? EventSubjects.Run(target) : target, at, new IncidentAnnotatedData(
            actor.Name, actor.Id, WireNames.Of(actor.Role), note is null ? tag : $"{tag} {note}", incident, note,
            isRun ? null : target, isRun ? target : null));

    private static SchemaCheckFailedData CheckFailed(Fqid fqid, RegistryError error) =>
        new(fqid.ToString(), error.Code, error.Detail, error.Issues.Select(i => new EventIssue(i.Code, i.Path, i.Message)).ToList());

    private static string RunSubject(string runId, RunRecord? run) => run?.Fqid.ToString() ?? EventSubjects.Run(runId);

    /// <summary>The one place an <see cref="OutboxEvent"/> is made: data is always a Contracts record, never an anonymous object.</summary>
    private static OutboxEvent Build<TData>(string type, string subject, DateTimeOffset time, TData data) where TData : class =>
        new(type, subject, time, JsonSerializer.Serialize(data, Json));
}
