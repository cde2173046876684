using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>The runbook's flow through the <c>schemareg</c> CLI against a running server.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private const string Admin = "sr_cli_admin_token_0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_runbook_flow_works_through_the_cli()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "customer.json"),
            """{"fqid":"finance.gdp.customer:v1.0","owner":"finance-data","payload":{"type":"object"}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            """{"fqid":"finance.gdp.invoice:v1.2","owner":"finance-data","description":"Invoices","payload":{"type":"object","properties":{"customer":{"$ref":"schemareg:finance.gdp.customer:v1.0"}}}}""");

        var created = await Cli(Admin, "keys", "create", "--name", "reviewer", "--role", "schema-admin", "--output", "json");
        var reviewer = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("secret").GetString()!;

        var registered = await Cli(Admin, "schema", "register", "invoice.json");
        Assert.Contains("draft", registered.Stdout, StringComparison.Ordinal);

        var blocked = await Failing(Admin, "schema", "validate", "finance.gdp.invoice:v1.2");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("error VAL-1304", blocked.Stderr, StringComparison.Ordinal);

        await Cli(Admin, "schema", "register", "customer.json");
        await Cli(Admin, "schema", "publish", "finance.gdp.customer:v1.0", "--force", "--reason", "dependency for the walk");

        Assert.Contains("is valid", (await Cli(Admin, "schema", "validate", "finance.gdp.invoice:v1.2")).Stdout, StringComparison.Ordinal);
        await Cli(Admin, "schema", "submit", "finance.gdp.invoice:v1.2", "--comment", "ready");
        var selfApproval = await Failing(Admin, "schema", "approve", "finance.gdp.invoice:v1.2");
        Assert.Contains("error VAL-1203", selfApproval.Stderr, StringComparison.Ordinal);
        await Cli(reviewer, "schema", "approve", "finance.gdp.invoice:v1.2");
        var published = await Cli(Admin, "schema", "publish", "finance.gdp.invoice:v1.2", "--output", "json");
        Assert.Equal("published", JsonDocument.Parse(published.Stdout).RootElement.GetProperty("state").GetString());

        var got = await Cli(Admin, "schema", "get", "finance.gdp.invoice:latest");
        Assert.Contains("finance.gdp.invoice:v1.2  (resolved from finance.gdp.invoice:latest)", got.Stdout, StringComparison.Ordinal);
        Assert.Contains("reviewer", got.Stdout, StringComparison.Ordinal);

        var list = await Cli(Admin, "schema", "list", "--domain", "finance");
        Assert.Contains("finance.gdp.invoice", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("finance.gdp.invoice:v1.2", list.Stdout, StringComparison.Ordinal);
        var versions = await Cli(Admin, "schema", "versions", "finance.gdp.invoice", "--output", "json");
        Assert.Equal("published", JsonDocument.Parse(versions.Stdout).RootElement.GetProperty("versions")[0].GetProperty("state").GetString());

        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice13.json"),
            """{"fqid":"finance.gdp.invoice:v1.3","owner":"finance-data","description":"Invoices, with a note","payload":{"type":"object","properties":{"customer":{"$ref":"schemareg:finance.gdp.customer:v1.0"}},"description":"now described"}}""");
        await Cli(Admin, "schema", "register", "invoice13.json");
        await Cli(Admin, "schema", "publish", "finance.gdp.invoice:v1.3", "--force", "--reason", "changelog walk");
        var changelog = await Cli(Admin, "schema", "changelog", "finance.gdp.invoice");
        Assert.Contains("finance.gdp.invoice:v1.3: 1 change(s) since finance.gdp.invoice:v1.2, fully compatible", changelog.Stdout, StringComparison.Ordinal);
        Assert.Contains("description_changed", changelog.Stdout, StringComparison.Ordinal);

        var events = await Cli(Admin, "events", "list", "--subject", "finance.gdp.invoice:v1.2");
        Assert.Contains("SchemaPublished", events.Stdout, StringComparison.Ordinal);
        Assert.Contains("ValidationFailed", events.Stdout, StringComparison.Ordinal);
        var subscribed = await Cli(Admin, "subscriptions", "create", "--url", "http://127.0.0.1:9/hook", "--secret", "a-secret-of-16-chars-or-more", "--type", "SchemaPublished");
        var id = subscribed.Stdout.Split(' ')[1];
        Assert.Contains(id, (await Cli(Admin, "subscriptions", "list")).Stdout, StringComparison.Ordinal);

        await Cli(Admin, "schema", "deprecate", "finance.gdp.invoice:v1.2");
        Assert.Contains("deprecated", (await Cli(Admin, "schema", "get", "finance.gdp.invoice:v1.2")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipeline_runner_key_cannot_publish_from_the_cli()
    {
        var created = await Cli(Admin, "keys", "create", "--name", "glue", "--role", "pipeline-runner", "--output", "json");
        var runner = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("secret").GetString()!;
        var refused = await Failing(runner, "schema", "publish", "finance.gdp.invoice:v1.2");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("error AUTH-1002", refused.Stderr, StringComparison.Ordinal);

        var keys = await Cli(Admin, "keys", "list");
        Assert.Contains("pipeline-runner", keys.Stdout, StringComparison.Ordinal);
        var id = keys.Stdout.Split('\n').Single(l => l.Contains("glue", StringComparison.Ordinal)).Split(' ')[0];
        Assert.Contains("Revoked", (await Cli(Admin, "keys", "revoke", id)).Stdout, StringComparison.Ordinal);
        var revoked = await Failing(runner, "schema", "list");
        Assert.Contains("error AUTH-1001", revoked.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_failure()
    {
        var result = await Schemareg.RunAsync(_dir.Path, null, "schema", "list", "--server", $"http://127.0.0.1:{Schemareg.FreePort()}", "--token", Admin);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the registry", result.Stderr, StringComparison.Ordinal);
    }

    private Task<Schemareg.Result> Cli(string token, params string[] args) => Run(token, args, expectSuccess: true);

    private Task<Schemareg.Result> Failing(string token, params string[] args) => Run(token, args, expectSuccess: false);

    private async Task<Schemareg.Result> Run(string token, string[] args, bool expectSuccess)
    {
        var env = new Dictionary<string, string> { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = token };
        var result = await Schemareg.RunAsync(_dir.Path, env, args);
        if (expectSuccess)
        {
            Assert.True(result.ExitCode == 0, $"schemareg {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        }
        return result;
    }
}
