using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// The runbook's "EventBridge backlog: purge + replay" as EventBridge operators know it: start-replay by time window
/// (or by sequence), list-replays with their progress, cancel-replay; dead letters delivered again. Replays are rows
/// in the database, so they survive a restart.
/// </summary>
public sealed class EventReplayTests : IAsyncLifetime
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["Registry:WebhookBackoffMs"] = "100",
        ["Registry:DeliveryPollMs"] = "50",
        ["Registry:WebhookRetries"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> SubscribeAsync(ControlledReceiver receiver)
    {
        using var http = _server.Http();
        var created = await (await http.PostAsJsonAsync("v1/subscriptions", new { url = receiver.Url, secret = Secret, types = new[] { "SchemaRegistered" } }))
            .OkAsync<SubscriptionResponse>(HttpStatusCode.Created);
        return created.Id;
    }

    private async Task<List<CloudEvent>> RegisterAsync(params string[] fqids)
    {
        using var client = _server.Client();
        foreach (var fqid in fqids)
        {
            await client.RegisterAsync(Schemas.Draft(fqid));
            await Task.Delay(20);
        }
        var registered = (await client.ReadEventsAsync(0, "SchemaRegistered")).Events;
        return fqids.Select(f => registered.Single(e => e.Subject == f)).ToList();
    }

    private async Task<ReplayStatusResponse> StatusAsync(string id)
    {
        using var http = _server.Http();
        return await (await http.GetAsync($"v1/events/replays/{id}")).OkAsync<ReplayStatusResponse>();
    }

    private async Task<ReplayStatusResponse> WaitForStateAsync(string id, string state)
    {
        await Eventually.TrueAsync(async () => (await StatusAsync(id)).State == state, Patience);
        return await StatusAsync(id);
    }

    [Fact]
    public async Task A_replay_by_time_window_redelivers_the_events_of_that_window_and_is_listed_completed()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);
        var events = await RegisterAsync("ops.kpi.window:v1.0", "ops.kpi.window:v1.1");
        await Task.Delay(50);
        await RegisterAsync("ops.kpi.later:v1.0");
        Assert.True(await receiver.WaitAsync(d => d.Count == 3, Patience));

        // aws events start-replay --replay-name registry-event-replay --event-start-time … --event-end-time …
        using var http = _server.Http();
        var accepted = await (await http.PostAsJsonAsync("v1/events/replay",
                new { subscription_id = subscription, name = "registry-event-replay", from_time = events[0].Time, to_time = events[1].Time }))
            .OkAsync<ReplayResponse>(HttpStatusCode.Accepted);

        Assert.True(await receiver.WaitAsync(d => d.Count(x => x.ReplayName == "registry-event-replay") == 2, Patience), "the window was not replayed");
        var status = await WaitForStateAsync(accepted.Id, "completed");
        Assert.Equal(events.Select(e => e.Sequence), receiver.Replayed("registry-event-replay").Select(d => d.Sequence));
        Assert.Equal((subscription, events[0].Sequence, events[1].Sequence, 100.0, false), (status.SubscriptionId, status.FromSequence, status.ToSequence, status.PercentDone, status.DeadLettersOnly));
        Assert.NotNull(status.EndedAt);

        // aws events list-replays
        var listed = Assert.Single(await (await http.GetAsync("v1/events/replays")).OkAsync<List<ReplayStatusResponse>>());
        Assert.Equal((accepted.Id, "registry-event-replay", "completed"), (listed.Id, listed.Name, listed.State));
        await Task.Delay(300);
        Assert.Equal(2, receiver.Replayed("registry-event-replay").Count);
    }

    [Fact]
    public async Task A_window_with_no_events_and_a_window_given_with_sequences_are_refused()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);
        using var http = _server.Http();
        await (await http.PostAsJsonAsync("v1/events/replay", new { subscription_id = subscription, from_time = DateTimeOffset.UtcNow.AddDays(-3), to_time = DateTimeOffset.UtcNow.AddDays(-2) }))
            .ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
        await (await http.PostAsJsonAsync("v1/events/replay", new { subscription_id = subscription, from_sequence = 1, to_sequence = 2, from_time = DateTimeOffset.UtcNow }))
            .ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        await (await http.PostAsJsonAsync("v1/events/replay", new { subscription_id = subscription, from_time = DateTimeOffset.UtcNow, to_time = DateTimeOffset.UtcNow.AddDays(-1) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }

    [Fact]
    public async Task A_running_replay_shows_its_progress_and_cancelling_it_stops_delivery_before_the_next_event()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);
        var events = await RegisterAsync("ops.kpi.cancel:v1.0", "ops.kpi.cancel:v1.1", "ops.kpi.cancel:v1.2");
        Assert.True(await receiver.WaitAsync(d => d.Count == 3, Patience));

        receiver.Hold();
        using var http = _server.Http();
        var accepted = await (await http.PostAsJsonAsync("v1/events/replay",
                new { subscription_id = subscription, name = "cancel-me", from_sequence = events[0].Sequence, to_sequence = events[2].Sequence }))
            .OkAsync<ReplayResponse>(HttpStatusCode.Accepted);
        Assert.True(await receiver.WaitAsync(d => d.Any(x => x.ReplayName == "cancel-me"), Patience), "the replay never started");

        var running = await StatusAsync(accepted.Id);
        Assert.Equal(("running", events[0].Sequence - 1, 0.0), (running.State, running.Cursor, running.PercentDone));

        var cancelled = await (await http.PostAsJsonAsync($"v1/events/replays/{accepted.Id}/cancel", new { comment = "wrong range" })).OkAsync<ReplayStatusResponse>();
        Assert.Equal("cancelled", cancelled.State);
        Assert.NotNull(cancelled.EndedAt);
        receiver.Release();
        await Task.Delay(500);
        Assert.Single(receiver.Replayed("cancel-me"));
        Assert.True((await StatusAsync(accepted.Id)).PercentDone < 100);

        await (await http.PostAsJsonAsync($"v1/events/replays/{accepted.Id}/cancel", new { })).ProblemAsync(HttpStatusCode.Conflict, "REG-1003");
        await (await http.PostAsJsonAsync("v1/events/replays/rpl_unknown/cancel", new { })).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
        using var client = _server.Client();
        var entry = Assert.Single(await client.ListAuditAsync(target: $"subscriptions/{subscription}"), e => e.Action == "ReplayCancelled");
        Assert.Equal("wrong range", entry.Reason);
    }

    [Fact]
    public async Task Dead_letters_are_delivered_again_and_each_delivered_one_leaves_the_list()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        receiver.Status = 500;
        var subscription = await SubscribeAsync(receiver);
        var events = await RegisterAsync("ops.kpi.dead:v1.0", "ops.kpi.dead:v1.1");
        using var http = _server.Http();
        async Task<List<DeadLetterItem>> LettersAsync() => await (await http.GetAsync($"v1/subscriptions/{subscription}/dead-letters")).OkAsync<List<DeadLetterItem>>();
        await Eventually.TrueAsync(async () => (await LettersAsync()).Count == 2, Patience);
        var letters = await LettersAsync();
        Assert.Equal(events.Select(e => e.Sequence), letters.Select(l => l.Sequence));

        receiver.Status = 200;
        var accepted = await (await http.PostAsJsonAsync($"v1/subscriptions/{subscription}/dead-letters/replay", new { name = "dead-letters-1" }))
            .OkAsync<ReplayResponse>(HttpStatusCode.Accepted);
        Assert.True(await receiver.WaitAsync(d => d.Count(x => x.ReplayName == "dead-letters-1" && x.Status == 200) == 2, Patience), "the dead letters were not delivered");
        var status = await WaitForStateAsync(accepted.Id, "completed");
        Assert.True(status.DeadLettersOnly);
        Assert.Empty(await LettersAsync());
        await (await http.PostAsJsonAsync($"v1/subscriptions/{subscription}/dead-letters/replay", new { })).ProblemAsync(HttpStatusCode.Conflict, "REG-1003");
    }

    [Fact]
    public async Task A_replay_and_its_progress_are_kept_in_the_database_across_a_restart()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);
        var events = await RegisterAsync("ops.kpi.restart:v1.0", "ops.kpi.restart:v1.1");
        Assert.True(await receiver.WaitAsync(d => d.Count == 2, Patience));
        receiver.Hold();
        using (var http = _server.Http())
        {
            await (await http.PostAsJsonAsync("v1/events/replay", new { subscription_id = subscription, name = "survivor", from_sequence = events[0].Sequence, to_sequence = events[1].Sequence }))
                .OkAsync<ReplayResponse>(HttpStatusCode.Accepted);
        }
        Assert.True(await receiver.WaitAsync(d => d.Any(x => x.ReplayName == "survivor"), Patience));

        await _server.StopAsync();
        await _server.RestartAsync();
        using var after = _server.Http();
        var replay = Assert.Single(await (await after.GetAsync("v1/events/replays")).OkAsync<List<ReplayStatusResponse>>());
        Assert.Equal(("survivor", "running", subscription, events[0].Sequence, events[1].Sequence), (replay.Name, replay.State, replay.SubscriptionId, replay.FromSequence, replay.ToSequence));
        Assert.Equal("cancelled", (await (await after.PostAsJsonAsync($"v1/events/replays/{replay.Id}/cancel", new { })).OkAsync<ReplayStatusResponse>()).State);
    }
}
