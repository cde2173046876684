using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Documents;

/// <summary>Where a schema version stands in its governed lifecycle.</summary>
public enum SchemaState
{
    [JsonStringEnumMemberName("draft")]
    Draft,
    [JsonStringEnumMemberName("validated")]
    Validated,
    [JsonStringEnumMemberName("pending_approval")]
    PendingApproval,
    [JsonStringEnumMemberName("approved")]
    Approved,
    [JsonStringEnumMemberName("published")]
    Published,
    [JsonStringEnumMemberName("deprecated")]
    Deprecated,
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
