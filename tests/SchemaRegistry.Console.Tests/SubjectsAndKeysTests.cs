using Microsoft.Playwright;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SubjectsAndKeysTests(Browsers browsers) : IAsyncLifetime
{
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Subjects_are_found_by_field_owner_tag_and_state_and_paginated()
    {
        using (var admin = _server.Client())
        {
            for (var i = 0; i < 55; i++)
            {
                var field = i == 7 ? "invoice_region_code" : $"field_{i}";
                await admin.RegisterDocumentAsync($$$"""
                    {"fqid": "sales.raw.entity_{{{i:00}}}:v1.0", "owner": "{{{(i % 2 == 0 ? "team-even" : "team-odd")}}}", "description": "Entity {{{i}}}",
                     "tags": {"pii": "{{{(i < 3 ? "yes" : "no")}}}"},
                     "payload": {"type": "object", "properties": {"header": {"type": "object", "properties": {"{{{field}}}": {"type": "string"} } } } } }
                    """);
            }
            await admin.ValidateAsync("sales.raw.entity_03:v1.0");
        }
        // Changes after the first search must show (the index follows registrations).
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "subjects-search");
        await console.SignInAsync(ConsoleServer.AdminToken, "/ui/subjects");
        Assert.Contains("55 subjects found; page 1 of 2", await console.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await console.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await console.Page.WaitForURLAsync("**page=2");
        await console.CheckAsync("page-2");
        Assert.Equal(5, await console.Page.Locator("tbody tr").CountAsync());

        await console.GotoAsync("/ui/subjects");
        await console.Page.GetByLabel("Field name").FillAsync("invoice_region_code");
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();
        await console.Page.WaitForURLAsync("**field=invoice_region_code**");
        await console.CheckAsync("field-search");
        Assert.Equal(1, await console.Page.Locator("tbody tr").CountAsync());
        Assert.Contains("header.invoice_region_code", await console.Page.Locator("tbody tr").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("sales.raw.entity_07", await console.Page.Locator("tbody tr").InnerTextAsync(), StringComparison.Ordinal);

        await console.GotoAsync("/ui/subjects?owner=team-odd&tag=pii%3Dyes");
        Assert.Equal(1, await console.Page.Locator("tbody tr").CountAsync());
        await console.GotoAsync("/ui/subjects?state=validated");
        Assert.Contains("sales.raw.entity_03", await console.Page.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await console.Page.Locator("tbody tr").CountAsync());

        using (var admin = _server.Client())
        {
            await admin.RegisterDocumentAsync("""
                {"fqid": "sales.raw.late:v1.0", "owner": "team-late", "description": "Late",
                 "payload": {"type": "object", "properties": {"invoice_region_code": {"type": "string"}}}}
                """);
        }
        await console.GotoAsync("/ui/subjects?field=invoice_region_code");
        Assert.Equal(2, await console.Page.Locator("tbody tr").CountAsync());

        await console.GotoAsync("/ui/");
        Assert.Contains("Service levels, last hour", await console.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await console.Page.Locator(".tiles").Nth(1).Locator(".tile").CountAsync());
    }

    [Fact]
    public async Task An_admin_creates_a_key_sees_its_secret_once_and_revokes_it()
    {
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "keys");
        await console.SignInAsync(ConsoleServer.AdminToken, "/ui/keys");
        await console.Page.GetByLabel("Name").FillAsync("ops-person");
        await console.Page.GetByLabel("Role").SelectOptionAsync("ops-engineer");
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create key" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Status).WaitForAsync();
        await console.CheckAsync("created");
        var secret = await console.Page.GetByLabel("Secret of ops-person").InputValueAsync();
        Assert.NotEmpty(secret);

        await console.GotoAsync("/ui/keys");
        Assert.DoesNotContain(secret, await console.Page.ContentAsync(), StringComparison.Ordinal);

        using (var http = new ConsoleHttp(_server))
        {
            using var signedIn = await http.SignInAsync(secret);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke ops-person" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "revoked" }).WaitForAsync();
        await console.CheckAsync("revoked");
        using (var http = new ConsoleHttp(_server))
        {
            using var refused = await http.SignInAsync(secret);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("was revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
