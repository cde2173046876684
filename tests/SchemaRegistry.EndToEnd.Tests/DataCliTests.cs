using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// <c>schemareg data validate</c> offline and through the registry, and the pipeline commands (pipelines, runs,
/// drift, quarantine) against a running <c>schemareg serve</c> process.
/// </summary>
public sealed class DataCliTests : IAsyncLifetime
{
    private const string Admin = "sr_cli_admin_token_0123456789abcdef";
    private const string Schema = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.schema.json"), Schema);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.ndjson"), string.Join("\n",
            """{"invoice_id":"INV-1","amount":10,"currency":"EUR"}""",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":-1}""",
            """{"invoice_id":"INV-4","amount":"7"}""") + "\n");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "clean.csv"), "invoice_id,amount,currency\nINV-1,10.5,EUR\nINV-2,3,USD\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_file_past_its_time_budget_stops_with_PIPE_1003_exit_2_and_leaves_no_partial_output()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "lookaround.schema.json"),
            """{"type":"object","properties":{"code":{"type":"string","pattern":"^(?=(a|aa)+b)"}}}""");
        await File.WriteAllLinesAsync(Path.Combine(_dir.Path, "hostile.ndjson"),
            Enumerable.Range(0, 50).Select(i => $"{{\"code\":\"{new string('a', 3000 + i)}\"}}"));

        var result = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "lookaround.schema.json", "--input", "hostile.ndjson",
            "--quarantine", "hq", "--passed", "hostile-passed.ndjson", "--time-budget", "1");

        Assert.True(result.ExitCode == 2, result.Stderr + result.Stdout);
        Assert.Contains("PIPE-1003", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("after checking", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "hq", "records.ndjson")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "hq", "manifest.ndjson")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "hostile-passed.ndjson")));
    }

    [Fact]
    public async Task Offline_validation_reports_drift_quarantines_and_exits_1_when_records_fail()
    {
        var result = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "invoice.schema.json", "--input", "batch.ndjson",
            "--quarantine", "q", "--report", "report.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4 records: 1 valid, 1 invalid, 2 drifted", result.Stdout, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, "report.json")));
        var root = report.RootElement;
        Assert.Equal((4, 1, 1, 3), (root.GetProperty("records").GetInt32(), root.GetProperty("valid").GetInt32(),
            root.GetProperty("invalid").GetInt32(), root.GetProperty("quarantined").GetInt32()));
        var newField = root.GetProperty("drift").GetProperty("new_fields")[0];
        Assert.Equal(("/invoice_region_code", 1), (newField.GetProperty("path").GetString(), newField.GetProperty("count").GetInt32()));
        Assert.Equal("/amount", root.GetProperty("drift").GetProperty("type_changes")[0].GetProperty("path").GetString());
        Assert.Equal(0, root.GetProperty("drift").GetProperty("missing_fields").GetArrayLength());
        Assert.Equal(3, (await File.ReadAllLinesAsync(Path.Combine(_dir.Path, "q", "records.ndjson"))).Length);
        Assert.Equal(3, (await File.ReadAllLinesAsync(Path.Combine(_dir.Path, "q", "manifest.ndjson"))).Length);

        var clean = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "invoice.schema.json", "--input", "clean.csv");
        Assert.True(clean.ExitCode == 0, clean.Stderr + clean.Stdout);
        var allowed = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "invoice.schema.json", "--input", "batch.ndjson",
            "--drift-policy", "rescue", "--passed", "passed.ndjson", "-o", "json");
        Assert.Equal(1, allowed.ExitCode);
        // INV-4 cannot be rescued: moving its mistyped amount away leaves a required field missing.
        Assert.Equal(1, JsonDocument.Parse(allowed.Stdout).RootElement.GetProperty("rescued").GetInt32());
        Assert.Contains("_rescued_data", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "passed.ndjson")), StringComparison.Ordinal);

        var missing = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "invoice.schema.json", "--input", "nope.ndjson");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_commands_run_a_batch_through_the_registry_and_replay_its_quarantine()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            "{\"fqid\":\"finance.gdp.invoice:v1.1\",\"owner\":\"finance-data\",\"payload\":" + Schema + "}");
        await Cli("schema", "register", "invoice.json");
        await Cli("schema", "publish", "finance.gdp.invoice:v1.1", "--force", "--reason", "e2e");
        var viaServer = await Schemareg.RunAsync(_dir.Path, Env(), "data", "validate", "--fqid", "finance.gdp.invoice:latest", "--input", "clean.csv", "-o", "json");
        Assert.True(viaServer.ExitCode == 0, viaServer.Stderr + viaServer.Stdout);
        Assert.Equal("finance.gdp.invoice:v1.1", JsonDocument.Parse(viaServer.Stdout).RootElement.GetProperty("fqid").GetString());

        await Cli("pipelines", "register", "finance_gdp_transform", "--layer", "gdp", "--fqid", "finance.gdp.invoice:latest");
        Assert.Contains("finance_gdp_transform", (await Cli("pipelines", "list")).Stdout, StringComparison.Ordinal);
        await Cli("runs", "start", "--pipeline", "finance_gdp_transform", "--run-id", "jr-1");
        var batch = await Schemareg.RunAsync(_dir.Path, Env(), "runs", "batch", "jr-1", "--input", "batch.ndjson");
        Assert.Equal(1, batch.ExitCode);
        Assert.Contains("4 records, 1 valid, 1 invalid, 2 drifted, 3 quarantined", batch.Stdout, StringComparison.Ordinal);
        var drift = await Cli("drift", "list", "--subject", "finance.gdp.invoice", "-o", "json");
        var caseId = JsonDocument.Parse(drift.Stdout).RootElement[0].GetProperty("id").GetInt64();
        Assert.Contains("acknowledged", (await Cli("drift", "ack", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Stdout, StringComparison.Ordinal);
        Assert.Contains("quarantine/finance/gdp/invoice/", (await Cli("quarantine", "ls", "--run", "jr-1")).Stdout, StringComparison.Ordinal);
        Assert.Contains("0 released", (await Cli("quarantine", "replay", "--run", "jr-1")).Stdout, StringComparison.Ordinal);
        Assert.Contains("completed_with_quarantine", (await Cli("runs", "complete", "jr-1")).Stdout, StringComparison.Ordinal);
        Assert.Contains("jr-1", (await Cli("runs", "list", "--schema", "finance.gdp.invoice")).Stdout, StringComparison.Ordinal);
        Assert.Contains("Purged the quarantine of 1 batches", (await Cli("quarantine", "purge", "--older-than", "0d")).Stdout, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Env() => new() { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin };

    private async Task<Schemareg.Result> Cli(params string[] args)
    {
        var result = await Schemareg.RunAsync(_dir.Path, Env(), args);
        Assert.True(result.ExitCode == 0, $"schemareg {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        return result;
    }
}
