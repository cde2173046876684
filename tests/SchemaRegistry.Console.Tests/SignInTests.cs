using Microsoft.Playwright;
using SchemaRegistry.Ui.Components.Layout;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(Browsers browsers) : IAsyncLifetime
{
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_admin_signs_in_returns_to_the_page_asked_for_and_sees_every_console_page_in_the_navigation()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "sign-in-admin");
        await console.GotoAsync("/ui/subjects");
        Assert.Equal("/ui/signin?returnUrl=%2Fui%2Fsubjects", console.PathAndQuery);
        await console.SignInAsync(ConsoleServer.AdminToken, "/ui/");
        Assert.Equal("/ui/", console.PathAndQuery);
        var nav = console.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Console" });
        foreach (var link in ConsoleNavigation.Links)
        {
            Assert.Equal(link.Href, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = link.Title, Exact = true }).GetAttributeAsync("href"));
        }
        Assert.Equal("page", await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Overview" }).GetAttributeAsync("aria-current"));
        Assert.Empty(console.PageErrors);
    }

    [Fact]
    public async Task A_reader_sees_no_link_to_keys_or_audit()
    {
        var reader = await _server.KeyAsync("reader-1", "reader");
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "sign-in-reader");
        await console.SignInAsync(reader);
        var nav = console.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Console" });
        Assert.Equal(1, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Subjects" }).CountAsync());
        Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Keys" }).CountAsync());
        Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Audit" }).CountAsync());
    }

    [Fact]
    public async Task A_wrong_key_shows_the_error_in_words_with_its_code()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "sign-in-wrong-key");
        await console.SignInAsync("sr_wrong_0000000000000000000000000");
        Assert.Equal("/ui/signin", new Uri(console.Page.Url).AbsolutePath);
        var alert = console.Page.GetByRole(AriaRole.Alert);
        Assert.Contains("AUTH-1001", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("The API key is not known.", await alert.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_open_redirect_after_sign_in()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "sign-in-open-redirect");
        await console.SignInAsync(ConsoleServer.AdminToken, "//evil.example/ui/");
        Assert.Equal(_server.Origin + "/ui/", console.Page.Url);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "sign-out");
        await console.SignInAsync(ConsoleServer.AdminToken);
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await console.Page.WaitForURLAsync("**/ui/signin");
        await console.CheckAsync();
        await console.GotoAsync("/ui/");
        Assert.StartsWith("/ui/signin", console.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_runs_under_its_own_csp_without_violations()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "csp", bypassCsp: false);
        var violations = new List<string>();
        console.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await console.SignInAsync(ConsoleServer.AdminToken);
        Assert.Equal("/ui/", console.PathAndQuery);
        foreach (var link in ConsoleNavigation.Links.Take(2))
        {
            await console.GotoAsync(link.Href);
        }
        Assert.Empty(violations);
        // Every linked stylesheet loaded under the CSP (the operations pages add a second one).
        var sheets = await console.Page.EvaluateAsync<int[]>("() => [document.styleSheets.length, document.querySelectorAll('link[rel=stylesheet]').length]");
        Assert.True(sheets[1] >= 1 && sheets[0] == sheets[1], $"{sheets[0]} of {sheets[1]} stylesheets loaded");
    }
}
