using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// The seeds' job rates: validation success is the share of completed jobs whose validation result is <c>pass</c>
/// (a run with quarantined records is <c>partial</c>, a failed one <c>fail</c>); failure is the share that failed or
/// was abandoned (the job died without reporting, PIPE-1301).
/// With no job completed the rates are 1 and 0, so no alert fires on an idle day.
/// </summary>
internal sealed record JobRates(long Jobs, double SuccessRate, double FailureRate)
{
    public const string Pass = "pass";

    public static JobRates Of(IReadOnlyList<RunOutcomeCount> counts)
    {
        var jobs = counts.Sum(c => c.Runs);
        if (jobs == 0)
        {
            return new JobRates(0, 1, 0);
        }
        var passed = counts.Where(c => c.ValidationResult == Pass).Sum(c => c.Runs);
        var failed = counts.Where(c => c.Status is RunStatus.Failed or RunStatus.Abandoned).Sum(c => c.Runs);
        return new JobRates(jobs, (double)passed / jobs, (double)failed / jobs);
    }
}
