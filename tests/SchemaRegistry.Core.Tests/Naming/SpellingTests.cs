using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class SpellingTests
{
    private static readonly string[] EventTypes = ["SchemaPublished", "SchemaPushed", "SchemaDeprecated", "RunStarted", "ValidationFailed"];

    [Theory]
    [InlineData("SchemaPublishd", "SchemaPublished")]
    [InlineData("schemapublished", "SchemaPublished")]
    [InlineData("SchemaPublsihed", "SchemaPublished")]
    [InlineData("RunStart", "RunStarted")]
    [InlineData("Deprecated", "SchemaDeprecated")]
    public void The_closest_known_name_comes_first(string misspelt, string expected) =>
        Assert.Equal(expected, Spelling.Closest(misspelt, EventTypes)[0]);

    [Theory]
    [InlineData("Shipped")]
    [InlineData("xyz")]
    [InlineData("")]
    public void A_name_close_to_nothing_gets_no_suggestion(string misspelt)
    {
        Assert.Empty(Spelling.Closest(misspelt, EventTypes));
        Assert.Equal("", Spelling.DidYouMean(misspelt, EventTypes));
    }

    [Fact]
    public void Short_names_allow_one_edit_and_swapped_neighbours_count_as_one()
    {
        Assert.Equal(["list"], Spelling.Closest("lsit", ["list", "edit", "get"]));
        Assert.Equal(" Did you mean compatibility?", Spelling.DidYouMean("compatiblity", ["fqid", "owner", "compatibility", "description"]));
        Assert.Equal(" Did you mean finance.gdp.invoice or finance.gdp.invoices?",
            Spelling.DidYouMean("finance.gdp.invoce", ["finance.gdp.invoice", "finance.gdp.invoices", "sales.raw.order"]));
    }
}
