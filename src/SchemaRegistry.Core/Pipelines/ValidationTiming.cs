using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>When a pipeline stage validates its data (the seeds' contract table).</summary>
public enum ValidationTiming
{
    [JsonStringEnumMemberName("on_invocation")]
    OnInvocation,
    [JsonStringEnumMemberName("pre_job")]
    PreJob,
    [JsonStringEnumMemberName("post_transform")]
    PostTransform,
    [JsonStringEnumMemberName("pre_and_post")]
    PreAndPost,
    [JsonStringEnumMemberName("build_time")]
    BuildTime,
}
