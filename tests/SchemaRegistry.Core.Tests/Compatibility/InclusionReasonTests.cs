using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>What the inclusion engine says when it cannot decide, and that it stays sound where it does not model a keyword.</summary>
public sealed class InclusionReasonTests
{
    private static SchemaDiff Diff(string old, string @new)
    {
        using var a = JsonDocument.Parse(old);
        using var b = JsonDocument.Parse(@new);
        return SchemaDiffer.Diff(a.RootElement, b.RootElement);
    }

    [Fact]
    public void Two_different_patterns_stay_unknown_and_say_why()
    {
        var change = Assert.Single(Diff("""{"type":"string","pattern":"^a+$"}""", """{"type":"string","pattern":"^a*$"}""").Changes);
        Assert.Null(change.Backward);
        Assert.Contains("pattern against pattern", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dynamic_reference_stays_unknown_and_says_why()
    {
        var diff = Diff("""{"allOf":[{"$dynamicRef":"#a"}]}""", """{"anyOf":[{"$dynamicRef":"#b"}]}""");
        Assert.False(diff.IsBackwardCompatible);
        Assert.Contains(diff.Changes, change => change.Backward is null && change.Reason.Contains("dynamic scope", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft07_content_assertion_is_not_ignored()
    {
        const string Old = """{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}""";
        const string New = """{"$schema":"http://json-schema.org/draft-07/schema#","type":"string","contentEncoding":"base64"}""";
        Assert.False(Diff(Old, New).IsBackwardCompatible);
        Assert.True(Diff(New, Old).IsBackwardCompatible);
    }

    [Fact]
    public void A_200_branch_oneOf_of_tagged_records_gaining_a_tag_is_backward_compatible()
    {
        static string Tagged(int count)
        {
            var builder = new StringBuilder("""{"oneOf":[""");
            for (var i = 0; i < count; i++)
            {
                builder.Append(i == 0 ? "" : ",").Append("""{"type":"object","required":["kind"],"properties":{"kind":{"const":"k""").Append(i).Append("\"}}}");
            }
            return builder.Append("]}").ToString();
        }
        var diff = Diff(Tagged(200), Tagged(201));
        Assert.True(diff.IsBackwardCompatible);
        Assert.False(diff.IsForwardCompatible);
    }

    [Fact]
    public void An_unproven_change_names_what_stood_in_the_way()
    {
        var change = Assert.Single(Diff(
            """{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"},{"type":"integer"},{"type":"number"}]}""").Changes);
        Assert.Null(change.Backward);
        Assert.Contains("not provably disjoint", change.Reason, StringComparison.Ordinal);
    }
}
