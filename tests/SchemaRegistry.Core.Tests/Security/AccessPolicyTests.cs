using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Tests.Security;

public sealed class AccessPolicyTests
{
    public static TheoryData<Permission> EveryPermission() => new(Enum.GetValues<Permission>());

    public static TheoryData<Role, Permission> EveryRoleAndPermission()
    {
        var data = new TheoryData<Role, Permission>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                data.Add(role, permission);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPermission))]
    public void Schema_admin_holds_every_permission(Permission permission)
    {
        Assert.True(AccessPolicy.Allows(Role.SchemaAdmin, permission));
    }

    [Theory]
    [InlineData(Role.PipelineRunner, Permission.Publish)]
    [InlineData(Role.PipelineRunner, Permission.Approve)]
    [InlineData(Role.PipelineRunner, Permission.ForcePublish)]
    [InlineData(Role.Reader, Permission.Publish)]
    [InlineData(Role.Reader, Permission.Approve)]
    [InlineData(Role.Reader, Permission.ForcePublish)]
    public void Pipeline_runner_and_reader_can_never_publish_approve_or_force_publish(Role role, Permission permission)
    {
        Assert.False(AccessPolicy.Allows(role, permission));
    }

    [Fact]
    public void Reader_may_only_read()
    {
        var held = Enum.GetValues<Permission>().Where(p => AccessPolicy.Allows(Role.Reader, p));

        Assert.Equal([Permission.Read], held);
    }

    [Fact]
    public void Pipeline_runner_may_read_run_pipelines_and_look_up_schemas_only()
    {
        var held = Enum.GetValues<Permission>().Where(p => AccessPolicy.Allows(Role.PipelineRunner, p));

        Assert.Equal([Permission.Read, Permission.RunPipelines, Permission.SyncMetadata, Permission.LookUpSchema], held);
    }

    [Fact]
    public void Ops_engineer_acts_on_drift_and_pipelines_but_does_not_run_them()
    {
        Assert.True(AccessPolicy.Allows(Role.OpsEngineer, Permission.ManageDrift));
        Assert.True(AccessPolicy.Allows(Role.OpsEngineer, Permission.ManagePipelines));
        Assert.False(AccessPolicy.Allows(Role.OpsEngineer, Permission.RunPipelines));
    }

    [Fact]
    public void Admins_and_ops_engineers_tag_incidents_in_the_ledger_runners_and_readers_do_not()
    {
        Assert.Equal([Role.SchemaAdmin, Role.OpsEngineer], AccessPolicy.RolesHolding(Permission.AnnotateAudit));
    }

    [Fact]
    public void Only_schema_admin_may_export_a_backup()
    {
        Assert.Equal([Role.SchemaAdmin], AccessPolicy.RolesHolding(Permission.Backup));
    }

    [Theory]
    [InlineData(Permission.Approve)]
    [InlineData(Permission.Publish)]
    [InlineData(Permission.ForcePublish)]
    [InlineData(Permission.Reject)]
    [InlineData(Permission.Deprecate)]
    [InlineData(Permission.ManageKeys)]
    public void Ops_engineer_cannot_review_publish_or_manage_keys(Permission permission)
    {
        Assert.False(AccessPolicy.Allows(Role.OpsEngineer, permission));
    }

    [Theory]
    [InlineData(Permission.Read)]
    [InlineData(Permission.WriteDraft)]
    [InlineData(Permission.Validate)]
    [InlineData(Permission.Submit)]
    public void Ops_engineer_may_author_and_submit(Permission permission)
    {
        Assert.True(AccessPolicy.Allows(Role.OpsEngineer, permission));
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public void Every_role_has_an_answer_for_every_permission(Role role, Permission permission)
    {
        var expected = role switch
        {
            Role.SchemaAdmin => true,
            Role.OpsEngineer => permission is Permission.Read or Permission.WriteDraft or Permission.Validate or Permission.Submit
                or Permission.ManagePipelines or Permission.ManageDrift or Permission.SyncMetadata or Permission.ReadAudit or Permission.AnnotateAudit
                or Permission.LookUpSchema,
            Role.PipelineRunner => permission is Permission.Read or Permission.RunPipelines or Permission.SyncMetadata or Permission.LookUpSchema,
            Role.Reader => permission is Permission.Read,
            _ => throw new InvalidOperationException($"Role {role} is missing from this test."),
        };

        Assert.Equal(expected, AccessPolicy.Allows(role, permission));
    }

    [Theory]
    [InlineData(Permission.Approve)]
    [InlineData(Permission.Reject)]
    [InlineData(Permission.Publish)]
    [InlineData(Permission.ForcePublish)]
    [InlineData(Permission.Deprecate)]
    [InlineData(Permission.ManageKeys)]
    [InlineData(Permission.ManageConfig)]
    public void Only_schema_admin_holds_governing_permissions(Permission permission)
    {
        Assert.Equal([Role.SchemaAdmin], AccessPolicy.RolesHolding(permission));
    }

    [Fact]
    public void Every_role_holds_read()
    {
        Assert.Equal(Enum.GetValues<Role>().Order(), AccessPolicy.RolesHolding(Permission.Read).Order());
    }

    [Theory]
    [InlineData(Permission.WriteDraft)]
    [InlineData(Permission.Validate)]
    [InlineData(Permission.Submit)]
    public void Authoring_permissions_are_held_by_schema_admin_and_ops_engineer(Permission permission)
    {
        Assert.Equal([Role.SchemaAdmin, Role.OpsEngineer], AccessPolicy.RolesHolding(permission).Order());
    }
}
