using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Storage.Blobs;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// A registry whose blobs are in S3 (<c>Registry:Blobs</c> = an <c>s3://</c> URL on the s3rver that scripts/test starts,
/// in SCHEMAREG_TEST_S3, under a prefix of this test's own): published definitions and the pipeline quarantine land in
/// the bucket, are read back from it by replay, and are deleted from it by purge; nothing is written to the data folder.
/// </summary>
public sealed class S3StorageTests : IAsyncLifetime
{
    private const string Variable = "SCHEMAREG_TEST_S3";

    private const string V11 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private const string V12 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"},
                       "invoice_region_code":{"type":"string"}}}
        """;

    private readonly string _prefix = "srv-" + Guid.NewGuid().ToString("N")[..16];
    private S3BlobSettings _bucket = null!;
    private AmazonS3Client _s3 = null!;
    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;
    private RegistryClient _runner = null!;
    private RegistryClient _ops = null!;

    public async Task InitializeAsync()
    {
        var serverUrl = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException(
                $"{Variable} is not set: run scripts/test, which starts s3rver on loopback (or: source scripts/lib/s3.sh; start_s3 DIR).");
        _bucket = S3BlobSettings.Parse(serverUrl);
        _s3 = _bucket.CreateClient();
        var query = serverUrl.IndexOf('?', StringComparison.Ordinal);
        var blobs = query < 0 ? $"{serverUrl.TrimEnd('/')}/{_prefix}" : $"{serverUrl[..query].TrimEnd('/')}/{_prefix}{serverUrl[query..]}";

        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Registry:Blobs"] = blobs });
        _admin = _server.Client();
        _approver = _server.Client(await _server.KeyAsync("alice", "schema-admin"));
        _runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner"));
        _ops = _server.Client(await _server.KeyAsync("ops", "ops-engineer"));
        await _admin.SetConfigAsync("finance.gdp.invoice", "FORWARD");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        _runner.Dispose();
        _ops.Dispose();
        await _server.DisposeAsync();
        foreach (var key in await ListAsync(""))
        {
            await _s3.DeleteObjectAsync(_bucket.Bucket, $"{_prefix}/{key}");
        }
        _s3.Dispose();
    }

    private async Task PublishAsync(string fqid, string payload)
    {
        await _admin.RegisterAsync(Schemas.Draft(fqid, payload));
        await _admin.ValidateAsync(fqid);
        await _admin.SubmitAsync(fqid);
        await _approver.ApproveAsync(fqid);
        await _admin.PublishAsync(fqid);
    }

    /// <summary>The object at <paramref name="key"/> under this test's prefix, read with a plain AWS client; null when missing.</summary>
    private async Task<string?> ReadAsync(string key)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket.Bucket, $"{_prefix}/{key}");
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The keys under this test's prefix that start with <paramref name="start"/>, relative to the prefix.</summary>
    private async Task<List<string>> ListAsync(string start)
    {
        var response = await _s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = _bucket.Bucket, Prefix = $"{_prefix}/{start}" });
        return (response.S3Objects ?? []).Select(o => o.Key[(_prefix.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
    }

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Published_definitions_and_the_quarantine_live_in_the_bucket()
    {
        await PublishAsync("finance.gdp.invoice:v1.1", V11);

        // The definition file, as a plain S3 client sees it.
        var definition = JsonDocument.Parse((await ReadAsync("schemas/finance/gdp/invoice/v1.1.json"))!).RootElement;
        Assert.Equal("finance.gdp.invoice:v1.1", definition.GetProperty("fqid").GetString());
        Assert.Equal("finance-data", definition.GetProperty("owner").GetString());
        Assert.Equal("^INV-", definition.GetProperty("payload").GetProperty("properties").GetProperty("invoice_id").GetProperty("pattern").GetString());
        Assert.Equal(["schemas/finance/gdp/invoice/v1.1.json"], await ListAsync("schemas/"));

        // A batch with drift and an invalid record: the quarantine files go to the bucket.
        await _ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", "finance.gdp.invoice:latest", "pre_and_post", "quarantine", "finance-data"));
        var runId = (await _runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-s3-1", "s3://warehouse/gdp/invoice/2025/10/07/"))).RunId;
        var lines = new[]
        {
            """{"invoice_id":"INV-1","amount":10.5,"currency":"EUR"}""",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":-1}""",
            """{"invoice_id":"INV-4","amount":7,"invoice_region_code":"US-E"}""",
        };
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        var batch = await _runner.SendBatchAsync(runId, body, "application/x-ndjson");
        Assert.Equal((4L, 1L, 1L, 2L, 3L), (batch.Records, batch.Valid, batch.Invalid, batch.Drifted, batch.Quarantined));
        Assert.StartsWith("quarantine/finance/gdp/invoice/", batch.Quarantine, StringComparison.Ordinal);

        Assert.Equal([lines[1], lines[2], lines[3]], Lines(await ReadAsync(batch.Quarantine + ".ndjson")));
        var manifest = Lines(await ReadAsync(batch.Quarantine + ".manifest.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["drifted", "invalid", "drifted"], manifest.Select(m => m.GetProperty("outcome").GetString()));
        Assert.Equal(
            [batch.Quarantine + ".manifest.ndjson", batch.Quarantine + ".ndjson"],
            await ListAsync("quarantine/"));

        // Replay on v1.2 reads the quarantine back from the bucket, writes the released records there and keeps the rest.
        await PublishAsync("finance.gdp.invoice:v1.2", V12);
        var replay = await _ops.ReplayQuarantineAsync(new QuarantineReplayRequest(runId));
        Assert.Equal((3L, 2L, 1L), (replay.Examined, replay.Released, replay.Remaining));
        Assert.Equal([lines[1], lines[3]], Lines(await ReadAsync(replay.ReleasedKey!)));
        var kept = Assert.Single(await _ops.ListQuarantineAsync(runId)).Key;
        Assert.Equal([lines[2]], Lines(await ReadAsync(kept + ".ndjson")));
        Assert.Equal([kept + ".manifest.ndjson", kept + ".ndjson", replay.ReleasedKey!], await ListAsync("quarantine/"));
        Assert.NotNull(await ReadAsync("schemas/finance/gdp/invoice/v1.2.json"));

        // Purge deletes both files of the batch from the bucket, and counts them because they existed.
        var purge = await _ops.PurgeQuarantineAsync(0);
        Assert.Equal((1, 2), (purge.Batches, purge.Files));
        Assert.Null(await ReadAsync(kept + ".ndjson"));
        Assert.Null(await ReadAsync(kept + ".manifest.ndjson"));

        // The data folder holds the database only: no blob was written to disk.
        Assert.False(Directory.Exists(Path.Combine(_server.DataDir, "blobs")));
    }
}
