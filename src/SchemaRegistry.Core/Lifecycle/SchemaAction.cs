using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Lifecycle;

/// <summary>Everything that can happen to a schema version; each is recorded in its history.</summary>
public enum SchemaAction
{
    [JsonStringEnumMemberName("register")]
    Register,
    [JsonStringEnumMemberName("edit")]
    Edit,
    [JsonStringEnumMemberName("validate")]
    Validate,
    [JsonStringEnumMemberName("submit")]
    Submit,
    [JsonStringEnumMemberName("approve")]
    Approve,
    [JsonStringEnumMemberName("reject")]
    Reject,
    [JsonStringEnumMemberName("publish")]
    Publish,
    [JsonStringEnumMemberName("force_publish")]
    ForcePublish,
    [JsonStringEnumMemberName("deprecate")]
    Deprecate,
}
