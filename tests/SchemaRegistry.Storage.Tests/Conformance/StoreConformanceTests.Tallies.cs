using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The counts behind the operational gauges: completed runs in a time window, open drift cases.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Completed_runs_are_counted_by_status_and_result_inside_the_window_only()
    {
        // A window far from T0, which the other tests use, so only this test's runs fall in it.
        var from = T0.AddDays(3650 + Random.Shared.Next(1000) * 2);
        async Task CompleteAsync(RunStatus status, string result, DateTimeOffset at)
        {
            var run = await StartNewRunAsync(startedAt: from.AddDays(-1));
            Assert.True(await Pipelines.CompleteRunAsync(run.RunId, status, at, null, result, null, [], [], None));
        }
        await CompleteAsync(RunStatus.Succeeded, "pass", from);
        await CompleteAsync(RunStatus.Succeeded, "pass", from.AddHours(23));
        await CompleteAsync(RunStatus.CompletedWithQuarantine, "partial", from.AddHours(1));
        await CompleteAsync(RunStatus.Failed, "fail", from.AddHours(2));
        await CompleteAsync(RunStatus.Failed, "fail", from.AddDays(1));
        await CompleteAsync(RunStatus.Succeeded, "pass", from.AddMilliseconds(-1));
        await StartNewRunAsync(startedAt: from.AddHours(3));

        var counts = await Pipelines.CountCompletedRunsAsync(from, from.AddDays(1), None);

        Assert.Equal(
            [new RunOutcomeCount(RunStatus.CompletedWithQuarantine, "partial", 1), new RunOutcomeCount(RunStatus.Failed, "fail", 1),
             new RunOutcomeCount(RunStatus.Succeeded, "pass", 2)],
            counts.OrderBy(c => c.Status.ToString(), StringComparer.Ordinal));
        Assert.Empty(await Pipelines.CountCompletedRunsAsync(from.AddDays(2), from.AddDays(3), None));
    }

    [Fact]
    public async Task Open_drift_cases_are_counted_until_they_are_resolved()
    {
        var before = await Pipelines.CountDriftCasesAsync(DriftCaseStatus.Open, None);
        var subject = NewSubject();
        var run = await StartNewRunAsync(subject);
        var id = await Pipelines.RecordBatchAsync(NewBatch(run.RunId, 1), Drift(subject, run.RunId, Field("amount", firstRunId: run.RunId)), [], None);
        var other = NewSubject();
        var otherRun = await StartNewRunAsync(other);
        await Pipelines.RecordBatchAsync(NewBatch(otherRun.RunId, 1), Drift(other, otherRun.RunId, Field("zone", firstRunId: otherRun.RunId)), [], None);

        Assert.Equal(before + 2, await Pipelines.CountDriftCasesAsync(DriftCaseStatus.Open, None));
        Assert.True(await Pipelines.ResolveDriftCaseAsync(id!.Value, "Alice", T0.AddHours(1), "published v1.1", [], None));
        Assert.Equal(before + 1, await Pipelines.CountDriftCasesAsync(DriftCaseStatus.Open, None));
    }
}
