using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// The runbook's "purge" half of "EventBridge backlog: purge + replay": a subscription stuck behind a backlog its
/// receiver keeps refusing skips it and resumes with the next event written. Retries are many here, so without the
/// purge the backlog would hold delivery far longer than the test waits.
/// </summary>
public sealed class BacklogPurgeTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["Registry:WebhookBackoffMs"] = "200",
        ["Registry:DeliveryPollMs"] = "50",
        ["Registry:WebhookRetries"] = "50",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Purging_a_subscriptions_backlog_skips_the_undelivered_events_and_delivery_resumes_with_the_next_one()
    {
        await using var receiver = await ControlledReceiver.StartAsync();
        receiver.Status = 500;
        using var http = _server.Http();
        var subscription = await (await http.PostAsJsonAsync("v1/subscriptions", new { url = receiver.Url, secret = "a-webhook-secret-of-some-length", types = new[] { "SchemaRegistered" } }))
            .OkAsync<SubscriptionResponse>(HttpStatusCode.Created);
        using var client = _server.Client();
        foreach (var fqid in new[] { "ops.kpi.backlog:v1.0", "ops.kpi.backlog:v1.1", "ops.kpi.backlog:v1.2" })
        {
            await client.RegisterAsync(Schemas.Draft(fqid));
        }
        Assert.True(await receiver.WaitAsync(d => d.Count >= 2, TimeSpan.FromSeconds(20)), "the backlog was never attempted");
        var last = (await client.ReadEventsAsync(0)).Events[^1].Sequence;

        var purged = await (await http.PostAsJsonAsync($"v1/subscriptions/{subscription.Id}/purge", new { comment = "EventBridge backlog" }))
            .OkAsync<SubscriptionPurgeResponse>();
        Assert.Equal((subscription.Id, last, last - purged.PreviousCursor), (purged.SubscriptionId, purged.Cursor, purged.Skipped));
        Assert.True(purged.PreviousCursor < last);

        receiver.Status = 200;
        await client.RegisterAsync(Schemas.Draft("ops.kpi.after:v1.0"));
        Assert.True(await receiver.WaitAsync(d => d.Any(x => x.Subject == "ops.kpi.after:v1.0" && x.Status == 200), TimeSpan.FromSeconds(20)),
            "delivery did not resume after the purge");
        Assert.DoesNotContain(receiver.Deliveries, d => d.Subject.StartsWith("ops.kpi.backlog", StringComparison.Ordinal) && d.Status == 200);
        Assert.Empty(await (await http.GetAsync($"v1/subscriptions/{subscription.Id}/dead-letters")).OkAsync<List<DeadLetterItem>>());
        var entry = Assert.Single(await client.ListAuditAsync(target: $"subscriptions/{subscription.Id}"), e => e.Action == "SubscriptionBacklogPurged");
        Assert.Equal("EventBridge backlog", entry.Reason);
        await (await http.PostAsJsonAsync("v1/subscriptions/sub_unknown/purge", new { })).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
    }
}
