using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class SchemaSelectorTests
{
    private static readonly Layers DefaultLayers = Layers.Default;
    private static readonly SubjectName Invoice = new("finance", "gdp", "invoice");

    [Fact]
    public void Latest_selects_the_subject_without_a_major()
    {
        Assert.True(SchemaSelector.TryParse("finance.gdp.invoice:latest", DefaultLayers, out var selector, out var error), error);

        Assert.Equal(Invoice, selector.Subject);
        Assert.Null(selector.Exact);
        Assert.Null(selector.Major);
        Assert.True(selector.IsAlias);
    }

    [Theory]
    [InlineData("finance.gdp.invoice:v0", 0)]
    [InlineData("finance.gdp.invoice:v1", 1)]
    [InlineData("finance.gdp.invoice:v12", 12)]
    [InlineData("finance.gdp.invoice:v100", 100)]
    [InlineData("finance.gdp.invoice:v999999", 999999)]
    public void Major_alias_selects_the_subject_and_the_major(string text, int major)
    {
        Assert.True(SchemaSelector.TryParse(text, DefaultLayers, out var selector, out var error), error);

        Assert.Equal(Invoice, selector.Subject);
        Assert.Null(selector.Exact);
        Assert.Equal(major, selector.Major);
        Assert.True(selector.IsAlias);
    }

    [Fact]
    public void Exact_version_selects_an_fqid_and_is_not_an_alias()
    {
        Assert.True(SchemaSelector.TryParse("finance.gdp.invoice:v1.2", DefaultLayers, out var selector, out var error), error);

        Assert.Equal(new Fqid(Invoice, new SchemaVersion(1, 2)), selector.Exact);
        Assert.Null(selector.Major);
        Assert.False(selector.IsAlias);
    }

    [Theory]
    [InlineData("finance.gdp.invoice:latest")]
    [InlineData("finance.gdp.invoice:v1")]
    [InlineData("finance.gdp.invoice:v1.2")]
    [InlineData("finance.gdp.invoice:v0.0")]
    public void Selector_prints_back_to_the_text_it_was_parsed_from(string text)
    {
        Assert.True(SchemaSelector.TryParse(text, DefaultLayers, out var selector, out _));

        Assert.Equal(text, selector.ToString());
    }

    [Theory]
    [InlineData("finance.gdp.invoice")]
    [InlineData("finance.gdp.invoice:")]
    [InlineData("finance.gdp.invoice:v")]
    [InlineData("finance.gdp.invoice:v01")]
    [InlineData("finance.gdp.invoice:v00")]
    [InlineData("finance.gdp.invoice:v-1")]
    [InlineData("finance.gdp.invoice:v1x")]
    [InlineData("finance.gdp.invoice:vv1")]
    [InlineData("finance.gdp.invoice:1")]
    [InlineData("finance.gdp.invoice:v1234567")]
    [InlineData("finance.gdp.invoice:latest ")]
    [InlineData("finance.gdp.invoice:Latest")]
    [InlineData("finance.gdp.invoice:newest")]
    [InlineData("finance.gdp.invoice:v\uff11")]
    [InlineData("finance.silver.invoice:latest")]
    [InlineData("Finance.gdp.invoice:latest")]
    [InlineData("finance/gdp/invoice:latest")]
    [InlineData("finance.gdp.invoice:latest\0")]
    public void Malformed_selector_is_refused_with_a_message(string text)
    {
        var ok = SchemaSelector.TryParse(text, DefaultLayers, out var selector, out var error);

        Assert.False(ok);
        Assert.Null(selector);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Text_without_a_colon_is_refused_as_not_an_fqid()
    {
        Assert.False(SchemaSelector.TryParse("finance.gdp.invoice", DefaultLayers, out _, out var error));

        Assert.Contains("not an FQID", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_version_is_refused_with_the_version_named()
    {
        Assert.False(SchemaSelector.TryParse("finance.gdp.invoice:v01.2", DefaultLayers, out _, out var error));

        Assert.Contains("'v01.2'", error, StringComparison.Ordinal);
    }
}
