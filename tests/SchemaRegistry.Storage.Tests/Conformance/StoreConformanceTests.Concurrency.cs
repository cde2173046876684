using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Optimistic concurrency: of two writers that read the same revision, exactly one wins.</summary>
public abstract partial class StoreConformanceTests
{
    private const int Rounds = 5;

    [Fact]
    public async Task Two_concurrent_updates_with_the_same_expected_revision_let_exactly_one_win()
    {
        var fqid = V(NewSubject(), 1, 0);
        var original = await InsertAsync(fqid);
        for (var round = 1; round <= Rounds; round++)
        {
            var expectedRevision = round;
            var contenders = new[] { "key_left", "key_right" }
                .Select(who => (
                    Record: original with
                    {
                        Definition = original.Definition with { Description = $"{who} won round {expectedRevision}" },
                        UpdatedBy = who,
                        UpdatedAt = T0.AddMinutes(expectedRevision),
                        Revision = expectedRevision + 1,
                    },
                    Entry: Entry(fqid, SchemaAction.Edit, SchemaState.Draft, SchemaState.Draft, T0.AddMinutes(expectedRevision), who)))
                .ToArray();

            var tasks = await RaceAsync(contenders.Select(c =>
                (Func<Task>)(() => Schemas.UpdateAsync(c.Record, expectedRevision, c.Entry, None))));

            var winner = AssertExactlyOneWon(tasks);
            AssertSameRecord(contenders[winner].Record, await Schemas.GetAsync(fqid, None));
            var history = await Schemas.GetHistoryAsync(fqid, None);
            Assert.Equal(round + 1, history.Count);
            Assert.Equal(contenders[winner].Entry, history[^1]);
        }
    }

    [Fact]
    public async Task Two_concurrent_inserts_of_the_same_fqid_let_exactly_one_win()
    {
        var subject = NewSubject();
        for (var round = 1; round <= Rounds; round++)
        {
            var fqid = V(subject, 1, round);
            var contenders = new[] { "key_left", "key_right" }
                .Select(who => (
                    Record: Record(fqid) with { CreatedBy = who, UpdatedBy = who },
                    Entry: Entry(fqid, SchemaAction.Register, null, SchemaState.Draft, T0, who)))
                .ToArray();

            var tasks = await RaceAsync(contenders.Select(c =>
                (Func<Task>)(() => Schemas.InsertAsync(c.Record, c.Entry, None))));

            var winner = AssertExactlyOneWon(tasks);
            AssertSameRecord(contenders[winner].Record, await Schemas.GetAsync(fqid, None));
            Assert.Equal([contenders[winner].Entry], await Schemas.GetHistoryAsync(fqid, None));
        }
        Assert.Equal(Rounds, (await Schemas.ListVersionsAsync(subject, None)).Count);
    }

    // Two stores over one database stand for two replicas: registrations (some of them duplicates) and other events
    // race; afterwards the stream has no gap, each FQID one registration event, and the ledger one entry per event, chained.
    [Fact]
    public async Task Concurrent_registrations_through_two_stores_keep_the_stream_gap_free_and_the_ledger_chained()
    {
        var database = await Fixture.CreateDatabaseAsync();
        var stores = new[] { await Fixture.OpenAsync(database), await Fixture.OpenAsync(database) };
        var subject = NewSubject();
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var store = stores[(writer + i) % 2];
                // Writers 0 and 1 register the same versions, so each of those has one winner and one conflict.
                var fqid = V(subject, 1, writer < 2 ? i : writer * 100 + i);
                try
                {
                    await store.Schemas.InsertAsync(Record(fqid), Entry(fqid, SchemaAction.Register, null, SchemaState.Draft, T0.AddSeconds(i), $"key_{writer}"), None);
                }
                catch (StoreConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
                if (i % 5 == 0)
                {
                    await store.Events.AppendAsync("ValidationFailed", fqid.ToString(), T0, $$"""{"principal":"key_{{writer}}","reason":"r{{i}}"}""", None);
                }
            }
        })));

        var events = await stores[0].Events.ReadAsync(0, 1000, null, null, None);
        var ledger = await stores[1].Audit.ReadAsync(new AuditQuery(Limit: 10_000), None);

        Assert.Equal(20, conflicts);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var registered = events.Where(e => e.Type == "SchemaRegistered").Select(e => e.Subject).ToList();
        Assert.Equal(6 * 20 - 20, registered.Count);
        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.Equal(6 * 4, events.Count(e => e.Type == "ValidationFailed"));
        Assert.Equal(events.Count, ledger.Count);
        Assert.Null(SchemaRegistry.Core.Audit.AuditChain.Verify(ledger, previousSequence: 0));
        Assert.Equal(events.Select(e => (e.Type, e.Subject)), ledger.Select(e => (e.Action, e.Target)));
    }

    /// <summary>Starts all writers together on the thread pool and waits for every one of them.</summary>
    private static async Task<Task[]> RaceAsync(IEnumerable<Func<Task>> writers)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = writers.Select(write => Task.Run(async () =>
        {
            await start.Task;
            await write();
        })).ToArray();
        start.SetResult();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (StoreConflictException)
        {
            // Inspected per task below; any other exception fails the test here.
        }
        return tasks;
    }

    /// <summary>Exactly one writer succeeded and every other lost with a conflict; returns the winner's index.</summary>
    private static int AssertExactlyOneWon(Task[] tasks)
    {
        var winners = Enumerable.Range(0, tasks.Length).Where(i => tasks[i].IsCompletedSuccessfully).ToList();
        var winner = Assert.Single(winners);
        Assert.All(tasks.Where((_, i) => i != winner), lost =>
        {
            Assert.True(lost.IsFaulted, $"A losing writer ended {lost.Status} instead of failing.");
            Assert.IsType<StoreConflictException>(Assert.Single(lost.Exception!.InnerExceptions));
        });
        return winner;
    }
}
