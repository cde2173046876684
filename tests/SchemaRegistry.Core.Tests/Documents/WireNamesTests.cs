using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Tests.Documents;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(SchemaState.Draft, "draft")]
    [InlineData(SchemaState.Validated, "validated")]
    [InlineData(SchemaState.PendingApproval, "pending_approval")]
    [InlineData(SchemaState.Approved, "approved")]
    [InlineData(SchemaState.Published, "published")]
    [InlineData(SchemaState.Deprecated, "deprecated")]
    [InlineData(SchemaState.Rejected, "rejected")]
    public void State_has_one_wire_name_both_ways(SchemaState state, string wire)
    {
        Assert.Equal(wire, WireNames.Of(state));
        Assert.True(WireNames.TryParse(wire, out SchemaState parsed));
        Assert.Equal(state, parsed);
        Assert.Equal(state, WireNames.ParseState(wire));
    }

    [Theory]
    [InlineData(CompatibilityMode.None, "NONE")]
    [InlineData(CompatibilityMode.Backward, "BACKWARD")]
    [InlineData(CompatibilityMode.Forward, "FORWARD")]
    [InlineData(CompatibilityMode.Full, "FULL")]
    [InlineData(CompatibilityMode.BackwardTransitive, "BACKWARD_TRANSITIVE")]
    [InlineData(CompatibilityMode.ForwardTransitive, "FORWARD_TRANSITIVE")]
    [InlineData(CompatibilityMode.FullTransitive, "FULL_TRANSITIVE")]
    public void Compatibility_mode_has_one_wire_name_both_ways(CompatibilityMode mode, string wire)
    {
        Assert.Equal(wire, WireNames.Of(mode));
        Assert.True(WireNames.TryParse(wire, out CompatibilityMode parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(mode, WireNames.ParseMode(wire));
    }

    [Theory]
    [InlineData(Role.SchemaAdmin, "schema-admin")]
    [InlineData(Role.OpsEngineer, "ops-engineer")]
    [InlineData(Role.PipelineRunner, "pipeline-runner")]
    [InlineData(Role.Reader, "reader")]
    public void Role_has_one_wire_name_both_ways(Role role, string wire)
    {
        Assert.Equal(wire, WireNames.Of(role));
        Assert.True(WireNames.TryParse(wire, out Role parsed));
        Assert.Equal(role, parsed);
        Assert.Equal(role, WireNames.ParseRole(wire));
    }

    [Fact]
    public void Every_enum_value_has_a_distinct_wire_name()
    {
        var states = Enum.GetValues<SchemaState>().Select(WireNames.Of).ToList();
        var modes = Enum.GetValues<CompatibilityMode>().Select(WireNames.Of).ToList();
        var roles = Enum.GetValues<Role>().Select(WireNames.Of).ToList();

        Assert.Equal(states.Count, states.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(modes.Count, modes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(roles.Count, roles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_modes_and_all_roles_list_every_wire_name()
    {
        Assert.Equal(Enum.GetValues<CompatibilityMode>().Select(WireNames.Of).Order(StringComparer.Ordinal),
            WireNames.AllModes.Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<Role>().Select(WireNames.Of).Order(StringComparer.Ordinal),
            WireNames.AllRoles.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Draft")]
    [InlineData("DRAFT")]
    [InlineData("pending-approval")]
    [InlineData("PendingApproval")]
    [InlineData(" draft")]
    public void Unknown_state_name_is_not_parsed(string? text)
    {
        Assert.False(WireNames.TryParse(text, out SchemaState _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("backward")]
    [InlineData("Backward")]
    [InlineData("BACKWARD-TRANSITIVE")]
    [InlineData("BackwardTransitive")]
    public void Unknown_mode_name_is_not_parsed(string? text)
    {
        Assert.False(WireNames.TryParse(text, out CompatibilityMode _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("SchemaAdmin")]
    [InlineData("schema_admin")]
    [InlineData("Schema-Admin")]
    public void Unknown_role_name_is_not_parsed(string? text)
    {
        Assert.False(WireNames.TryParse(text, out Role _));
    }

    [Fact]
    public void Parse_methods_throw_FormatException_for_unknown_names()
    {
        Assert.Throws<FormatException>(() => WireNames.ParseState("gone"));
        Assert.Throws<FormatException>(() => WireNames.ParseMode("SIDEWAYS"));
        Assert.Throws<FormatException>(() => WireNames.ParseRole("root"));
    }
}
