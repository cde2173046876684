using System.Net;
using System.Text.Json;
using SchemaRegistry.Confluent.Tests.Harness;
using SchemaRegistry.Core.Audit;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>The door's setting changes, and a subject's registration policy set through our API, are governed: an event with the principal and a ledger entry each.</summary>
public sealed class GovernedSettingsTests : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private HttpClient _ours = null!;

    public async Task InitializeAsync()
    {
        _server = await DoorServer.StartAsync();
        _ours = _server.Http();
    }

    public async Task DisposeAsync()
    {
        _ours.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_config_and_mode_change_through_the_door_is_an_event_with_its_principal_and_a_ledger_entry()
    {
        var admin = await _server.KeyAsync("door-admin", "schema-admin");
        using var door = _server.Basic(admin, "kafka-admin");
        await door.RegisterAsync("payments-value", ObjectSchema("id"));
        var before = await LastSequenceAsync();

        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Put, "config", """{"compatibility":"FULL"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Delete, "config")).Status);
        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Put, "config/payments-value", """{"compatibility":"NONE","registrationPolicy":"REVIEWED"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Delete, "config/payments-value")).Status);
        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Put, "mode/payments-value", """{"mode":"READONLY"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await door.SendAsync(HttpMethod.Put, "mode", """{"mode":"IMPORT"}""")).Status);

        var events = await EventsAfterAsync(before);
        var subject = events.First(e => e.GetProperty("type").GetString() == "SettingChanged" && e.GetProperty("subject").GetString() != "config")
            .GetProperty("subject").GetString()!;
        Assert.StartsWith("kafka.raw.payments_value_", subject, StringComparison.Ordinal);
        Assert.Equal(new (string, string, string?, string?)[]
        {
            ("SettingChanged", "config", "compatibility", "FULL"),
            ("SettingChanged", "config", "compatibility", null),
            ("SettingChanged", subject, "registration_policy", "REVIEWED"),
            ("SubjectConfigChanged", subject, "compatibility", "NONE"),
            ("SettingChanged", subject, "compatibility", null),
            ("SettingChanged", subject, "mode", "READONLY"),
            ("SettingChanged", "config", "mode", "IMPORT"),
        }, events.Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("subject").GetString()!, Setting(e), Value(e))).ToArray());
        Assert.All(events, e => Assert.Equal("door-admin", e.GetProperty("data").GetProperty("principal").GetString()));

        var ledger = await LedgerAsync();
        Assert.Null(AuditChain.Verify(ledger, previousSequence: 0));
        var entries = ledger.Where(l => l.Sequence > before).ToList();
        Assert.Equal(events.Count, entries.Count);
        Assert.All(entries, l => Assert.Equal("schema-admin", l.Role));
        Assert.All(entries, l => Assert.StartsWith("key_", l.Principal, StringComparison.Ordinal));
        Assert.Equal(events.Select(e => e.GetProperty("type").GetString()), entries.Select(l => l.Action));
    }

    [Fact]
    public async Task A_schema_admin_sets_a_subjects_policy_through_our_api_and_the_door_follows_it()
    {
        using var door = _server.Basic();
        await door.RegisterAsync("finance.gdp.invoice", ObjectSchema("id"));
        var policy = (await _ours.GetJsonAsync("v1/config/finance.gdp.invoice/policy")).Json;
        Assert.Equal(("direct", "subject"), (policy.GetProperty("policy").GetString(), policy.GetProperty("source").GetString()));
        Assert.Equal("reviewed", (await _ours.GetJsonAsync("v1/config/sales.raw.order/policy")).Json.GetProperty("policy").GetString());
        var before = await LastSequenceAsync();

        var ops = await _server.KeyAsync("ops", "ops-engineer");
        using (var asOps = _server.Http(ops))
        {
            var refused = await asOps.SendAsync(HttpMethod.Put, "v1/config/finance.gdp.invoice/policy", """{"policy":"reviewed"}""", "application/json");
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }
        var wrong = await _ours.SendAsync(HttpMethod.Put, "v1/config/finance.gdp.invoice/policy", """{"policy":"sometimes"}""", "application/json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Equal("VAL-1101", wrong.Json.GetProperty("code").GetString());

        var set = await _ours.SendAsync(HttpMethod.Put, "v1/config/finance.gdp.invoice/policy", """{"policy":"Reviewed"}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("reviewed", set.Json.GetProperty("policy").GetString());
        AssertError(await door.PostJsonAsync("subjects/finance.gdp.invoice/versions", Body("""{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""")), 422, 42205);

        var changed = Assert.Single(await EventsAfterAsync(before), e => e.GetProperty("type").GetString() == "SettingChanged");
        Assert.Equal("finance.gdp.invoice", changed.GetProperty("subject").GetString());
        Assert.Equal(("registration_policy", "REVIEWED"), (Setting(changed), Value(changed)));
        Assert.Equal("admin", changed.GetProperty("data").GetProperty("principal").GetString());
        var ledger = await LedgerAsync();
        Assert.Null(AuditChain.Verify(ledger, previousSequence: 0));
        Assert.Contains(ledger, l => l.Action == "SettingChanged" && l.Target == "finance.gdp.invoice");
    }

    private static string? Setting(JsonElement e) =>
        e.GetProperty("data").TryGetProperty("setting", out var s) ? s.GetString() : "compatibility";

    private static string? Value(JsonElement e)
    {
        var data = e.GetProperty("data");
        return data.TryGetProperty("value", out var v) ? v.GetString() : data.GetProperty("compatibility").GetString();
    }

    private async Task<long> LastSequenceAsync() =>
        (await EventsAfterAsync(0)).Select(e => long.Parse(e.GetProperty("sequence").ToString(), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    private async Task<List<JsonElement>> EventsAfterAsync(long after) =>
        (await _ours.GetJsonAsync($"v1/events?after={after}&limit=1000")).Json.GetProperty("events").EnumerateArray().ToList();

    private async Task<List<AuditEntry>> LedgerAsync()
    {
        using var client = _server.Client();
        return await ExportedLedger.ReadAsync(client);
    }
}
