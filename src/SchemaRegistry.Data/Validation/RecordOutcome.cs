namespace SchemaRegistry.Data.Validation;

public enum RecordOutcome
{
    Valid,

    /// <summary>The record breaks a value rule of the schema, or its text is not UTF-8 (PIPE-1002).</summary>
    Invalid,

    /// <summary>The record's shape drifted from the schema (PIPE-1204) and the policy does not let it pass.</summary>
    Drifted,

    /// <summary>The record drifted; its drifted fields moved into <c>_rescued_data</c> and the rest is valid.</summary>
    Rescued,
}
