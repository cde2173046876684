using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// docs/cli.md's one exit-code convention, per command family: 0 ok, 1 the check found problems, 2 usage or input
/// error, 3 server or network.
/// </summary>
public sealed class CliExitCodeTests(CliServer cli) : IClassFixture<CliServer>
{
    private const string Invoice = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":"number"}}}""";

    [Fact]
    public async Task Schema_commands_exit_0_1_2_or_3()
    {
        await cli.PublishAsync("finance.gdp.exitcodes:v1.0", Invoice);
        await cli.WriteAsync("retyped.json", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":"string"}}}""");

        Assert.Equal(0, (await cli.RunAsync("schema", "get", "finance.gdp.exitcodes:v1.0")).ExitCode);
        var incompatible = await cli.RunAsync("schema", "check", "finance.gdp.exitcodes:v1.1", "--payload", "retyped.json");
        Assert.True(incompatible.ExitCode == 1, incompatible.Stderr + incompatible.Stdout);
        Assert.Equal(1, (await cli.RunAsync("schema", "diff", "finance.gdp.exitcodes:v1.0", "retyped.json")).ExitCode);
        // The registry refused the request (not found, forbidden): the caller's input to fix.
        Assert.Equal(2, (await cli.RunAsync("schema", "get", "finance.gdp.nothing:v1.0")).ExitCode);
        // The command line itself: an unknown option, a missing argument.
        Assert.Equal(2, (await cli.RunAsync("schema", "list", "--no-such-option")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("schema", "get")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("schema", "diff", "old.json", "missing.json")).ExitCode);
        Assert.Equal(3, (await Unreachable("schema", "list")).ExitCode);
        Assert.Equal(3, (await Unreachable("schema", "diff", "finance.gdp.exitcodes:v1.0", "retyped.json")).ExitCode);
    }

    [Fact]
    public async Task A_diff_of_a_registered_version_and_a_file_that_is_not_a_schema_is_refused_with_the_files_findings()
    {
        await cli.PublishAsync("finance.gdp.diffcheck:v1.0", Invoice);
        await cli.WriteAsync("typo.json", """{"type":"object","properties":{"id":{"type":"strng"}}}""");

        var result = await cli.RunAsync("schema", "diff", "finance.gdp.diffcheck:v1.0", "typo.json");

        Assert.True(result.ExitCode == 2, result.Stderr + result.Stdout);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error VAL-1102: typo.json is not a valid JSON Schema (1 finding); nothing was compared.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 typo.json#/properties/id/type: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("schema", "diff", "finance.gdp.diffcheck:v1.0", "finance.gdp.diffcheck:latest")).ExitCode);
    }

    [Fact]
    public async Task Validation_of_a_version_that_fails_is_a_check_that_found_problems()
    {
        await cli.WriteAsync("dangling.json",
            """{"fqid":"finance.gdp.dangling:v1.0","owner":"data","payload":{"type":"object","properties":{"c":{"$ref":"schemareg:finance.gdp.absent:v1.0"}}}}""");
        await cli.OkAsync("schema", "register", "dangling.json");

        var failed = await cli.RunAsync("schema", "validate", "finance.gdp.dangling:v1.0");

        Assert.True(failed.ExitCode == 1, failed.Stderr);
        Assert.Contains("VAL-1304", failed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_validate_and_runs_batch_exit_1_on_the_same_file_when_records_are_quarantined()
    {
        await cli.PublishAsync("finance.gdp.batchexit:v1.0", Invoice);
        await cli.WriteAsync("mixed.ndjson", "{\"id\":\"a\",\"amount\":1}\n{\"id\":\"b\",\"amount\":\"x\"}\n");
        await cli.WriteAsync("clean.ndjson", "{\"id\":\"a\",\"amount\":1}\n");
        await cli.OkAsync("pipelines", "register", "batch_exit", "--layer", "gdp", "--fqid", "finance.gdp.batchexit:latest");
        await cli.OkAsync("runs", "start", "--pipeline", "batch_exit", "--run-id", "exit-run-1");

        Assert.Equal(1, (await cli.RunAsync("data", "validate", "--fqid", "finance.gdp.batchexit:v1.0", "-i", "mixed.ndjson")).ExitCode);
        var batch = await cli.RunAsync("runs", "batch", "exit-run-1", "-i", "mixed.ndjson");
        Assert.True(batch.ExitCode == 1, batch.Stderr + batch.Stdout);
        Assert.Contains("1 quarantined", batch.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("runs", "batch", "exit-run-1", "-i", "clean.ndjson")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("data", "validate", "--fqid", "finance.gdp.batchexit:v1.0", "-i", "clean.ndjson")).ExitCode);

        Assert.Equal(2, (await cli.RunAsync("runs", "batch", "no-such-run", "-i", "clean.ndjson")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("data", "validate", "--fqid", "finance.gdp.batchexit:v1.0", "-i", "absent.ndjson")).ExitCode);
        Assert.Equal(3, (await Unreachable("data", "validate", "--fqid", "finance.gdp.batchexit:v1.0", "-i", "clean.ndjson")).ExitCode);
        Assert.Equal(3, (await Unreachable("runs", "batch", "exit-run-1", "-i", "clean.ndjson")).ExitCode);
    }

    [Fact]
    public async Task Audit_verify_exits_1_on_a_broken_ledger_and_other_families_follow_the_convention()
    {
        await cli.OkAsync("audit", "export", "ledger.ndjson");
        var lines = await File.ReadAllLinesAsync(Path.Combine(cli.Path, "ledger.ndjson"));
        lines[0] = lines[0].Replace("\"principal\":\"", "\"principal\":\"x", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(Path.Combine(cli.Path, "tampered.ndjson"), lines);

        Assert.Equal(0, (await cli.RunAsync("audit", "verify", "--file", "ledger.ndjson")).ExitCode);
        Assert.Equal(1, (await cli.RunAsync("audit", "verify", "--file", "tampered.ndjson")).ExitCode);
        Assert.Equal(3, (await Unreachable("audit", "list")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("keys", "list")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("keys", "create", "--name", "x", "--role", "no-such-role")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("events", "list")).ExitCode);
        Assert.Equal(3, (await Unreachable("events", "list")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("drift", "get", "999999")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("quarantine", "ls", "--run", "no-such-run")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("jsonschema", "validate", "--schema", "absent.json", "--instance", "absent.json")).ExitCode);
    }

    private Task<Schemareg.Result> Unreachable(params string[] args) =>
        Schemareg.RunAsync(cli.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = $"http://127.0.0.1:{Schemareg.FreePort()}", ["SCHEMAREG_TOKEN"] = CliServer.Admin }, args);
}
