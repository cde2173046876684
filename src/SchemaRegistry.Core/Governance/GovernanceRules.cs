using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Governance;

/// <summary>The rules about who may move a version, on top of what the state machine allows.</summary>
public static class GovernanceRules
{
    public const int MaxReasonLength = Checks.TextLimits.Comment;

    /// <summary>Checks the actor and reason for <paramref name="action"/>; returns the state to move to.</summary>
    public static SchemaState Authorize(SchemaRecord record, SchemaAction action, Principal actor, string? reason)
    {
        if (reason is { Length: > MaxReasonLength })
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest,
                "Comment too long", $"A comment or reason may have at most {MaxReasonLength} characters."));
        }
        var next = LifecycleMachine.Apply(record.State, action);
        switch (action)
        {
            case SchemaAction.Approve when record.SubmittedBy == actor.Id:
                throw new RegistryException(new RegistryError(ErrorCode.ApproverIsSubmitter, ErrorKind.Forbidden,
                    "Approver is the submitter",
                    $"{actor.Name} submitted {record.Fqid}; approval needs a different principal."));
            case SchemaAction.ForcePublish when actor.Role != Role.SchemaAdmin:
                throw new RegistryException(new RegistryError(ErrorCode.Forbidden, ErrorKind.Forbidden,
                    "Force publish needs schema-admin", "Only schema-admin may force a publish."));
            case SchemaAction.ForcePublish when string.IsNullOrWhiteSpace(reason):
                throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest,
                    "Force publish needs a reason", "Give a reason with a forced publish; it is recorded in the history."));
            case SchemaAction.Reject when string.IsNullOrWhiteSpace(reason):
                throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest,
                    "Rejection needs a comment", "Say why the version is rejected, so its author can fix it."));
        }
        return next;
    }
}
