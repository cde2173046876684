namespace SchemaRegistry.Core.Security;

/// <summary>What an endpoint needs; <see cref="AccessPolicy"/> says which roles hold it.</summary>
public enum Permission
{
    Read,
    WriteDraft,
    Validate,
    Submit,
    Approve,
    Reject,
    Publish,
    ForcePublish,
    Deprecate,
    ManageKeys,
    ManageConfig,
}
