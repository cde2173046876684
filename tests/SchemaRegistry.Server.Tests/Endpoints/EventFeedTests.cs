using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>Every change appears in the event feed as a CloudEvent, in order; a long-poll wakes on the next change.</summary>
public sealed class EventFeedTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_lifecycle_shows_up_in_the_feed_as_cloud_events_in_order()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        await client.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0"));
        await client.ValidateAsync("finance.gdp.invoice:v1.0");
        await client.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "feed test");

        var page = await (await http.GetAsync("v1/events?subject=finance.gdp.invoice:v1.0")).OkAsync<EventPage>();

        Assert.Equal(["SchemaRegistered", "SchemaValidated", "SchemaPublished"], page.Events.Select(e => e.Type));
        Assert.All(page.Events, e => Assert.Equal(("1.0", "/schemareg", "finance.gdp.invoice:v1.0", "application/json"), (e.SpecVersion, e.Source, e.Subject, e.DataContentType)));
        Assert.Equal("force_publish", page.Events[2].Data.GetProperty("action").GetString());
        Assert.Equal(page.Events[2].Sequence, page.Next);
        var published = await (await http.GetAsync("v1/events?type=SchemaPublished")).OkAsync<EventPage>();
        Assert.Equal(page.Events[2].Id, Assert.Single(published.Events).Id);
        Assert.Empty((await (await http.GetAsync($"v1/events?after={page.Next}")).OkAsync<EventPage>()).Events);
    }

    [Fact]
    public async Task Failed_validations_and_blocked_publishes_are_events_with_their_codes()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        await client.RegisterAsync(Schemas.Referencing("finance.gdp.invoice:v2.0", "finance.gdp.customer:v9.0"));
        await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.ValidateAsync("finance.gdp.invoice:v2.0"));
        await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.PublishAsync("finance.gdp.invoice:v2.0", force: true, reason: "try"));
        await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.CheckAsync("finance.gdp.invoice:v2.0"));

        var page = await (await http.GetAsync("v1/events?subject=finance.gdp.invoice:v2.0")).OkAsync<EventPage>();

        Assert.Equal(["SchemaRegistered", "ValidationFailed", "PublishBlocked"], page.Events.Select(e => e.Type));
        Assert.All(page.Events.Skip(1), e => Assert.Equal("VAL-1304", e.Data.GetProperty("code").GetString()));
        Assert.Equal("draft", (await client.GetAsync("finance.gdp.invoice:v2.0")).State);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_the_next_change_commits()
    {
        using var client = _server.Client();
        using var http = _server.Http();
        var start = await (await http.GetAsync("v1/events")).OkAsync<EventPage>();

        var poll = http.GetAsync($"v1/events?after={start.Next}&wait=20");
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);
        await client.RegisterAsync(Schemas.Draft("finance.gdp.order:v1.0"));

        var page = await (await poll).OkAsync<EventPage>();
        Assert.Equal("finance.gdp.order:v1.0", Assert.Single(page.Events).Subject);
    }
}
