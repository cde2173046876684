using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Lifecycle;

/// <summary>
/// The state machine: draft → validated → pending_approval → approved → published → deprecated, with
/// rejected returning to draft on the next edit (or straight to validated on a passing validation).
/// </summary>
public static class LifecycleMachine
{
    private static readonly Dictionary<(SchemaState, SchemaAction), SchemaState> Transitions = new()
    {
        [(SchemaState.Draft, SchemaAction.Edit)] = SchemaState.Draft,
        [(SchemaState.Validated, SchemaAction.Edit)] = SchemaState.Draft,
        [(SchemaState.Rejected, SchemaAction.Edit)] = SchemaState.Draft,
        [(SchemaState.Draft, SchemaAction.Validate)] = SchemaState.Validated,
        [(SchemaState.Validated, SchemaAction.Validate)] = SchemaState.Validated,
        [(SchemaState.Rejected, SchemaAction.Validate)] = SchemaState.Validated,
        [(SchemaState.Validated, SchemaAction.Submit)] = SchemaState.PendingApproval,
        [(SchemaState.PendingApproval, SchemaAction.Approve)] = SchemaState.Approved,
        [(SchemaState.PendingApproval, SchemaAction.Reject)] = SchemaState.Rejected,
        [(SchemaState.Approved, SchemaAction.Reject)] = SchemaState.Rejected,
        [(SchemaState.Approved, SchemaAction.Publish)] = SchemaState.Published,
        [(SchemaState.Draft, SchemaAction.ForcePublish)] = SchemaState.Published,
        [(SchemaState.Validated, SchemaAction.ForcePublish)] = SchemaState.Published,
        [(SchemaState.PendingApproval, SchemaAction.ForcePublish)] = SchemaState.Published,
        [(SchemaState.Approved, SchemaAction.ForcePublish)] = SchemaState.Published,
        [(SchemaState.Rejected, SchemaAction.ForcePublish)] = SchemaState.Published,
        [(SchemaState.Published, SchemaAction.Deprecate)] = SchemaState.Deprecated,
    };

    public static bool CanApply(SchemaState from, SchemaAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The state after <paramref name="action"/>, or the catalog error explaining why it cannot happen.</summary>
    public static SchemaState Apply(SchemaState from, SchemaAction action)
    {
        if (Transitions.TryGetValue((from, action), out var to))
        {
            return to;
        }
        throw new RegistryException(Refusal(from, action));
    }

    private static RegistryError Refusal(SchemaState from, SchemaAction action)
    {
        var state = WireNames.Of(from);
        if (from is SchemaState.Published or SchemaState.Deprecated && action == SchemaAction.Edit)
        {
            return new RegistryError(ErrorCode.Immutable, ErrorKind.Conflict, "Published content is immutable",
                $"The version is {state}; its content can never change. Register a new version instead.");
        }
        if (action == SchemaAction.Publish && from is not (SchemaState.Published or SchemaState.Deprecated))
        {
            return new RegistryError(ErrorCode.PublishWithoutApproval, ErrorKind.Conflict, "Publish without approval",
                $"The version is {state}; only an approved version can be published (validate, submit, approve first).");
        }
        var hint = action switch
        {
            SchemaAction.Submit when from is SchemaState.Draft or SchemaState.Rejected => " Validate it first.",
            SchemaAction.Approve or SchemaAction.Reject => " Only a submitted version (pending_approval) can be reviewed.",
            SchemaAction.Deprecate => " Only a published version can be deprecated.",
            _ => "",
        };
        var verb = WireNames.Of(action).Replace('_', ' ');
        return RegistryError.Transition($"Cannot {verb} a version that is {state}.{hint}");
    }
}
