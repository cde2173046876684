using SchemaRegistry.Ui.Http;

namespace SchemaRegistry.Ui.Tests;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/ui/subjects", "/ui/subjects")]
    [InlineData("/ui/schemas/finance.gdp.invoice:v1.0?tab=x", "/ui/schemas/finance.gdp.invoice:v1.0?tab=x")]
    [InlineData("/ui", "/ui")]
    [InlineData("/ui?x=1", "/ui?x=1")]
    [InlineData(null, "/ui/")]
    [InlineData("", "/ui/")]
    [InlineData("https://evil.example/ui/", "/ui/")]
    [InlineData("//evil.example/ui/", "/ui/")]
    [InlineData("/ui//evil.example", "/ui/")]
    [InlineData("/ui/\\evil.example", "/ui/")]
    [InlineData("/\\evil.example", "/ui/")]
    [InlineData("/uix", "/ui/")]
    [InlineData("/healthz", "/ui/")]
    [InlineData("javascript:alert(1)", "/ui/")]
    [InlineData("/ui/\r\nLocation: https://evil.example", "/ui/")]
    public void Only_console_paths_are_followed(string? url, string expected) =>
        Assert.Equal(expected, ReturnUrl.Safe(url));
}
