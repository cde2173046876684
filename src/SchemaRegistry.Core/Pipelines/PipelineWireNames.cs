namespace SchemaRegistry.Core.Pipelines;

/// <summary>The snake_case names pipeline enums have on the wire and in the database.</summary>
public static class PipelineWireNames
{
    public static string Of(DriftPolicy policy) => policy.ToString().ToLowerInvariant();

    public static string Of(ValidationTiming timing) => timing switch
    {
        ValidationTiming.OnInvocation => "on_invocation",
        ValidationTiming.PreJob => "pre_job",
        ValidationTiming.PostTransform => "post_transform",
        ValidationTiming.PreAndPost => "pre_and_post",
        _ => "build_time",
    };

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "success",
        RunStatus.Failed => "failed",
        RunStatus.Abandoned => "abandoned",
        _ => "completed_with_quarantine",
    };

    public static string Of(DriftCaseStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(DriftKind kind) => kind switch
    {
        DriftKind.NewField => "new_field",
        DriftKind.MissingField => "missing_field",
        DriftKind.TypeChange => "type_change",
        _ => "version_deprecated",
    };

    public static bool TryParse(string? text, out DriftPolicy policy) => TryParse(text, Enum.GetValues<DriftPolicy>(), Of, out policy);

    public static bool TryParse(string? text, out ValidationTiming timing) => TryParse(text, Enum.GetValues<ValidationTiming>(), Of, out timing);

    public static bool TryParse(string? text, out RunStatus status) => TryParse(text, Enum.GetValues<RunStatus>(), Of, out status);

    public static bool TryParse(string? text, out DriftCaseStatus status) => TryParse(text, Enum.GetValues<DriftCaseStatus>(), Of, out status);

    public static bool TryParse(string? text, out DriftKind kind) => TryParse(text, Enum.GetValues<DriftKind>(), Of, out kind);

    private static bool TryParse<T>(string? text, T[] values, Func<T, string> name, out T value) where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
