using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class FqidTests
{
    private static readonly Layers DefaultLayers = Layers.Default;

    [Theory]
    [InlineData("finance.gdp.invoice:v1.2", "finance", "gdp", "invoice", 1, 2)]
    [InlineData("finance.raw.invoice:v0.0", "finance", "raw", "invoice", 0, 0)]
    [InlineData("a.kpi.b:v10.20", "a", "kpi", "b", 10, 20)]
    [InlineData("x1_.extractor.y_2:v999999.999999", "x1_", "extractor", "y_2", 999999, 999999)]
    [InlineData("sales_eu.gdp.order_line_v2:v3.0", "sales_eu", "gdp", "order_line_v2", 3, 0)]
    public void Valid_fqid_is_parsed_into_its_parts(string text, string domain, string layer, string entity, int major, int minor)
    {
        var ok = Fqid.TryParse(text, DefaultLayers, out var fqid, out var error);

        Assert.True(ok, error);
        Assert.NotNull(fqid);
        Assert.Equal(new SubjectName(domain, layer, entity), fqid.Subject);
        Assert.Equal(new SchemaVersion(major, minor), fqid.Version);
    }

    [Theory]
    [InlineData("finance.gdp.invoice:v1.2")]
    [InlineData("finance.raw.invoice:v0.0")]
    [InlineData("a.kpi.b:v10.20")]
    public void Valid_fqid_prints_back_to_the_text_it_was_parsed_from(string text)
    {
        Assert.Equal(text, Fqid.Parse(text, DefaultLayers).ToString());
    }

    [Theory]
    [InlineData("finance.gdp.invoice:latest")]
    [InlineData("finance.gdp.invoice:v1")]
    [InlineData("finance.gdp.invoice:v0")]
    [InlineData("finance.gdp.invoice:v12")]
    [InlineData("finance.gdp.invoice:v100")]
    public void Alias_is_refused_where_an_exact_version_is_required(string text)
    {
        var ok = Fqid.TryParse(text, DefaultLayers, out var fqid, out var error);

        Assert.False(ok);
        Assert.Null(fqid);
        Assert.Contains("alias", error, StringComparison.Ordinal);
    }

    [Theory]
    // shape
    [InlineData("")]
    [InlineData(":")]
    [InlineData(":v1.2")]
    [InlineData("finance.gdp.invoice")]
    [InlineData("finance.gdp.invoice:")]
    [InlineData("finance.gdp.invoice:1.2")]
    [InlineData("finance.gdp.invoice:V1.2")]
    [InlineData("finance.gdp.invoice:v1.2.3")]
    [InlineData("finance.gdp.invoice:v1.2:v1.3")]
    [InlineData("finance.gdp.invoice:v1.")]
    [InlineData("finance.gdp.invoice:v.1")]
    [InlineData("finance.gdp.invoice:v")]
    [InlineData("finance.gdp.invoice:vv1.2")]
    [InlineData("finance.gdp.invoice:Latest")]
    [InlineData("finance.gdp.invoice:LATEST")]
    [InlineData("finance.gdp:v1.2")]
    [InlineData("finance.gdp.invoice.line:v1.2")]
    // leading zeros, signs, size
    [InlineData("finance.gdp.invoice:v01.2")]
    [InlineData("finance.gdp.invoice:v1.02")]
    [InlineData("finance.gdp.invoice:v00.0")]
    [InlineData("finance.gdp.invoice:v-1.2")]
    [InlineData("finance.gdp.invoice:v+1.2")]
    [InlineData("finance.gdp.invoice:v1.-2")]
    [InlineData("finance.gdp.invoice:v1234567.0")]
    [InlineData("finance.gdp.invoice:v0.1234567")]
    // whitespace
    [InlineData(" finance.gdp.invoice:v1.2")]
    [InlineData("finance.gdp.invoice:v1.2 ")]
    [InlineData("finance.gdp.invoice :v1.2")]
    [InlineData("finance.gdp.invoice:v 1.2")]
    [InlineData("finance.gdp.invoice:v1.2\n")]
    [InlineData("finance.gdp.in voice:v1.2")]
    // unknown layer
    [InlineData("finance.silver.invoice:v1.2")]
    [InlineData("finance.bronze.invoice:v1.2")]
    // uppercase
    [InlineData("Finance.gdp.invoice:v1.2")]
    [InlineData("finance.GDP.invoice:v1.2")]
    [InlineData("finance.gdp.Invoice:v1.2")]
    [InlineData("FINANCE.GDP.INVOICE:V1.2")]
    // bad part characters
    [InlineData("1finance.gdp.invoice:v1.2")]
    [InlineData("_finance.gdp.invoice:v1.2")]
    [InlineData("fin-ance.gdp.invoice:v1.2")]
    [InlineData("finance.gdp.in$voice:v1.2")]
    // empty parts and traversal
    [InlineData("..:v1.2")]
    [InlineData(".gdp.invoice:v1.2")]
    [InlineData("finance.gdp.:v1.2")]
    [InlineData("finance..gdp.invoice:v1.2")]
    [InlineData("finance.gdp..invoice:v1.2")]
    [InlineData("../gdp.invoice:v1.2")]
    [InlineData("finance.gdp.../invoice:v1.2")]
    [InlineData("finance/gdp/invoice:v1.2")]
    [InlineData("finance.gdp.invoice/x:v1.2")]
    [InlineData("finance.gdp.inv\\oice:v1.2")]
    // NUL and control characters
    [InlineData("finance.gdp.inv\0oice:v1.2")]
    [InlineData("finance.gdp.invoice\0:v1.2")]
    [InlineData("finance.gdp.invoice:v1.2\0")]
    [InlineData("\0")]
    [InlineData("finance.gdp.invoice:v1\t.2")]
    // unicode look-alikes
    [InlineData("fin\u0430nce.gdp.invoice:v1.2")]        // Cyrillic a
    [InlineData("finance.gdp.\u0131nvoice:v1.2")]        // dotless i
    [InlineData("finance.gdp.invoic\u00e9:v1.2")]        // e acute
    [InlineData("finance.g\u0501p.invoice:v1.2")]        // Cyrillic komi de
    [InlineData("\uff46inance.gdp.invoice:v1.2")]        // fullwidth f
    [InlineData("finance\u2024gdp.invoice:v1.2")]        // one dot leader
    [InlineData("finance.gdp\uff0einvoice:v1.2")]        // fullwidth full stop
    [InlineData("finance.gdp.invoice\uff1av1.2")]        // fullwidth colon
    [InlineData("finance.gdp.invoice\u2236v1.2")]        // ratio sign
    [InlineData("finance.gdp.invoice:v\uff11.2")]        // fullwidth digit one
    [InlineData("finance.gdp.invoice:v\u0661.2")]        // Arabic-Indic digit one
    [InlineData("finance.gdp.invoice:v1\u00b72")]        // middle dot
    [InlineData("finance.gdp.invoice:\u1d20" + "1.2")]   // small capital v
    [InlineData("finance.gdp.invoice\u200b:v1.2")]       // zero width space
    [InlineData("finance.gdp.invoice:v1.2\u200d")]       // zero width joiner
    public void Invalid_fqid_is_refused_with_a_message(string text)
    {
        var ok = Fqid.TryParse(text, DefaultLayers, out var fqid, out var error);

        Assert.False(ok);
        Assert.Null(fqid);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Unknown_layer_is_refused_with_the_configured_layers_listed()
    {
        var ok = Fqid.TryParse("finance.silver.invoice:v1.2", DefaultLayers, out _, out var error);

        Assert.False(ok);
        Assert.Contains("silver", error, StringComparison.Ordinal);
        foreach (var layer in DefaultLayers.Names)
        {
            Assert.Contains(layer, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Layer_is_accepted_only_when_it_is_configured()
    {
        var custom = new Layers(["silver", "gold"]);

        Assert.True(Fqid.TryParse("finance.silver.invoice:v1.2", custom, out _, out _));
        Assert.False(Fqid.TryParse("finance.gdp.invoice:v1.2", custom, out _, out _));
    }

    [Fact]
    public void Part_of_64_characters_is_accepted_and_65_is_refused()
    {
        var longest = "e" + new string('x', 63);
        var tooLong = longest + "x";

        Assert.True(Fqid.TryParse($"finance.gdp.{longest}:v1.0", DefaultLayers, out _, out _));
        Assert.False(Fqid.TryParse($"finance.gdp.{tooLong}:v1.0", DefaultLayers, out _, out _));
    }

    [Fact]
    public void Error_message_does_not_echo_control_characters()
    {
        var ok = Fqid.TryParse("finance.gdp.inv\0oice:v1.2", DefaultLayers, out _, out var error);

        Assert.False(ok);
        Assert.DoesNotContain('\0', error);
    }

    [Fact]
    public void Error_message_does_not_echo_unbounded_input()
    {
        var huge = new string('x', 10_000);

        var ok = Fqid.TryParse(huge, DefaultLayers, out _, out var error);

        Assert.False(ok);
        Assert.True(error.Length < 300, $"error is {error.Length} characters long");
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_reason_for_invalid_text()
    {
        var ex = Assert.Throws<FormatException>(() => Fqid.Parse("finance.gdp.invoice:v01.2", DefaultLayers));

        Assert.Contains("v01.2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_FormatException_for_an_alias()
    {
        Assert.Throws<FormatException>(() => Fqid.Parse("finance.gdp.invoice:latest", DefaultLayers));
    }

    [Fact]
    public void Blob_key_is_the_path_of_the_published_definition()
    {
        var fqid = Fqid.Parse("finance.gdp.invoice:v1.2", DefaultLayers);

        Assert.Equal("schemas/finance/gdp/invoice/v1.2.json", fqid.BlobKey);
    }

    [Fact]
    public void Fqids_parsed_from_the_same_text_are_equal_and_hash_alike()
    {
        var a = Fqid.Parse("finance.gdp.invoice:v1.2", DefaultLayers);
        var b = Fqid.Parse("finance.gdp.invoice:v1.2", DefaultLayers);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("finance.gdp.invoice:v1.3")]
    [InlineData("finance.gdp.invoice:v2.2")]
    [InlineData("finance.gdp.receipt:v1.2")]
    [InlineData("finance.raw.invoice:v1.2")]
    [InlineData("sales.gdp.invoice:v1.2")]
    public void Fqids_differing_in_any_part_are_not_equal(string other)
    {
        Assert.NotEqual(Fqid.Parse("finance.gdp.invoice:v1.2", DefaultLayers), Fqid.Parse(other, DefaultLayers));
    }
}
