using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Pipelines, runs, batches and the quarantine index; drift cases are in StoreConformanceTests.Drift.cs.</summary>
public abstract partial class StoreConformanceTests
{
    protected IPipelineStore Pipelines => Fixture.Storage.Pipelines;

    protected static string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    protected static Pipeline NewPipeline(SubjectName subject, string? id = null) =>
        new(id ?? NewId("pl"), subject.Layer, new SchemaSelector(subject, null, null), ValidationTiming.PreJob, DriftPolicy.Quarantine,
            "team-orders", T0, T0);

    protected static RunRecord NewRun(string pipelineId, Fqid fqid, DateTimeOffset? startedAt = null, string? runId = null, string? outputPath = null) =>
        new(runId ?? NewId("run"), pipelineId, fqid, "sha256:" + new string('b', 64), DriftPolicy.Quarantine, RunStatus.Running, outputPath,
            "key_runner", startedAt ?? T0, null, RunCounts.Zero, null, null);

    protected static RunBatch NewBatch(string runId, int number, RunCounts? counts = null, string? quarantineKey = null, DateTimeOffset? createdAt = null) =>
        new(runId, number, "jsonl", counts ?? new RunCounts(1, 10, 8, 2, 1, 0, 2), false, quarantineKey, 0, 12.5, createdAt ?? T0.AddMinutes(number));

    protected static OutboxEvent Ev(string type, string subject, string data = "{}") => new(type, subject, T0, data);

    /// <summary>Starts a running run of a fresh pipeline on version 1.0 of a fresh subject.</summary>
    protected async Task<RunRecord> StartNewRunAsync(SubjectName? subject = null, DateTimeOffset? startedAt = null, string? outputPath = null)
    {
        var run = NewRun(NewId("pl"), V(subject ?? NewSubject(), 1, 0), startedAt, outputPath: outputPath);
        await Pipelines.StartRunAsync(run, [], None);
        return run;
    }

    [Fact]
    public async Task Pipelines_are_added_read_listed_and_updated_and_a_duplicate_id_conflicts()
    {
        var subject = NewSubject();
        var first = NewPipeline(subject, NewId("pl_a"));
        var second = NewPipeline(subject, first.PipelineId.Replace("pl_a", "pl_b", StringComparison.Ordinal)) with
        {
            Schema = new SchemaSelector(subject, V(subject, 1, 2), null),
            ValidationTiming = ValidationTiming.PreAndPost,
            DriftPolicy = DriftPolicy.Rescue,
        };
        await Pipelines.AddPipelineAsync(second, None);
        await Pipelines.AddPipelineAsync(first, None);

        await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.AddPipelineAsync(first with { Owner = "intruder" }, None));

        Assert.Equal(first, await Pipelines.GetPipelineAsync(first.PipelineId, None));
        Assert.Equal(second, await Pipelines.GetPipelineAsync(second.PipelineId, None));
        Assert.Null(await Pipelines.GetPipelineAsync(NewId("pl"), None));
        var mine = (await Pipelines.ListPipelinesAsync(None)).Where(p => p.Schema.Subject == subject).ToList();
        Assert.Equal([first, second], mine);

        var updated = first with
        {
            Schema = new SchemaSelector(subject, null, 2),
            ValidationTiming = ValidationTiming.BuildTime,
            DriftPolicy = DriftPolicy.Fail,
            Owner = "team-billing",
            UpdatedAt = T0.AddHours(1),
        };
        Assert.True(await Pipelines.UpdatePipelineAsync(updated, None));
        Assert.Equal(updated, await Pipelines.GetPipelineAsync(first.PipelineId, None));
        Assert.Equal(second, await Pipelines.GetPipelineAsync(second.PipelineId, None));
        Assert.False(await Pipelines.UpdatePipelineAsync(NewPipeline(subject), None));
    }

    [Fact]
    public async Task A_run_reads_back_as_started_and_a_duplicate_run_id_conflicts_without_its_events()
    {
        var fqid = V(NewSubject(), 1, 3);
        var run = NewRun(NewId("pl"), fqid, outputPath: "s3://bucket/out/");
        await Pipelines.StartRunAsync(run, [Ev("PipelineRunStarted", fqid.ToString())], None);

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Pipelines.StartRunAsync(run with { StartedBy = "key_other" }, [Ev("PipelineRunStarted", fqid.ToString(), "{\"dup\":true}")], None));

        Assert.Equal(run, await Pipelines.GetRunAsync(run.RunId, None));
        Assert.Null(await Pipelines.GetRunAsync(NewId("run"), None));
        var events = await Fixture.Storage.Events.ReadAsync(0, 100, null, fqid.ToString(), None);
        Assert.Equal(["{}"], events.Select(e => e.Data));
    }

    [Fact]
    public async Task Batches_add_their_counts_to_the_run_and_must_come_in_order()
    {
        var run = await StartNewRunAsync();
        var one = NewBatch(run.RunId, 1, new RunCounts(1, 100, 90, 10, 5, 3, 7), quarantineKey: "quarantine/r/1");
        var two = NewBatch(run.RunId, 2, new RunCounts(1, 50, 50, 0, 0, 0, 0)) with { Failed = true, Format = "parquet", DurationMs = 0.25 };

        Assert.Null(await Pipelines.RecordBatchAsync(one, null, [], None));
        Assert.Null(await Pipelines.RecordBatchAsync(two, null, [], None));
        foreach (var number in new[] { 0, 1, 2, 4 })
        {
            var conflict = await Assert.ThrowsAsync<StoreConflictException>(() =>
                Pipelines.RecordBatchAsync(NewBatch(run.RunId, number), null, [Ev("X", run.RunId)], None));
            Assert.Contains("next batch is 3", conflict.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.RecordBatchAsync(NewBatch(NewId("run"), 1), null, [], None));

        Assert.Equal(new RunCounts(2, 150, 140, 10, 5, 3, 7), (await Pipelines.GetRunAsync(run.RunId, None))!.Counts);
        Assert.Equal([one, two], await Pipelines.ListBatchesAsync(run.RunId, None));
        Assert.Empty(await Fixture.Storage.Events.ReadAsync(0, 100, null, run.RunId, None));
    }

    [Fact]
    public async Task A_run_completes_once_keeps_its_output_path_when_none_is_given_and_then_takes_no_batch()
    {
        var run = await StartNewRunAsync(outputPath: "s3://bucket/raw/");
        await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), null, [], None);
        var done = T0.AddHours(2);

        Assert.True(await Pipelines.CompleteRunAsync(run.RunId, RunStatus.CompletedWithQuarantine, done, null, "passed_with_quarantine", null, [],
            [Ev("PipelineRunCompleted", run.RunId)], None));
        Assert.False(await Pipelines.CompleteRunAsync(run.RunId, RunStatus.Failed, done.AddHours(1), "s3://elsewhere/", "failed", "late", [],
            [Ev("PipelineRunCompleted", run.RunId, "{\"again\":true}")], None));
        Assert.False(await Pipelines.CompleteRunAsync(NewId("run"), RunStatus.Succeeded, done, null, "passed", null, [], [], None));
        var conflict = await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.RecordBatchAsync(NewBatch(run.RunId, 2), null, [], None));

        Assert.Contains("completed_with_quarantine", conflict.Message, StringComparison.Ordinal);
        var stored = await Pipelines.GetRunAsync(run.RunId, None);
        Assert.Equal(run with
        {
            Status = RunStatus.CompletedWithQuarantine,
            CompletedAt = done,
            ValidationResult = "passed_with_quarantine",
            Counts = NewBatch(run.RunId, 1).Counts,
        }, stored);
        Assert.Equal(["{}"], (await Fixture.Storage.Events.ReadAsync(0, 100, null, run.RunId, None)).Select(e => e.Data));

        var failed = await StartNewRunAsync();
        Assert.True(await Pipelines.CompleteRunAsync(failed.RunId, RunStatus.Failed, done, "s3://bucket/gdp/", "failed", "PIPE-1204", [], [], None));
        Assert.Equal(failed with { Status = RunStatus.Failed, CompletedAt = done, OutputPath = "s3://bucket/gdp/", ValidationResult = "failed", FailureReason = "PIPE-1204" },
            await Pipelines.GetRunAsync(failed.RunId, None));
    }

    [Fact]
    public async Task Runs_are_listed_by_pipeline_subject_and_fqid_newest_first()
    {
        var subject = NewSubject();
        var other = NewSubject();
        var (a, b) = (NewId("pl_a"), NewId("pl_b"));
        var r1 = NewRun(a, V(subject, 1, 0), T0);
        var r2 = NewRun(a, V(subject, 1, 1), T0.AddHours(1));
        var r3 = NewRun(b, V(subject, 1, 0), T0.AddHours(2));
        var r4 = NewRun(b, V(other, 1, 0), T0.AddHours(3));
        foreach (var run in new[] { r3, r1, r4, r2 })
        {
            await Pipelines.StartRunAsync(run, [], None);
        }

        async Task<List<string>> Ids(RunQuery query) => (await Pipelines.ListRunsAsync(query, None)).Select(r => r.RunId).ToList();

        Assert.Equal([r2.RunId, r1.RunId], await Ids(new RunQuery(PipelineId: a)));
        Assert.Equal([r4.RunId, r3.RunId], await Ids(new RunQuery(PipelineId: b)));
        Assert.Equal([r3.RunId, r2.RunId, r1.RunId], await Ids(new RunQuery(Subject: subject)));
        Assert.Equal([r3.RunId, r1.RunId], await Ids(new RunQuery(Fqid: V(subject, 1, 0))));
        Assert.Equal([r3.RunId], await Ids(new RunQuery(PipelineId: b, Subject: subject)));
        Assert.Equal([r1.RunId], await Ids(new RunQuery(PipelineId: a, Fqid: V(subject, 1, 0))));
        Assert.Equal([r3.RunId, r2.RunId], await Ids(new RunQuery(Subject: subject, Limit: 2)));
        Assert.Equal([r3.RunId], await Ids(new RunQuery(Subject: subject, Limit: 0)));
        Assert.Empty(await Ids(new RunQuery(PipelineId: a, Subject: other)));
        Assert.Equal(r2, (await Pipelines.ListRunsAsync(new RunQuery(Fqid: V(subject, 1, 1)), None)).Single());
    }

    [Fact]
    public async Task Runs_are_paged_after_a_cursor_in_a_stable_order_with_ties_broken_by_run_id()
    {
        var pipeline = NewId("pl_page");
        var subject = NewSubject();
        // Two runs share a start time: the run id orders them, so no page repeats or skips one.
        var runs = new[] { NewRun(pipeline, V(subject, 1, 0), T0), NewRun(pipeline, V(subject, 1, 0), T0.AddMinutes(1)),
            NewRun(pipeline, V(subject, 1, 0), T0.AddMinutes(1)), NewRun(pipeline, V(subject, 1, 0), T0.AddMinutes(2)) };
        foreach (var run in runs)
        {
            await Pipelines.StartRunAsync(run, [], None);
        }
        var expected = runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).Select(r => r.RunId).ToList();

        var seen = new List<string>();
        RunCursor? after = null;
        while (true)
        {
            var page = await Pipelines.ListRunsAsync(new RunQuery(PipelineId: pipeline, Limit: 2, After: after), None);
            if (page.Count == 0)
            {
                break;
            }
            seen.AddRange(page.Select(r => r.RunId));
            after = new RunCursor(page[^1].StartedAt, page[^1].RunId);
        }

        Assert.Equal(expected, seen);
        Assert.Equal(expected[2..], (await Pipelines.ListRunsAsync(new RunQuery(PipelineId: pipeline, After: new RunCursor(T0.AddMinutes(1), expected[1])), None)).Select(r => r.RunId));
    }

    [Fact]
    public async Task Quarantined_batches_are_listed_by_age_until_cleared_and_releases_add_up()
    {
        var run = await StartNewRunAsync();
        var one = NewBatch(run.RunId, 1, quarantineKey: "quarantine/1", createdAt: T0);
        var two = NewBatch(run.RunId, 2, createdAt: T0.AddMinutes(1));
        var three = NewBatch(run.RunId, 3, quarantineKey: "quarantine/3", createdAt: T0.AddHours(2));
        foreach (var batch in new[] { one, two, three })
        {
            await Pipelines.RecordBatchAsync(batch, null, [], None);
        }

        async Task<List<RunBatch>> Quarantined(DateTimeOffset before) =>
            (await Pipelines.ListQuarantinedBatchesAsync(before, None)).Where(b => b.RunId == run.RunId).ToList();

        Assert.Empty(await Quarantined(T0));
        Assert.Equal([one], await Quarantined(T0.AddHours(1)));
        Assert.Equal([one, three], await Quarantined(T0.AddHours(3)));

        await Pipelines.ClearQuarantineAsync(run.RunId, 1, [Ev("QuarantinePurged", run.RunId)], None);
        await Pipelines.AddReleasedAsync(run.RunId, 3, 10, [Ev("QuarantineReleased", run.RunId)], None);
        await Pipelines.AddReleasedAsync(run.RunId, 3, 5, [], None);
        await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.AddReleasedAsync(run.RunId, 4, 1, [Ev("QuarantineReleased", run.RunId)], None));
        await Assert.ThrowsAsync<StoreConflictException>(() => Pipelines.ClearQuarantineAsync(NewId("run"), 1, [Ev("QuarantinePurged", run.RunId)], None));

        Assert.Equal([three with { Released = 15 }], await Quarantined(T0.AddHours(3)));
        Assert.Equal([one with { QuarantineKey = null }, two, three with { Released = 15 }], await Pipelines.ListBatchesAsync(run.RunId, None));
        Assert.Equal(["QuarantinePurged", "QuarantineReleased"],
            (await Fixture.Storage.Events.ReadAsync(0, 100, null, run.RunId, None)).Select(e => e.Type));
    }

    [Fact]
    public async Task Every_pipeline_write_appends_its_events_in_order()
    {
        var subject = NewSubject();
        var tag = subject.ToString();
        var run = NewRun(NewId("pl"), V(subject, 1, 0));
        await Pipelines.StartRunAsync(run, [Ev("PipelineRunStarted", tag, "{\"n\":1}"), Ev("SchemaResolved", tag, "{\"n\":2}")], None);
        var caseId = await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1, quarantineKey: "q/1"), Drift(subject, run.RunId, Field("a")),
            [Ev("BatchValidated", tag, "{\"n\":3}"), Ev("SchemaDriftDetected", tag, "{\"n\":4}")], None);
        await Pipelines.AddReleasedAsync(run.RunId, 1, 3, [Ev("QuarantineReleased", tag, "{\"n\":5}")], None);
        await Pipelines.ClearQuarantineAsync(run.RunId, 1, [Ev("QuarantinePurged", tag, "{\"n\":6}")], None);
        Assert.True(await Pipelines.AcknowledgeDriftCaseAsync(caseId!.Value, "Alice", T0, [Ev("DriftCaseAcknowledged", tag, "{\"n\":7}")], None));
        Assert.True(await Pipelines.ResolveDriftCaseAsync(caseId.Value, "Alice", T0, "v1.1 published", [Ev("DriftCaseResolved", tag, "{\"n\":8}")], None));
        Assert.True(await Pipelines.CompleteRunAsync(run.RunId, RunStatus.Succeeded, T0.AddHours(1), null, "passed", null, [],
            [Ev("PipelineRunCompleted", tag, "{\"n\":9}")], None));

        var events = await Fixture.Storage.Events.ReadAsync(0, 100, null, tag, None);

        Assert.Equal(
            ["PipelineRunStarted", "SchemaResolved", "BatchValidated", "SchemaDriftDetected", "QuarantineReleased", "QuarantinePurged",
             "DriftCaseAcknowledged", "DriftCaseResolved", "PipelineRunCompleted"],
            events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"{{\"n\":{n}}}"), events.Select(e => e.Data));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(T0, e.Time));
        Assert.Equal(9, events.Select(e => e.Id).Distinct().Count());
    }
}
