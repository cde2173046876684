using System.Net;
using Microsoft.Playwright;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests;

/// <summary>The governance journey in a real browser, with the roles and the hostile input the issue asks for.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(Browsers browsers) : IAsyncLifetime
{
    private const string Hostile = "<script>alert('desc')</script><img src=x onerror=alert('img')>";
    private const string Fqid = "finance.gdp.invoice:v1.0";

    private static readonly string Document = $$$"""
        {"fqid": "{{{Fqid}}}", "owner": "finance-data", "description": "Invoices {{{Hostile.Replace("'", "\\u0027", StringComparison.Ordinal)}}}",
         "payload": {"type": "object", "required": ["invoice_id"], "description": "<script>alert('payload')</script>",
           "properties": {"invoice_id": {"type": "string"}, "billing": {"type": "object", "properties": {"invoice_region_code": {"type": "string"} } } } } }
        """;

    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Register_validate_submit_second_admin_approves_by_keyboard_publish_deprecate()
    {
        await using var author = await ConsolePage.OpenAsync(browsers, _server, "journey-author");
        await author.SignInAsync(ConsoleServer.AdminToken);
        await author.GotoAsync("/ui/register");
        await author.Page.GetByLabel("Schema document").FillAsync(Document);
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register" }).ClickAsync();
        await author.Page.WaitForURLAsync("**/ui/schemas/" + Fqid);
        await author.CheckAsync("registered");
        Assert.Contains("Invoices " + Hostile, await author.Page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>alert('payload')</script>", await author.Page.Locator(".json").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await author.Page.Locator("main script, main img").CountAsync());

        await ClickAsync(author, "Validate", "Validated.");
        await ClickAsync(author, "Submit for approval", "Submitted for approval.");
        Assert.Contains("pending approval", await author.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // Four eyes: the submitter's own approval is refused with the server's code, in words.
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await author.Page.WaitForLoadStateAsync(LoadState.Load);
        await author.CheckAsync("own-approval-refused");
        Assert.Contains("VAL-1203", await author.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        var second = await _server.KeyAsync("second-admin", "schema-admin");
        await using (var approver = await ConsolePage.OpenAsync(browsers, _server, "journey-approver"))
        {
            await approver.SignInAsync(second, "/ui/schemas/" + Fqid);
            Assert.Equal("/ui/schemas/" + Fqid, approver.PathAndQuery);
            // Keyboard only: tab to the comment, type, tab to its button, press Enter.
            await TabToAsync(approver.Page, "approve-comment");
            await approver.Page.Keyboard.TypeAsync("Looks right to me");
            await approver.Page.Keyboard.PressAsync("Tab");
            Assert.Equal("Approve", await approver.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            await approver.Page.Keyboard.PressAsync("Enter");
            await approver.Page.GetByRole(AriaRole.Status).WaitForAsync();
            await approver.CheckAsync("approved");
            Assert.Equal("Approved.", await approver.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        }

        await author.GotoAsync("/ui/schemas/" + Fqid);
        await ClickAsync(author, "Publish", "Published.");
        Assert.Contains("published", await author.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await author.Page.GetByLabel("Deprecation note").FillAsync("Replaced by v2");
        await ClickAsync(author, "Deprecate", "Deprecated.");

        await author.GotoAsync("/ui/subjects/finance.gdp.invoice");
        var timeline = await author.Page.Locator("ol.timeline").InnerTextAsync();
        foreach (var action in new[] { "register", "validate", "submit", "approve", "publish", "deprecate" })
        {
            Assert.Contains(action, timeline, StringComparison.Ordinal);
        }
        Assert.Contains("Looks right to me", timeline, StringComparison.Ordinal);
        Assert.Contains("second-admin", timeline, StringComparison.Ordinal);

        Assert.Empty(author.Dialogs);
        Assert.Empty(author.PageErrors);
    }

    [Fact]
    public async Task A_reader_sees_no_action_and_a_forged_form_post_is_refused_with_AUTH_1002()
    {
        using (var admin = _server.Client())
        {
            await admin.RegisterDocumentAsync(Document);
        }
        var reader = await _server.KeyAsync("reader-1", "reader");
        await using (var console = await ConsolePage.OpenAsync(browsers, _server, "reader-view"))
        {
            await console.SignInAsync(reader, "/ui/schemas/" + Fqid);
            Assert.Equal(0, await console.Page.Locator(".actions button, .actions form").CountAsync());
            Assert.Contains("has nothing to do", await console.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await console.GotoAsync("/ui/keys");
            Assert.Contains("AUTH-1002", await console.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await console.Page.Locator("form").Filter(new LocatorFilterOptions { HasText = "Create key" }).CountAsync());
            Assert.Empty(console.Dialogs);
        }

        using var http = new ConsoleHttp(_server);
        using (await http.SignInAsync(reader))
        {
        }
        foreach (var (path, form, fields) in new (string, string, Dictionary<string, string>)[]
        {
            ("/ui/schemas/" + Fqid, "validate", []),
            ("/ui/schemas/" + Fqid, "deprecate", new() { ["comment"] = "forged" }),
            ("/ui/keys", "create", new() { ["name"] = "forged", ["role"] = "schema-admin" }),
            ("/ui/register", "register", new() { ["document"] = Document }),
        })
        {
            using var forged = await http.PostFormAsync(path, form, fields);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("AUTH-1002", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var admin2 = _server.Client();
        Assert.Equal("draft", (await admin2.GetAsync(Fqid)).State);
        Assert.DoesNotContain((await admin2.ListKeysAsync()).Keys, k => k.Name == "forged");
    }

    private static async Task ClickAsync(ConsolePage console, string button, string outcome)
    {
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = button, Exact = true }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = outcome }).WaitForAsync();
        await console.CheckAsync(button);
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
        }
        throw new InvalidOperationException($"Tabbing never reached #{id}.");
    }
}
