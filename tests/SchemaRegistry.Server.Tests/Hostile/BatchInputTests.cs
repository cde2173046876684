using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Issue 22, points 8 to 10, over a real server on loopback: invalid UTF-8 counted as valid data; compressed bodies
/// validated as raw bytes; a body in another format than its label passing with 0 records; a batch whose key was
/// revoked while it streamed still committing.
/// </summary>
public sealed class BatchInputTests : SeededServerTests
{
    private static readonly byte[][] BadSequences = [[(byte)'a', 0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];

    [Fact]
    public async Task Ndjson_and_csv_records_that_are_not_utf8_are_quarantined_with_the_reason()
    {
        var ndjson = new List<byte>("{\"invoice_id\":\"INV-1\",\"amount\":1}\n"u8.ToArray());
        var csv = new List<byte>("invoice_id,amount\nINV-1,1\n"u8.ToArray());
        foreach (var bad in BadSequences)
        {
            ndjson.AddRange([.. "{\"invoice_id\":\"INV-"u8, .. bad, .. "\",\"amount\":2}\n"u8]);
            csv.AddRange([.. "INV-"u8, .. bad, .. ",2\n"u8]);
        }
        foreach (var (body, contentType) in new[] { (ndjson.ToArray(), "application/x-ndjson"), (csv.ToArray(), "text/csv") })
        {
            var run = await StartRunAsync();
            var batch = await (await PostBatchAsync(run, body, contentType)).OkAsync<BatchResponse>();

            Assert.True((batch.Records, batch.Valid, batch.Invalid, batch.Quarantined) == (4, 1, 3, 3), $"{contentType}: {JsonSerializer.Serialize(batch)}");
            Assert.Equal([2L, 3L, 4L], batch.FailedRecords);
            var manifest = QuarantineFiles(run).Single(f => f.EndsWith(".manifest.ndjson", StringComparison.Ordinal));
            foreach (var line in await File.ReadAllLinesAsync(manifest))
            {
                var reason = JsonDocument.Parse(line).RootElement.GetProperty("reasons")[0];
                Assert.Equal(("PIPE-1002", "encoding", "/invoice_id"),
                    (reason.GetProperty("code").GetString(), reason.GetProperty("keyword").GetString(), reason.GetProperty("path").GetString()));
                Assert.Contains("not valid UTF-8", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_compressed_batch_is_decompressed_and_validated(string encoding)
    {
        var lines = string.Concat(Enumerable.Range(1, 500).Select(i => $"{{\"invoice_id\":\"INV-{i}\",\"amount\":{i}}}\n"));
        var run = await StartRunAsync();

        var batch = await (await PostBatchAsync(run, Compress(Encoding.UTF8.GetBytes(lines), encoding), "application/x-ndjson", encoding)).OkAsync<BatchResponse>();

        Assert.Equal((500, 500, 0), (batch.Records, batch.Valid, batch.Quarantined));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_with_413_and_nothing_is_counted()
    {
        // 64 MiB of records (64 times the batch limit) in well under the limit once compressed.
        var line = "{\"invoice_id\":\"INV-1\",\"amount\":1}\n"u8.ToArray();
        var raw = new MemoryStream();
        await using (var gzip = new GZipStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var written = 0; written < 64 * MaxBatchBytes; written += line.Length)
            {
                gzip.Write(line);
            }
        }
        Assert.True(raw.Length < MaxBatchBytes);
        var run = await StartRunAsync();

        var answer = await PostBatchAsync(run, raw.ToArray(), "application/x-ndjson", "gzip");

        await answer.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "REQ-1002");
        await ExpectNothingRecordedAsync(run);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("zstd")]
    [InlineData("gzip, br")]
    public async Task An_unknown_content_encoding_is_refused_with_415(string encoding)
    {
        var run = await StartRunAsync();

        var answer = await PostBatchAsync(run, "{\"invoice_id\":\"INV-1\"}\n"u8.ToArray(), "application/x-ndjson", encoding);

        await answer.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "REQ-1003");
        await ExpectNothingRecordedAsync(run);
    }

    [Fact]
    public async Task A_body_in_another_format_than_its_label_does_not_pass_with_no_records()
    {
        var ndjson = "{\"invoice_id\":\"INV-1\",\"amount\":1}\n"u8.ToArray();
        var cases = new (string What, byte[] Body, string ContentType)[]
        {
            ("NDJSON labelled CSV", ndjson, "text/csv"),
            ("NDJSON of several lines labelled CSV", [.. ndjson, .. ndjson, .. ndjson], "text/csv"),
            ("gzip labelled CSV without Content-Encoding", Compress("invoice_id,amount\nINV-1,1\n"u8.ToArray(), "gzip"), "text/csv"),
        };
        foreach (var (what, body, contentType) in cases)
        {
            var run = await StartRunAsync();
            var answer = await PostBatchAsync(run, body, contentType);
            var problem = await answer.ProblemAsync(HttpStatusCode.UnprocessableEntity, "PIPE-1002");
            Assert.False(string.IsNullOrEmpty(problem.Detail), what);
            await ExpectNothingRecordedAsync(run);
        }
        // A CSV that is only its header is an empty extract: 0 records, answered as such.
        var headerOnly = await (await PostBatchAsync(await StartRunAsync(), "invoice_id,amount\n"u8.ToArray(), "text/csv")).OkAsync<BatchResponse>();
        Assert.Equal(0, headerOnly.Records);
    }

    [Fact]
    public async Task A_batch_whose_key_is_revoked_while_it_streams_is_refused_and_nothing_is_recorded()
    {
        using var admin = Server.Client();
        var runnerKey = await admin.CreateKeyAsync(new CreateKeyRequest("slow-runner", "pipeline-runner"));
        using var runner = Server.Http(runnerKey.Secret);
        var run = await StartRunAsync();
        var firstHalfRead = new TaskCompletionSource();
        var revoked = new TaskCompletionSource();
        using var content = new PausingContent(Lines(1, 3_000), Lines(3_001, 6_000), firstHalfRead, revoked.Task);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        var upload = runner.PostAsync($"v1/runs/{run}/batches", content);
        await firstHalfRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The request's headers went out before its body: give the server a moment to authenticate it, so that the
        // revocation lands while the body streams (as in the report: 5 s after it), not before the request is seen.
        await Task.Delay(500);
        await admin.RevokeKeyAsync(runnerKey.Id);
        revoked.SetResult();
        var answer = await upload.WaitAsync(TimeSpan.FromSeconds(60));

        var problem = await answer.ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains("revoked while the batch was being sent", problem.Detail, StringComparison.Ordinal);
        await ExpectNothingRecordedAsync(run);
    }

    /// <summary>NDJSON lines; every tenth one breaks the pattern, so the batch would have a quarantine.</summary>
    private static byte[] Lines(int from, int to) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(from, to - from + 1)
        .Select(i => i % 10 == 0 ? $"{{\"invoice_id\":\"X-{i}\",\"amount\":{i}}}\n" : $"{{\"invoice_id\":\"INV-{i}\",\"amount\":{i}}}\n")));

    private async Task<string> StartRunAsync()
    {
        using var admin = Server.Client();
        return (await admin.StartRunAsync(new StartRunRequest(Seed.PipelineId))).RunId;
    }

    private async Task<HttpResponseMessage> PostBatchAsync(string run, byte[] body, string contentType, string? encoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        }
        return await Admin.PostAsync($"v1/runs/{run}/batches", content);
    }

    private async Task ExpectNothingRecordedAsync(string run)
    {
        using var admin = Server.Client();
        var counts = (await admin.GetRunAsync(run)).Counts;
        Assert.Equal((0, 0L, 0L), (counts.Batches, counts.Records, counts.Quarantined));
        Assert.Empty(await admin.ListQuarantineAsync(run));
        Assert.Empty(QuarantineFiles(run));
    }

    private string[] QuarantineFiles(string run)
    {
        var blobs = Path.Combine(Server.DataDir, "blobs");
        return Directory.Exists(blobs)
            ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Where(f => f.Contains(run, StringComparison.Ordinal)).ToArray()
            : [];
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }

    /// <summary>A chunked body that sends its first part, says so, and sends the rest only once released.</summary>
    private sealed class PausingContent(byte[] first, byte[] rest, TaskCompletionSource firstSent, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(first);
            await stream.FlushAsync();
            firstSent.TrySetResult();
            await release;
            await stream.WriteAsync(rest);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
