using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Core.Tests.Pipelines;

public sealed class ValidationStagesTests
{
    [Theory]
    [InlineData("extractor", ValidationTiming.OnInvocation)]
    [InlineData("raw", ValidationTiming.PreJob)]
    [InlineData("gdp", ValidationTiming.PreAndPost)]
    [InlineData("kpi", ValidationTiming.BuildTime)]
    [InlineData("staging", ValidationTiming.PreJob)]
    public void Each_layer_validates_when_the_seeds_contract_table_says(string layer, ValidationTiming expected) =>
        Assert.Equal(expected, ValidationStages.DefaultFor(layer));

    public static TheoryData<ValidationTiming, string?[], string[]> Completions => new()
    {
        { ValidationTiming.PreAndPost, ["pre_job", "post_transform"], [] },
        { ValidationTiming.PreAndPost, ["post_transform", "pre_job", "pre_job"], [] },
        { ValidationTiming.PreAndPost, ["pre_job"], ["missing_post_transform_validation"] },
        { ValidationTiming.PreAndPost, ["post_transform"], ["missing_pre_job_validation"] },
        { ValidationTiming.PreAndPost, [null, null], ["missing_pre_job_validation", "missing_post_transform_validation"] },
        { ValidationTiming.PreAndPost, [], ["missing_pre_job_validation", "missing_post_transform_validation"] },
        { ValidationTiming.PreJob, [null], [] },
        { ValidationTiming.PreJob, ["pre_job"], [] },
        { ValidationTiming.PreJob, [], ["missing_pre_job_validation"] },
        { ValidationTiming.PreJob, ["post_transform"], ["missing_pre_job_validation"] },
        { ValidationTiming.BuildTime, [null], [] },
        { ValidationTiming.OnInvocation, [], ["missing_on_invocation_validation"] },
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void A_completion_is_flagged_for_each_stage_its_timing_needs_that_no_batch_reported(ValidationTiming timing, string?[] stages, string[] flags) =>
        Assert.Equal(flags, ValidationStages.MissingFlags(timing, stages));

    [Theory]
    [InlineData("pre_job", true)]
    [InlineData("post_transform", true)]
    [InlineData("build_time", true)]
    [InlineData("pre_and_post", false)]
    [InlineData("sideways", false)]
    [InlineData(null, false)]
    public void A_batch_names_one_stage(string? stage, bool valid) => Assert.Equal(valid, ValidationStages.IsStage(stage));
}
