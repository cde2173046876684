using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Pipelines;

public enum DriftKind
{
    /// <summary>A field present in the data that the schema does not declare.</summary>
    [JsonStringEnumMemberName("new_field")]
    NewField,

    /// <summary>A required field absent from a record.</summary>
    [JsonStringEnumMemberName("missing_field")]
    MissingField,

    /// <summary>A value whose JSON type is not one the schema declares for its field.</summary>
    [JsonStringEnumMemberName("type_change")]
    TypeChange,

    /// <summary>The version a run pinned was deprecated while the run was going.</summary>
    [JsonStringEnumMemberName("version_deprecated")]
    VersionDeprecated,
}
