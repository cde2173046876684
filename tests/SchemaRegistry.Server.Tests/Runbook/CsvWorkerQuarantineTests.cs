using System.Text;
using SchemaRegistry.Client.Pipelines;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// A CSV batch the SDK validates in the worker keeps its quarantine as CSV end to end: the worker's file is the header
/// and the failing rows as they arrived, the upload is <c>text/csv</c>, and the registry stores <c>batch-….csv</c> with
/// the same bytes; NDJSON to a batch reported as CSV is refused.
/// </summary>
public sealed class CsvWorkerQuarantineTests() : RunbookServerFixture(Store.Sqlite)
{
    private const string Header = "invoice_id,amount\r\n";
    private const string Bad = "\"BAD,11\",\"2\"\r\n";

    private readonly TempDirectory _work = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task The_worker_uploads_the_rows_as_they_arrived_and_the_registry_stores_them_as_csv()
    {
        await StartAsync();
        await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"));
        var options = new PipelineRunOptions { QuarantineDirectory = Path.Combine(_work.Path, "q"), SpoolDirectory = Path.Combine(_work.Path, "spool") };
        using var resolver = new Client.SchemaResolver(Server.BaseAddress, RunnerKey);
        var run = await PipelineRun.StartAsync(Runner, resolver, new StartRunRequest("finance_gdp_transform", "jr-csv"), options);

        var local = await run.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + "INV-10,1\r\n" + Bad + "INV-12,3\r\n")), DataFormat.Csv);

        Assert.Equal((3L, 1L), (local.Records, local.Quarantined));
        Assert.Equal(Header + Bad, await File.ReadAllTextAsync(Path.Combine(_work.Path, "q", "jr-csv", "batch-000001.csv")));
        var item = Assert.Single(await Runner.ListQuarantineAsync("jr-csv"));
        var stored = Path.Combine(Server.DataDir, "blobs", item.Key + ".csv");
        Assert.Equal(Header + Bad, await File.ReadAllTextAsync(stored));

        await Runner.ReportBatchAsync("jr-csv", new BatchReportRequest(2, "csv", 1, 0, 1, 0, 0, 1, 1, false, null, "k"));
        await RefusedAsync(() => Runner.UploadQuarantineAsync("jr-csv", 2, Ndjson("""{"invoice_id":"BAD-2","amount":1}""")), 415, "REQ-1003");
    }
}
