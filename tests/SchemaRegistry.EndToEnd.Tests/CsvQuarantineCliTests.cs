using System.Text;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// CSV records are kept in quarantine as they arrived: <c>data validate --quarantine</c>, a run's batch, <c>quarantine
/// get</c> and the file a replay releases all hold the header row and the rows byte for byte (quoted fields, an
/// embedded comma and line end, CRLF; a byte order mark is not part of the header).
/// </summary>
public sealed class CsvQuarantineCliTests(CliServer cli) : IClassFixture<CliServer>
{
    private const string V1 = """{"type":"object","required":["id","amount"],"properties":{"id":{"type":"string","pattern":"^[a-z]$"},"note":{"type":"string"},"amount":{"type":"number"}}}""";
    private const string V2 = """{"type":"object","required":["id"],"properties":{"id":{"type":"string","pattern":"^[a-z]$"},"note":{"type":"string"},"amount":{"type":["number","string"]}}}""";

    private const string Header = "id,note,amount\r\n";
    private const string Embedded = "b,\"line one\r\nline two, \"\"quoted\"\"\",x\r\n";
    private const string Empty = "c,\"say \"\"hi\"\"\",\r\n";
    private const string Short = "d,\"ok\"\r\n";
    private const string BadId = "ZZ,\"bad id\",3";

    private static readonly byte[] Batch =
        [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Header + "a,\"plain, with a comma\",1\r\n" + Embedded + Empty + Short + "e,fine,2\r\n" + BadId)];

    [Fact]
    public async Task Data_validate_writes_the_header_and_the_failing_rows_as_they_arrived()
    {
        await cli.WriteAsync("csv-v1.schema.json", V1);
        await File.WriteAllBytesAsync(Path.Combine(cli.Path, "local.csv"), Batch);

        var result = await cli.RunAsync("data", "validate", "--schema", "csv-v1.schema.json", "-i", "local.csv", "--quarantine", "csv-q");

        Assert.True(result.ExitCode == 1, result.Stderr + result.Stdout);
        var records = Path.Combine(cli.Path, "csv-q", "records.csv");
        Assert.Contains($"Quarantine: 4 record(s) written to {records}, why in {Path.Combine(cli.Path, "csv-q", "manifest.ndjson")}.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(Header + Embedded + Empty + Short + BadId, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(records)));
        Assert.False(File.Exists(Path.Combine(cli.Path, "csv-q", "records.ndjson")));
        var numbers = (await File.ReadAllLinesAsync(Path.Combine(cli.Path, "csv-q", "manifest.ndjson")))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("record").GetInt32());
        Assert.Equal([2, 3, 4, 6], numbers);
    }

    [Fact]
    public async Task A_runs_csv_quarantine_downloads_as_it_arrived_and_a_replay_releases_the_rows_as_csv()
    {
        await cli.PublishAsync("finance.gdp.csvkept:v1.0", V1);
        await File.WriteAllBytesAsync(Path.Combine(cli.Path, "run.csv"), Batch);
        await cli.OkAsync("pipelines", "register", "csvkept_job", "--layer", "gdp", "--fqid", "finance.gdp.csvkept:latest");
        await cli.OkAsync("runs", "start", "--pipeline", "csvkept_job", "--run-id", "csvkept-1");
        Assert.Equal(1, (await cli.RunAsync("runs", "batch", "csvkept-1", "-i", "run.csv")).ExitCode);

        var item = JsonDocument.Parse((await cli.OkAsync("quarantine", "ls", "--run", "csvkept-1", "-o", "json")).Stdout).RootElement[0];
        var key = item.GetProperty("key").GetString()!;
        Assert.EndsWith(key + ".csv", item.GetProperty("location").GetString(), StringComparison.Ordinal);
        await cli.OkAsync("quarantine", "get", key, "--out", "run-q.csv");
        Assert.Equal(Header + Embedded + Empty + Short + BadId, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(cli.Path, "run-q.csv"))));

        await cli.PublishAsync("finance.gdp.csvkept:v2.0", V2);
        var replay = await cli.OkAsync("quarantine", "replay", "--run", "csvkept-1", "--yes");
        Assert.Contains("4 records of csvkept-1 against finance.gdp.csvkept:v2.0: 3 released", replay.Stdout, StringComparison.Ordinal);
        var released = Directory.EnumerateFiles(cli.Path, "released-*", SearchOption.AllDirectories).Where(f => f.Contains("csvkept-1", StringComparison.Ordinal)).ToList();
        Assert.EndsWith(".csv", Assert.Single(released), StringComparison.Ordinal);
        Assert.Equal(Header + Embedded + Empty + Short, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(released[0])));

        var kept = JsonDocument.Parse((await cli.OkAsync("quarantine", "ls", "--run", "csvkept-1", "-o", "json")).Stdout).RootElement[0].GetProperty("key").GetString()!;
        Assert.NotEqual(key, kept);
        await cli.OkAsync("quarantine", "get", kept, "--out", "kept.csv");
        Assert.Equal(Header + BadId, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(cli.Path, "kept.csv"))));
        var manifest = JsonDocument.Parse((await cli.OkAsync("quarantine", "get", kept, "--manifest")).Stdout).RootElement;
        Assert.Equal(6, manifest.GetProperty("record").GetInt32());
    }
}
