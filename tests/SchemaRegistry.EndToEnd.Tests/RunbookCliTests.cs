using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The runbook's steps that were API-only, run as an operator would: the built <c>schemareg</c> CLI as a process
/// against a <c>schemareg serve</c> on loopback.
/// </summary>
public sealed class RunbookCliTests : IAsyncLifetime
{
    private const string Admin = "sr_runbook_cli_admin_0123456789abcdef";
    private const string Subject = "finance.gdp.invoice";
    private const string RunId = "jr-2a8bc9a1b1";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string>
        {
            ["SCHEMAREG_ADMIN_TOKEN"] = Admin,
            ["SCHEMAREG__Registry__WebhookRetries"] = "1",
            ["SCHEMAREG__Registry__WebhookBackoffMs"] = "50",
            ["SCHEMAREG__Registry__DeliveryPollMs"] = "50",
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Config_drift_metadata_sync_a_server_side_check_and_incident_tags_work_from_the_cli()
    {
        var missing = await Failing("config", "get", Subject);
        Assert.Equal($"error: subject {Subject} does not exist.\n", missing.Stderr);
        Assert.Contains($"{Subject}: FULL (subject)", (await Cli("config", "set", Subject, "FULL")).Stdout, StringComparison.Ordinal);
        Assert.Contains($"{Subject}: FULL (subject)", (await Cli("config", "get", Subject)).Stdout, StringComparison.Ordinal);
        await Cli("config", "set", Subject, "BACKWARD");

        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            """{"fqid":"finance.gdp.invoice:v1.1","owner":"finance-data","payload":{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"number"}}}}""");
        await Cli("schema", "register", "invoice.json");
        await Cli("schema", "publish", $"{Subject}:v1.1", "--force", "--reason", "runbook walk");
        await Cli("pipelines", "register", "finance_gdp_transform", "--layer", "gdp", "--fqid", $"{Subject}:latest");
        await Cli("runs", "start", "--pipeline", "finance_gdp_transform", "--run-id", RunId);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.ndjson"),
            "{\"invoice_id\":\"INV-1\",\"amount\":3}\n{\"invoice_id\":\"INV-2\",\"amount\":4,\"invoice_region_code\":\"EU-W\"}\n");
        // A batch that quarantined a record is a check that found problems: exit 1, like `data validate`.
        Assert.Equal(1, (await Failing("runs", "batch", RunId, "--input", "batch.ndjson")).ExitCode);

        var cases = JsonDocument.Parse((await Cli("drift", "list", "--status", "open", "-o", "json")).Stdout).RootElement;
        var caseId = cases[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shown = await Cli("drift", "get", caseId);
        Assert.Contains("invoice_region_code", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains(RunId, shown.Stdout, StringComparison.Ordinal);

        // Runbook 4, step 3: curl -X POST …/v1/schema/sync/metadata -d '{"run_id":"jr-2a8bc9a1b1"}'
        Assert.Contains($"Lineage of run {RunId} synced: {Subject}:v1.1", (await Cli("sync", "metadata", RunId)).Stdout, StringComparison.Ordinal);

        // The server judges a candidate against the published versions (and the drift case's records): exit 0 or 1.
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "v12.json"),
            """{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"number"},"invoice_region_code":{"type":"string"}}}""");
        var compatible = await Cli("schema", "check", $"{Subject}:v1.2", "--payload", "v12.json");
        Assert.Contains($"{Subject}:v1.2: compatible under BACKWARD with {Subject}:v1.1; needs a minor bump.", compatible.Stdout, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "retyped.json"),
            """{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"string"}}}""");
        var incompatible = await Failing("schema", "check", $"{Subject}:v1.2", "--payload", "retyped.json");
        Assert.Equal(1, incompatible.ExitCode);
        Assert.Contains("INCOMPATIBLE under BACKWARD", incompatible.Stdout, StringComparison.Ordinal);

        Assert.Equal(2, (await Failing("drift", "resolve", caseId)).ExitCode); // --comment is required: a usage error
        Assert.Contains("is resolved", (await Cli("drift", "resolve", caseId, "--comment", "mapping fixed in the Glue script")).Stdout, StringComparison.Ordinal);

        // Post-incident step 2: tag the schema FQIDs and job runs in the ledger, then find them by incident.
        var tagged = await Cli("audit", "annotate", "--incident", "INC-2026-042", "--fqid", $"{Subject}:v1.1", "--run", RunId, "--note", "upstream added a field");
        Assert.Contains("IncidentAnnotated", tagged.Stdout, StringComparison.Ordinal);
        var found = JsonDocument.Parse((await Cli("audit", "annotations", "--incident", "INC-2026-042", "-o", "json")).Stdout).RootElement;
        Assert.Equal([$"{Subject}:v1.1", $"runs/{RunId}"], found.EnumerateArray().Select(e => e.GetProperty("target").GetString()));
        Assert.Contains("chain intact", (await Cli("audit", "verify")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letters_replays_purge_and_delete_of_subscriptions_work_from_the_cli()
    {
        var refusing = await Cli("subscriptions", "create", "--url", $"http://127.0.0.1:{Schemareg.FreePort()}/hook", "--secret", "a-secret-of-16-chars-or-more", "--type", "SchemaRegistered");
        var subscription = refusing.Stdout.Split(' ')[1];
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "a.json"), """{"fqid":"ops.kpi.uptime:v1.0","owner":"ops","payload":{"type":"object"}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "b.json"), """{"fqid":"ops.kpi.uptime:v1.1","owner":"ops","payload":{"type":"object"}}""");
        await Cli("schema", "register", "a.json");
        await Cli("schema", "register", "b.json");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement letters;
        while ((letters = JsonDocument.Parse((await Cli("deadletters", "list", subscription, "-o", "json")).Stdout).RootElement).GetArrayLength() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(2, letters.GetArrayLength());
        Assert.Contains("Replay dead-letters-1", (await Cli("deadletters", "replay", subscription, "--name", "dead-letters-1")).Stdout, StringComparison.Ordinal);

        // A receiver that accepts connections and never answers keeps a replay running while it is cancelled.
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var silent = await Cli("subscriptions", "create", "--url", $"http://127.0.0.1:{((IPEndPoint)blackHole.LocalEndpoint).Port}/hook", "--secret", "a-secret-of-16-chars-or-more");
        var silentId = silent.Stdout.Split(' ')[1];
        var since = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        var queued = await Cli("events", "replay", "--subscription", silentId, "--from-time", since, "--name", "registry-event-replay");
        var replayId = queued.Stdout.Split('(', ')')[1];
        var running = JsonDocument.Parse((await Cli("events", "replays", "get", replayId, "-o", "json")).Stdout).RootElement[0];
        Assert.Equal(("registry-event-replay", "running"), (running.GetProperty("name").GetString(), running.GetProperty("state").GetString()));
        Assert.Contains("cancelled", (await Cli("events", "replays", "cancel", replayId)).Stdout, StringComparison.Ordinal);
        var listed = (await Cli("events", "replays", "list")).Stdout;
        Assert.Contains("registry-event-replay", listed, StringComparison.Ordinal);
        Assert.Contains("dead-letters-1", listed, StringComparison.Ordinal);

        Assert.Contains($"Purged the backlog of {silentId}", (await Cli("subscriptions", "purge", silentId)).Stdout, StringComparison.Ordinal);
        Assert.Contains($"Deleted {silentId}", (await Cli("subscriptions", "delete", silentId)).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(silentId, (await Cli("subscriptions", "list")).Stdout, StringComparison.Ordinal);
        var gone = await Failing("subscriptions", "delete", silentId);
        Assert.Contains("error REG-1001", gone.Stderr, StringComparison.Ordinal);
    }

    private Task<Schemareg.Result> Cli(params string[] args) => Run(args, expectSuccess: true);

    private Task<Schemareg.Result> Failing(params string[] args) => Run(args, expectSuccess: false);

    private async Task<Schemareg.Result> Run(string[] args, bool expectSuccess)
    {
        var env = new Dictionary<string, string> { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin };
        var result = await Schemareg.RunAsync(_dir.Path, env, args);
        if (expectSuccess)
        {
            Assert.True(result.ExitCode == 0, $"schemareg {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        }
        else
        {
            Assert.NotEqual(0, result.ExitCode);
        }
        return result;
    }
}
