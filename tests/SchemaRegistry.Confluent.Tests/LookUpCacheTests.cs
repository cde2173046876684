using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Server.Caching;
using SchemaRegistry.Confluent.Tests.Harness;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary><c>POST /subjects/{s}</c> answers from a cache, and never an answer the subject's last change made wrong.</summary>
public sealed class LookUpCacheTests
{
    private static readonly string First = ObjectSchema("id");
    private const string Second = """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""";

    [Fact]
    public async Task A_repeated_look_up_is_served_from_the_cache_and_after_each_change_on_this_replica_answers_the_new_truth()
    {
        await using var server = await DoorServer.StartAsync();
        using var http = server.Basic();
        var cache = server.Services.GetRequiredService<LookUpCache>();
        var firstId = await http.RegisterAsync("orders-value", First);

        Assert.Equal(1, await VersionOfAsync(http, First));
        var hits = cache.Hits;
        Assert.Equal(1, await VersionOfAsync(http, First));
        Assert.Equal(hits + 1, cache.Hits);

        // A new version: the cached answer for the first schema stays right, the new one is found.
        await http.RegisterAsync("orders-value", Second);
        Assert.Equal(2, await VersionOfAsync(http, Second));
        Assert.Equal(1, await VersionOfAsync(http, First));

        // Soft delete: the cached version 1 is gone for a plain look-up, still there with deleted=true.
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/1")).Status);
        AssertError(await http.PostJsonAsync("subjects/orders-value", Body(First)), 404, 40403);
        Assert.Equal(1, await VersionOfAsync(http, First, deleted: true));
        Assert.Equal(1, await VersionOfAsync(http, First, deleted: true));

        // Permanent delete: not even with deleted=true.
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/1?permanent=true")).Status);
        AssertError(await http.PostJsonAsync("subjects/orders-value?deleted=true", Body(First)), 404, 40403);

        // Registered again: a new version number, same id.
        Assert.Equal(firstId, await http.RegisterAsync("orders-value", First));
        Assert.Equal(3, await VersionOfAsync(http, First));

        // The whole subject soft deleted: 40401 for every look-up, cached or not.
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Delete, "subjects/orders-value")).Status);
        AssertError(await http.PostJsonAsync("subjects/orders-value", Body(Second)), 404, 40401);
        AssertError(await http.PostJsonAsync("subjects/orders-value", Body(First)), 404, 40401);
    }

    [Fact]
    public async Task A_replica_stops_answering_from_its_cache_once_another_replica_deleted_the_version()
    {
        await using var one = await DoorServer.StartAsync();
        await using var two = await DoorServer.StartAsync(settings: new Dictionary<string, string?> { ["Registry:DataDir"] = one.DataDir });
        using var first = one.Basic();
        using var second = two.Basic();
        await first.RegisterAsync("orders-value", First);
        Assert.Equal(1, await VersionOfAsync(first, First));
        Assert.Equal(1, await VersionOfAsync(first, First));

        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/1")).Status);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && DateTimeOffset.UtcNow < deadline)
        {
            status = (await first.PostJsonAsync("subjects/orders-value", Body(First))).Status;
            await Task.Delay(50);
        }
        AssertError(await first.PostJsonAsync("subjects/orders-value", Body(First)), 404, 40401); // its only version is gone
    }

    [Fact]
    public async Task Another_replicas_permanent_delete_reaches_this_replica_through_its_event_not_when_the_answer_ages_out()
    {
        // Replica one's clock stands still: its cached answers never age out, so only the delete's event can drop them.
        await using var one = await RegistryServer.StartAsync(Store.Sqlite, null, [new ConfluentDoor(), new FrozenClock()]);
        await using var two = await DoorServer.StartAsync(settings: new Dictionary<string, string?> { ["Registry:DataDir"] = one.DataDir });
        using var first = one.Basic();
        using var second = two.Basic();
        var seen = new ConcurrentQueue<string?>();
        one.Services.GetRequiredService<SchemaReadCache>().Invalidated += seen.Enqueue;
        await first.RegisterAsync("orders-value", First);
        await first.RegisterAsync("orders-value", Second);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/1")).Status);

        // Events are followed in order: once replica one has seen a later change, the soft delete's events are behind it.
        await second.RegisterAsync("marker-value", First);
        await WaitAsync(() => seen.Any(s => s?.Contains("marker_value", StringComparison.Ordinal) == true), "replica one follows the events");
        var cache = one.Services.GetRequiredService<LookUpCache>();
        Assert.Equal(1, await VersionOfAsync(first, First, deleted: true));
        var hits = cache.Hits;
        Assert.Equal(1, await VersionOfAsync(first, First, deleted: true));
        Assert.Equal(hits + 1, cache.Hits);

        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/1?permanent=true")).Status);

        await WaitAsync(async () => (await first.PostJsonAsync("subjects/orders-value?deleted=true", Body(First))).Status == HttpStatusCode.NotFound,
            "replica one answers 404 once the permanent delete's event arrives");
        AssertError(await first.PostJsonAsync("subjects/orders-value?deleted=true", Body(First)), 404, 40403);
        using var ours = one.Http();
        var deleted = (await ours.GetJsonAsync("v1/events?type=ConfluentVersionsDeleted")).Json.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("data")).Select(d => (d.GetProperty("name").GetString(), d.GetProperty("versions")[0].GetInt32(), d.GetProperty("permanent").GetBoolean()));
        Assert.Equal([("orders-value", 1, false), ("orders-value", 1, true)], deleted);
    }

    private static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out: " + what);
            await Task.Delay(50);
        }
    }

    private static async Task<int> VersionOfAsync(HttpClient http, string schema, bool deleted = false)
    {
        var (status, json) = await http.PostJsonAsync("subjects/orders-value" + (deleted ? "?deleted=true" : ""), Body(schema));
        Assert.True(status == HttpStatusCode.OK, $"look-up: {status} {json}");
        Assert.Equal("orders-value", json.GetProperty("subject").GetString());
        return json.GetProperty("version").GetInt32();
    }
}
