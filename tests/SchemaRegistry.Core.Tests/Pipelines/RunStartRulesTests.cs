using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Core.Tests.Pipelines;

public sealed class RunStartRulesTests
{
    private static readonly SubjectName Invoice = new("finance", "gdp", "invoice");
    private static readonly DateTimeOffset T0 = new(2025, 10, 7, 0, 0, 0, TimeSpan.Zero);

    private static Fqid V(int major, int minor) => new(Invoice, new SchemaVersion(major, minor));

    private static Pipeline On(SchemaSelector selector, bool allowMajor = false) =>
        new("finance_gdp_transform", "gdp", selector, ValidationTiming.PreAndPost, DriftPolicy.Quarantine, "finance", T0, T0, allowMajor);

    private static readonly Pipeline Latest = On(new SchemaSelector(Invoice, null, null));

    [Theory]
    [InlineData(1, 0, 1, 3, false)] // a new minor: no jump
    [InlineData(1, 3, 2, 0, true)] // a new major since the last success: refused
    [InlineData(2, 0, 2, 0, false)]
    [InlineData(3, 0, 2, 1, false)] // back to an older major (the newer was deprecated): no jump
    public void A_latest_pipeline_is_refused_a_major_its_last_successful_run_never_saw(int lastMajor, int lastMinor, int major, int minor, bool refused)
    {
        var reason = RunStartRules.MajorJump(Latest, V(major, minor), V(lastMajor, lastMinor));
        Assert.Equal(refused, reason is not null);
        if (refused)
        {
            Assert.Contains($"finance.gdp.invoice:v{major}.{minor}", reason, StringComparison.Ordinal);
            Assert.Contains("allow_major", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_first_run_a_pinned_pipeline_or_one_that_allows_majors_is_never_refused()
    {
        Assert.Null(RunStartRules.MajorJump(Latest, V(2, 0), null));
        Assert.Null(RunStartRules.MajorJump(Latest with { AllowMajor = true }, V(2, 0), V(1, 0)));
        Assert.Null(RunStartRules.MajorJump(On(new SchemaSelector(Invoice, V(2, 0), null)), V(2, 0), V(1, 0)));
        Assert.Null(RunStartRules.MajorJump(On(new SchemaSelector(Invoice, null, 2)), V(2, 0), V(1, 0)));
    }
}
