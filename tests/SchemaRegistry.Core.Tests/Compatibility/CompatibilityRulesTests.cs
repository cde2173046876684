using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Core.Tests.Compatibility;

public sealed class CompatibilityRulesTests
{
    private static SchemaDiff With(bool? backward, bool? forward) =>
        new([new SchemaChange(ChangeKind.Unknown, "", null, null, backward, forward, "test", null)]);

    [Theory]
    [InlineData(CompatibilityMode.None, true, false, true)]
    [InlineData(CompatibilityMode.None, false, false, true)]
    [InlineData(CompatibilityMode.Backward, true, false, true)]
    [InlineData(CompatibilityMode.Backward, false, true, false)]
    [InlineData(CompatibilityMode.BackwardTransitive, true, false, true)]
    [InlineData(CompatibilityMode.BackwardTransitive, false, true, false)]
    [InlineData(CompatibilityMode.Forward, false, true, true)]
    [InlineData(CompatibilityMode.Forward, true, false, false)]
    [InlineData(CompatibilityMode.ForwardTransitive, false, true, true)]
    [InlineData(CompatibilityMode.ForwardTransitive, true, false, false)]
    [InlineData(CompatibilityMode.Full, true, true, true)]
    [InlineData(CompatibilityMode.Full, true, false, false)]
    [InlineData(CompatibilityMode.Full, false, true, false)]
    [InlineData(CompatibilityMode.FullTransitive, true, true, true)]
    [InlineData(CompatibilityMode.FullTransitive, false, true, false)]
    public void Each_mode_checks_the_matching_direction(CompatibilityMode mode, bool backward, bool forward, bool expected) =>
        Assert.Equal(expected, CompatibilityRules.IsCompatible(With(backward, forward), mode));

    [Theory]
    [InlineData(CompatibilityMode.Backward)]
    [InlineData(CompatibilityMode.Forward)]
    [InlineData(CompatibilityMode.Full)]
    public void An_unproven_verdict_counts_as_incompatible(CompatibilityMode mode) =>
        Assert.False(CompatibilityRules.IsCompatible(With(null, null), mode));

    [Fact]
    public void An_empty_diff_is_compatible_in_every_mode()
    {
        var diff = new SchemaDiff([]);
        Assert.All(Enum.GetValues<CompatibilityMode>(), mode => Assert.True(CompatibilityRules.IsCompatible(diff, mode)));
    }

    [Fact]
    public void An_unknown_mode_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CompatibilityRules.IsCompatible(new SchemaDiff([]), (CompatibilityMode)99));
}
