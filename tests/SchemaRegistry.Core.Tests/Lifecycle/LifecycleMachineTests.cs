using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Lifecycle;

public sealed class LifecycleMachineTests
{
    /// <summary>The whole transition table, written out independently of the implementation.</summary>
    private static readonly Dictionary<(SchemaState From, SchemaAction Action), SchemaState> Allowed = new()
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

    public static TheoryData<SchemaState, SchemaAction> EveryStateAndAction()
    {
        var data = new TheoryData<SchemaState, SchemaAction>();
        foreach (var state in Enum.GetValues<SchemaState>())
        {
            foreach (var action in Enum.GetValues<SchemaAction>())
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [InlineData(SchemaState.Draft, SchemaAction.Edit, SchemaState.Draft)]
    [InlineData(SchemaState.Validated, SchemaAction.Edit, SchemaState.Draft)]
    [InlineData(SchemaState.Rejected, SchemaAction.Edit, SchemaState.Draft)]
    [InlineData(SchemaState.Draft, SchemaAction.Validate, SchemaState.Validated)]
    [InlineData(SchemaState.Validated, SchemaAction.Validate, SchemaState.Validated)]
    [InlineData(SchemaState.Rejected, SchemaAction.Validate, SchemaState.Validated)]
    [InlineData(SchemaState.Validated, SchemaAction.Submit, SchemaState.PendingApproval)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.Approve, SchemaState.Approved)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.Reject, SchemaState.Rejected)]
    [InlineData(SchemaState.Approved, SchemaAction.Reject, SchemaState.Rejected)]
    [InlineData(SchemaState.Approved, SchemaAction.Publish, SchemaState.Published)]
    [InlineData(SchemaState.Draft, SchemaAction.ForcePublish, SchemaState.Published)]
    [InlineData(SchemaState.Validated, SchemaAction.ForcePublish, SchemaState.Published)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.ForcePublish, SchemaState.Published)]
    [InlineData(SchemaState.Approved, SchemaAction.ForcePublish, SchemaState.Published)]
    [InlineData(SchemaState.Rejected, SchemaAction.ForcePublish, SchemaState.Published)]
    [InlineData(SchemaState.Published, SchemaAction.Deprecate, SchemaState.Deprecated)]
    public void Allowed_transition_moves_to_the_expected_state(SchemaState from, SchemaAction action, SchemaState to)
    {
        Assert.True(LifecycleMachine.CanApply(from, action));
        Assert.Equal(to, LifecycleMachine.Apply(from, action));
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Only_the_transitions_in_the_table_are_allowed(SchemaState from, SchemaAction action)
    {
        var expected = Allowed.ContainsKey((from, action));

        Assert.Equal(expected, LifecycleMachine.CanApply(from, action));
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Apply_agrees_with_CanApply_and_refuses_with_a_conflict(SchemaState from, SchemaAction action)
    {
        if (Allowed.TryGetValue((from, action), out var to))
        {
            Assert.Equal(to, LifecycleMachine.Apply(from, action));
            return;
        }

        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, action));

        Assert.Equal(ErrorKind.Conflict, ex.Error.Kind);
        Assert.Contains(ex.Error.Code, new[] { ErrorCode.TransitionNotAllowed, ErrorCode.Immutable, ErrorCode.PublishWithoutApproval });
        Assert.Contains(WireNames.Of(from), ex.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchemaState.Draft, SchemaAction.Submit)]
    [InlineData(SchemaState.Rejected, SchemaAction.Submit)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.Submit)]
    [InlineData(SchemaState.Draft, SchemaAction.Approve)]
    [InlineData(SchemaState.Validated, SchemaAction.Approve)]
    [InlineData(SchemaState.Approved, SchemaAction.Approve)]
    [InlineData(SchemaState.Rejected, SchemaAction.Approve)]
    [InlineData(SchemaState.Draft, SchemaAction.Reject)]
    [InlineData(SchemaState.Published, SchemaAction.Reject)]
    [InlineData(SchemaState.Rejected, SchemaAction.Reject)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.Edit)]
    [InlineData(SchemaState.Approved, SchemaAction.Edit)]
    [InlineData(SchemaState.PendingApproval, SchemaAction.Validate)]
    [InlineData(SchemaState.Published, SchemaAction.Validate)]
    [InlineData(SchemaState.Draft, SchemaAction.Deprecate)]
    [InlineData(SchemaState.Approved, SchemaAction.Deprecate)]
    [InlineData(SchemaState.Deprecated, SchemaAction.Deprecate)]
    [InlineData(SchemaState.Published, SchemaAction.Publish)]
    [InlineData(SchemaState.Deprecated, SchemaAction.Publish)]
    [InlineData(SchemaState.Published, SchemaAction.ForcePublish)]
    [InlineData(SchemaState.Deprecated, SchemaAction.ForcePublish)]
    [InlineData(SchemaState.Published, SchemaAction.Submit)]
    [InlineData(SchemaState.Deprecated, SchemaAction.Approve)]
    public void Refused_transition_fails_with_REG_1003(SchemaState from, SchemaAction action)
    {
        Assert.False(LifecycleMachine.CanApply(from, action));

        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, action));

        Assert.Equal(ErrorCode.TransitionNotAllowed, ex.Error.Code);
        Assert.Equal(ErrorKind.Conflict, ex.Error.Kind);
    }

    [Theory]
    [InlineData(SchemaState.Draft)]
    [InlineData(SchemaState.Validated)]
    [InlineData(SchemaState.PendingApproval)]
    [InlineData(SchemaState.Approved)]
    [InlineData(SchemaState.Published)]
    [InlineData(SchemaState.Deprecated)]
    [InlineData(SchemaState.Rejected)]
    public void Register_is_never_a_transition_and_fails_with_REG_1003(SchemaState from)
    {
        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, SchemaAction.Register));

        Assert.Equal(ErrorCode.TransitionNotAllowed, ex.Error.Code);
    }

    [Theory]
    [InlineData(SchemaState.Published)]
    [InlineData(SchemaState.Deprecated)]
    public void Editing_published_or_deprecated_content_fails_with_REG_1004(SchemaState from)
    {
        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, SchemaAction.Edit));

        Assert.Equal(ErrorCode.Immutable, ex.Error.Code);
        Assert.Equal(ErrorKind.Conflict, ex.Error.Kind);
        Assert.Contains(WireNames.Of(from), ex.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchemaState.Draft)]
    [InlineData(SchemaState.Validated)]
    [InlineData(SchemaState.PendingApproval)]
    [InlineData(SchemaState.Rejected)]
    public void Publishing_without_approval_fails_with_VAL_1201(SchemaState from)
    {
        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, SchemaAction.Publish));

        Assert.Equal(ErrorCode.PublishWithoutApproval, ex.Error.Code);
        Assert.Equal(ErrorKind.Conflict, ex.Error.Kind);
        Assert.Contains(WireNames.Of(from), ex.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_detail_names_the_action_and_the_wire_state()
    {
        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(SchemaState.PendingApproval, SchemaAction.Validate));

        Assert.Equal("Cannot validate a version that is pending_approval.", ex.Error.Detail);
        Assert.Equal(ex.Error.Detail, ex.Message);
    }

    [Theory]
    [InlineData(SchemaState.Draft, SchemaAction.Submit, "Validate it first.")]
    [InlineData(SchemaState.Validated, SchemaAction.Approve, "Only a submitted version (pending_approval) can be reviewed.")]
    [InlineData(SchemaState.Draft, SchemaAction.Reject, "Only a submitted version (pending_approval) can be reviewed.")]
    [InlineData(SchemaState.Approved, SchemaAction.Deprecate, "Only a published version can be deprecated.")]
    public void Refusal_detail_hints_at_the_missing_step(SchemaState from, SchemaAction action, string hint)
    {
        var ex = Assert.Throws<RegistryException>(() => LifecycleMachine.Apply(from, action));

        Assert.EndsWith(hint, ex.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Governed_path_walks_from_draft_to_deprecated()
    {
        var state = SchemaState.Draft;
        var seen = new List<SchemaState> { state };
        foreach (var action in new[] { SchemaAction.Validate, SchemaAction.Submit, SchemaAction.Approve, SchemaAction.Publish, SchemaAction.Deprecate })
        {
            state = LifecycleMachine.Apply(state, action);
            seen.Add(state);
        }

        Assert.Equal(
            [SchemaState.Draft, SchemaState.Validated, SchemaState.PendingApproval, SchemaState.Approved, SchemaState.Published, SchemaState.Deprecated],
            seen);
    }

    [Fact]
    public void Rejected_version_is_fixed_and_resubmitted()
    {
        var state = LifecycleMachine.Apply(SchemaState.PendingApproval, SchemaAction.Reject);
        state = LifecycleMachine.Apply(state, SchemaAction.Edit);
        state = LifecycleMachine.Apply(state, SchemaAction.Validate);
        state = LifecycleMachine.Apply(state, SchemaAction.Submit);

        Assert.Equal(SchemaState.PendingApproval, state);
    }

    [Fact]
    public void Deprecated_is_a_terminal_state()
    {
        foreach (var action in Enum.GetValues<SchemaAction>())
        {
            Assert.False(LifecycleMachine.CanApply(SchemaState.Deprecated, action), $"{action} is allowed from deprecated");
        }
    }
}
