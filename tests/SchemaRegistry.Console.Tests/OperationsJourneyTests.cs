using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using SchemaRegistry.Client;
using SchemaRegistry.Testing;
using SchemaRegistry.Ui.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Tests;

/// <summary>
/// The operations pages in a browser: the seed's Example B from the drift inbox (propose → register → approve →
/// publish closes the case), the diff step of governance, runs, lineage, events and audit — each page checked with
/// axe and screenshotted — and what a reader sees and may post.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsJourneyTests(Browsers browsers) : IAsyncLifetime
{
    private const string Subject = InvoiceDrift.Subject;
    private const string V11 = InvoiceDrift.V11;

    private ConsoleServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;
    private string _approverKey = "";

    public async Task InitializeAsync()
    {
        _server = await ConsoleServer.StartAsync();
        _admin = _server.Client();
        _approverKey = await _server.KeyAsync("governance", "schema-admin");
        _approver = _server.Client(_approverKey);
        await InvoiceDrift.PublishV11AndPipelineAsync(_admin, _approver, "Invoices <b>after</b> GDP");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A run of the pipeline whose batch carries <c>invoice_region_code</c>, which v1.1 does not declare: its case id.</summary>
    private async Task<long> DriftedRunAsync(string runId)
    {
        using var runner = _server.Client(await _server.KeyAsync("glue-" + runId, "pipeline-runner"));
        var batch = await InvoiceDrift.SendAsync(runner, runId, InvoiceDrift.ExampleBLines);
        Assert.Equal(2L, batch.Quarantined);
        return InvoiceDrift.CaseOf(batch);
    }

    private static ILocator Button(ConsolePage console, string name) =>
        console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name });

    private static async Task<string> MainTextAsync(ConsolePage console) => await console.Page.Locator("main").InnerTextAsync();

    [Fact]
    public async Task Drift_to_published_next_version_from_the_inbox_with_the_diff_approvals_runs_lineage_events_and_audit_pages()
    {
        var caseId = await DriftedRunAsync("jr-2a8bc9a1b1");
        await using var ops = await ConsolePage.OpenAsync(browsers, _server, "operations-journey-admin");
        await ops.SignInAsync(ConsoleServer.AdminToken, "/ui/drift");

        // The inbox: the case with its field, count, samples, inferred type and what v1.1 says of it.
        Assert.Equal("/ui/drift", ops.PathAndQuery);
        var inbox = await MainTextAsync(ops);
        Assert.Contains($"Case {caseId}", inbox, StringComparison.Ordinal);
        Assert.Contains("invoice_region_code", inbox, StringComparison.Ordinal);
        Assert.Contains("\"EU-W\"", inbox, StringComparison.Ordinal);
        Assert.Contains("not declared", inbox, StringComparison.Ordinal);

        // Click 1: propose the next version; it opens in the diff and compatibility view.
        await ops.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Propose next version ({Subject}:v1.2)" }).ClickAsync();
        await ops.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/ui/diff\\?case={caseId}$"));
        await ops.CheckAsync();
        var proposal = await MainTextAsync(ops);
        Assert.Contains($"Proposed {Subject}:v1.2 for drift case {caseId}", proposal, StringComparison.Ordinal);
        Assert.Contains("added as an optional string.", proposal, StringComparison.Ordinal);
        Assert.Contains("a minor version", proposal, StringComparison.Ordinal);
        Assert.Contains($"drift case {caseId}", proposal, StringComparison.Ordinal);

        // Click 2: register it; the console opens the new draft's page.
        await Button(ops, $"Register {Subject}:v1.2 as a draft").ClickAsync();
        await ops.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/ui/schemas/"));
        Assert.Equal("draft", (await _admin.GetAsync($"{Subject}:v1.2")).State);
        Assert.Equal("string", (await _admin.GetAsync($"{Subject}:v1.2")).Payload.GetProperty("properties").GetProperty("invoice_region_code").GetProperty("type").GetString());
        await _admin.ValidateAsync($"{Subject}:v1.2");
        await _admin.SubmitAsync($"{Subject}:v1.2", "adds invoice_region_code seen in drift");

        // The diff step of governance: every change with its verdicts, reason and bump.
        await ops.GotoAsync($"/ui/diff?from={Subject}:v1.1&to={Subject}:v1.2");
        var diff = await MainTextAsync(ops);
        Assert.Contains("property added", diff, StringComparison.Ordinal);
        Assert.Contains("/properties/invoice_region_code", diff, StringComparison.Ordinal);
        Assert.Contains("a minor version", diff, StringComparison.Ordinal);

        // The submitter sees why they cannot approve their own version.
        await ops.GotoAsync("/ui/approvals");
        Assert.Contains("VAL-1203", await MainTextAsync(ops), StringComparison.Ordinal);
        Assert.Equal(0, await Button(ops, "Approve").CountAsync());

        // Click 3 (a second admin): approve from the queue; publishing resolves the case.
        await using (var approver = await ConsolePage.OpenAsync(browsers, _server, "operations-journey-approver"))
        {
            await approver.SignInAsync(_approverKey, "/ui/approvals");
            Assert.Contains("property added", await MainTextAsync(approver), StringComparison.Ordinal);
            await approver.Page.GetByLabel("Comment (required to reject)").FillAsync("evidence checked");
            await Button(approver, "Approve").ClickAsync();
            await approver.Page.WaitForLoadStateAsync(LoadState.Load);
            await approver.CheckAsync("approved");
            Assert.Contains($"{Subject}:v1.2 is approved.", await MainTextAsync(approver), StringComparison.Ordinal);
        }
        await _admin.PublishAsync($"{Subject}:v1.2");
        Assert.Equal("resolved", (await _admin.GetDriftCaseAsync(caseId)).Status);
        await ops.GotoAsync("/ui/drift");
        Assert.DoesNotContain($"Case {caseId}", await MainTextAsync(ops), StringComparison.Ordinal);
        await ops.GotoAsync("/ui/drift?status=resolved");
        Assert.Contains($"resolved: published {Subject}:v1.2", await MainTextAsync(ops), StringComparison.Ordinal);

        // The run, its quarantined records with their reasons, and the replay that releases them against v1.2.
        await ops.GotoAsync("/ui/runs");
        Assert.Contains("jr-2a8bc9a1b1", await MainTextAsync(ops), StringComparison.Ordinal);
        await ops.GotoAsync("/ui/runs/jr-2a8bc9a1b1");
        var run = await MainTextAsync(ops);
        Assert.Contains("invoice_region_code", run, StringComparison.Ordinal);
        Assert.Contains("drifted", run, StringComparison.Ordinal);
        await Button(ops, "Replay").ClickAsync();
        await ops.Page.WaitForLoadStateAsync(LoadState.Load);
        await ops.CheckAsync("replayed");
        Assert.Contains($"Replayed against {Subject}:v1.2: 2 examined, 2 released", await MainTextAsync(ops), StringComparison.Ordinal);

        // Lineage and impact, events, audit.
        await ops.GotoAsync("/ui/lineage");
        Assert.Equal(1, await ops.Page.Locator("main svg").CountAsync());
        await ops.GotoAsync($"/ui/lineage?fqid={Subject}:v1.2");
        var impact = await MainTextAsync(ops);
        Assert.Contains("Pinned pipelines (1)", impact, StringComparison.Ordinal);
        Assert.Contains("finance_gdp_transform", impact, StringComparison.Ordinal);
        await ops.GotoAsync("/ui/events?type=SchemaDriftDetected");
        Assert.Contains("SchemaDriftDetected", await MainTextAsync(ops), StringComparison.Ordinal);
        await ops.GotoAsync("/ui/audit");
        Assert.Contains("Chain verified", await MainTextAsync(ops), StringComparison.Ordinal);
        Assert.Empty(ops.PageErrors);
        Assert.Empty(ops.Dialogs);
    }

    [Fact]
    public async Task A_reader_sees_no_action_on_the_operations_pages_and_a_forged_post_changes_nothing()
    {
        var caseId = await DriftedRunAsync("jr-reader-1");
        using var document = JsonDocument.Parse(V11);
        await _admin.RegisterAsync(new RegisterSchemaRequest("crm.gdp.customer:v1.0", "crm", Payload: document.RootElement.Clone()));
        await _admin.ValidateAsync("crm.gdp.customer:v1.0");
        await _admin.SubmitAsync("crm.gdp.customer:v1.0");
        var reader = await _server.KeyAsync("analyst", "reader");
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "operations-reader");
        await console.SignInAsync(reader, "/ui/drift");
        await console.GotoAsync("/ui/approvals");
        Assert.Contains("crm.gdp.customer:v1.0", await MainTextAsync(console), StringComparison.Ordinal);
        foreach (var path in new[] { "/ui/drift", $"/ui/diff?case={caseId}", "/ui/approvals", "/ui/runs/jr-reader-1", "/ui/events", "/ui/lineage" })
        {
            await console.GotoAsync(path);
            foreach (var action in new[] { "Acknowledge", "Resolve", "Approve", "Reject", "Replay", "Replay dead letters" })
            {
                Assert.True(await Button(console, action).CountAsync() == 0, $"{path} shows '{action}' to a reader");
            }
            Assert.Equal(0, await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Register") }).CountAsync());
        }
        await console.GotoAsync("/ui/audit");
        Assert.Contains("AUTH-1002", await MainTextAsync(console), StringComparison.Ordinal);

        using var http = new ConsoleHttp(_server);
        using (var signedIn = await http.SignInAsync(reader))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var forged = await http.PostFormAsync("/ui/drift", $"ack-{caseId}", new Dictionary<string, string> { ["comment"] = "forged" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("AUTH-1002", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var forgedRegister = await http.PostFormAsync($"/ui/diff?case={caseId}", "register-proposal", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, forgedRegister.StatusCode);
        Assert.Contains("AUTH-1002", await forgedRegister.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("open", (await _admin.GetDriftCaseAsync(caseId)).Status);
        await Assert.ThrowsAsync<RegistryApiException>(() => _admin.GetAsync($"{Subject}:v1.2"));
    }
}
