using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>What a pipeline contract does with records whose shape drifted from the schema.</summary>
public enum DriftPolicy
{
    /// <summary>Drifted records go to quarantine; the rest pass.</summary>
    [JsonStringEnumMemberName("quarantine")]
    Quarantine,

    /// <summary>Any drift fails the batch (PIPE-1204).</summary>
    [JsonStringEnumMemberName("fail")]
    Fail,

    /// <summary>Drifted fields move into <c>_rescued_data</c> and the record passes if it is otherwise valid.</summary>
    [JsonStringEnumMemberName("rescue")]
    Rescue,

    /// <summary>Drift is reported only; records are judged by validation alone.</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,
}
