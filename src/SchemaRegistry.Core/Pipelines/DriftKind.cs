namespace SchemaRegistry.Core.Pipelines;

public enum DriftKind
{
    /// <summary>A field present in the data that the schema does not declare.</summary>
    NewField,

    /// <summary>A required field absent from a record.</summary>
    MissingField,

    /// <summary>A value whose JSON type is not one the schema declares for its field.</summary>
    TypeChange,

    /// <summary>The version a run pinned was deprecated while the run was going.</summary>
    VersionDeprecated,
}
