using System.Net;
using SchemaRegistry.Ui.Http;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests;

/// <summary>The session, antiforgery, CSP and redirects over plain HTTP, as a browser or an attacker sends them.</summary>
public sealed class SessionSecurityTests : IAsyncLifetime
{
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_page_without_a_session_redirects_to_sign_in_with_a_local_return_url()
    {
        using var http = _server.Http();
        using var response = await http.GetAsync(new Uri("/ui/subjects?q=invoice", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/signin?returnUrl=%2Fui%2Fsubjects%3Fq%3Dinvoice", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_api_key_header_does_not_open_the_console()
    {
        using var http = _server.Http();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ConsoleServer.AdminToken);
        using var response = await http.GetAsync(new Uri("/ui/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_sets_an_httponly_strict_expiring_session_cookie_and_follows_only_local_return_urls()
    {
        using var console = new ConsoleHttp(_server);
        using var signedIn = await console.SignInAsync(ConsoleServer.AdminToken, "https://evil.example/ui/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(_server.Origin + "/ui/", new Uri(_server.BaseAddress, signedIn.Headers.Location!).ToString());
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("schemareg.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/ui", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase); // plain HTTP on loopback; Secure under HTTPS

        using var overview = await console.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("admin", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_the_catalog_code_and_no_session()
    {
        using var console = new ConsoleHttp(_server);
        using var refused = await console.SignInAsync("sr_not_a_key_at_all_0000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("AUTH-1001", html, StringComparison.Ordinal);
        Assert.Contains("The API key is not known.", html, StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("schemareg.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var console = new ConsoleHttp(_server);
        using var forged = await console.PostFormAsync("/ui/signin", "signin",
            new Dictionary<string, string> { ["key"] = ConsoleServer.AdminToken, ["returnUrl"] = "/ui/" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("schemareg.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_revoked_key_ends_its_console_session()
    {
        var secret = await _server.KeyAsync("short-lived", "reader");
        using var console = new ConsoleHttp(_server);
        using (await console.SignInAsync(secret))
        {
        }
        using (var before = await console.GetAsync("/ui/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        using var admin = _server.Client();
        var keys = await admin.ListKeysAsync();
        await admin.RevokeKeyAsync(keys.Keys.Single(k => k.Name == "short-lived").Id);
        using var after = await console.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/ui/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ui/signin")]
    [InlineData("/ui/")]
    [InlineData("/ui/no-such-page")]
    [InlineData("/ui/subjects/<script>alert(1)</script>/x")]
    public async Task Every_console_response_carries_a_csp_without_inline_scripts(string path)
    {
        using var console = new ConsoleHttp(_server);
        using (await console.SignInAsync(ConsoleServer.AdminToken))
        {
        }
        using var response = await console.GetAsync(path);
        Assert.Equal(path.StartsWith("/ui/no-such", StringComparison.Ordinal) || path.Contains("<script>", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_assembly_with_its_hash()
    {
        using var console = new ConsoleHttp(_server);
        using var page = await console.GetAsync("/ui/signin");
        var html = await page.Content.ReadAsStringAsync();
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/ui/assets/console.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEmpty(href);
        using var css = await console.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }
}
