using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// A CLI command for every operation of the HTTP API. The operations come from the running server's OpenAPI
/// document, not from this file: a route added without a command (or without an entry below) fails here.
/// </summary>
public sealed class CliCoverageTests(CliServer cli) : IClassFixture<CliServer>
{
    /// <summary>Each API operation and the CLI command that performs it.</summary>
    private static readonly Dictionary<string, string> Commands = new(StringComparer.Ordinal)
    {
        ["POST /v1/schema"] = "schema register",
        ["PUT /v1/schema/{fqid}"] = "schema edit",
        ["GET /v1/schema/{fqid}"] = "schema get",
        ["GET /v1/schema/{subject}/versions"] = "schema versions",
        ["GET /v1/subjects"] = "schema list",
        ["POST /v1/schema/validate"] = "schema validate",
        ["GET /v1/schema/validate"] = "schema validate", // --check
        ["POST /v1/schema/submit"] = "schema submit",
        ["POST /v1/schema/approve"] = "schema approve",
        ["POST /v1/schema/reject"] = "schema reject",
        ["POST /v1/schema/publish"] = "schema publish",
        ["POST /v1/schema/deprecate"] = "schema deprecate",
        ["GET /v1/schema/diff"] = "schema diff", // two FQIDs; `schema changelog` walks a subject's versions
        ["POST /v1/schema/compatibility"] = "schema check",
        ["GET /v1/config/{subject}"] = "config get",
        ["PUT /v1/config/{subject}"] = "config set",
        ["GET /v1/config/{subject}/policy"] = "config get", // --policy
        ["PUT /v1/config/{subject}/policy"] = "config set", // --policy
        ["POST /v1/keys"] = "keys create",
        ["GET /v1/keys"] = "keys list",
        ["DELETE /v1/keys/{id}"] = "keys revoke",
        ["POST /v1/keys/{id}/rotate"] = "keys rotate",
        ["GET /v1/events"] = "events list", // and `events tail`
        ["POST /v1/events/replay"] = "events replay",
        ["GET /v1/events/replays"] = "events replays list",
        ["GET /v1/events/replays/{id}"] = "events replays get",
        ["POST /v1/events/replays/{id}/cancel"] = "events replays cancel",
        ["POST /v1/subscriptions"] = "subscriptions create",
        ["GET /v1/subscriptions"] = "subscriptions list",
        ["DELETE /v1/subscriptions/{id}"] = "subscriptions delete",
        ["POST /v1/subscriptions/{id}/purge"] = "subscriptions purge",
        ["GET /v1/subscriptions/{id}/dead-letters"] = "deadletters list",
        ["POST /v1/subscriptions/{id}/dead-letters/replay"] = "deadletters replay",
        ["POST /v1/pipelines"] = "pipelines register",
        ["PUT /v1/pipelines/{pipelineId}"] = "pipelines register", // --update
        ["GET /v1/pipelines"] = "pipelines list",
        ["GET /v1/pipelines/{pipelineId}"] = "pipelines get",
        ["POST /v1/runs"] = "runs start",
        ["GET /v1/runs"] = "runs list",
        ["GET /v1/runs/{runId}"] = "runs get",
        ["POST /v1/runs/{runId}/batches"] = "runs batch",
        ["POST /v1/runs/{runId}/complete"] = "runs complete",
        ["POST /v1/runs/{runId}/heartbeat"] = "runs heartbeat",
        ["GET /v1/lineage"] = "lineage",
        ["POST /v1/schema/sync/metadata"] = "sync metadata",
        ["GET /v1/drift"] = "drift list",
        ["GET /v1/drift/{id}"] = "drift get",
        ["GET /v1/drift/{id}/proposal"] = "drift propose",
        ["POST /v1/drift/{id}/ack"] = "drift ack",
        ["POST /v1/drift/{id}/resolve"] = "drift resolve",
        ["GET /v1/quarantine"] = "quarantine ls",
        ["GET /v1/quarantine/records"] = "quarantine get",
        ["POST /v1/quarantine/replay"] = "quarantine replay",
        ["POST /v1/quarantine/purge"] = "quarantine purge",
        ["GET /v1/audit"] = "audit list",
        ["GET /v1/audit/export"] = "audit export",
        ["GET /v1/audit/annotations"] = "audit annotations",
        ["POST /v1/audit/annotations"] = "audit annotate",
        ["GET /v1/admin/export"] = "export",
    };

    /// <summary>Operations that stay HTTP-only, and why.</summary>
    private static readonly Dictionary<string, string> HttpOnly = new(StringComparer.Ordinal)
    {
        // Probes for load balancers and orchestrators; a person checks with `curl` or any client command.
        ["GET /healthz"] = "liveness probe",
        ["GET /readyz"] = "readiness probe",
        // Aliases of operations the CLI has: the runbook's fetch URL (`schema get`) and the legacy deprecate path (`schema deprecate`).
        ["GET /api/v1/schema/fetch"] = "alias of GET /v1/schema/{fqid}",
        ["POST /schema/deprecate"] = "alias of POST /v1/schema/deprecate",
        // The SDK's in-process validation (PipelineRun.ValidateAsync): a worker that validated a batch itself reports its
        // counts and uploads its quarantine. The CLI's form of the same step is `runs batch`, which the server validates.
        ["POST /v1/runs/{runId}/reports"] = "SDK: report a batch validated in the worker",
        ["POST /v1/runs/{runId}/batches/{batch}/quarantine"] = "SDK: upload that batch's quarantine",
    };

    [Fact]
    public async Task Every_api_operation_has_a_cli_command_or_a_stated_reason_to_stay_http_only()
    {
        using var http = new HttpClient { BaseAddress = cli.Server.Url };
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the OpenAPI document");

        var uncovered = operations.Where(o => !Commands.ContainsKey(o) && !HttpOnly.ContainsKey(o)).ToList();
        Assert.True(uncovered.Count == 0, "API operations without a CLI command: " + string.Join(", ", uncovered));
        var stale = Commands.Keys.Concat(HttpOnly.Keys).Except(operations).ToList();
        Assert.True(stale.Count == 0, "Entries for operations the API no longer has: " + string.Join(", ", stale));

        var missing = new List<string>();
        foreach (var command in Commands.Values.Distinct())
        {
            var help = await Schemareg.RunAsync(cli.Path, null, [.. command.Split(' '), "--help"]);
            if (help.ExitCode != 0 || !help.Stdout.Contains($"schemareg {command}", StringComparison.Ordinal))
            {
                missing.Add($"{command} (exit {help.ExitCode}: {help.Stderr.Trim()})");
            }
        }
        Assert.True(missing.Count == 0, "CLI commands that do not exist: " + string.Join("; ", missing));
    }
}
