using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>Webhooks against a real receiver on loopback: signed, retried with backoff, dead-lettered after the budget.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["Registry:WebhookBackoffMs"] = "100",
        ["Registry:DeliveryPollMs"] = "50",
        ["Registry:WebhookRetries"] = "4",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_published_schema_reaches_a_subscriber_signed_even_after_three_failures()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        using var http = _server.Http();
        var created = await (await http.PostAsJsonAsync("v1/subscriptions", new { url = receiver.Url, secret = Secret, types = new[] { "SchemaPublished" }, subject_pattern = "finance.*" }))
            .OkAsync<SubscriptionResponse>(HttpStatusCode.Created);
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("sales.gdp.lead:v1.0"));
        await client.PublishAsync("sales.gdp.lead:v1.0", force: true, reason: "not for this subscriber");
        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0"));
        await client.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "for the subscriber");

        Assert.True(await receiver.WaitAsync(d => d.Any(x => x.Status == 200), TimeSpan.FromSeconds(20)), "the event never arrived");
        var deliveries = receiver.Deliveries.ToArray();
        Assert.Equal([500, 500, 500, 200], deliveries.Select(d => d.Status));
        Assert.Single(deliveries.Select(d => d.EventId).Distinct());
        var accepted = deliveries[^1];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(accepted.Body)));
        Assert.Equal(expected, accepted.Signature);
        var cloudEvent = JsonDocument.Parse(accepted.Body).RootElement;
        Assert.Equal(("SchemaPublished", "finance.gdp.invoice:v1.0", "1.0"),
            (cloudEvent.GetProperty("type").GetString(), cloudEvent.GetProperty("subject").GetString(), cloudEvent.GetProperty("specversion").GetString()));

        await Task.Delay(300);
        Assert.Equal(4, receiver.Deliveries.Count);
        var state = (await (await http.GetAsync("v1/subscriptions")).OkAsync<List<SubscriptionResponse>>()).Single(s => s.Id == created.Id);
        Assert.Equal(cloudEvent.GetProperty("sequence").GetInt64(), state.Cursor);
    }

    [Fact]
    public async Task An_event_the_receiver_keeps_refusing_is_dead_lettered_and_delivery_moves_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 4);
        using var http = _server.Http();
        var created = await (await http.PostAsJsonAsync("v1/subscriptions", new { url = receiver.Url, secret = Secret }))
            .OkAsync<SubscriptionResponse>(HttpStatusCode.Created);
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.refund:v1.0"));
        await client.RegisterAsync(Schemas.Draft("finance.gdp.refund:v1.1"));

        Assert.True(await receiver.WaitAsync(d => d.Any(x => x.Status == 200), TimeSpan.FromSeconds(20)), "delivery never moved on");
        var letters = await (await http.GetAsync($"v1/subscriptions/{created.Id}/dead-letters")).OkAsync<List<DeadLetterItem>>();
        var letter = Assert.Single(letters);
        Assert.Equal((4, "HTTP 500"), (letter.Attempts, letter.LastError));
        var delivered = JsonDocument.Parse(receiver.Deliveries.Last().Body).RootElement;
        Assert.Equal("finance.gdp.refund:v1.1", delivered.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_replay_redelivers_a_range_marked_with_its_name_and_then_ends()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _server.Http();
        var subscription = await (await http.PostAsJsonAsync("v1/subscriptions", new { url = receiver.Url, secret = Secret, types = new[] { "SchemaRegistered" } }))
            .OkAsync<SubscriptionResponse>(HttpStatusCode.Created);
        using var client = _server.Client();
        await client.RegisterAsync(Schemas.Draft("ops.kpi.uptime:v1.0"));
        await client.RegisterAsync(Schemas.Draft("ops.kpi.uptime:v1.1"));
        Assert.True(await receiver.WaitAsync(d => d.Count == 2, TimeSpan.FromSeconds(10)));
        var sequences = receiver.Deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("sequence").GetInt64()).ToList();

        var replay = await (await http.PostAsJsonAsync("v1/events/replay", new { subscription_id = subscription.Id, from_sequence = sequences.Min(), to_sequence = sequences.Max(), name = "backlog-1" }))
            .OkAsync<ReplayResponse>(HttpStatusCode.Accepted);

        Assert.True(await receiver.WaitAsync(d => d.Count == 4, TimeSpan.FromSeconds(10)), "the replay did not re-deliver");
        var replayed = receiver.Deliveries.Skip(2).Select(d => JsonDocument.Parse(d.Body).RootElement).ToList();
        Assert.All(replayed, e => Assert.Equal("backlog-1", e.GetProperty("replayname").GetString()));
        Assert.Equal(sequences, replayed.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("backlog-1", replay.Name);
        await Task.Delay(300);
        Assert.Equal(4, receiver.Deliveries.Count);
        Assert.DoesNotContain((await (await http.GetAsync("v1/subscriptions")).OkAsync<List<SubscriptionResponse>>()), s => s.Id == replay.Id);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/x","secret":"a-webhook-secret-of-some-length"}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","secret":"short"}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","secret":"a-webhook-secret-of-some-length","from":"yesterday"}""")]
    public async Task Bad_subscriptions_are_refused(string body)
    {
        using var http = _server.Http();
        await (await http.CurlPostAsync("v1/subscriptions", body)).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }
}
