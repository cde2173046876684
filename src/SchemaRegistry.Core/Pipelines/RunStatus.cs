namespace SchemaRegistry.Core.Pipelines;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The run completed; some records went to quarantine.</summary>
    CompletedWithQuarantine,

    /// <summary>No batch or heartbeat came for longer than the configured time: the job died without reporting.</summary>
    Abandoned,
}
