using System.Reflection;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Pipelines;
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
        var states = Enum.GetValues<SchemaState>().Select(v => WireNames.Of(v)).ToList();
        var modes = Enum.GetValues<CompatibilityMode>().Select(v => WireNames.Of(v)).ToList();
        var roles = Enum.GetValues<Role>().Select(v => WireNames.Of(v)).ToList();

        Assert.Equal(states.Count, states.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(modes.Count, modes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(roles.Count, roles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_modes_and_all_roles_list_every_wire_name()
    {
        Assert.Equal(Enum.GetValues<CompatibilityMode>().Select(v => WireNames.Of(v)).Order(StringComparer.Ordinal),
            WireNames.AllModes.Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<Role>().Select(v => WireNames.Of(v)).Order(StringComparer.Ordinal),
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

    /// <summary>Every enum of the domain that is stored or sent.</summary>
    private static readonly Type[] Stored =
    [
        typeof(SchemaState), typeof(CompatibilityMode), typeof(Role), typeof(SchemaAction), typeof(ChangeKind),
        typeof(DriftPolicy), typeof(ValidationTiming), typeof(RunStatus), typeof(DriftCaseStatus), typeof(DriftKind),
    ];

    public static TheoryData<Type> WireEnums() => new(Stored);

    [Theory]
    [MemberData(nameof(WireEnums))]
    public void Every_member_has_a_distinct_wire_name_that_reads_back_and_its_CSharp_name_is_not_one(Type enumType)
    {
        var check = typeof(WireNamesTests).GetMethod(nameof(RoundTrips), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(enumType);
        check.Invoke(null, null);
    }

    [Fact]
    public void Every_public_enum_of_the_domain_is_on_the_wire_list_or_is_never_stored_or_sent()
    {
        Type[] neverStored = [typeof(Permission), typeof(Core.Errors.ErrorKind), typeof(ValueKinds)];
        var listed = Stored.ToHashSet();
        var unlisted = typeof(WireNames).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && !listed.Contains(t) && !neverStored.Contains(t))
            .Select(t => t.FullName);
        Assert.Empty(unlisted);
    }

    [Fact]
    public void Action_names_are_the_snake_case_the_events_have_always_carried()
    {
        Assert.Equal("force_publish", WireNames.Of(SchemaAction.ForcePublish));
        Assert.False(WireNames.TryParse("ForcePublish", out SchemaAction _));
        Assert.Equal(SchemaAction.ForcePublish, WireNames.Parse<SchemaAction>("force_publish"));
    }

    [Theory]
    [InlineData("QUARANTINE", DriftPolicy.Quarantine)]
    [InlineData("Pre_Job", null)]
    public void Names_people_type_may_differ_in_case_stored_names_may_not(string text, DriftPolicy? policy)
    {
        Assert.False(WireNames.TryParse(text, out DriftPolicy _));
        Assert.Equal(policy is not null, WireNames.TryParseIgnoringCase(text, out DriftPolicy parsed));
        Assert.Equal(policy ?? default, parsed);
    }

    private static void RoundTrips<T>() where T : struct, Enum
    {
        var members = Enum.GetValues<T>();
        var names = members.Select(v => WireNames.Of(v)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names, WireNames.All<T>());
        foreach (var member in members)
        {
            Assert.True(WireNames.TryParse(WireNames.Of(member), out T parsed));
            Assert.Equal(member, parsed);
            if (member.ToString() != WireNames.Of(member))
            {
                Assert.False(WireNames.TryParse(member.ToString(), out T _), $"{typeof(T).Name}.{member} reads by its C# name.");
            }
        }
    }

    [Fact]
    public void Parse_methods_throw_FormatException_for_unknown_names()
    {
        Assert.Throws<FormatException>(() => WireNames.ParseState("gone"));
        Assert.Throws<FormatException>(() => WireNames.ParseMode("SIDEWAYS"));
        Assert.Throws<FormatException>(() => WireNames.ParseRole("root"));
    }
}
