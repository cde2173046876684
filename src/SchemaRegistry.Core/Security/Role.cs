using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Security;

/// <summary>The four roles of the seeds' IAM model; a key or token carries exactly one.</summary>
public enum Role
{
    [JsonStringEnumMemberName("schema-admin")]
    SchemaAdmin,
    [JsonStringEnumMemberName("ops-engineer")]
    OpsEngineer,
    [JsonStringEnumMemberName("pipeline-runner")]
    PipelineRunner,
    [JsonStringEnumMemberName("reader")]
    Reader,
}
