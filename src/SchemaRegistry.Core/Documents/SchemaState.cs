namespace SchemaRegistry.Core.Documents;

/// <summary>Where a schema version stands in its governed lifecycle.</summary>
public enum SchemaState
{
    Draft,
    Validated,
    PendingApproval,
    Approved,
    Published,
    Deprecated,
    Rejected,
}
