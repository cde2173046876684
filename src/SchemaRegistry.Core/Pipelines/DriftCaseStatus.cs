using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>A drift case moves open → acknowledged → resolved; an open or acknowledged case gates publication.</summary>
public enum DriftCaseStatus
{
    [JsonStringEnumMemberName("open")]
    Open,
    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,
    [JsonStringEnumMemberName("resolved")]
    Resolved,
}
