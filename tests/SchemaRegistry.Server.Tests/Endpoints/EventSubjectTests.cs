using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;
using SchemaRegistry.Wire.Events;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// One flow over HTTP emits every event type; each event's subject follows docs/events.md's rule (the FQID the event is about,
/// else the subject, else <c>keys/…</c>, <c>subscriptions/…</c>, <c>runs/…</c>) and its data has the fields of its
/// Contracts record, the shape the SDK and other clients read.
/// </summary>
public sealed class EventSubjectTests : IAsyncLifetime
{
    /// <summary>docs/events.md's event table: each type's data record (SchemaValidated has two, lifecycle or run).</summary>
    private static readonly Dictionary<string, Type[]> DataOf = new()
    {
        [EventTypes.SchemaRegistered] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaEdited] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaValidated] = [typeof(SchemaChangedData), typeof(RunValidatedData)],
        [EventTypes.SchemaSubmitted] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaApproved] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaRejected] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaPublished] = [typeof(SchemaChangedData)],
        [EventTypes.SchemaDeprecated] = [typeof(SchemaChangedData)],
        [EventTypes.ValidationFailed] = [typeof(SchemaCheckFailedData)],
        [EventTypes.PublishBlocked] = [typeof(SchemaCheckFailedData)],
        [EventTypes.SubjectConfigChanged] = [typeof(SubjectConfigChangedData)],
        [EventTypes.SettingChanged] = [typeof(SettingChangedData)],
        [EventTypes.RunStarted] = [typeof(RunStartedData)],
        [EventTypes.RunCompleted] = [typeof(RunCompletedData)],
        [EventTypes.PipelineFailed] = [typeof(PipelineFailedData)],
        [EventTypes.SchemaDriftDetected] = [typeof(SchemaDriftDetectedData)],
        [EventTypes.DriftAcknowledged] = [typeof(DriftAcknowledgedData)],
        [EventTypes.DriftResolved] = [typeof(DriftResolvedData)],
        [EventTypes.QuarantineReleased] = [typeof(QuarantineReleasedData)],
        [EventTypes.QuarantinePurged] = [typeof(QuarantinePurgedData)],
        [EventTypes.LineageSynced] = [typeof(LineageSyncedData)],
        [EventTypes.MetadataSyncFailed] = [typeof(MetadataSyncFailedData)],
        [EventTypes.KeyCreated] = [typeof(KeyCreatedData)],
        [EventTypes.KeyRevoked] = [typeof(KeyRevokedData)],
        [EventTypes.KeyRecovered] = [typeof(KeyRecoveredData)],
        [EventTypes.SubscriptionCreated] = [typeof(SubscriptionCreatedData)],
        [EventTypes.SubscriptionDeleted] = [typeof(SubscriptionDeletedData)],
        [EventTypes.ReplayStarted] = [typeof(ReplayStartedData)],
        [EventTypes.ReplayCancelled] = [typeof(ReplayCancelledData)],
        [EventTypes.SubscriptionBacklogPurged] = [typeof(SubscriptionBacklogPurgedData)],
        [EventTypes.IncidentAnnotated] = [typeof(IncidentAnnotatedData)],
        [EventTypes.RunsAffected] = [typeof(RunsAffectedData)],
        [EventTypes.QuarantineUploaded] = [typeof(QuarantineUploadedData)],
        [EventTypes.ConfluentVersionsDeleted] = [typeof(ConfluentVersionsDeletedData)],
    };

    /// <summary>
    /// KeyRecovered is emitted only at start-up, when no admin key is left (AdminRecoveryTests checks its subject);
    /// ConfluentVersionsDeleted only by the Confluent door, which this server has not (LookUpCacheTests checks it).
    /// </summary>
    private static readonly string[] NotInThisFlow = [EventTypes.KeyRecovered, EventTypes.ConfluentVersionsDeleted];

    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Every_event_type_has_a_data_record_in_the_table()
    {
        var declared = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, DataOf.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_event_type_names_its_documented_subject_and_carries_its_record()
    {
        await EmitEveryTypeAsync();
        using var admin = _server.Client();
        var events = await ReadAllAsync(admin);
        var runs = (await admin.ListRunsAsync(limit: 1000)).ToDictionary(r => r.RunId, r => r.SchemaFqid);

        var wrong = events.Where(e => e.Subject != Expected(e, runs)).Select(e => $"{e.Sequence} {e.Type}: {e.Subject}, expected {Expected(e, runs)}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        var misshapen = events.Where(e => !DataOf[e.Type].Any(t => Fits(e.Data, t))).Select(e => $"{e.Sequence} {e.Type}: {e.Data}").ToList();
        Assert.True(misshapen.Count == 0, "data does not match its record:\n" + string.Join('\n', misshapen));
        Assert.Equal(DataOf.Keys.Except(NotInThisFlow).Order(StringComparer.Ordinal), events.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(events, e => e.Type == EventTypes.MetadataSyncFailed && e.Subject == "runs/jr-missing");
        Assert.Contains(events, e => e.Type == EventTypes.QuarantinePurged && e.Subject == "finance.gdp.invoice:v1.0");
    }

    /// <summary>The subject docs/events.md's table documents for the event, worked out from its data.</summary>
    private static string Expected(CloudEvent e, Dictionary<string, string> runs)
    {
        string Text(string name) => e.Data.GetProperty(name).GetString()!;
        return e.Type switch
        {
            EventTypes.RunStarted or EventTypes.RunCompleted or EventTypes.LineageSynced => Text("schema_fqid"),
            EventTypes.PipelineFailed or EventTypes.SchemaDriftDetected or EventTypes.QuarantineReleased or EventTypes.QuarantinePurged
                or EventTypes.QuarantineUploaded => runs[Text("run_id")],
            EventTypes.MetadataSyncFailed => runs.TryGetValue(Text("run_id"), out var fqid) ? fqid : EventSubjects.Run(Text("run_id")),
            EventTypes.DriftAcknowledged or EventTypes.DriftResolved or EventTypes.SubjectConfigChanged
                or EventTypes.ConfluentVersionsDeleted => Text("subject"),
            EventTypes.SettingChanged => Text("scope") is { Length: > 0 } scope ? scope : EventSubjects.GlobalConfig,
            EventTypes.KeyCreated or EventTypes.KeyRevoked or EventTypes.KeyRecovered => EventSubjects.Key(Text("key_id")),
            EventTypes.SubscriptionCreated or EventTypes.SubscriptionDeleted or EventTypes.ReplayStarted or EventTypes.ReplayCancelled
                or EventTypes.SubscriptionBacklogPurged => EventSubjects.Subscription(Text("subscription_id")),
            EventTypes.IncidentAnnotated => e.Data.GetProperty("run_id").GetString() is { } run ? EventSubjects.Run(run) : Text("fqid"),
            _ => Text("fqid"),
        };
    }

    /// <summary>The data has every field of the record (those written only when set aside) and no other.</summary>
    private static bool Fits(JsonElement data, Type record)
    {
        var fields = record.GetProperties().Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, Optional: p.GetCustomAttribute<JsonIgnoreAttribute>() is not null)).ToList();
        var names = data.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return names.All(n => fields.Any(f => f.Name == n)) && fields.All(f => f.Optional || names.Contains(f.Name))
            && data.Deserialize(record, RegistryJson.Options) is not null;
    }

    private static async Task<List<CloudEvent>> ReadAllAsync(RegistryClient client)
    {
        var all = new List<CloudEvent>();
        for (var after = 0L; ;)
        {
            var page = await client.ReadEventsAsync(after);
            if (page.Events.Count == 0)
            {
                return all;
            }
            all.AddRange(page.Events);
            after = page.Next;
        }
    }

    private async Task EmitEveryTypeAsync()
    {
        await BusyRegistry.PopulateAsync(_server);
        using var admin = _server.Client();
        using var http = _server.Http();
        using var ops = _server.Client(await _server.KeyAsync("ops2", "ops-engineer"));
        await admin.SetPolicyAsync("finance.gdp.invoice", "direct");
        using var runner = _server.Client(await _server.KeyAsync("glue2", "pipeline-runner"));

        await admin.RegisterAsync(Schemas.Draft("ops.raw.ticket:v1.0"));
        await admin.EditAsync("ops.raw.ticket:v1.0", Schemas.Draft("ops.raw.ticket:v1.0", """{"type":"object"}"""));
        await admin.RegisterAsync(Schemas.Referencing("ops.raw.ticket:v2.0", "ops.raw.missing:v9.0"));
        await Assert.ThrowsAsync<RegistryApiException>(() => admin.ValidateAsync("ops.raw.ticket:v2.0"));
        await Assert.ThrowsAsync<RegistryApiException>(() => admin.PublishAsync("ops.raw.ticket:v2.0", force: true, reason: "try"));

        await ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_strict", "gdp", "finance.gdp.invoice:latest", "pre_job", "fail", "finance-data"));
        await runner.StartRunAsync(new StartRunRequest("finance_gdp_strict", "jr-strict"));
        Assert.True((await SendAsync(runner, "jr-strict", """{"invoice_id":"INV-1","amount":"12"}""")).Failed);
        await runner.CompleteRunAsync("jr-strict", new CompleteRunRequest());
        await runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-clean"));
        await SendAsync(runner, "jr-clean", """{"invoice_id":"INV-9","amount":1}""");
        await runner.CompleteRunAsync("jr-clean", new CompleteRunRequest());
        var open = (await ops.ListDriftCasesAsync("finance.gdp.invoice", "open"))[0];
        await ops.AcknowledgeDriftAsync(open.Id, "known upstream change");
        Assert.True((await ops.PurgeQuarantineAsync(0)).Batches > 0);
        await ops.SyncMetadataAsync(BusyRegistry.RunId);
        await Assert.ThrowsAsync<RegistryApiException>(() => ops.SyncMetadataAsync("jr-missing"));

        var subscription = await admin.SubscribeAsync(new SubscriptionRequest("http://127.0.0.1:9/other", "another-secret-of-16-chars"));
        var replay = await admin.ReplayAsync(new ReplayRequest(subscription.Id, 1, 2));
        await admin.CancelReplayAsync(replay.Id, "wrong range");
        await admin.PurgeSubscriptionAsync(subscription.Id, "backlog not wanted");
        Assert.True((await http.DeleteAsync($"v1/subscriptions/{subscription.Id}")).IsSuccessStatusCode);
        var key = await admin.CreateKeyAsync(new CreateKeyRequest("rotated", "reader"));
        await admin.RotateKeyAsync(key.Id);
        await ops.AnnotateAsync(new AnnotationRequest("INC-1", "root cause", ["finance.gdp.invoice:v1.0"], ["jr-strict"]));

        // A worker's own batch, its quarantine stored through the registry; then the version it pinned is deprecated mid-run.
        var live = await runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-live"));
        await runner.ReportBatchAsync("jr-live", new BatchReportRequest(1, "ndjson", 1, 0, 1, 0, 0, 1, 1, false, null, null));
        await runner.UploadQuarantineAsync("jr-live", 1, new MemoryStream(Encoding.UTF8.GetBytes("{\"invoice_id\":\"INV-2\",\"amount\":\"12\"}\n")));
        await admin.DeprecateAsync(live.SchemaFqid, "replaced while jr-live runs");
    }

    private static Task<BatchResponse> SendAsync(RegistryClient runner, string runId, string lines) =>
        runner.SendBatchAsync(runId, new MemoryStream(Encoding.UTF8.GetBytes(lines)), "application/x-ndjson");
}
