using System.Net;
using Microsoft.Playwright;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests.Oidc;

/// <summary>The console's OIDC sign-in against a real provider (node's oidc-provider) on loopback, in Debian's chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnTests(Browsers browsers) : IAsyncLifetime
{
    private const string Fqid = "finance.gdp.invoice:v1.0";
    private const string Document = """
        {"fqid": "finance.gdp.invoice:v1.0", "owner": "finance-data", "description": "Invoices",
         "payload": {"type": "object", "properties": {"invoice_id": {"type": "string"}}}}
        """;

    private OidcProvider _idp = null!;

    private ConsoleServer Server => _idp.Server;

    public async Task InitializeAsync() => _idp = await OidcProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task An_sso_approver_approves_what_another_sso_user_submitted_and_the_ledger_names_both()
    {
        await using var alice = await ConsolePage.OpenAsync(browsers, Server, "sso-four-eyes-author");
        await alice.SsoSignInAsync("alice", "/ui/register");
        Assert.Equal("/ui/register", alice.PathAndQuery);
        Assert.Contains("alice@example.test", await alice.Page.Locator("header .who").InnerTextAsync(), StringComparison.Ordinal);
        await alice.Page.GetByLabel("Schema document").FillAsync(Document);
        await alice.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register" }).ClickAsync();
        await alice.Page.WaitForURLAsync("**/ui/schemas/" + Fqid);
        await ClickAsync(alice, "Validate", "Validated.");
        await ClickAsync(alice, "Submit for approval", "Submitted for approval.");
        await alice.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve", Exact = true }).ClickAsync();
        await alice.Page.WaitForLoadStateAsync(LoadState.Load);
        await alice.CheckAsync("own-approval-refused");
        Assert.Contains("VAL-1203", await alice.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        await using (var bob = await ConsolePage.OpenAsync(browsers, Server, "sso-four-eyes-approver"))
        {
            // bob's roles claim holds "Schema-Admin" and "reader": matched ignoring case, the most privileged wins.
            await bob.SsoSignInAsync("bob", "/ui/schemas/" + Fqid);
            Assert.Equal("/ui/schemas/" + Fqid, bob.PathAndQuery);
            Assert.Contains("schema-admin", await bob.Page.Locator("header .who").InnerTextAsync(), StringComparison.Ordinal);
            await ClickAsync(bob, "Approve", "Approved.");
        }

        using var admin = Server.Client();
        Assert.Equal("approved", (await admin.GetAsync(Fqid)).State);
        var ledger = (await admin.ListAuditAsync()).Where(e => e.Target.Contains(Fqid, StringComparison.Ordinal)).ToList();
        // The ledger records principal ids, oidc:{iss}:{sub} as for the same person's bearer token on the API; the
        // timeline shows the names.
        Assert.Contains(ledger, e => e.Action == "SchemaSubmitted" && e.Principal == $"oidc:{_idp.Issuer}:alice");
        Assert.Contains(ledger, e => e.Action == "SchemaApproved" && e.Principal == $"oidc:{_idp.Issuer}:bob");
        await alice.GotoAsync("/ui/subjects/finance.gdp.invoice");
        var timeline = await alice.Page.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("alice@example.test", timeline, StringComparison.Ordinal);
        Assert.Contains("bob@example.test", timeline, StringComparison.Ordinal);
        Assert.Empty(alice.PageErrors);
    }

    [Fact]
    public async Task A_reader_account_sees_no_action()
    {
        using (var admin = Server.Client())
        {
            await admin.RegisterDocumentAsync(Document);
        }
        await using var rita = await ConsolePage.OpenAsync(browsers, Server, "sso-reader");
        await rita.SsoSignInAsync("rita", "/ui/schemas/" + Fqid);
        Assert.Equal("/ui/schemas/" + Fqid, rita.PathAndQuery);
        Assert.Contains("reader", await rita.Page.Locator("header .who").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await rita.Page.Locator(".actions button, .actions form").CountAsync());
        var nav = rita.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Console" });
        Assert.Equal(1, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Subjects" }).CountAsync());
        Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Keys" }).CountAsync());
    }

    [Fact]
    public async Task An_account_whose_claims_map_to_no_role_is_refused_with_AUTH_1002_and_no_session()
    {
        await using var nora = await ConsolePage.OpenAsync(browsers, Server, "sso-no-role");
        await nora.SsoSignInAsync("nora", "/ui/subjects");
        var refusal = nora.Page.Url;
        Assert.Equal("/ui/signin", new Uri(refusal).AbsolutePath);
        var alert = await nora.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("AUTH-1002", alert, StringComparison.Ordinal);
        Assert.Contains("nora@example.test", alert, StringComparison.Ordinal);
        Assert.Contains("maps to no registry role", alert, StringComparison.Ordinal);
        Assert.Contains("'marketing'", alert, StringComparison.Ordinal);
        Assert.DoesNotContain(await nora.CookiesAsync(), c => c.Name == "schemareg.session");
        await nora.GotoAsync("/ui/subjects");
        Assert.StartsWith("/ui/signin", nora.PathAndQuery, StringComparison.Ordinal);

        // The refusal page answers 403; a refusal the server did not protect itself shows nothing.
        using var http = Server.Http();
        using var refused = await http.GetAsync(refusal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var forged = await http.GetAsync("/ui/signin?refused=" + Uri.EscapeDataString("CfDJ8forged"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.DoesNotContain("role=\"alert\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_with_a_tampered_state_is_refused_and_the_genuine_one_then_signs_in()
    {
        await using var alice = await ConsolePage.OpenAsync(browsers, Server, "sso-tampered-state");
        var callback = await alice.CallbackUrlAsync("alice");
        Assert.StartsWith(Server.Origin + "/ui/signin-oidc?", callback, StringComparison.Ordinal);
        var state = System.Web.HttpUtility.ParseQueryString(new Uri(callback).Query)["state"]!;
        var flipped = state[..20] + (state[20] == 'A' ? 'B' : 'A') + state[21..];
        await alice.GotoAsync(callback.Replace("state=" + state, "state=" + flipped, StringComparison.Ordinal));
        Assert.Equal("/ui/signin", new Uri(alice.Page.Url).AbsolutePath);
        Assert.Contains("AUTH-1001", await alice.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await alice.CookiesAsync(), c => c.Name == "schemareg.session");

        // Only until the response commits: the hand-over page's refresh may start before its load event would fire.
        await alice.Page.GotoAsync(callback, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await alice.Page.WaitForURLAsync(url => !url.Contains("/ui/signin/complete", StringComparison.Ordinal) && !url.Contains("/ui/signin-oidc", StringComparison.Ordinal));
        await alice.Page.WaitForLoadStateAsync(LoadState.Load);
        await alice.CheckAsync();
        Assert.Equal("/ui/", alice.PathAndQuery);
        Assert.Contains("alice@example.test", await alice.Page.Locator("header .who").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_open_redirect_after_single_sign_on()
    {
        await using var alice = await ConsolePage.OpenAsync(browsers, Server, "sso-open-redirect");
        await alice.SsoSignInAsync("alice", "//evil.example/ui/");
        Assert.Equal(Server.Origin + "/ui/", alice.Page.Url);

        using var http = Server.Http();
        foreach (var hostile in new[] { "https://evil.example/ui/", "//evil.example", "/\\evil.example" })
        {
            var html = await http.GetStringAsync("/ui/signin/complete?returnUrl=" + Uri.EscapeDataString(hostile));
            Assert.Contains("content=\"0;url=/ui/\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("evil", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sso_session_cookie_is_the_console_session_and_the_new_pages_pass_axe()
    {
        await using var alice = await ConsolePage.OpenAsync(browsers, Server, "sso-cookie");
        await alice.SsoSignInAsync("alice", "/ui/subjects");
        // Landing signed in proves the same-site step: chromium withholds a SameSite=Strict cookie on redirects that
        // began at the provider (another site).
        Assert.Equal("/ui/subjects", alice.PathAndQuery);
        var cookies = await alice.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "schemareg.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal("/ui", session.Path);
        Assert.False(session.Secure);
        var expires = DateTimeOffset.FromUnixTimeSeconds((long)session.Expires);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(470), DateTimeOffset.UtcNow.AddMinutes(481));
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith(".AspNetCore.Correlation", StringComparison.Ordinal) || c.Name.StartsWith(".AspNetCore.OpenIdConnect.Nonce", StringComparison.Ordinal));

        // The hand-over page moves on by itself; axe checks it with its refresh taken out.
        await alice.Page.RouteAsync("**/ui/signin/complete*", async route =>
        {
            var response = await route.FetchAsync();
            var body = (await response.TextAsync()).Replace("http-equiv=\"refresh\"", "data-refresh", StringComparison.Ordinal);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body });
        });
        await alice.GotoAsync("/ui/signin/complete?returnUrl=%2Fui%2Fsubjects");
        Assert.Equal("Continue to the console", await alice.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Continue to the console" }).InnerTextAsync());
    }

    private static async Task ClickAsync(ConsolePage console, string button, string outcome)
    {
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = button, Exact = true }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = outcome }).WaitForAsync();
        await console.CheckAsync(button);
    }
}
