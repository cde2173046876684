using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// The integration seed's contract table, as rules: which validation timing a layer gets when its pipeline names none,
/// which stages a timing needs a run to report, and what a run that completes without one of them is flagged with.
/// </summary>
public static class ValidationStages
{
    public const string PreJob = "pre_job";
    public const string PostTransform = "post_transform";

    /// <summary>The seed's "Validation Timing" per layer; a layer the seed does not name validates before the job.</summary>
    public static ValidationTiming DefaultFor(string layer) => layer switch
    {
        "extractor" => ValidationTiming.OnInvocation,
        "gdp" => ValidationTiming.PreAndPost,
        "kpi" => ValidationTiming.BuildTime,
        _ => ValidationTiming.PreJob,
    };

    /// <summary>The stages a run of this timing must report; <c>pre_and_post</c> is the only one with two.</summary>
    public static IReadOnlyList<string> Required(ValidationTiming timing) => timing == ValidationTiming.PreAndPost
        ? [PreJob, PostTransform]
        : [WireNames.Of(timing)];

    /// <summary>A stage a batch may name: any single timing (pre_and_post is two stages, each batch is one of them).</summary>
    public static bool IsStage(string? stage) =>
        WireNames.TryParse(stage, out ValidationTiming timing) && timing != ValidationTiming.PreAndPost;

    /// <summary>
    /// The flags of a run completing with batches of these stages: <c>missing_{stage}_validation</c> for each required
    /// stage no batch reported. Under a single-stage timing a batch that names no stage counts as that stage (jobs
    /// written before stages existed); under <c>pre_and_post</c> each batch must say which side of the transform it is.
    /// </summary>
    public static IReadOnlyList<string> MissingFlags(ValidationTiming timing, IEnumerable<string?> batchStages)
    {
        var required = Required(timing);
        var seen = batchStages.Select(s => s ?? (required.Count == 1 ? required[0] : null)).Where(s => s is not null).ToHashSet(StringComparer.Ordinal);
        return required.Where(stage => !seen.Contains(stage)).Select(stage => $"missing_{stage}_validation").ToList();
    }
}
