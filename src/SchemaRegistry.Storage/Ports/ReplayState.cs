using System.Text.Json.Serialization;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Where a <see cref="QuarantineReplay"/> stands: it may still commit, it never will, or it did.</summary>
public enum ReplayState
{
    [JsonStringEnumMemberName("pending")]
    Pending,
    [JsonStringEnumMemberName("aborted")]
    Aborted,
    [JsonStringEnumMemberName("committed")]
    Committed,
}
