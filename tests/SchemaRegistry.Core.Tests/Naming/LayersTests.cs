using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class LayersTests
{
    [Fact]
    public void Default_layers_are_extractor_raw_gdp_and_kpi()
    {
        Assert.Equal(["extractor", "gdp", "kpi", "raw"], Layers.Default.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("extractor", true)]
    [InlineData("raw", true)]
    [InlineData("gdp", true)]
    [InlineData("kpi", true)]
    [InlineData("GDP", false)]
    [InlineData("silver", false)]
    [InlineData("", false)]
    public void Contains_matches_configured_names_exactly(string layer, bool expected)
    {
        Assert.Equal(expected, Layers.Default.Contains(layer));
    }

    [Fact]
    public void Configuring_no_layer_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Layers([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Gold")]
    [InlineData("gold.silver")]
    [InlineData("1st")]
    [InlineData("go ld")]
    public void Configuring_an_invalid_layer_name_is_refused(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Layers(["raw", name]));

        Assert.Equal("names", ex.ParamName);
    }

    [Fact]
    public void Duplicate_layer_names_collapse_into_one()
    {
        var layers = new Layers(["raw", "raw", "gold"]);

        Assert.Equal(2, layers.Names.Count);
    }
}
