using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>A publish and the deprecation of a version it references, at once: the outcome of one order or the other.</summary>
public abstract partial class StoreConformanceTests
{
    private const int PublishRounds = 15;

    [Fact]
    public async Task A_publish_racing_the_deprecation_of_its_reference_commits_before_it_or_not_at_all()
    {
        var subject = NewSubject();
        var (published, refused) = (0, 0);
        for (var round = 0; round < PublishRounds; round++)
        {
            var target = V(subject, 1, round);
            var referrer = V(subject, 2, round);
            var b = await InsertAsync(target, SchemaState.Published);
            var a = await InsertAsync(referrer, SchemaState.Approved);
            var publish = a with { State = SchemaState.Published, References = [target.ToString()], Revision = 2 };
            var deprecate = b with { State = SchemaState.Deprecated, Revision = 2 };

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var publishing = Task.Run(async () =>
            {
                await start.Task;
                return await Schemas.PublishAsync(publish, 1, Entry(referrer, SchemaAction.Publish, SchemaState.Approved, SchemaState.Published), [target], None);
            });
            var deprecating = Task.Run(async () =>
            {
                await start.Task;
                await Schemas.UpdateAsync(deprecate, 1, Entry(target, SchemaAction.Deprecate, SchemaState.Published, SchemaState.Deprecated), None);
            });
            start.SetResult();
            var unpublished = await publishing;
            await deprecating;

            var deprecated = Assert.Single(await Fixture.Storage.Events.ReadAsync(0, 100, "SchemaDeprecated", target.ToString(), None));
            var publishEvents = await Fixture.Storage.Events.ReadAsync(0, 100, "SchemaPublished", referrer.ToString(), None);
            if (unpublished.Count == 0)
            {
                published++;
                Assert.True(Assert.Single(publishEvents).Sequence < deprecated.Sequence, "The publish committed after the deprecation of its reference.");
                Assert.Equal(SchemaState.Published, (await Schemas.GetAsync(referrer, None))!.State);
            }
            else
            {
                refused++;
                Assert.Equal(new Dictionary<Fqid, SchemaState?> { [target] = SchemaState.Deprecated }, unpublished);
                Assert.Empty(publishEvents);
                Assert.Equal((SchemaState.Approved, 1L), ((await Schemas.GetAsync(referrer, None))!.State, (await Schemas.GetAsync(referrer, None))!.Revision));
                Assert.Single(await Schemas.GetHistoryAsync(referrer, None));
            }
        }
        Assert.Equal(PublishRounds, published + refused);
    }

    [Fact]
    public async Task A_publish_whose_reference_is_missing_or_not_published_writes_nothing()
    {
        var subject = NewSubject();
        var draft = V(subject, 1, 0);
        var missing = V(subject, 9, 0);
        await InsertAsync(draft);
        var referrer = V(subject, 2, 0);
        var a = await InsertAsync(referrer, SchemaState.Approved);

        var unpublished = await Schemas.PublishAsync(a with { State = SchemaState.Published, Revision = 2 }, 1,
            Entry(referrer, SchemaAction.Publish, SchemaState.Approved, SchemaState.Published), [draft, missing], None);

        Assert.Equal(new Dictionary<Fqid, SchemaState?> { [draft] = SchemaState.Draft, [missing] = null }, unpublished);
        Assert.Equal(SchemaState.Approved, (await Schemas.GetAsync(referrer, None))!.State);
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 10, "SchemaPublished", referrer.ToString(), None));
    }
}
