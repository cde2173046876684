using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>Where quarantined records go, how to get them back, and a replay that does not cross a major unasked.</summary>
public sealed class QuarantineCliTests(CliServer cli) : IClassFixture<CliServer>
{
    private const string V1 = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":"number"}}}""";
    private const string V2 = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"amount":{"type":["number","string"]}}}""";
    private const string Mixed = "{\"id\":\"a\",\"amount\":1}\n{\"id\":\"b\",\"amount\":\"x\"}\n";

    [Fact]
    public async Task Data_validate_says_where_it_wrote_the_quarantine_or_that_it_wrote_none()
    {
        await cli.WriteAsync("v1.schema.json", V1);
        await cli.WriteAsync("mixed.ndjson", Mixed);
        await cli.WriteAsync("clean.ndjson", "{\"id\":\"a\",\"amount\":1}\n");

        var nowhere = await cli.RunAsync("data", "validate", "--schema", "v1.schema.json", "-i", "mixed.ndjson");
        Assert.Contains("Quarantine: 1 record(s) did not pass and were NOT written anywhere; pass --quarantine DIR to keep them.", nowhere.Stdout, StringComparison.Ordinal);

        var kept = await cli.RunAsync("data", "validate", "--schema", "v1.schema.json", "-i", "mixed.ndjson", "--quarantine", "q");
        var records = Path.Combine(cli.Path, "q", "records.ndjson");
        Assert.Contains($"Quarantine: 1 record(s) written to {records}, why in {Path.Combine(cli.Path, "q", "manifest.ndjson")}.", kept.Stdout, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(records));

        var none = await cli.RunAsync("data", "validate", "--schema", "v1.schema.json", "-i", "clean.ndjson");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("Quarantine: none to write.", none.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarantine_get_downloads_a_batchs_records_and_its_manifest()
    {
        await QuarantinedRunAsync("finance.gdp.fetched", "fetched_job", "fetched-1");
        var key = JsonDocument.Parse((await cli.OkAsync("quarantine", "ls", "--run", "fetched-1", "-o", "json")).Stdout).RootElement[0].GetProperty("key").GetString()!;

        var records = await cli.OkAsync("quarantine", "get", key);
        Assert.Equal("{\"id\":\"b\",\"amount\":\"x\"}\n", records.Stdout);
        var manifest = JsonDocument.Parse((await cli.OkAsync("quarantine", "get", key, "--manifest")).Stdout).RootElement;
        Assert.Equal((2, "/amount"), (manifest.GetProperty("record").GetInt32(), manifest.GetProperty("reasons")[0].GetProperty("path").GetString()));
        await cli.OkAsync("quarantine", "get", key, "--out", "batch1.ndjson");
        Assert.Equal(records.Stdout, await File.ReadAllTextAsync(Path.Combine(cli.Path, "batch1.ndjson")));

        var unknown = await cli.RunAsync("quarantine", "get", key.Replace("batch-", "batch-9", StringComparison.Ordinal));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("REG-1001", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_against_another_major_needs_yes_or_an_explicit_fqid_without_a_terminal()
    {
        await QuarantinedRunAsync("finance.gdp.replayed", "replayed_job", "replayed-1");
        await cli.PublishAsync("finance.gdp.replayed:v2.0", V2);
        var ci = new Dictionary<string, string>(cli.Env) { ["CI"] = "true" };

        var refused = await Schemareg.RunAsync(cli.Path, ci, "quarantine", "replay", "--run", "replayed-1");
        Assert.True(refused.ExitCode == 2, refused.Stderr + refused.Stdout);
        Assert.Contains("finance.gdp.replayed:v2.0, another major", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--yes", refused.Stderr, StringComparison.Ordinal);
        var untouched = JsonDocument.Parse((await cli.OkAsync("quarantine", "ls", "--run", "replayed-1", "-o", "json")).Stdout).RootElement[0];
        Assert.Equal(0, untouched.GetProperty("released").GetInt32());

        var sameMajor = await Schemareg.RunAsync(cli.Path, ci, "quarantine", "replay", "--run", "replayed-1", "--fqid", "finance.gdp.replayed:v1.0");
        Assert.True(sameMajor.ExitCode == 0, sameMajor.Stderr);
        Assert.Contains("0 released", sameMajor.Stdout, StringComparison.Ordinal);
        var confirmed = await Schemareg.RunAsync(cli.Path, ci, "quarantine", "replay", "--run", "replayed-1", "--yes");
        Assert.True(confirmed.ExitCode == 0, confirmed.Stderr);
        Assert.Contains("against finance.gdp.replayed:v2.0: 1 released", confirmed.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A subject's v1.0, a pipeline on its latest and a run whose one batch quarantined one record of two.</summary>
    private async Task QuarantinedRunAsync(string subject, string pipeline, string runId)
    {
        await cli.PublishAsync(subject + ":v1.0", V1);
        await cli.WriteAsync("mixed.ndjson", Mixed);
        await cli.OkAsync("pipelines", "register", pipeline, "--layer", "gdp", "--fqid", subject + ":latest");
        await cli.OkAsync("runs", "start", "--pipeline", pipeline, "--run-id", runId);
        Assert.Equal(1, (await cli.RunAsync("runs", "batch", runId, "-i", "mixed.ndjson")).ExitCode);
    }
}
