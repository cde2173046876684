using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Storage.Sql;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Event sequences: 1, 2, 3… with no gap whatever rolls back, and each equal to its ledger entry's.</summary>
public abstract partial class StoreConformanceTests
{
    private static OutboxEvent Numbered(string type, string target) =>
        new(type, target, T0, """{"principal":"key_admin","role":"schema-admin"}""");

    // A transaction that appends an event and then rolls back (as a killed server's does) must not burn its number:
    // on PostgreSQL an identity, on MariaDB an AUTO_INCREMENT counter, would.
    [Fact]
    public async Task An_event_appended_and_rolled_back_leaves_no_gap_before_the_next_committed_one()
    {
        var url = await Fixture.CreateDatabaseAsync();
        var storage = await Fixture.OpenAsync(url);
        await storage.Events.AppendAsync("First", "t", T0, """{"principal":"key_admin"}""", None);
        var provider = RegistryStorage.CreateProvider(url);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await using var connection = await provider.OpenAsync(None);
                await using var transaction = await connection.BeginTransactionAsync(None);
                await OutboxWriter.AppendEventsAsync(provider, connection, transaction, [Numbered("RolledBack", "t"), Numbered("RolledBack", "t")], None);
                await transaction.RollbackAsync(None);
            }
            await storage.Events.AppendAsync("Second", "t", T0, """{"principal":"key_admin"}""", None);
            await OutboxWriter.AppendAloneAsync(provider, [Numbered("Third", "t"), Numbered("Fourth", "t")], None);
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }

        var events = await storage.Events.ReadAsync(0, 100, null, null, None);
        var ledger = await storage.Audit.ReadAsync(new AuditQuery(Limit: 100), None);

        Assert.Equal([("First", 1L), ("Second", 2L), ("Third", 3L), ("Fourth", 4L)], events.Select(e => (e.Type, e.Sequence)));
        Assert.Equal(events.Select(e => (e.Type, e.Sequence)), ledger.Select(e => (e.Action, e.Sequence)));
        Assert.Null(SchemaRegistry.Core.Audit.AuditChain.Verify(ledger, previousSequence: 0));
    }

    // Retention deletes old events, never ledger entries: numbers go on from the ledger's end, never reused.
    [Fact]
    public async Task After_every_event_is_purged_the_next_one_continues_the_sequence()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        await storage.Events.AppendAsync("Old", "t", T0, """{"principal":"key_admin"}""", None);
        await storage.Events.AppendAsync("Old", "t", T0, """{"principal":"key_admin"}""", None);
        Assert.Equal(2, await storage.Events.PurgeAsync(T0.AddDays(1), None));

        await storage.Events.AppendAsync("New", "t", T0.AddDays(2), """{"principal":"key_admin"}""", None);

        Assert.Equal([3L], (await storage.Events.ReadAsync(0, 10, null, null, None)).Select(e => e.Sequence));
        Assert.Equal([1L, 2L, 3L], (await storage.Audit.ReadAsync(new AuditQuery(Limit: 10), None)).Select(e => e.Sequence));
    }
}
