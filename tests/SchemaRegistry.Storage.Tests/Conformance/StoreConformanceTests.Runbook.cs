using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The runbook's run rules in the store: signs of life and abandonment, the quarantine by subject and date, uploads, stages and flags.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Of_replicas_abandoning_one_silent_run_at_once_exactly_one_does_and_writes_its_event()
    {
        var run = await StartNewRunAsync(startedAt: T0);
        var silentSince = T0.AddMinutes(10);
        Assert.Contains(run.RunId, await Pipelines.ListSilentRunsAsync(silentSince, 1000, None));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(replica => Task.Run(() =>
            Pipelines.AbandonRunAsync(run.RunId, silentSince, T0.AddMinutes(11), "PIPE-1301: silent", [Ev("PipelineFailed", run.RunId, $"{{\"replica\":{replica}}}")], None))));

        Assert.Equal(1, results.Count(abandoned => abandoned));
        Assert.Single(await Fixture.Storage.Events.ReadAsync(0, 1000, "PipelineFailed", run.RunId, None));
        var stored = await Pipelines.GetRunAsync(run.RunId, None);
        Assert.Equal((RunStatus.Abandoned, T0.AddMinutes(11), "fail", "PIPE-1301: silent"),
            (stored!.Status, stored.CompletedAt, stored.ValidationResult, stored.FailureReason));
        Assert.DoesNotContain(run.RunId, await Pipelines.ListSilentRunsAsync(silentSince, 1000, None));
        Assert.False(await Pipelines.TouchRunAsync(run.RunId, T0.AddMinutes(12), None));
        await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), null, [], None));
    }

    [Fact]
    public async Task A_heartbeat_or_a_batch_after_the_silence_began_keeps_a_run_from_being_abandoned()
    {
        var beating = await StartNewRunAsync(startedAt: T0);
        var sending = await StartNewRunAsync(startedAt: T0);
        var silentSince = T0.AddMinutes(10);
        Assert.True(await Pipelines.TouchRunAsync(beating.RunId, T0.AddMinutes(20), None));
        await Pipelines.RecordBatchAsync(NewBatch(sending.RunId, 1, createdAt: T0.AddMinutes(20)), null, [], None);

        var silent = await Pipelines.ListSilentRunsAsync(silentSince, 1000, None);
        Assert.DoesNotContain(beating.RunId, silent);
        Assert.DoesNotContain(sending.RunId, silent);
        // A sweep that listed them before the sign of life came must not abandon them either.
        Assert.False(await Pipelines.AbandonRunAsync(beating.RunId, silentSince, T0.AddMinutes(21), "late", [Ev("PipelineFailed", beating.RunId)], None));
        Assert.False(await Pipelines.AbandonRunAsync(sending.RunId, silentSince, T0.AddMinutes(21), "late", [Ev("PipelineFailed", sending.RunId)], None));
        Assert.Equal(RunStatus.Running, (await Pipelines.GetRunAsync(beating.RunId, None))!.Status);
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 1000, "PipelineFailed", beating.RunId, None));
        Assert.True(await Pipelines.AbandonRunAsync(beating.RunId, T0.AddMinutes(30), T0.AddMinutes(31), "silent", [], None));
    }

    [Fact]
    public async Task The_quarantine_is_listed_by_subject_and_date_newest_first()
    {
        var subject = NewSubject("gdp", "invoice");
        var first = await StartNewRunAsync(subject, T0);
        var second = await StartNewRunAsync(subject, T0.AddDays(1));
        var other = await StartNewRunAsync(startedAt: T0);
        await Pipelines.RecordBatchAsync(NewBatch(first.RunId, 1, quarantineKey: "quarantine/a/1", createdAt: T0.AddHours(1)), null, [], None);
        await Pipelines.RecordBatchAsync(NewBatch(first.RunId, 2, createdAt: T0.AddHours(2)), null, [], None);
        await Pipelines.RecordBatchAsync(NewBatch(second.RunId, 1, quarantineKey: "quarantine/a/2", createdAt: T0.AddDays(1).AddHours(1)), null, [], None);
        await Pipelines.RecordBatchAsync(NewBatch(other.RunId, 1, quarantineKey: "quarantine/b/1", createdAt: T0.AddHours(1)), null, [], None);

        var all = await Pipelines.ListQuarantineAsync(subject, T0, T0.AddDays(2), 100, None);
        Assert.Equal([(second.RunId, 1, "quarantine/a/2"), (first.RunId, 1, "quarantine/a/1")],
            all.Select(r => (r.Run.RunId, r.Batch.BatchNumber, r.Batch.QuarantineKey!)).ToList());
        Assert.Equal(first with { Counts = first.Counts.Add(NewBatch(first.RunId, 1).Counts).Add(NewBatch(first.RunId, 2).Counts) }, all[1].Run);
        var firstDay = await Pipelines.ListQuarantineAsync(subject, T0, T0.AddDays(1), 100, None);
        Assert.Equal([first.RunId], firstDay.Select(r => r.Run.RunId));
        Assert.Contains(other.RunId, (await Pipelines.ListQuarantineAsync(null, T0, T0.AddDays(2), 1000, None)).Select(r => r.Run.RunId));
    }

    [Fact]
    public async Task An_uploaded_quarantine_attaches_once_to_a_batch_that_has_none()
    {
        var run = await StartNewRunAsync();
        await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1) with { Stage = "post_transform" }, null, [], None);

        Assert.True(await Pipelines.AttachQuarantineAsync(run.RunId, 1, "quarantine/x/batch-000001-aaaa", [Ev("QuarantineUploaded", run.RunId)], None));
        Assert.False(await Pipelines.AttachQuarantineAsync(run.RunId, 1, "quarantine/x/batch-000001-bbbb", [Ev("QuarantineUploaded", run.RunId, "{\"again\":true}")], None));
        Assert.False(await Pipelines.AttachQuarantineAsync(run.RunId, 2, "quarantine/x/batch-000002-cccc", [], None));

        var batch = Assert.Single(await Pipelines.ListBatchesAsync(run.RunId, None));
        Assert.Equal(("quarantine/x/batch-000001-aaaa", "post_transform"), (batch.QuarantineKey, batch.Stage));
        Assert.Equal(["{}"], (await Fixture.Storage.Events.ReadAsync(0, 100, "QuarantineUploaded", run.RunId, None)).Select(e => e.Data));
    }

    [Fact]
    public async Task A_pipelines_major_setting_and_a_runs_flags_and_status_filter_read_back()
    {
        var subject = NewSubject();
        var pipeline = NewPipeline(subject) with { AllowMajor = true };
        await Pipelines.AddPipelineAsync(pipeline, None);
        Assert.Equal(pipeline, await Pipelines.GetPipelineAsync(pipeline.PipelineId, None));
        Assert.True(await Pipelines.UpdatePipelineAsync(pipeline with { AllowMajor = false }, None));
        Assert.False((await Pipelines.GetPipelineAsync(pipeline.PipelineId, None))!.AllowMajor);

        var done = NewRun(pipeline.PipelineId, V(subject, 1, 0), T0);
        var running = NewRun(pipeline.PipelineId, V(subject, 1, 0), T0.AddHours(1));
        await Pipelines.StartRunAsync(done, [], None);
        await Pipelines.StartRunAsync(running, [], None);
        Assert.True(await Pipelines.CompleteRunAsync(done.RunId, RunStatus.Succeeded, T0.AddMinutes(5), null, "pass", null,
            ["missing_post_transform_validation"], [], None));

        Assert.Equal(["missing_post_transform_validation"], (await Pipelines.GetRunAsync(done.RunId, None))!.Flags);
        Assert.Null((await Pipelines.GetRunAsync(running.RunId, None))!.Flags);
        var succeeded = await Pipelines.ListRunsAsync(new RunQuery(PipelineId: pipeline.PipelineId, Statuses: [RunStatus.Succeeded, RunStatus.CompletedWithQuarantine]), None);
        Assert.Equal([done.RunId], succeeded.Select(r => r.RunId));
        var stillRunning = await Pipelines.ListRunsAsync(new RunQuery(Subject: subject, Statuses: [RunStatus.Running]), None);
        Assert.Equal([running.RunId], stillRunning.Select(r => r.RunId));
    }
}
