using System.Net;
using Amazon.S3;
using SchemaRegistry.Client;
using SchemaRegistry.Client.Pipelines;
using SchemaRegistry.Wire;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Storage.Blobs;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// Runbook §2 "Review quarantined batch in S3": with <c>serve --quarantine s3://…/quarantine</c> (the s3rver of
/// SCHEMAREG_TEST_S3, under this test's own prefix), every bad record — of batches the server validated and of batches
/// an SDK validated in the worker — is listed by <c>aws s3 ls …/quarantine/finance/gdp/invoice/</c> (here: a plain S3
/// client listing that prefix), and <c>GET /v1/quarantine?subject=&amp;from=&amp;to=</c> finds them by subject and date.
/// </summary>
public abstract class QuarantineLocationConformanceTests(Store store) : RunbookServerFixture(store)
{
    private static readonly string[] ServerBatch =
    [
        """{"invoice_id":"INV-1","amount":10.5,"currency":"EUR"}""",
        """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
        """{"invoice_id":"INV-3","amount":-1}""",
    ];

    private static readonly string[] WorkerBatch =
    [
        """{"invoice_id":"INV-10","amount":1}""",
        """{"invoice_id":"BAD-11","amount":2}""",
        """{"invoice_id":"INV-12","amount":3}""",
    ];

    private readonly string _prefix = "rb-" + Guid.NewGuid().ToString("N")[..16];
    private readonly TempDirectory _work = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Every_bad_record_of_server_and_sdk_batches_is_under_the_subject_in_the_quarantine_bucket_and_listed_by_subject_and_date()
    {
        var (bucket, location) = S3Location();
        using var s3 = bucket.CreateClient();
        try
        {
            await StartAsync(new Dictionary<string, string?> { ["Registry:Quarantine"] = location });
            await RunBothWaysAsync();

            // aws s3 ls s3://…/quarantine/finance/gdp/invoice/ --recursive
            var listed = await ListAsync(s3, bucket.Bucket, $"{_prefix}/quarantine/finance/gdp/invoice/");
            Assert.Equal(4, listed.Count);
            Assert.All(listed, key => Assert.Matches(@"^\d{4}/\d{2}/\d{2}/jr-(server|sdk)/batch-00000\d-[0-9a-f]{8}(\.manifest)?\.ndjson$", key));
            var records = new List<string>();
            foreach (var key in listed.Where(k => !k.EndsWith(".manifest.ndjson", StringComparison.Ordinal)))
            {
                using var response = await s3.GetObjectAsync(bucket.Bucket, $"{_prefix}/quarantine/finance/gdp/invoice/{key}");
                using var reader = new StreamReader(response.ResponseStream);
                records.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
            Assert.Equal(new[] { ServerBatch[1], ServerBatch[2], WorkerBatch[1] }.Order(StringComparer.Ordinal), records.Order(StringComparer.Ordinal));
            // Kept apart from the schemas: nothing of the quarantine in the blob store.
            Assert.False(Directory.Exists(Path.Combine(Server.DataDir, "blobs", "quarantine")));

            await AssertListedAsync($"s3://{bucket.Bucket}/{_prefix}/quarantine/finance/gdp/invoice/");
        }
        finally
        {
            foreach (var key in await ListAsync(s3, bucket.Bucket, _prefix + "/"))
            {
                await s3.DeleteObjectAsync(bucket.Bucket, $"{_prefix}/{key}");
            }
        }
    }

    [Fact]
    public async Task A_quarantine_folder_of_its_own_holds_the_records_under_the_subject()
    {
        var folder = Path.Combine(_work.Path, "warehouse", "quarantine");
        await StartAsync(new Dictionary<string, string?> { ["Registry:Quarantine"] = folder });
        await RunBothWaysAsync();

        var files = Directory.EnumerateFiles(Path.Combine(folder, "finance", "gdp", "invoice"), "*.ndjson", SearchOption.AllDirectories).ToList();
        Assert.Equal(4, files.Count);
        var records = files.Where(f => !f.EndsWith(".manifest.ndjson", StringComparison.Ordinal)).SelectMany(File.ReadAllLines);
        Assert.Equal(new[] { ServerBatch[1], ServerBatch[2], WorkerBatch[1] }.Order(StringComparer.Ordinal), records.Order(StringComparer.Ordinal));
        await AssertListedAsync(Path.Combine(folder, "finance", "gdp", "invoice") + "/");

        // Replay reads and rewrites it there too: nothing passes v1.0 yet, so everything stays.
        var replay = await Ops.ReplayQuarantineAsync(new QuarantineReplayRequest("jr-server"));
        Assert.Equal((2L, 0L), (replay.Examined, replay.Released));
    }

    /// <summary>A batch the server validates and one the SDK validates in the worker, each with bad records.</summary>
    private async Task RunBothWaysAsync()
    {
        await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"));
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-server"));
        var served = await Runner.SendBatchAsync("jr-server", Ndjson(ServerBatch), "application/x-ndjson");
        Assert.Equal(2L, served.Quarantined);

        var options = new PipelineRunOptions { QuarantineDirectory = Path.Combine(_work.Path, "q"), SpoolDirectory = Path.Combine(_work.Path, "spool") };
        using var resolver = new SchemaResolver(Server.BaseAddress, RunnerKey);
        var run = await PipelineRun.StartAsync(Runner, resolver, new StartRunRequest("finance_gdp_transform", "jr-sdk"), options);
        var local = await run.ValidateAsync(Ndjson(WorkerBatch), DataFormat.Ndjson);
        Assert.Equal((3L, 1L), (local.Records, local.Quarantined));
        Assert.Equal(0, run.Spooled);

        var uploaded = Assert.Single((await Runner.GetRunAsync("jr-sdk")).Batches!);
        Assert.NotNull(uploaded.Quarantine);
        // Sending it again changes nothing: the batch has its quarantine.
        await RefusedAsync(() => Runner.UploadQuarantineAsync("jr-sdk", 1, Ndjson(WorkerBatch[1])), 409, "REG-1002");
        Assert.Single(await EventsAsync("QuarantineUploaded"));
    }

    private async Task AssertListedAsync(string locationPrefix)
    {
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var http = Server.Http(RunnerKey);
        var items = await GetJsonAsync<List<QuarantineItem>>(http, $"v1/quarantine?subject={Subject}&from={today}&to={today}");
        Assert.Equal(["jr-sdk", "jr-server"], items.Select(i => i.RunId).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.StartsWith(locationPrefix, i.Location, StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal($"{Subject}:v1.0", i.Fqid));
        Assert.Equal(3L, items.Sum(i => i.Quarantined));

        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(await GetJsonAsync<List<QuarantineItem>>(http, $"v1/quarantine?subject={Subject}&from={tomorrow}"));
        Assert.Empty(await GetJsonAsync<List<QuarantineItem>>(http, $"v1/quarantine?subject=finance.gdp.customer&from={today}&to={today}"));
        await (await http.GetAsync($"v1/quarantine?subject={Subject}&from=yesterday")).ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }

    private (S3BlobSettings Bucket, string Location) S3Location()
    {
        var url = Environment.GetEnvironmentVariable("SCHEMAREG_TEST_S3") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("SCHEMAREG_TEST_S3 is not set: run scripts/test, which starts s3rver on loopback.");
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var location = query < 0 ? $"{url.TrimEnd('/')}/{_prefix}/quarantine" : $"{url[..query].TrimEnd('/')}/{_prefix}/quarantine{url[query..]}";
        return (S3BlobSettings.Parse(url), location);
    }

    private static async Task<List<string>> ListAsync(AmazonS3Client s3, string bucket, string prefix)
    {
        var response = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return (response.S3Objects ?? []).Select(o => o.Key[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class QuarantineLocationOnSqliteTests() : QuarantineLocationConformanceTests(Store.Sqlite);

public sealed class QuarantineLocationOnPostgresTests() : QuarantineLocationConformanceTests(Store.Postgres);
