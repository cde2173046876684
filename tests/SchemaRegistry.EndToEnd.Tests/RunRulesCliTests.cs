using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The runbook's steps through the real <c>schemareg</c> binary: <c>serve --quarantine DIR</c> keeps the quarantine
/// apart, <c>quarantine ls --subject --from --to</c> finds it where <c>ls DIR/finance/gdp/invoice/</c> does,
/// <c>runs batch --stage</c> and <c>runs heartbeat</c> speak for a job, and a run left silent is abandoned.
/// </summary>
public sealed class RunRulesCliTests : IAsyncLifetime
{
    private const string Admin = "sr_runbook_admin_token_0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    private string QuarantineDir => Path.Combine(_dir.Path, "warehouse", "quarantine");

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dir.Path,
            new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin, ["SCHEMAREG__Registry__AbandonRunsAfterSeconds"] = "10", ["SCHEMAREG__Registry__AbandonSweepSeconds"] = "0.2" },
            "--quarantine", Path.Combine("warehouse", "quarantine"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Serve_quarantine_keeps_bad_records_under_the_subject_and_the_cli_lists_runs_stages_heartbeats_and_abandonment()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            """{"fqid":"finance.gdp.invoice:v1.0","owner":"finance-data","payload":{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string","pattern":"^INV-"}}}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.ndjson"), "{\"invoice_id\":\"INV-1\"}\n{\"invoice_id\":\"BAD-2\"}\n");
        await Cli("schema", "register", "invoice.json");
        await Cli("schema", "publish", "finance.gdp.invoice:v1.0", "--force", "--reason", "runbook walk");
        var pipeline = await Cli("pipelines", "register", "finance_gdp_transform", "--layer", "gdp", "--fqid", "finance.gdp.invoice:latest");
        Assert.Contains("finance_gdp_transform", pipeline.Stdout, StringComparison.Ordinal);

        await Cli("runs", "start", "--pipeline", "finance_gdp_transform", "--run-id", "jr-cli");
        // BAD-2 is quarantined: the batch's check found a problem (exit 1).
        var batch = await Schemareg.RunAsync(_dir.Path, Env(), "runs", "batch", "jr-cli", "--input", "batch.ndjson", "--stage", "pre_job");
        Assert.True(batch.ExitCode == 1, $"runs batch exited {batch.ExitCode}: {batch.Stderr}{batch.Stdout}");
        Assert.Contains("running", (await Cli("runs", "heartbeat", "jr-cli")).Stdout, StringComparison.Ordinal);
        var completed = JsonDocument.Parse((await Cli("runs", "complete", "jr-cli", "--output", "json")).Stdout).RootElement;
        Assert.Equal("missing_post_transform_validation", completed.GetProperty("flags")[0].GetString());

        // ls warehouse/quarantine/finance/gdp/invoice/ --recursive
        var files = Directory.EnumerateFiles(Path.Combine(QuarantineDir, "finance", "gdp", "invoice"), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(["{\"invoice_id\":\"BAD-2\"}"], File.ReadAllLines(files.Single(f => !f.EndsWith(".manifest.ndjson", StringComparison.Ordinal))));
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var listed = JsonDocument.Parse((await Cli("quarantine", "ls", "--subject", "finance.gdp.invoice", "--from", today, "--to", today, "--output", "json")).Stdout)
            .RootElement.EnumerateArray().Single();
        Assert.Equal("jr-cli", listed.GetProperty("run_id").GetString());
        Assert.Equal(files.Single(f => !f.EndsWith(".manifest.ndjson", StringComparison.Ordinal)), listed.GetProperty("location").GetString());

        // A job that dies after starting: the server abandons its run.
        await Cli("runs", "start", "--pipeline", "finance_gdp_transform", "--run-id", "jr-gone");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(500);
            status = JsonDocument.Parse((await Cli("runs", "get", "jr-gone", "--output", "json")).Stdout).RootElement.GetProperty("status").GetString()!;
        }
        while (status == "running" && DateTime.UtcNow < deadline);
        Assert.Equal("abandoned", status);
    }

    private Dictionary<string, string> Env() => new() { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin };

    private async Task<Schemareg.Result> Cli(params string[] args)
    {
        var result = await Schemareg.RunAsync(_dir.Path, Env(), args);
        Assert.True(result.ExitCode == 0, $"schemareg {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        return result;
    }
}
