using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Every_change_writes_its_event_in_the_same_transaction_and_failed_changes_write_none()
    {
        var fqid = V(NewSubject(), 1, 0);
        var record = await InsertAsync(fqid);
        var validated = record with { State = SchemaState.Validated, Revision = 2 };
        await Schemas.UpdateAsync(validated, 1, Entry(fqid, SchemaAction.Validate, SchemaState.Draft, SchemaState.Validated, T0.AddSeconds(1)), None);
        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Schemas.UpdateAsync(validated with { State = SchemaState.PendingApproval, Revision = 3 }, 1, Entry(fqid, SchemaAction.Submit, SchemaState.Validated, SchemaState.PendingApproval), None));
        await Assert.ThrowsAsync<StoreConflictException>(() => Schemas.InsertAsync(record, Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), None));

        var events = await Fixture.Storage.Events.ReadAsync(0, 100, null, fqid.ToString(), None);

        Assert.Equal(["SchemaRegistered", "SchemaValidated"], events.Select(e => e.Type));
        Assert.True(events[0].Sequence < events[1].Sequence);
        Assert.Equal(Ms(T0.AddSeconds(1)), events[1].Time);
        Assert.Contains("\"to\":\"validated\"", events[1].Data, StringComparison.Ordinal);
        Assert.NotEqual(events[0].Id, events[1].Id);
    }

    [Fact]
    public async Task The_event_stream_reads_after_a_cursor_and_by_type()
    {
        var fqid = V(NewSubject(), 1, 0);
        var record = await InsertAsync(fqid);
        await Schemas.UpdateAsync(record with { State = SchemaState.Validated, Revision = 2 }, 1, Entry(fqid, SchemaAction.Validate, SchemaState.Draft, SchemaState.Validated), None);
        var all = await Fixture.Storage.Events.ReadAsync(0, 100, null, fqid.ToString(), None);

        var after = await Fixture.Storage.Events.ReadAsync(all[0].Sequence, 100, null, fqid.ToString(), None);
        var validations = await Fixture.Storage.Events.ReadAsync(0, 100, "SchemaValidated", fqid.ToString(), None);

        Assert.Equal([all[1].Id], after.Select(e => e.Id));
        Assert.Equal([all[1].Id], validations.Select(e => e.Id));
    }

    [Fact]
    public async Task Retention_purges_old_events_and_the_last_sequence_is_known()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        Assert.Equal(0, await storage.Events.LastSequenceAsync(None));
        var old = V(NewSubject(), 1, 0);
        var recent = V(NewSubject(), 1, 0);
        await storage.Schemas.InsertAsync(Record(old), Entry(old, SchemaAction.Register, null, SchemaState.Draft, T0), None);
        await storage.Schemas.InsertAsync(Record(recent), Entry(recent, SchemaAction.Register, null, SchemaState.Draft, T0.AddDays(40)), None);
        var last = await storage.Events.LastSequenceAsync(None);

        Assert.Equal(1, await storage.Events.PurgeAsync(T0.AddDays(30), None));

        var left = await storage.Events.ReadAsync(0, 10, null, null, None);
        Assert.Equal([recent.ToString()], left.Select(e => e.Subject));
        Assert.Equal(last, left.Single().Sequence);
        Assert.Equal(last, await storage.Events.LastSequenceAsync(None));
    }
}

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Subscriptions_keep_their_delivery_format()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var plain = new Subscription("sub_plain", "http://127.0.0.1:1/a", [], "", "secret-secret-secret", 0, 0, T0, T0, "test");
        var lineage = plain with { Id = "sub_lineage", Format = Subscription.OpenLineageFormat, Types = ["RunStarted", "RunCompleted"] };
        await storage.Subscriptions.AddAsync(plain, [], None);
        await storage.Subscriptions.AddAsync(lineage, [], None);

        Assert.Equal(Subscription.CloudEventsFormat, (await storage.Subscriptions.GetAsync("sub_plain", None))!.Format);
        var read = (await storage.Subscriptions.GetAsync("sub_lineage", None))!;
        Assert.Equal((Subscription.OpenLineageFormat, 2), (read.Format, read.Types.Count));
    }
}

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Every_event_has_its_ledger_entry_and_the_chain_holds_under_concurrent_writers()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var fqid = V(NewSubject(), 1, 0);
        await storage.Schemas.InsertAsync(Record(fqid), Entry(fqid, SchemaAction.Register, null, SchemaState.Draft, T0), None);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await storage.Events.AppendAsync("ValidationFailed", $"w{writer}", T0.AddSeconds(i),
                    $$"""{"principal":"writer-{{writer}}","role":"ops-engineer","reason":"try {{i}}"}""", None);
            }
        })));

        var ledger = await storage.Audit.ReadAsync(new AuditQuery(Limit: 10_000), None);

        Assert.Equal(1 + 8 * 15, ledger.Count);
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
        Assert.Null(SchemaRegistry.Core.Audit.AuditChain.Verify(ledger, previousSequence: 0));
        Assert.Equal(("SchemaRegistered", fqid.ToString()), (ledger[0].Action, ledger[0].Target));
        Assert.Equal(15, (await storage.Audit.ReadAsync(new AuditQuery(Principal: "writer-3"), None)).Count);
        Assert.Equal(15, (await storage.Audit.ReadAsync(new AuditQuery(Target: "w5"), None)).Count);
        var tampered = ledger.ToList();
        tampered[40] = tampered[40] with { Reason = "edited" };
        Assert.Equal(ledger[40].Sequence, SchemaRegistry.Core.Audit.AuditChain.Verify(tampered, previousSequence: 0)!.Sequence);
        tampered = ledger.Where((_, i) => i != 70).ToList();
        Assert.Equal(ledger[71].Sequence, SchemaRegistry.Core.Audit.AuditChain.Verify(tampered, previousSequence: 0)!.Sequence);
    }

    [Fact]
    public async Task Adding_and_deleting_a_subscription_writes_its_events_and_ledger_entries_only_when_it_happens()
    {
        var storage = await Fixture.OpenAsync(await Fixture.CreateDatabaseAsync());
        var subscription = new Subscription("sub_audited", "http://127.0.0.1:1/a", [], "", "secret-secret-secret", 0, 0, T0, T0, "test");
        OutboxEvent Change(string type) => new(type, subscription.Id, T0, """{"principal":"key_admin","role":"schema-admin"}""");

        await storage.Subscriptions.AddAsync(subscription, [Change("SubscriptionCreated")], None);
        Assert.True(await storage.Subscriptions.DeleteAsync(subscription.Id, [Change("SubscriptionDeleted")], None));
        Assert.False(await storage.Subscriptions.DeleteAsync(subscription.Id, [Change("SubscriptionDeleted")], None));

        Assert.Equal(["SubscriptionCreated", "SubscriptionDeleted"], (await storage.Events.ReadAsync(0, 10, null, subscription.Id, None)).Select(e => e.Type));
        Assert.Equal(2, (await storage.Audit.ReadAsync(new AuditQuery(Target: subscription.Id), None)).Count);
    }
}
