using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Governance;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Governance;

public sealed class GovernanceRulesTests
{
    private static readonly Principal Submitter = new("key_submitter", "alice", Role.OpsEngineer);
    private static readonly Principal Admin = new("key_admin", "bob", Role.SchemaAdmin);
    private static readonly Principal OtherAdmin = new("key_admin2", "carol", Role.SchemaAdmin);

    private static SchemaRecord Record(SchemaState state, string? submittedBy = "key_submitter")
    {
        var fqid = Fqid.Parse("finance.gdp.invoice:v1.2", Layers.Default);
        var definition = new SchemaDefinition(fqid, "team-finance", "", SchemaDefinition.JsonSchemaFormat,
            CompatibilityMode.Backward, new Dictionary<string, string>(), "{}");
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new SchemaRecord(definition, state, [], "sha256:00", at, "alice", at, "alice", submittedBy, 3);
    }

    private static RegistryError Refusal(SchemaRecord record, SchemaAction action, Principal actor, string? reason) =>
        Assert.Throws<RegistryException>(() => GovernanceRules.Authorize(record, action, actor, reason)).Error;

    [Fact]
    public void Approver_who_submitted_is_refused_with_VAL_1203()
    {
        var submittingAdmin = new Principal("key_submitter", "alice", Role.SchemaAdmin);

        var error = Refusal(Record(SchemaState.PendingApproval), SchemaAction.Approve, submittingAdmin, null);

        Assert.Equal(ErrorCode.ApproverIsSubmitter, error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("finance.gdp.invoice:v1.2", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitter_is_recognised_by_id_even_under_another_name()
    {
        var renamed = new Principal("key_submitter", "alice (renamed)", Role.SchemaAdmin);

        var error = Refusal(Record(SchemaState.PendingApproval), SchemaAction.Approve, renamed, "looks good");

        Assert.Equal(ErrorCode.ApproverIsSubmitter, error.Code);
    }

    [Fact]
    public void Different_principal_with_the_submitters_name_may_approve()
    {
        var namesake = new Principal("key_other", "alice", Role.SchemaAdmin);

        Assert.Equal(SchemaState.Approved,
            GovernanceRules.Authorize(Record(SchemaState.PendingApproval), SchemaAction.Approve, namesake, null));
    }

    [Fact]
    public void Approver_other_than_the_submitter_moves_the_version_to_approved()
    {
        Assert.Equal(SchemaState.Approved,
            GovernanceRules.Authorize(Record(SchemaState.PendingApproval), SchemaAction.Approve, Admin, null));
    }

    [Fact]
    public void Approval_of_a_version_with_no_recorded_submitter_is_allowed()
    {
        Assert.Equal(SchemaState.Approved,
            GovernanceRules.Authorize(Record(SchemaState.PendingApproval, submittedBy: null), SchemaAction.Approve, Admin, null));
    }

    [Theory]
    [InlineData(Role.OpsEngineer)]
    [InlineData(Role.PipelineRunner)]
    [InlineData(Role.Reader)]
    public void Force_publish_by_anyone_but_schema_admin_is_forbidden(Role role)
    {
        var actor = new Principal("key_x", "xavier", role);

        var error = Refusal(Record(SchemaState.Validated), SchemaAction.ForcePublish, actor, "incident 42");

        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Force_publish_without_a_reason_is_refused_with_REQ_1001(string? reason)
    {
        var error = Refusal(Record(SchemaState.Validated), SchemaAction.ForcePublish, Admin, reason);

        Assert.Equal(ErrorCode.RequestMalformed, error.Code);
        Assert.Equal(ErrorKind.BadRequest, error.Kind);
    }

    [Theory]
    [InlineData(SchemaState.Draft)]
    [InlineData(SchemaState.Validated)]
    [InlineData(SchemaState.PendingApproval)]
    [InlineData(SchemaState.Approved)]
    [InlineData(SchemaState.Rejected)]
    public void Schema_admin_with_a_reason_may_force_publish_from_any_unpublished_state(SchemaState state)
    {
        Assert.Equal(SchemaState.Published,
            GovernanceRules.Authorize(Record(state), SchemaAction.ForcePublish, Admin, "incident 42: consumers blocked"));
    }

    [Fact]
    public void Schema_admin_who_submitted_may_still_force_publish()
    {
        var submittingAdmin = new Principal("key_submitter", "alice", Role.SchemaAdmin);

        Assert.Equal(SchemaState.Published,
            GovernanceRules.Authorize(Record(SchemaState.PendingApproval), SchemaAction.ForcePublish, submittingAdmin, "hotfix"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Reject_without_a_comment_is_refused_with_REQ_1001(string? comment)
    {
        var error = Refusal(Record(SchemaState.PendingApproval), SchemaAction.Reject, Admin, comment);

        Assert.Equal(ErrorCode.RequestMalformed, error.Code);
        Assert.Equal(ErrorKind.BadRequest, error.Kind);
    }

    [Theory]
    [InlineData(SchemaState.PendingApproval)]
    [InlineData(SchemaState.Approved)]
    public void Reject_with_a_comment_moves_the_version_to_rejected(SchemaState state)
    {
        Assert.Equal(SchemaState.Rejected,
            GovernanceRules.Authorize(Record(state), SchemaAction.Reject, Admin, "field amount must be a number"));
    }

    [Fact]
    public void Reason_of_2000_characters_is_accepted()
    {
        var reason = new string('r', GovernanceRules.MaxReasonLength);

        Assert.Equal(SchemaState.Rejected,
            GovernanceRules.Authorize(Record(SchemaState.PendingApproval), SchemaAction.Reject, Admin, reason));
    }

    [Theory]
    [InlineData(SchemaAction.Reject, SchemaState.PendingApproval)]
    [InlineData(SchemaAction.ForcePublish, SchemaState.Validated)]
    [InlineData(SchemaAction.Approve, SchemaState.PendingApproval)]
    public void Reason_longer_than_2000_characters_is_refused_with_REQ_1001(SchemaAction action, SchemaState state)
    {
        var reason = new string('r', GovernanceRules.MaxReasonLength + 1);

        var error = Refusal(Record(state), action, OtherAdmin, reason);

        Assert.Equal(ErrorCode.RequestMalformed, error.Code);
        Assert.Equal(ErrorKind.BadRequest, error.Kind);
        Assert.Equal("Comment too long", error.Title);
    }

    [Fact]
    public void Overlong_reason_is_reported_before_the_transition_is_checked()
    {
        var reason = new string('r', GovernanceRules.MaxReasonLength + 1);

        var error = Refusal(Record(SchemaState.Deprecated), SchemaAction.Reject, Admin, reason);

        Assert.Equal(ErrorCode.RequestMalformed, error.Code);
    }

    [Theory]
    [InlineData(SchemaState.Validated, SchemaAction.Submit, SchemaState.PendingApproval)]
    [InlineData(SchemaState.Approved, SchemaAction.Publish, SchemaState.Published)]
    [InlineData(SchemaState.Published, SchemaAction.Deprecate, SchemaState.Deprecated)]
    [InlineData(SchemaState.Draft, SchemaAction.Validate, SchemaState.Validated)]
    [InlineData(SchemaState.Rejected, SchemaAction.Edit, SchemaState.Draft)]
    public void Ungoverned_action_returns_the_state_machines_next_state(SchemaState from, SchemaAction action, SchemaState to)
    {
        Assert.Equal(to, GovernanceRules.Authorize(Record(from), action, Submitter, null));
    }

    [Fact]
    public void Submitter_may_publish_an_approved_version()
    {
        Assert.Equal(SchemaState.Published,
            GovernanceRules.Authorize(Record(SchemaState.Approved), SchemaAction.Publish, Submitter, null));
    }

    [Fact]
    public void Approving_a_version_that_is_not_pending_fails_with_REG_1003()
    {
        var error = Refusal(Record(SchemaState.Validated), SchemaAction.Approve, Admin, null);

        Assert.Equal(ErrorCode.TransitionNotAllowed, error.Code);
    }

    [Fact]
    public void Publishing_a_version_that_is_not_approved_fails_with_VAL_1201()
    {
        var error = Refusal(Record(SchemaState.PendingApproval), SchemaAction.Publish, Admin, null);

        Assert.Equal(ErrorCode.PublishWithoutApproval, error.Code);
    }

    [Fact]
    public void Editing_a_published_version_fails_with_REG_1004()
    {
        var error = Refusal(Record(SchemaState.Published), SchemaAction.Edit, Admin, null);

        Assert.Equal(ErrorCode.Immutable, error.Code);
    }

    [Fact]
    public void Force_publishing_a_published_version_fails_with_REG_1003()
    {
        var error = Refusal(Record(SchemaState.Published), SchemaAction.ForcePublish, Admin, "again");

        Assert.Equal(ErrorCode.TransitionNotAllowed, error.Code);
    }
}
