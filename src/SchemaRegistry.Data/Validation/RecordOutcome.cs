using System.Text.Json.Serialization;

namespace SchemaRegistry.Data.Validation;

public enum RecordOutcome
{
    [JsonStringEnumMemberName("valid")]
    Valid,

    /// <summary>The record breaks a value rule of the schema, or its text is not UTF-8 (PIPE-1002).</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,

    /// <summary>The record's shape drifted from the schema (PIPE-1204) and the policy does not let it pass.</summary>
    [JsonStringEnumMemberName("drifted")]
    Drifted,

    /// <summary>The record drifted; its drifted fields moved into <c>_rescued_data</c> and the rest is valid.</summary>
    [JsonStringEnumMemberName("rescued")]
    Rescued,
}
