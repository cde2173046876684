using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class SubjectNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("finance")]
    [InlineData("order_line")]
    [InlineData("v2")]
    [InlineData("a_1_b_2_")]
    public void Lower_case_part_starting_with_a_letter_is_valid(string part)
    {
        Assert.True(SubjectName.IsValidPart(part));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1a")]
    [InlineData("_a")]
    [InlineData("A")]
    [InlineData("aB")]
    [InlineData("a-b")]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a\0")]
    [InlineData("\u0430")]
    [InlineData("caf\u00e9")]
    public void Part_with_other_characters_is_invalid(string part)
    {
        Assert.False(SubjectName.IsValidPart(part));
    }

    [Fact]
    public void Part_may_be_at_most_64_characters()
    {
        Assert.True(SubjectName.IsValidPart(new string('a', SubjectName.MaxPartLength)));
        Assert.False(SubjectName.IsValidPart(new string('a', SubjectName.MaxPartLength + 1)));
    }

    [Fact]
    public void Subject_is_parsed_into_domain_layer_and_entity()
    {
        Assert.True(SubjectName.TryParse("finance.gdp.invoice", Layers.Default, out var subject, out var error), error);

        Assert.Equal("finance", subject.Domain);
        Assert.Equal("gdp", subject.Layer);
        Assert.Equal("invoice", subject.Entity);
        Assert.Equal("finance.gdp.invoice", subject.ToString());
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("finance.gdp")]
    [InlineData("finance.gdp.invoice.line")]
    [InlineData("")]
    public void Subject_without_exactly_three_parts_is_refused(string text)
    {
        Assert.False(SubjectName.TryParse(text, Layers.Default, out var subject, out var error));

        Assert.Null(subject);
        Assert.Contains("three parts", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Finance.gdp.invoice")]
    [InlineData("finance.gdp.")]
    [InlineData("finance..invoice")]
    [InlineData("finance.gdp.in-voice")]
    public void Subject_with_a_bad_part_is_refused(string text)
    {
        Assert.False(SubjectName.TryParse(text, Layers.Default, out var subject, out var error));

        Assert.Null(subject);
        Assert.Contains("[a-z][a-z0-9_]*", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_with_an_unconfigured_layer_is_refused()
    {
        Assert.False(SubjectName.TryParse("finance.silver.invoice", Layers.Default, out var subject, out var error));

        Assert.Null(subject);
        Assert.Contains("Layer 'silver'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Printable_keeps_short_printable_text_as_is()
    {
        Assert.Equal("finance.gdp.invoice:v1.2", SubjectName.Printable("finance.gdp.invoice:v1.2"));
    }

    [Fact]
    public void Printable_replaces_control_characters_with_question_marks()
    {
        Assert.Equal("a?b?c?", SubjectName.Printable("a\0b\nc\u007f"));
    }

    [Fact]
    public void Printable_clips_text_longer_than_80_characters()
    {
        var text = new string('x', 81);

        var printable = SubjectName.Printable(text);

        Assert.Equal(new string('x', 80) + "…", printable);
    }

    [Fact]
    public void Printable_does_not_clip_text_of_exactly_80_characters()
    {
        var text = new string('x', 80);

        Assert.Equal(text, SubjectName.Printable(text));
    }
}
