namespace SchemaRegistry.Core.Lifecycle;

/// <summary>Everything that can happen to a schema version; each is recorded in its history.</summary>
public enum SchemaAction
{
    Register,
    Edit,
    Validate,
    Submit,
    Approve,
    Reject,
    Publish,
    ForcePublish,
    Deprecate,
}
