using System.Net;
using SchemaRegistry.Confluent.Tests.Harness;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>One registry, two doors: what one door registers is the same object through the other, its events and its ledger.</summary>
public sealed class TwoDoorsTests : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private HttpClient _door = null!;
    private HttpClient _ours = null!;

    public async Task InitializeAsync()
    {
        _server = await DoorServer.StartAsync();
        _door = _server.Basic();
        _ours = _server.Http();
    }

    public async Task DisposeAsync()
    {
        _door.Dispose();
        _ours.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_register_through_the_door_is_a_published_version_of_ours_with_its_event_and_ledger_entry()
    {
        var ops = await _server.KeyAsync("orders-producer", "ops-engineer");
        using var asOps = _server.Basic(ops, "whatever-user-name");
        await asOps.RegisterAsync("orders-value", ObjectSchema("id"));
        await asOps.RegisterAsync("orders-value", """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""");

        var subjects = (await _ours.GetJsonAsync("v1/subjects")).Json.GetProperty("subjects");
        var subject = Assert.Single(subjects.EnumerateArray()).GetProperty("subject").GetString()!;
        Assert.StartsWith("kafka.raw.orders_value_", subject, StringComparison.Ordinal);
        var versions = (await _ours.GetJsonAsync($"v1/schema/{subject}/versions")).Json.GetProperty("versions").EnumerateArray()
            .Select(v => (v.GetProperty("version").GetString()!, v.GetProperty("state").GetString()!)).ToList();
        Assert.Equal(new[] { ("v1.0", "published"), ("v1.1", "published") }, versions);
        var latest = (await _ours.GetJsonAsync($"v1/schema/{subject}:latest")).Json;
        Assert.Equal("orders-value", latest.GetProperty("tags").GetProperty("confluent.subject").GetString());

        var events = (await _ours.GetJsonAsync("v1/events?limit=100")).Json.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString()!.StartsWith(subject, StringComparison.Ordinal)).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(new[] { "SettingChanged", "SchemaPublished", "SchemaPublished" }, events); // the door's direct policy for the subject it created, then the two versions
        var ledger = (await _ours.GetJsonAsync($"v1/audit?target={subject}:v1.0")).Json.EnumerateArray().ToList();
        var entry = Assert.Single(ledger);
        Assert.Equal("ops-engineer", entry.GetProperty("role").GetString());
        Assert.StartsWith("key_", entry.GetProperty("principal").GetString(), StringComparison.Ordinal); // the key's id, not the admin's
        Assert.Equal("SchemaPublished", entry.GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_version_published_through_our_api_is_version_n_through_the_door_in_publication_order()
    {
        using var admin = _server.Client();
        foreach (var (fqid, payload) in new[] { ("finance.gdp.invoice:v1.0", """{"type":"object"}"""), ("finance.gdp.invoice:v2.0", """{"type":"string"}"""), ("finance.gdp.invoice:v1.1", """{"type":"object","title":"t"}""") })
        {
            var (status, body) = await _ours.PostJsonAsync("v1/schema", $$"""{"fqid":"{{fqid}}","owner":"finance","payload":{{payload}}}""");
            Assert.True(status == HttpStatusCode.Created || status == HttpStatusCode.OK, body.ToString());
            await admin.PublishAsync(fqid, force: true, reason: "test");
        }

        Assert.Equal(new[] { "finance.gdp.invoice" }, Strings((await _door.GetJsonAsync("subjects")).Json));
        Assert.Equal(new[] { 1, 2, 3 }, Ints((await _door.GetJsonAsync("subjects/finance.gdp.invoice/versions")).Json));
        Assert.Equal("""{"type":"string"}""", (await _door.GetJsonAsync("subjects/finance.gdp.invoice/versions/2")).Json.GetProperty("schema").GetString());
        Assert.Equal("""{"type":"object","title":"t"}""", (await _door.GetJsonAsync("subjects/finance.gdp.invoice/versions/latest")).Json.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task A_subject_of_our_api_is_reviewed_a_register_answers_42205_and_the_approved_version_appears_as_the_next_number()
    {
        using var admin = _server.Client();
        await _ours.PostJsonAsync("v1/schema", """{"fqid":"sales.raw.order:v1.0","owner":"sales","payload":{"type":"object","properties":{"id":{"type":"string"}}}}""");
        await admin.PublishAsync("sales.raw.order:v1.0", force: true, reason: "seed");

        var answer = await _door.PostJsonAsync("subjects/sales.raw.order/versions", Body("""{"type":"object","properties":{"id":{"type":"string"},"n":{}}}"""));
        AssertError(answer, 422, 42205);
        var message = answer.Json.GetProperty("message").GetString()!;
        Assert.Contains("sales.raw.order:v1.1", message, StringComparison.Ordinal);
        Assert.Contains("schema-admin other than admin", message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1 }, Ints((await _door.GetJsonAsync("subjects/sales.raw.order/versions")).Json));

        var reviewer = await _server.KeyAsync("reviewer", "schema-admin");
        using var asReviewer = _server.Client(reviewer);
        await asReviewer.ApproveAsync("sales.raw.order:v1.1", "ok");
        await asReviewer.PublishAsync("sales.raw.order:v1.1");
        Assert.Equal(new[] { 1, 2 }, Ints((await _door.GetJsonAsync("subjects/sales.raw.order/versions")).Json));
    }

    [Fact]
    public async Task A_confluent_register_in_an_fqid_subject_bumps_minor_when_compatible_and_major_when_the_level_allows_a_break()
    {
        await _door.SendAsync(HttpMethod.Put, "config/shop.raw.cart", """{"compatibility":"NONE","registrationPolicy":"DIRECT"}""");
        await _door.RegisterAsync("shop.raw.cart", ObjectSchema("id"));
        await _door.RegisterAsync("shop.raw.cart", """{"type":"object","properties":{"id":{"type":"string"},"n":{}}}""");
        await _door.RegisterAsync("shop.raw.cart", """{"type":"object","properties":{"id":{"type":"integer"}}}""");

        var versions = (await _ours.GetJsonAsync("v1/schema/shop.raw.cart/versions")).Json.GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("version").GetString()).ToList();
        Assert.Equal(new[] { "v1.0", "v1.1", "v2.0" }, versions);
        Assert.Equal("NONE", (await _ours.GetJsonAsync("v1/config/shop.raw.cart")).Json.GetProperty("compatibility").GetString());
    }

    [Fact]
    public async Task A_soft_delete_deprecates_our_version()
    {
        await _door.RegisterAsync("stock-value", ObjectSchema("sku"));
        var subject = (await _ours.GetJsonAsync("v1/subjects")).Json.GetProperty("subjects")[0].GetProperty("subject").GetString();
        Assert.Equal(new[] { 1 }, Ints((await _door.SendAsync(HttpMethod.Delete, "subjects/stock-value")).Json));
        Assert.Equal("deprecated", (await _ours.GetJsonAsync($"v1/schema/{subject}:v1.0")).Json.GetProperty("state").GetString());
    }
}
