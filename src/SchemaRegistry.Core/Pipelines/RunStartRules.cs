using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>What may block a run at start, beyond the version being published.</summary>
public static class RunStartRules
{
    /// <summary>
    /// A run on <c>:latest</c> follows the newest version, so a new major would reach the job unannounced: it is refused
    /// (PIPE-1103) when <paramref name="resolved"/> is a newer major than the pipeline's last successful run pinned,
    /// unless the pipeline allows majors. Pinning an FQID or a major (<c>:v1</c>) never jumps. Returns the reason, or null.
    /// </summary>
    public static string? MajorJump(Pipeline pipeline, Fqid resolved, Fqid? lastSuccessful)
    {
        if (pipeline.AllowMajor || pipeline.Schema.Exact is not null || pipeline.Schema.Major is not null || lastSuccessful is null
            || resolved.Version.Major <= lastSuccessful.Version.Major)
        {
            return null;
        }
        return $"{pipeline.Schema} now resolves to {resolved}, a new major since the last successful run of {pipeline.PipelineId} " +
               $"(on {lastSuccessful}). Pin the version, or allow majors for this pipeline (PUT /v1/pipelines/{pipeline.PipelineId} " +
               "with \"allow_major\": true) once the job handles it.";
    }
}
