using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Pipelines;

public enum RunStatus
{
    [JsonStringEnumMemberName("running")]
    Running,
    [JsonStringEnumMemberName("success")]
    Succeeded,
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The run completed; some records went to quarantine.</summary>
    [JsonStringEnumMemberName("completed_with_quarantine")]
    CompletedWithQuarantine,

    /// <summary>No batch or heartbeat came for longer than the configured time: the job died without reporting.</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,
}
