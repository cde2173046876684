namespace SchemaRegistry.Core.Pipelines;

/// <summary>When a pipeline stage validates its data (the seeds' contract table).</summary>
public enum ValidationTiming
{
    OnInvocation,
    PreJob,
    PostTransform,
    PreAndPost,
    BuildTime,
}
