using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>API keys, found by the hash of their secret.</summary>
public abstract partial class StoreConformanceTests
{
    private static ApiKey NewKey(Role role = Role.PipelineRunner, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        var secret = ApiKeySecrets.NewSecret();
        return new ApiKey(ApiKeySecrets.NewId(), $"{role} key", role, ApiKeySecrets.Hash(secret), ApiKeySecrets.PrefixOf(secret),
            createdAt ?? T0, "key_admin", expiresAt, null);
    }

    private static void AssertSameKey(ApiKey expected, ApiKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { CreatedAt = Ms(expected.CreatedAt), ExpiresAt = expected.ExpiresAt is { } e ? Ms(e) : null }, actual);
    }

    [Fact]
    public async Task An_inserted_key_is_found_by_its_secret_hash_and_by_its_id_with_every_field()
    {
        var key = NewKey(Role.OpsEngineer, T0.AddTicks(1234), T0.AddDays(90).AddMilliseconds(1).AddTicks(5)) with
        {
            Name = "Nightly loader — Ünïcødé \"quoted\"",
        };

        Assert.True(await Keys.TryInsertAsync(key, [], None));

        AssertSameKey(key, await Keys.FindBySecretHashAsync(key.SecretHash, None));
        AssertSameKey(key, await Keys.GetAsync(key.Id, None));
        Assert.Null((await Keys.GetAsync(key.Id, None))!.RevokedAt);
    }

    [Fact]
    public async Task A_key_without_expiry_round_trips_a_null_expiry()
    {
        var key = NewKey(Role.Reader);

        Assert.True(await Keys.TryInsertAsync(key, [], None));

        var stored = await Keys.GetAsync(key.Id, None);
        AssertSameKey(key, stored);
        Assert.Null(stored!.ExpiresAt);
    }

    [Fact]
    public async Task Unknown_hashes_and_ids_find_nothing()
    {
        var key = NewKey();
        Assert.True(await Keys.TryInsertAsync(key, [], None));

        Assert.Null(await Keys.FindBySecretHashAsync(ApiKeySecrets.Hash(ApiKeySecrets.NewSecret()), None));
        Assert.Null(await Keys.FindBySecretHashAsync(key.SecretHash.ToUpperInvariant(), None));
        Assert.Null(await Keys.GetAsync(ApiKeySecrets.NewId(), None));
    }

    [Fact]
    public async Task Inserting_a_key_with_an_existing_secret_hash_returns_false_and_changes_nothing()
    {
        var key = NewKey(Role.SchemaAdmin);
        Assert.True(await Keys.TryInsertAsync(key, [], None));
        var sameHash = NewKey(Role.Reader) with { SecretHash = key.SecretHash };

        Assert.False(await Keys.TryInsertAsync(sameHash, [], None));

        Assert.Null(await Keys.GetAsync(sameHash.Id, None));
        AssertSameKey(key, await Keys.FindBySecretHashAsync(key.SecretHash, None));
    }

    [Fact]
    public async Task Inserting_a_key_with_an_existing_id_returns_false_and_changes_nothing()
    {
        var key = NewKey(Role.SchemaAdmin);
        Assert.True(await Keys.TryInsertAsync(key, [], None));
        var sameId = NewKey(Role.Reader) with { Id = key.Id };

        Assert.False(await Keys.TryInsertAsync(sameId, [], None));

        Assert.Null(await Keys.FindBySecretHashAsync(sameId.SecretHash, None));
        AssertSameKey(key, await Keys.GetAsync(key.Id, None));
    }

    [Fact]
    public async Task Revoking_marks_the_key_once_and_a_second_revoke_returns_false()
    {
        var key = NewKey();
        var other = NewKey();
        Assert.True(await Keys.TryInsertAsync(key, [], None));
        Assert.True(await Keys.TryInsertAsync(other, [], None));
        var at = T0.AddHours(5).AddTicks(42);

        Assert.True(await Keys.RevokeAsync(key.Id, at, [], None));
        Assert.False(await Keys.RevokeAsync(key.Id, at.AddHours(1), [], None));
        Assert.False(await Keys.RevokeAsync(ApiKeySecrets.NewId(), at, [], None));

        var revoked = await Keys.GetAsync(key.Id, None);
        Assert.Equal(Ms(at), revoked!.RevokedAt);
        Assert.False(revoked.IsActive(at.AddSeconds(1)));
        Assert.Equal(Ms(at), (await Keys.FindBySecretHashAsync(key.SecretHash, None))!.RevokedAt);
        AssertSameKey(other, await Keys.GetAsync(other.Id, None));
    }

    /// <summary>A key change and its event (with its ledger entry) commit together, and a change that did not happen writes neither.</summary>
    [Fact]
    public async Task Key_changes_write_their_events_and_ledger_entries_only_when_they_happen()
    {
        var key = NewKey();
        OutboxEvent Change(string type) =>
            new(type, key.Id, T0, $$"""{"principal":"key_admin","principal_id":"k_admin","role":"schema-admin","key_id":"{{key.Id}}"}""");
        async Task<List<string>> EventsAsync() =>
            [.. (await Fixture.Storage.Events.ReadAsync(0, 100, null, key.Id, None)).Select(e => e.Type)];
        async Task<List<string>> LedgerAsync() =>
            [.. (await Fixture.Storage.Audit.ReadAsync(new AuditQuery(Target: key.Id), None)).Select(e => e.Action)];

        Assert.True(await Keys.TryInsertAsync(key, [Change("KeyCreated")], None));
        Assert.False(await Keys.TryInsertAsync(key with { SecretHash = ApiKeySecrets.Hash(ApiKeySecrets.NewSecret()) }, [Change("KeyCreated")], None));
        Assert.True(await Keys.RevokeAsync(key.Id, T0.AddHours(1), [Change("KeyRevoked")], None));
        Assert.False(await Keys.RevokeAsync(key.Id, T0.AddHours(2), [Change("KeyRevoked")], None));
        Assert.False(await Keys.RevokeAsync(ApiKeySecrets.NewId(), T0.AddHours(2), [Change("KeyRevoked")], None));

        Assert.Equal(["KeyCreated", "KeyRevoked"], await EventsAsync());
        Assert.Equal(2, (await LedgerAsync()).Count);
    }

    [Fact]
    public async Task Rotation_adds_the_new_key_and_ends_the_old_one_together_or_not_at_all()
    {
        var old = NewKey(Role.SchemaAdmin);
        Assert.True(await Keys.TryInsertAsync(old, [], None));
        OutboxEvent Change(string type, string target) => new(type, target, T0, """{"principal":"key_admin","role":"schema-admin"}""");

        var graced = NewKey(Role.SchemaAdmin);
        Assert.True(await Keys.ReplaceAsync(graced, old.Id, T0.AddHours(1), revokeOld: false, [Change("KeyCreated", graced.Id)], None));
        Assert.Equal(Ms(T0.AddHours(1)), (await Keys.GetAsync(old.Id, None))!.ExpiresAt);
        Assert.Null((await Keys.GetAsync(old.Id, None))!.RevokedAt);

        var revoking = NewKey(Role.SchemaAdmin);
        Assert.True(await Keys.ReplaceAsync(revoking, old.Id, T0.AddMinutes(1), revokeOld: true,
            [Change("KeyCreated", revoking.Id), Change("KeyRevoked", old.Id)], None));
        Assert.Equal(Ms(T0.AddMinutes(1)), (await Keys.GetAsync(old.Id, None))!.RevokedAt);

        // The old key is revoked now: a second rotation writes neither the new key nor any event.
        var late = NewKey(Role.SchemaAdmin);
        Assert.False(await Keys.ReplaceAsync(late, old.Id, T0.AddMinutes(2), revokeOld: true, [Change("KeyCreated", late.Id)], None));
        Assert.Null(await Keys.GetAsync(late.Id, None));
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 10, null, late.Id, None));
        // A replacement whose hash exists changes nothing either.
        Assert.False(await Keys.ReplaceAsync(graced with { Id = ApiKeySecrets.NewId() }, revoking.Id, T0, revokeOld: true, [Change("KeyRevoked", revoking.Id)], None));
        Assert.Null((await Keys.GetAsync(revoking.Id, None))!.RevokedAt);
        Assert.Equal(["KeyRevoked"], (await Fixture.Storage.Events.ReadAsync(0, 10, null, old.Id, None)).Select(e => e.Type));
        Assert.Equal(["KeyCreated"], (await Fixture.Storage.Events.ReadAsync(0, 10, null, revoking.Id, None)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_rotation_grace_sets_the_expiry_of_a_live_key_and_refuses_revoked_and_unknown_keys()
    {
        var key = NewKey(expiresAt: T0.AddDays(90));
        var revoked = NewKey();
        Assert.True(await Keys.TryInsertAsync(key, [], None));
        Assert.True(await Keys.TryInsertAsync(revoked, [], None));
        Assert.True(await Keys.RevokeAsync(revoked.Id, T0.AddHours(1), [], None));
        var at = T0.AddMinutes(5).AddTicks(7);

        Assert.True(await Keys.ReplaceAsync(NewKey(), key.Id, at, revokeOld: false, [], None));
        Assert.False(await Keys.ReplaceAsync(NewKey(), revoked.Id, at, revokeOld: false, [], None));
        Assert.False(await Keys.ReplaceAsync(NewKey(), ApiKeySecrets.NewId(), at, revokeOld: false, [], None));

        var expiring = await Keys.FindBySecretHashAsync(key.SecretHash, None);
        Assert.Equal(Ms(at), expiring!.ExpiresAt);
        Assert.True(expiring.IsActive(at.AddSeconds(-1)));
        Assert.False(expiring.IsActive(at.AddSeconds(1)));
        Assert.Null((await Keys.GetAsync(revoked.Id, None))!.ExpiresAt);
    }

    [Fact]
    public async Task ListAsync_returns_every_key_by_creation_time_and_AnyAsync_tells_whether_there_is_one()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        Assert.False(await storage.Keys.AnyAsync(None));
        Assert.Empty(await storage.Keys.ListAsync(None));
        var keys = new[]
        {
            NewKey(Role.Reader, T0.AddMinutes(3)),
            NewKey(Role.SchemaAdmin, T0.AddMinutes(1), T0.AddDays(1)),
            NewKey(Role.PipelineRunner, T0.AddMinutes(2)),
            NewKey(Role.OpsEngineer, T0.AddMinutes(4)),
        };

        Assert.True(await storage.Keys.TryInsertAsync(keys[0], [], None));
        Assert.True(await storage.Keys.AnyAsync(None));
        foreach (var key in keys.Skip(1))
        {
            Assert.True(await storage.Keys.TryInsertAsync(key, [], None));
        }
        Assert.True(await storage.Keys.RevokeAsync(keys[2].Id, T0.AddHours(1), [], None));

        var listed = await storage.Keys.ListAsync(None);

        Assert.Equal([keys[1], keys[2] with { RevokedAt = T0.AddHours(1) }, keys[0], keys[3]], listed);
        Assert.True(await storage.Keys.AnyAsync(None));
    }
}
