using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Tests.Protobuf;

public sealed class ProtobufCompatibilityTableTests
{
    public static TheoryData<string> Cases() => new(ProtoCompatCases.All.Select(@case => @case.Name));

    private static ProtoCompatCase Case(string name) => ProtoCompatCases.All.Single(@case => @case.Name == name);

    private static SchemaDiff Diff(ProtoCompatCase @case, bool reversed = false)
    {
        var old = Proto.Parse(@case.Old, @case.OldReferences);
        var @new = Proto.Parse(@case.New, @case.NewReferences);
        return reversed ? Proto.Format.Compare(@new, old) : Proto.Format.Compare(old, @new);
    }

    [Fact]
    public void The_table_has_at_least_sixty_distinct_cases()
    {
        Assert.True(ProtoCompatCases.All.Count >= 60, $"only {ProtoCompatCases.All.Count} cases");
        Assert.Equal(ProtoCompatCases.All.Count, ProtoCompatCases.All.Select(@case => @case.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_mode_s_verdict_and_the_change_kinds_are_as_the_rules_say(string name)
    {
        var @case = Case(name);
        var diff = Diff(@case);
        var detail = string.Join("\n", diff.Changes.Select(change => $"{change.Kind} {change.Path} b={change.Backward} f={change.Forward}: {change.Reason}"));
        Assert.True(@case.Compatible == CompatibilityRules.IsCompatible(diff, @case.Mode), $"{@case.Mode} expected {(@case.Compatible ? "compatible" : "incompatible")}:\n{detail}");
        Assert.True(
            @case.Kinds.Order().SequenceEqual(diff.Changes.Select(change => change.Kind).Order()),
            $"expected [{string.Join(", ", @case.Kinds)}], got:\n{detail}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_from_old_to_new_is_backward_from_new_to_old(string name)
    {
        var @case = Case(name);
        Assert.Equal(Diff(@case).IsForwardCompatible, Diff(@case, reversed: true).IsBackwardCompatible);
        Assert.Equal(Diff(@case).IsBackwardCompatible, Diff(@case, reversed: true).IsForwardCompatible);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_change_has_both_verdicts_a_path_and_a_reason_and_every_refusal_an_example(string name)
    {
        foreach (var change in Diff(Case(name)).Changes)
        {
            Assert.NotNull(change.Backward);
            Assert.NotNull(change.Forward);
            Assert.True(change.Path.Length == 0 || change.Path.StartsWith('/'), change.Path);
            Assert.False(string.IsNullOrWhiteSpace(change.Reason));
            if (change.Backward == false || change.Forward == false)
            {
                Assert.False(string.IsNullOrWhiteSpace(change.Example), $"{change.Kind} at {change.Path} has no example");
            }
        }
    }

    [Fact]
    public void Paths_name_the_message_then_the_field_without_the_package()
    {
        var old = Proto.Parse("syntax = \"proto3\";\npackage shop;\nmessage Order { message Item { int32 qty = 1; } Item item = 1; string customer = 2; }");
        var @new = Proto.Parse("syntax = \"proto3\";\npackage shop;\nmessage Order { message Item { string qty = 1; } Item item = 1; bytes customer = 2; }");
        var paths = Proto.Format.Compare(old, @new).Changes.Select(change => change.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["/Order/Item/qty", "/Order/customer"], paths);
    }
}
