using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Quarantine replays: recorded before their files, committed in one transaction with their event, or aborted.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task A_replay_commits_its_batches_counts_and_event_at_once_or_not_at_all()
    {
        var run = await StartNewRunAsync();
        await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1, quarantineKey: "q/b1-old"), null, [], None);
        await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 2, quarantineKey: "q/b2-old"), null, [], None);
        var replay = new QuarantineReplay(NewId("rpl"), run.RunId, ReplayState.Pending, "q/released-1.ndjson",
            [new ReplayedBatch(1, "q/b1-old", "q/b1-new"), new ReplayedBatch(2, "q/b2-old", "q/b2-new")], T0);
        await Pipelines.BeginReplayAsync(replay, None);
        var listed = (await Pipelines.ListReplaysAsync(None)).Single(r => r.ReplayId == replay.ReplayId);
        Assert.Equal((run.RunId, ReplayState.Pending, "q/released-1.ndjson", T0), (listed.RunId, listed.State, listed.ReleasedKey, listed.StartedAt));
        Assert.Equal(replay.Batches, listed.Batches);

        // A batch that is no longer where the replay read it (another replay won): nothing of this one commits.
        var stale = new[] { new BatchRelease(1, "q/b1-old", "q/b1-new", 2), new BatchRelease(2, "q/b2-elsewhere", "q/b2-new", 1) };
        Assert.False(await Pipelines.CommitReplayAsync(replay.ReplayId, run.RunId, stale, [Ev("QuarantineReleased", run.RunId)], None));
        Assert.Equal(["q/b1-old", "q/b2-old"], (await Pipelines.ListBatchesAsync(run.RunId, None)).Select(b => b.QuarantineKey));
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 100, "QuarantineReleased", run.RunId, None));

        var releases = new[] { new BatchRelease(1, "q/b1-old", "q/b1-new", 2) };
        Assert.True(await Pipelines.CommitReplayAsync(replay.ReplayId, run.RunId, releases, [Ev("QuarantineReleased", run.RunId)], None));
        var batches = await Pipelines.ListBatchesAsync(run.RunId, None);
        Assert.Equal([("q/b1-new", 2L), ("q/b2-old", 0L)], batches.Select(b => (b.QuarantineKey!, b.Released)));
        Assert.Single(await Fixture.Storage.Events.ReadAsync(0, 100, "QuarantineReleased", run.RunId, None));
        Assert.False(await Pipelines.AbortReplayAsync(replay.ReplayId, None));
        Assert.False(await Pipelines.CommitReplayAsync(replay.ReplayId, run.RunId, [], [Ev("QuarantineReleased", run.RunId)], None));
        Assert.Equal(ReplayState.Committed, (await Pipelines.ListReplaysAsync(None)).Single(r => r.ReplayId == replay.ReplayId).State);

        await Pipelines.ForgetReplayAsync(replay.ReplayId, None);
        Assert.DoesNotContain(await Pipelines.ListReplaysAsync(None), r => r.ReplayId == replay.ReplayId);
    }

    [Fact]
    public async Task An_aborted_replay_can_never_commit()
    {
        var run = await StartNewRunAsync();
        await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1, quarantineKey: "q/old"), null, [], None);
        var replay = new QuarantineReplay(NewId("rpl"), run.RunId, ReplayState.Pending, "q/released.ndjson", [new ReplayedBatch(1, "q/old", "q/new")], T0);
        await Pipelines.BeginReplayAsync(replay, None);

        Assert.True(await Pipelines.AbortReplayAsync(replay.ReplayId, None));
        Assert.True(await Pipelines.AbortReplayAsync(replay.ReplayId, None));
        Assert.False(await Pipelines.CommitReplayAsync(replay.ReplayId, run.RunId, [new BatchRelease(1, "q/old", "q/new", 1)],
            [Ev("QuarantineReleased", run.RunId)], None));
        Assert.Equal("q/old", Assert.Single(await Pipelines.ListBatchesAsync(run.RunId, None)).QuarantineKey);
        Assert.Equal(ReplayState.Aborted, (await Pipelines.ListReplaysAsync(None)).Single(r => r.ReplayId == replay.ReplayId).State);
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 100, "QuarantineReleased", run.RunId, None));
    }
}
