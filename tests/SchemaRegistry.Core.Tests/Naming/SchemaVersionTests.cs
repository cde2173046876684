using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests.Naming;

public sealed class SchemaVersionTests
{
    [Theory]
    [InlineData("v0.0", 0, 0)]
    [InlineData("v1.2", 1, 2)]
    [InlineData("v10.0", 10, 0)]
    [InlineData("v0.10", 0, 10)]
    [InlineData("v999999.999999", 999999, 999999)]
    public void Valid_version_is_parsed(string text, int major, int minor)
    {
        Assert.True(SchemaVersion.TryParse(text, out var version));

        Assert.Equal(new SchemaVersion(major, minor), version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("v1")]
    [InlineData("v12")]
    [InlineData("v123")]
    [InlineData("v1.")]
    [InlineData("v.1")]
    [InlineData("1.2")]
    [InlineData("V1.2")]
    [InlineData("v01.2")]
    [InlineData("v1.02")]
    [InlineData("v00.0")]
    [InlineData("v1.2.3")]
    [InlineData("v-1.2")]
    [InlineData("v+1.2")]
    [InlineData("v1.+2")]
    [InlineData("v1 .2")]
    [InlineData("v1.2 ")]
    [InlineData("v1,2")]
    [InlineData("v1e2.0")]
    [InlineData("v1234567.0")]
    [InlineData("v0.1234567")]
    [InlineData("v\uff11.2")]
    [InlineData("v\u0661.\u0662")]
    [InlineData("v1.2\0")]
    public void Invalid_version_is_refused(string text)
    {
        Assert.False(SchemaVersion.TryParse(text, out var version));

        Assert.Null(version);
    }

    [Theory]
    [InlineData(0, 0, "v0.0")]
    [InlineData(1, 2, "v1.2")]
    [InlineData(12, 345, "v12.345")]
    public void Version_prints_as_v_major_dot_minor(int major, int minor, string expected)
    {
        Assert.Equal(expected, new SchemaVersion(major, minor).ToString());
    }

    [Theory]
    [InlineData(1, 9, 1, 10)]
    [InlineData(1, 99, 2, 0)]
    [InlineData(0, 0, 0, 1)]
    [InlineData(9, 0, 10, 0)]
    public void Versions_compare_numerically_major_first(int lowMajor, int lowMinor, int highMajor, int highMinor)
    {
        var low = new SchemaVersion(lowMajor, lowMinor);
        var high = new SchemaVersion(highMajor, highMinor);

        Assert.True(low.CompareTo(high) < 0);
        Assert.True(high.CompareTo(low) > 0);
        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= high);
        Assert.True(high >= low);
        Assert.False(low > high);
        Assert.False(high < low);
        Assert.False(low >= high);
        Assert.False(high <= low);
    }

    [Fact]
    public void Equal_versions_compare_as_equal()
    {
        var a = new SchemaVersion(3, 4);
        var b = new SchemaVersion(3, 4);

        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a <= b);
        Assert.True(a >= b);
        Assert.False(a < b);
        Assert.False(a > b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Sorting_orders_versions_numerically_not_textually()
    {
        var versions = new[] { "v1.10", "v2.0", "v1.9", "v10.0", "v1.0", "v0.99" }
            .Select(t => SchemaVersion.TryParse(t, out var v) ? v.Value : throw new InvalidOperationException(t))
            .Order()
            .Select(v => v.ToString());

        Assert.Equal(["v0.99", "v1.0", "v1.9", "v1.10", "v2.0", "v10.0"], versions);
    }
}
