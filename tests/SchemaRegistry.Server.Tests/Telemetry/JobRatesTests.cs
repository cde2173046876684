using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Server.Metrics;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Tests.Telemetry;

/// <summary>The seeds' job rates from the day's completed runs: success is validation result pass, failure is status failed or abandoned (a job that died without reporting).</summary>
public sealed class JobRatesTests
{
    public static TheoryData<RunOutcomeCount[], long, double, double> Days => new()
    {
        { [], 0, 1, 0 },
        { [new(RunStatus.Succeeded, "pass", 99), new(RunStatus.Failed, "fail", 1)], 100, 0.99, 0.01 },
        { [new(RunStatus.Succeeded, "pass", 3), new(RunStatus.CompletedWithQuarantine, "partial", 1)], 4, 0.75, 0 },
        { [new(RunStatus.Failed, "fail", 2), new(RunStatus.Failed, "pass", 2)], 4, 0.5, 1 },
        { [new(RunStatus.Succeeded, "pass", 3), new(RunStatus.Abandoned, "fail", 1)], 4, 0.75, 0.25 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Rates_count_jobs_not_records(RunOutcomeCount[] counts, long jobs, double success, double failure)
    {
        var rates = JobRates.Of(counts);

        Assert.Equal(new JobRates(jobs, success, failure), rates);
    }
}
