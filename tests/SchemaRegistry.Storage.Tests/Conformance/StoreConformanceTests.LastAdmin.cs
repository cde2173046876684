using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The last active schema-admin key survives every interleaving of revocations and rotations.</summary>
public abstract partial class StoreConformanceTests
{
    private const int AdminRounds = 12;

    // Each round has two admin keys of its own that expire before the next round's instant, so in each round they are
    // the only active admins: revoking each other at once, exactly one revocation may pass.
    [Fact]
    public async Task Two_admin_keys_revoking_each_other_at_once_leave_exactly_one()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        for (var round = 0; round < AdminRounds; round++)
        {
            var at = T0.AddHours(round);
            var pair = new[] { NewKey(Role.SchemaAdmin, at, at.AddMinutes(30)), NewKey(Role.SchemaAdmin, at, at.AddMinutes(30)) };
            foreach (var key in pair)
            {
                Assert.True(await storage.Keys.TryInsertAsync(key, [], None));
            }

            var tasks = await RaceAllAsync([
                () => storage.Keys.RevokeAsync(pair[1].Id, at, [Numbered("KeyRevoked", pair[1].Id)], None),
                () => storage.Keys.RevokeAsync(pair[0].Id, at, [Numbered("KeyRevoked", pair[0].Id)], None),
            ]);

            Assert.Equal(1, tasks.Count(t => t.IsCompletedSuccessfully && t.Result));
            Assert.IsType<LastAdminKeyException>(Assert.Single(tasks, t => t.IsFaulted).Exception!.InnerException);
            var keys = await storage.Keys.ListAsync(None);
            Assert.Single(keys, k => k.Role == Role.SchemaAdmin && k.IsActive(at));
            var revocations = await storage.Events.ReadAsync(0, 1000, "KeyRevoked", null, None);
            Assert.Single(revocations, e => e.Subject == pair[0].Id || e.Subject == pair[1].Id);
        }
    }

    [Fact]
    public async Task A_rotation_racing_the_revocation_of_the_other_admin_keeps_an_admin()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        for (var round = 0; round < AdminRounds; round++)
        {
            var at = T0.AddHours(round);
            var pair = new[] { NewKey(Role.SchemaAdmin, at, at.AddMinutes(30)), NewKey(Role.SchemaAdmin, at, at.AddMinutes(30)) };
            foreach (var key in pair)
            {
                Assert.True(await storage.Keys.TryInsertAsync(key, [], None));
            }
            var replacement = NewKey(Role.SchemaAdmin, at, at.AddMinutes(30));

            var tasks = await RaceAllAsync([
                () => storage.Keys.ReplaceAsync(replacement, pair[0].Id, at, revokeOld: true, [], None),
                () => storage.Keys.RevokeAsync(pair[0].Id, at, [], None),
                () => storage.Keys.RevokeAsync(pair[1].Id, at, [], None),
            ]);

            Assert.DoesNotContain(tasks, t => t.IsFaulted && t.Exception!.InnerException is not LastAdminKeyException);
            Assert.Contains(await storage.Keys.ListAsync(None), k => k.Role == Role.SchemaAdmin && k.IsActive(at));
        }
    }

    [Fact]
    public async Task The_last_admin_key_without_expiry_cannot_be_revoked_given_an_expiry_or_replaced_by_one_that_expires()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var lasting = NewKey(Role.SchemaAdmin);
        var expiring = NewKey(Role.SchemaAdmin, expiresAt: T0.AddDays(1));
        Assert.True(await storage.Keys.TryInsertAsync(lasting, [], None));
        Assert.True(await storage.Keys.TryInsertAsync(expiring, [], None));

        await Assert.ThrowsAsync<LastAdminKeyException>(() => storage.Keys.RevokeAsync(lasting.Id, T0, [Numbered("KeyRevoked", lasting.Id)], None));
        await Assert.ThrowsAsync<LastAdminKeyException>(() =>
            storage.Keys.ReplaceAsync(NewKey(Role.SchemaAdmin, expiresAt: T0.AddDays(1)), lasting.Id, T0, revokeOld: true, [], None));
        var graced = NewKey(Role.SchemaAdmin, expiresAt: T0.AddDays(1));
        await Assert.ThrowsAsync<LastAdminKeyException>(() => storage.Keys.ReplaceAsync(graced, lasting.Id, T0.AddHours(1), revokeOld: false, [], None));

        var stored = await storage.Keys.GetAsync(lasting.Id, None);
        Assert.Equal((null, null), (stored!.RevokedAt, stored.ExpiresAt));
        Assert.Null(await storage.Keys.GetAsync(graced.Id, None));
        Assert.Empty(await storage.Events.ReadAsync(0, 10, null, lasting.Id, None));

        // Replaced by a key without expiry (with a grace period), or revoked once another such key exists: allowed.
        var successor = NewKey(Role.SchemaAdmin);
        Assert.True(await storage.Keys.ReplaceAsync(successor, lasting.Id, T0.AddHours(1), revokeOld: false, [], None));
        Assert.True(await storage.Keys.RevokeAsync(expiring.Id, T0, [], None));
        await Assert.ThrowsAsync<LastAdminKeyException>(() => storage.Keys.RevokeAsync(successor.Id, T0, [], None));
    }

    [Fact]
    public async Task Recovery_adds_an_admin_key_only_when_none_is_active_and_never_makes_another_role_admin()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var admin = NewKey(Role.SchemaAdmin, expiresAt: T0.AddHours(1));
        var reader = NewKey(Role.Reader);
        Assert.True(await storage.Keys.TryInsertAsync(admin, [], None));
        Assert.True(await storage.Keys.TryInsertAsync(reader, [], None));
        var recovery = NewKey(Role.SchemaAdmin);
        var later = T0.AddHours(2);

        Assert.False(await storage.Keys.RecoverAdminAsync(recovery, reactivate: false, T0, [Numbered("KeyRecovered", recovery.Id)], None));
        Assert.Null(await storage.Keys.GetAsync(recovery.Id, None));
        Assert.False(await storage.Keys.RecoverAdminAsync(reader, reactivate: true, later, [Numbered("KeyRecovered", reader.Id)], None));
        Assert.Equal(Role.Reader, (await storage.Keys.GetAsync(reader.Id, None))!.Role);

        // Once the only admin key has expired, the recovery key is added, and only once.
        Assert.True(await storage.Keys.RecoverAdminAsync(recovery, reactivate: false, later, [Numbered("KeyRecovered", recovery.Id)], None));
        var other = NewKey(Role.SchemaAdmin);
        Assert.False(await storage.Keys.RecoverAdminAsync(other, reactivate: false, later, [Numbered("KeyRecovered", other.Id)], None));
        Assert.False(await storage.Keys.RecoverAdminAsync(admin, reactivate: true, later, [Numbered("KeyRecovered", admin.Id)], None));
        Assert.True((await storage.Keys.GetAsync(recovery.Id, None))!.IsActive(T0.AddYears(10)));
        Assert.Equal([recovery.Id], (await storage.Events.ReadAsync(0, 10, "KeyRecovered", null, None)).Select(e => e.Subject));
    }

    [Fact]
    public async Task Recovery_can_make_an_expired_admin_key_active_again_without_expiry()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var admin = NewKey(Role.SchemaAdmin, expiresAt: T0.AddHours(1));
        Assert.True(await storage.Keys.TryInsertAsync(admin, [], None));

        Assert.True(await storage.Keys.RecoverAdminAsync(admin, reactivate: true, T0.AddHours(2), [Numbered("KeyRecovered", admin.Id)], None));

        var back = await storage.Keys.GetAsync(admin.Id, None);
        Assert.Equal((null, null), (back!.RevokedAt, back.ExpiresAt));
        Assert.Single(await storage.Events.ReadAsync(0, 10, "KeyRecovered", admin.Id, None));
    }

    /// <summary>Starts every change together and waits for all of them, whatever each one's outcome.</summary>
    private static async Task<Task<bool>[]> RaceAllAsync(IReadOnlyList<Func<Task<bool>>> changes)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = changes.Select(change => Task.Run(async () =>
        {
            await start.Task;
            return await change();
        })).ToArray();
        start.SetResult();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (LastAdminKeyException)
        {
            // Inspected per task by the caller.
        }
        return tasks;
    }
}
