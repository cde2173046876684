using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Caching;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

public sealed class KeyRotationTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rotating_without_grace_revokes_the_old_key_at_once_and_the_new_secret_works()
    {
        using var admin = _server.Client();
        var old = await admin.CreateKeyAsync(new CreateKeyRequest("loader", "pipeline-runner"));
        using var oldHttp = _server.Http(old.Secret);
        Assert.Equal(HttpStatusCode.OK, (await oldHttp.GetAsync("v1/subjects")).StatusCode); // now cached

        var rotated = await admin.RotateKeyAsync(old.Id);

        Assert.NotEqual(old.Id, rotated.Key.Id);
        Assert.Equal(("loader", "pipeline-runner", "admin"), (rotated.Key.Name, rotated.Key.Role, rotated.Key.CreatedBy));
        Assert.StartsWith("sr_", rotated.Key.Secret, StringComparison.Ordinal);
        Assert.Null(rotated.Key.ExpiresAt);
        Assert.Equal(old.Id, rotated.Previous.Id);
        Assert.NotNull(rotated.Previous.RevokedAt);
        var problem = await (await oldHttp.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
        using var newHttp = _server.Http(rotated.Key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await newHttp.GetAsync("v1/subjects")).StatusCode);

        var listed = (await admin.ListKeysAsync()).Keys.Where(k => k.Name == "loader").ToList();
        Assert.Equal(2, listed.Count);
        Assert.DoesNotContain(rotated.Key.Secret!, System.Text.Json.JsonSerializer.Serialize(listed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_the_grace_period_both_keys_work_and_the_old_one_expires_after_it()
    {
        using var admin = _server.Client();
        var old = await admin.CreateKeyAsync(new CreateKeyRequest("nightly", "reader"));
        using var oldHttp = _server.Http(old.Secret);
        Assert.Equal(HttpStatusCode.OK, (await oldHttp.GetAsync("v1/subjects")).StatusCode);

        var before = DateTimeOffset.UtcNow;
        var rotated = await admin.RotateKeyAsync(old.Id, new RotateKeyRequest(GraceSeconds: 2));

        Assert.Null(rotated.Previous.RevokedAt);
        Assert.InRange(rotated.Previous.ExpiresAt!.Value, before.AddSeconds(1), before.AddSeconds(4));
        using var newHttp = _server.Http(rotated.Key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await oldHttp.GetAsync("v1/subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newHttp.GetAsync("v1/subjects")).StatusCode);

        // Keep the old key in use (and so in the cache) until past the grace period: no request may pass after it.
        var deadline = rotated.Previous.ExpiresAt.Value;
        while (DateTimeOffset.UtcNow < deadline.AddSeconds(1.5))
        {
            // Timed from the send: under load a request sent before the expiry may be answered well after it.
            var sent = DateTimeOffset.UtcNow;
            var response = await oldHttp.GetAsync("v1/subjects");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.True(sent < deadline.AddMilliseconds(100), $"The old key passed for a request sent at {sent:O}, after its expiry {deadline:O}.");
            }
            else
            {
                var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
                Assert.Contains("expired", problem.Detail, StringComparison.Ordinal);
            }
            await Task.Delay(100);
        }
        await (await oldHttp.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Equal(HttpStatusCode.OK, (await newHttp.GetAsync("v1/subjects")).StatusCode);
    }

    [Fact]
    public async Task The_only_admin_key_can_be_rotated_and_the_new_one_is_then_the_last()
    {
        using var admin = _server.Client();
        var rotated = await admin.RotateKeyAsync("key_admin");

        using var oldAdmin = _server.Http();
        await (await oldAdmin.GetAsync("v1/keys")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        using var newAdmin = _server.Client(rotated.Key.Secret);
        Assert.Equal("schema-admin", rotated.Key.Role);
        var error = await Assert.ThrowsAsync<RegistryApiException>(() => newAdmin.RevokeKeyAsync(rotated.Key.Id));
        Assert.Equal(("REG-1003", 409), (error.Code, error.Status));
        Assert.Single((await newAdmin.ListKeysAsync()).Keys, k => k.Role == "schema-admin" && k.RevokedAt is null);
    }

    [Fact]
    public async Task The_new_key_keeps_the_old_lifetime_unless_an_expiry_is_given()
    {
        using var admin = _server.Client();
        var created = DateTimeOffset.UtcNow;
        var old = await admin.CreateKeyAsync(new CreateKeyRequest("quarterly", "ops-engineer", created.AddDays(90)));

        var rotated = await admin.RotateKeyAsync(old.Id, new RotateKeyRequest(GraceSeconds: 3600));
        var lifetime = rotated.Key.ExpiresAt!.Value - rotated.Key.CreatedAt;
        Assert.InRange(lifetime, TimeSpan.FromDays(90) - TimeSpan.FromSeconds(5), TimeSpan.FromDays(90) + TimeSpan.FromSeconds(5));
        Assert.InRange(rotated.Previous.ExpiresAt!.Value, created.AddMinutes(59), created.AddMinutes(61));

        var explicitExpiry = DateTimeOffset.UtcNow.AddDays(7);
        var again = await admin.RotateKeyAsync(rotated.Key.Id, new RotateKeyRequest(ExpiresAt: explicitExpiry));
        Assert.Equal(explicitExpiry.ToUnixTimeMilliseconds(), again.Key.ExpiresAt!.Value.ToUnixTimeMilliseconds());

        // A grace period never extends a key: one expiring sooner keeps its expiry.
        var brief = await admin.CreateKeyAsync(new CreateKeyRequest("brief", "reader", DateTimeOffset.UtcNow.AddMinutes(5)));
        var briefRotated = await admin.RotateKeyAsync(brief.Id, new RotateKeyRequest(GraceSeconds: 86_400));
        Assert.Equal(brief.ExpiresAt!.Value.ToUnixTimeMilliseconds(), briefRotated.Previous.ExpiresAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Rotation_works_without_a_body_as_curl_sends_it()
    {
        using var admin = _server.Client();
        var old = await admin.CreateKeyAsync(new CreateKeyRequest("curl", "reader"));
        using var http = _server.Http();
        var rotated = await (await http.PostAsync($"v1/keys/{old.Id}/rotate", null)).OkAsync<RotateKeyResponse>(HttpStatusCode.Created);
        Assert.NotNull(rotated.Previous.RevokedAt);
        rotated = await (await http.CurlPostAsync($"v1/keys/{rotated.Key.Id}/rotate", """{"grace_seconds":60}""")).OkAsync<RotateKeyResponse>(HttpStatusCode.Created);
        Assert.Null(rotated.Previous.RevokedAt);
        Assert.NotNull(rotated.Previous.ExpiresAt);
    }

    [Fact]
    public async Task Revoked_unknown_and_badly_asked_rotations_are_refused()
    {
        using var admin = _server.Client();
        var old = await admin.CreateKeyAsync(new CreateKeyRequest("gone", "reader"));
        await admin.RevokeKeyAsync(old.Id);
        using var http = _server.Http();

        await (await http.PostAsync($"v1/keys/{old.Id}/rotate", null)).ProblemAsync(HttpStatusCode.Conflict, "REG-1003");
        await (await http.PostAsync("v1/keys/key_nosuchkey000/rotate", null)).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
        var live = await admin.CreateKeyAsync(new CreateKeyRequest("live", "reader"));
        await (await http.PostAsJsonAsync($"v1/keys/{live.Id}/rotate", new { grace_seconds = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        await (await http.PostAsJsonAsync($"v1/keys/{live.Id}/rotate", new { grace_seconds = 40 * 86_400 })).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        await (await http.PostAsJsonAsync($"v1/keys/{live.Id}/rotate", new { expires_at = DateTimeOffset.UtcNow.AddDays(-1) })).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");

        using var ops = _server.Http(await _server.KeyAsync("ops", "ops-engineer"));
        await (await ops.PostAsync($"v1/keys/{live.Id}/rotate", null)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        using var self = _server.Http(live.Secret);
        await (await self.PostAsync($"v1/keys/{live.Id}/rotate", null)).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
    }

    [Fact]
    public void The_cache_does_not_take_back_a_key_read_before_it_was_forgotten()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = new ApiKeyCache(clock);
        var key = new ApiKey("key_a", "a", Role.Reader, "hash", "sr_abcd", clock.GetUtcNow(), "test", null, null);

        cache.Put("hash", key);
        Assert.True(cache.TryGet("hash", out _));
        clock.Advance(ApiKeyCache.Lifetime);
        Assert.False(cache.TryGet("hash", out _));

        cache.Put("hash", key);
        cache.Forget("key_a");
        Assert.False(cache.TryGet("hash", out _));
        cache.Put("hash", key); // a lookup that started before the revocation
        Assert.False(cache.TryGet("hash", out _));
        clock.Advance(ApiKeyCache.Lifetime);
        cache.Put("hash", key with { RevokedAt = clock.GetUtcNow() });
        Assert.True(cache.TryGet("hash", out var again));
        Assert.NotNull(again.RevokedAt);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
