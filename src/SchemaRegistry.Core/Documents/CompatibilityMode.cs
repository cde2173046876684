using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Documents;

/// <summary>How a new version must relate to earlier published ones of its subject.</summary>
public enum CompatibilityMode
{
    [JsonStringEnumMemberName("NONE")]
    None,
    [JsonStringEnumMemberName("BACKWARD")]
    Backward,
    [JsonStringEnumMemberName("FORWARD")]
    Forward,
    [JsonStringEnumMemberName("FULL")]
    Full,
    [JsonStringEnumMemberName("BACKWARD_TRANSITIVE")]
    BackwardTransitive,
    [JsonStringEnumMemberName("FORWARD_TRANSITIVE")]
    ForwardTransitive,
    [JsonStringEnumMemberName("FULL_TRANSITIVE")]
    FullTransitive,
}
