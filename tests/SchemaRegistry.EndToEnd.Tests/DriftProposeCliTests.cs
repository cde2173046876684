using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary><c>schemareg drift propose</c>: the next version a drift case asks for, as a table, as JSON and as a bare payload.</summary>
public sealed class DriftProposeCliTests(CliServer cli) : IClassFixture<CliServer>
{
    private const string V1 = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""";

    [Fact]
    public async Task Drift_propose_prints_the_candidate_its_bump_and_its_payload()
    {
        await cli.PublishAsync("finance.gdp.proposed:v1.0", V1);
        await cli.WriteAsync("drifted.ndjson", "{\"id\":\"a\",\"region\":\"EU-W\"}\n");
        await cli.OkAsync("pipelines", "register", "proposed_job", "--layer", "gdp", "--fqid", "finance.gdp.proposed:latest");
        await cli.OkAsync("runs", "start", "--pipeline", "proposed_job", "--run-id", "proposed-1");
        Assert.Equal(1, (await cli.RunAsync("runs", "batch", "proposed-1", "-i", "drifted.ndjson")).ExitCode);
        var caseId = JsonDocument.Parse((await cli.OkAsync("drift", "list", "--subject", "finance.gdp.proposed", "-o", "json")).Stdout)
            .RootElement[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var table = await cli.OkAsync("drift", "propose", caseId);
        Assert.Contains($"Drift case {caseId}: propose finance.gdp.proposed:v1.1 (extends finance.gdp.proposed:v1.0), a minor bump, compatible under BACKWARD.", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("added as an optional string.", table.Stdout, StringComparison.Ordinal);

        var json = JsonDocument.Parse((await cli.OkAsync("drift", "propose", caseId, "-o", "json")).Stdout).RootElement;
        Assert.Equal(("finance.gdp.proposed:v1.1", "minor"), (json.GetProperty("fqid").GetString(), json.GetProperty("compatibility").GetProperty("required_bump").GetString()));

        var payload = JsonDocument.Parse((await cli.OkAsync("drift", "propose", caseId, "--payload")).Stdout).RootElement;
        Assert.Equal("string", payload.GetProperty("properties").GetProperty("region").GetProperty("type").GetString());
        await cli.WriteAsync("candidate.json", payload.GetRawText());
        Assert.Equal(0, (await cli.RunAsync("schema", "check", "finance.gdp.proposed:v1.1", "--payload", "candidate.json")).ExitCode);
    }
}
