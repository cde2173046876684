namespace SchemaRegistry.Core.Pipelines;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The run completed; some records went to quarantine.</summary>
    CompletedWithQuarantine,
}
