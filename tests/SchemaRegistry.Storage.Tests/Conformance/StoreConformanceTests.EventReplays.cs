using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Replays kept with their state, backlogs purged, time windows, and annotation lookups, on every database.</summary>
public abstract partial class StoreConformanceTests
{
    private static OutboxEvent Operation(string type, string target, DateTimeOffset at, string data = """{"principal":"key_admin","role":"schema-admin"}""") =>
        new(type, target, at, data);

    [Fact]
    public async Task A_replay_keeps_its_state_completes_once_and_a_cancelled_one_is_never_leased_again()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var target = new Subscription("sub_target", "http://127.0.0.1:1/a", [], "", "secret-secret-secret", 0, 0, T0, T0, "test");
        await storage.Subscriptions.AddAsync(target, [], None);
        var replay = target with { Id = "rpl_one", Cursor = 4, ReplayName = "one", ReplayUntil = 9, Replay = new ReplayProgress("sub_target", 5, ReplayProgress.Running, null, false) };
        var cancelled = replay with { Id = "rpl_two", ReplayName = "two", Replay = replay.Replay! with { DeadLettersOnly = true } };
        await storage.Subscriptions.AddAsync(replay, [], None);
        await storage.Subscriptions.AddAsync(cancelled, [], None);

        Assert.True(await storage.Subscriptions.CancelReplayAsync("rpl_two", T0.AddSeconds(1), [Operation("ReplayCancelled", "sub_target", T0)], None));
        Assert.False(await storage.Subscriptions.CancelReplayAsync("rpl_two", T0.AddSeconds(2), [Operation("ReplayCancelled", "sub_target", T0)], None));
        Assert.False(await storage.Subscriptions.CancelReplayAsync("sub_target", T0.AddSeconds(2), [], None));
        Assert.Single(await storage.Events.ReadAsync(0, 10, "ReplayCancelled", null, None));

        var leased = await storage.Subscriptions.LeaseDueAsync("owner-a", T0.AddMinutes(1), TimeSpan.FromSeconds(30), None);
        Assert.Equal(["rpl_one", "sub_target"], leased.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.True(await storage.Subscriptions.CompleteReplayAsync("rpl_one", 9, T0.AddSeconds(3), None));
        Assert.False(await storage.Subscriptions.CompleteReplayAsync("rpl_one", 9, T0.AddSeconds(4), None));

        var replays = await storage.Subscriptions.ListReplaysAsync(None);
        Assert.Equal(["rpl_one", "rpl_two"], replays.Select(r => r.Id).Order(StringComparer.Ordinal));
        var one = replays.Single(r => r.Id == "rpl_one");
        Assert.Equal((ReplayProgress.Completed, 9L, 5L, "sub_target", false), (one.Replay!.State, one.Cursor, one.Replay.From, one.Replay.Of, one.Replay.DeadLettersOnly));
        Assert.Equal<DateTimeOffset?>(Ms(T0.AddSeconds(3)), one.Replay.EndedAt);
        var two = replays.Single(r => r.Id == "rpl_two");
        Assert.Equal((ReplayProgress.Cancelled, true), (two.Replay!.State, two.Replay.DeadLettersOnly));
        Assert.Equal(["sub_target"], (await storage.Subscriptions.ListAsync(None)).Select(s => s.Id));
        Assert.Null((await storage.Subscriptions.GetAsync("sub_target", None))!.Replay);

        // Retention: ended replays older than the cut-off go; running ones and subscriptions stay.
        Assert.Equal(1, await storage.Subscriptions.PurgeEndedReplaysAsync(T0.AddSeconds(2), None));
        Assert.Equal(["rpl_one"], (await storage.Subscriptions.ListReplaysAsync(None)).Select(r => r.Id));
        Assert.NotNull(await storage.Subscriptions.GetAsync("sub_target", None));
    }

    [Fact]
    public async Task A_purged_backlog_stays_purged_when_a_delivery_pass_saves_an_older_cursor()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        await storage.Subscriptions.AddAsync(new Subscription("sub_backlog", "http://127.0.0.1:1/a", [], "", "secret-secret-secret", 3, 0, T0, T0, "test"), [], None);
        var leased = Assert.Single(await storage.Subscriptions.LeaseDueAsync("owner-a", T0.AddSeconds(1), TimeSpan.FromSeconds(30), None));

        var before = await storage.Subscriptions.PurgeBacklogAsync("sub_backlog", 20, T0.AddSeconds(2),
            previous => [Operation("SubscriptionBacklogPurged", "sub_backlog", T0, $$"""{"principal":"key_admin","previous_cursor":{{previous}}}""")], None);
        Assert.Equal(3L, before);
        Assert.Null(await storage.Subscriptions.PurgeBacklogAsync("sub_missing", 20, T0, _ => [], None));

        // The pass that held the lease before the purge failed an attempt at event 4 and saves its progress.
        await storage.Subscriptions.SaveProgressAsync(leased.Id, "owner-a", 3, 2, T0.AddSeconds(5), None);
        var after = (await storage.Subscriptions.GetAsync("sub_backlog", None))!;
        Assert.Equal((20L, 0), (after.Cursor, after.Attempts));
        Assert.Contains("\"previous_cursor\":3", Assert.Single(await storage.Events.ReadAsync(0, 10, "SubscriptionBacklogPurged", null, None)).Data, StringComparison.Ordinal);

        // A later pass moves it on as usual.
        Assert.Single(await storage.Subscriptions.LeaseDueAsync("owner-b", T0.AddSeconds(6), TimeSpan.FromSeconds(30), None));
        await storage.Subscriptions.SaveProgressAsync("sub_backlog", "owner-b", 25, 1, T0.AddSeconds(7), None);
        Assert.Equal((25L, 1), ((await storage.Subscriptions.GetAsync("sub_backlog", None))!.Cursor, (await storage.Subscriptions.GetAsync("sub_backlog", None))!.Attempts));
    }

    [Fact]
    public async Task A_time_window_gives_the_sequences_of_its_events_and_annotations_are_found_by_their_reason_prefix()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        string Data(string reason) => $$"""{"principal":"key_ops","role":"ops-engineer","reason":"{{reason}}"}""";
        await storage.Events.AppendAllAsync(
        [
            Operation("IncidentAnnotated", "finance.gdp.invoice:v1.2", T0, Data("[INC-42] upstream change")),
            Operation("IncidentAnnotated", "jr-1", T0.AddSeconds(10), Data("[INC-42] upstream change")),
            Operation("IncidentAnnotated", "jr-2", T0.AddSeconds(20), Data("[INC-4]")),
            Operation("KeyCreated", "key_x", T0.AddSeconds(30), Data("[INC-42] not an annotation")),
        ], None);

        Assert.Equal((2L, 3L), await storage.Events.SequenceRangeAsync(T0.AddSeconds(5), T0.AddSeconds(25), None));
        Assert.Equal((1L, 4L), await storage.Events.SequenceRangeAsync(T0, T0.AddSeconds(30), None));
        Assert.Null(await storage.Events.SequenceRangeAsync(T0.AddSeconds(31), T0.AddSeconds(40), None));

        var found = await storage.Audit.ReadAsync(new AuditQuery(Action: "IncidentAnnotated", ReasonPrefix: "[INC-42]"), None);
        Assert.Equal(["finance.gdp.invoice:v1.2", "jr-1"], found.Select(e => e.Target));
        Assert.Equal("jr-2", Assert.Single(await storage.Audit.ReadAsync(new AuditQuery(Action: "IncidentAnnotated", ReasonPrefix: "[INC-4]"), None)).Target);
        Assert.Null(SchemaRegistry.Core.Audit.AuditChain.Verify(await storage.Audit.ReadAsync(new AuditQuery(), None), previousSequence: 0));
    }
}
