using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Drift cases: one unresolved case per subject, merged across batches and runs, moved forward only.</summary>
public abstract partial class StoreConformanceTests
{
    protected static DriftCaseField Field(string path, DriftKind kind = DriftKind.NewField, long occurrences = 1, string firstRunId = "run_x",
        long firstRecord = 0, string[]? samples = null, string? inferredType = "string") =>
        new(path, kind, occurrences, firstRunId, firstRecord, samples ?? ["\"v\""], inferredType);

    protected static DriftObservation Drift(SubjectName subject, string runId, params DriftCaseField[] fields) => new(subject, runId, fields);

    private static void AssertField(DriftCaseField expected, DriftCaseField actual)
    {
        Assert.Equal((expected.Path, expected.Kind, expected.Occurrences, expected.FirstRunId, expected.FirstRecord, expected.InferredType),
            (actual.Path, actual.Kind, actual.Occurrences, actual.FirstRunId, actual.FirstRecord, actual.InferredType));
        Assert.Equal(expected.Samples, actual.Samples);
    }

    [Fact]
    public async Task Drift_merges_into_one_case_per_subject_across_batches_and_runs()
    {
        var subject = NewSubject();
        var first = await StartNewRunAsync(subject);
        var second = await StartNewRunAsync(subject, T0.AddHours(1));
        string[] six = ["1", "2", "3", "4", "5", "6"];

        var id = await Pipelines.RecordBatchAsync(NewBatch(first.RunId, 1, createdAt: T0.AddMinutes(1)), Drift(subject, first.RunId,
            Field("amount", occurrences: 3, firstRunId: first.RunId, firstRecord: 7, samples: ["\"a\"", "\"b\""], inferredType: null),
            Field("zone", DriftKind.MissingField, firstRunId: first.RunId, samples: six)), [], None);
        var again = await Pipelines.RecordBatchAsync(NewBatch(first.RunId, 2, createdAt: T0.AddMinutes(2)), Drift(subject, first.RunId,
            Field("amount", occurrences: 2, firstRunId: first.RunId, firstRecord: 12, samples: ["\"c\"", "\"d\"", "\"e\"", "\"f\""]),
            Field("amount", DriftKind.TypeChange, firstRunId: first.RunId, firstRecord: 3, inferredType: "integer")), [], None);
        var third = await Pipelines.RecordBatchAsync(NewBatch(second.RunId, 1, createdAt: T0.AddHours(2)), Drift(subject, second.RunId,
            Field("amount", occurrences: 4, firstRunId: second.RunId, samples: ["\"g\""], inferredType: "number")), [], None);
        var fourth = await Pipelines.RecordBatchAsync(NewBatch(first.RunId, 3, createdAt: T0.AddMinutes(3)), Drift(subject, first.RunId,
            Field("zone", DriftKind.MissingField, occurrences: 10, firstRunId: first.RunId, inferredType: null)), [], None);
        var elsewhere = await Pipelines.RecordBatchAsync(NewBatch((await StartNewRunAsync()).RunId, 1), Drift(NewSubject(), "run_y", Field("amount")), [], None);

        Assert.NotNull(id);
        Assert.Equal([id, id, id], new[] { again, third, fourth });
        Assert.NotEqual(id, elsewhere);
        var found = await Pipelines.GetDriftCaseAsync(id.Value, None);
        Assert.NotNull(found);
        Assert.Equal((subject, DriftCaseStatus.Open, T0.AddMinutes(1), T0.AddHours(2)), (found.Subject, found.Status, found.OpenedAt, found.UpdatedAt));
        Assert.Equal((null, null, null, null, null), (found.AcknowledgedBy, found.AcknowledgedAt, found.ResolvedBy, found.ResolvedAt, found.Resolution));
        Assert.Equal([first.RunId, second.RunId], found.RunIds);
        Assert.Collection(found.Fields,
            f => AssertField(Field("amount", occurrences: 9, firstRunId: first.RunId, firstRecord: 7,
                samples: ["\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"e\""], inferredType: "number"), f),
            f => AssertField(Field("amount", DriftKind.TypeChange, firstRunId: first.RunId, firstRecord: 3, inferredType: "integer"), f),
            f => AssertField(Field("zone", DriftKind.MissingField, occurrences: 11, firstRunId: first.RunId, samples: ["1", "2", "3", "4", "5"]), f));
        Assert.Equal(new RunCounts(3, 30, 24, 6, 3, 0, 6), (await Pipelines.GetRunAsync(first.RunId, None))!.Counts);
        Assert.Null(await Pipelines.GetDriftCaseAsync(long.MaxValue, None));
    }

    [Fact]
    public async Task A_resolved_case_lets_the_next_drift_open_a_new_case()
    {
        var subject = NewSubject();
        var run = await StartNewRunAsync(subject);
        var firstId = (await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), Drift(subject, run.RunId, Field("a")), [], None))!.Value;
        Assert.True(await Pipelines.ResolveDriftCaseAsync(firstId, "Alice", T0.AddHours(1), "published v1.1", [], None));

        var secondId = (await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 2, createdAt: T0.AddHours(2)), Drift(subject, run.RunId, Field("b")), [], None))!.Value;

        Assert.NotEqual(firstId, secondId);
        var cases = await Pipelines.ListDriftCasesAsync(subject, null, None);
        Assert.Equal([secondId, firstId], cases.Select(c => c.Id));
        Assert.Equal([DriftCaseStatus.Open, DriftCaseStatus.Resolved], cases.Select(c => c.Status));
        Assert.Equal(["b"], cases[0].Fields.Select(f => f.Path));
        Assert.Equal(["a"], cases[1].Fields.Select(f => f.Path));
        Assert.Equal([run.RunId], cases[0].RunIds);
        Assert.Equal([run.RunId], cases[1].RunIds);
        Assert.Equal(("Alice", T0.AddHours(1), "published v1.1"), (cases[1].ResolvedBy, cases[1].ResolvedAt, cases[1].Resolution));
        Assert.Equal([firstId], (await Pipelines.ListDriftCasesAsync(subject, DriftCaseStatus.Resolved, None)).Select(c => c.Id));
        Assert.Equal([secondId], (await Pipelines.ListDriftCasesAsync(subject, DriftCaseStatus.Open, None)).Select(c => c.Id));
        var open = await Pipelines.ListDriftCasesAsync(null, DriftCaseStatus.Open, None);
        Assert.Contains(secondId, open.Select(c => c.Id));
        Assert.All(open, c => Assert.Equal(DriftCaseStatus.Open, c.Status));
        Assert.Contains(firstId, (await Pipelines.ListDriftCasesAsync(null, null, None)).Select(c => c.Id));
    }

    [Fact]
    public async Task Acknowledge_and_resolve_move_a_case_forward_only_and_write_events_only_when_they_do()
    {
        var subject = NewSubject();
        var tag = subject.ToString();
        var run = await StartNewRunAsync(subject);
        var id = (await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), Drift(subject, run.RunId, Field("a")), [], None))!.Value;

        Assert.True(await Pipelines.AcknowledgeDriftCaseAsync(id, "Bob", T0.AddHours(1), [Ev("DriftCaseAcknowledged", tag)], None));
        Assert.False(await Pipelines.AcknowledgeDriftCaseAsync(id, "Carol", T0.AddHours(2), [Ev("DriftCaseAcknowledged", tag)], None));
        // Drift on an acknowledged case still merges into it.
        Assert.Equal(id, await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 2), Drift(subject, run.RunId, Field("a", occurrences: 4)), [], None));
        var acknowledged = (await Pipelines.GetDriftCaseAsync(id, None))!;
        Assert.Equal((DriftCaseStatus.Acknowledged, "Bob", T0.AddHours(1), 5L),
            (acknowledged.Status, acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt, acknowledged.Fields.Single().Occurrences));

        Assert.True(await Pipelines.ResolveDriftCaseAsync(id, "Alice", T0.AddHours(3), "published v2.0", [Ev("DriftCaseResolved", tag)], None));
        Assert.False(await Pipelines.ResolveDriftCaseAsync(id, "Alice", T0.AddHours(4), "again", [Ev("DriftCaseResolved", tag)], None));
        Assert.False(await Pipelines.AcknowledgeDriftCaseAsync(id, "Bob", T0.AddHours(4), [Ev("DriftCaseAcknowledged", tag)], None));
        Assert.False(await Pipelines.AcknowledgeDriftCaseAsync(long.MaxValue, "Bob", T0, [], None));
        Assert.False(await Pipelines.ResolveDriftCaseAsync(long.MaxValue, "Bob", T0, "none", [], None));

        var resolved = (await Pipelines.GetDriftCaseAsync(id, None))!;
        Assert.Equal((DriftCaseStatus.Resolved, "Bob", "Alice", T0.AddHours(3), "published v2.0"),
            (resolved.Status, resolved.AcknowledgedBy, resolved.ResolvedBy, resolved.ResolvedAt, resolved.Resolution));
        Assert.Equal(["DriftCaseAcknowledged", "DriftCaseResolved"], (await Fixture.Storage.Events.ReadAsync(0, 100, null, tag, None)).Select(e => e.Type));

        // An open case resolves directly.
        var other = NewSubject();
        var otherRun = await StartNewRunAsync(other);
        var direct = (await Pipelines.RecordBatchAsync(NewBatch(otherRun.RunId, 1), Drift(other, otherRun.RunId, Field("a")), [], None))!.Value;
        Assert.True(await Pipelines.ResolveDriftCaseAsync(direct, "Alice", T0, "not drift", [], None));
        Assert.Equal(DriftCaseStatus.Resolved, (await Pipelines.GetDriftCaseAsync(direct, None))!.Status);
    }

    [Fact]
    public async Task Concurrent_batches_of_different_runs_drifting_on_one_subject_share_one_case()
    {
        const int Writers = 8;
        for (var round = 0; round < 3; round++)
        {
            var subject = NewSubject();
            var runs = new List<RunRecord>();
            for (var i = 0; i < Writers; i++)
            {
                runs.Add(await StartNewRunAsync(subject));
            }
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = runs.Select((run, i) => Task.Run(async () =>
            {
                await start.Task;
                return await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), Drift(subject, run.RunId,
                    Field("shared", occurrences: i + 1, firstRunId: run.RunId), Field($"own_{i}", firstRunId: run.RunId)),
                    [Ev("SchemaDriftDetected", subject.ToString())], None);
            })).ToArray();
            start.SetResult();
            var ids = await Task.WhenAll(writers);

            var cases = await Pipelines.ListDriftCasesAsync(subject, null, None);
            var single = Assert.Single(cases);
            Assert.All(ids, id => Assert.Equal(single.Id, id));
            Assert.Equal(DriftCaseStatus.Open, single.Status);
            Assert.Equal(Writers * (Writers + 1) / 2, single.Fields.Single(f => f.Path == "shared").Occurrences);
            Assert.Equal(Writers + 1, single.Fields.Count);
            Assert.Equal(runs.Select(r => r.RunId).Order(StringComparer.Ordinal), single.RunIds.Order(StringComparer.Ordinal));
            Assert.Equal(Writers, (await Fixture.Storage.Events.ReadAsync(0, 100, null, subject.ToString(), None)).Count);
        }
    }
}
