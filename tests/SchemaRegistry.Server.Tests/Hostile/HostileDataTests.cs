using System.Net;
using System.Net.Sockets;
using System.Text;
using Parquet.Serialization;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Hostile schemas (catastrophic regexes, reference loops, references out of the registry) and hostile data files
/// (truncated, lying about their size, over the limit). Each is answered with a coded refusal, or read and reported
/// record by record; the server stays healthy and the schemas it held are unchanged.
/// </summary>
public sealed class HostileDataTests(ITestOutputHelper output) : SeededServerTests
{
    [Theory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""")]
    [InlineData("""{"type":"object","properties":{"x":{"$ref":"#/properties/x"}}}""")]
    [InlineData("""{"allOf":[{"$ref":"#"}]}""")]
    [InlineData("""{"$ref":"http://169.254.169.254/latest/meta-data"}""")]
    [InlineData("""{"$ref":"file:///etc/passwd"}""")]
    [InlineData("""{"$ref":"schemareg:finance.gdp.invoice:v1.1"}""")]
    [InlineData("""{"$ref":"schemareg:../../etc/passwd"}""")]
    public async Task Reference_loops_and_references_out_of_the_registry_are_refused_with_a_code(string payload)
    {
        var answers = new List<Answer>();
        var fqid = "finance.gdp.hostile:v1.0";
        answers.Add(await Answer.SendAsync(Admin, HttpMethod.Post, "v1/schema", Answer.Json($$"""{"fqid":"{{fqid}}","owner":"finance-data","payload":{{payload}}}""")));
        if (answers[0].Status == 201)
        {
            // Registered as a draft (a draft holds anything); it must not pass validation.
            answers.Add(await Answer.SendAsync(Admin, HttpMethod.Post, "v1/schema/validate", Answer.Json($$"""{"fqid":"{{fqid}}"}""")));
            answers.Add(await Answer.SendAsync(Admin, HttpMethod.Post, "v1/schema/publish", Answer.Json($$"""{"fqid":"{{fqid}}","force":true,"reason":"hostile"}""")));
        }
        output.WriteLine(string.Join('\n', answers));
        var refusal = answers[^1];
        Assert.True(refusal.IsCoded4xx, refusal.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("v1/schema/finance.gdp.hostile:latest")).StatusCode);
        await ExpectHealthyAsync();
    }

    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("(x+x+)+y")]
    [InlineData("^(([a-z])+.)+[A-Z]([a-z])+$")]
    [InlineData("(a|a)*b")]
    public async Task Catastrophic_patterns_validate_hostile_values_without_hanging(string pattern)
    {
        var quoted = HostileInputs.Quote(pattern);
        var payload = "{\"type\":\"object\",\"properties\":{\"invoice_id\":{\"type\":\"string\",\"pattern\":" + quoted
            + "}},\"patternProperties\":{" + quoted + ":{\"type\":\"string\"}}}";
        var fqid = "finance.gdp.regex:v1.0";
        var registered = await Answer.SendAsync(Admin, HttpMethod.Post, "v1/schema", Answer.Json($$"""{"fqid":"{{fqid}}","owner":"finance-data","payload":{{payload}}}"""));
        Assert.Equal(201, registered.Status);
        using var admin = Server.Client();
        await admin.PublishAsync(fqid, force: true, reason: "hostile patterns");
        await admin.RegisterPipelineAsync(new PipelineRequest("p-regex", "gdp", fqid));
        var run = await admin.StartRunAsync(new StartRunRequest("p-regex"));

        var evil = new string('a', 50_000) + "!";
        var lines = $$"""
            {"invoice_id":"{{evil}}"}
            {"{{evil}}":"x","invoice_id":"ok"}
            {"invoice_id":"{{new string('x', 20_000)}}"}
            """;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a backtracking engine would take centuries
        var batch = await admin.SendBatchAsync(run.RunId, new MemoryStream(Encoding.UTF8.GetBytes(lines)), "application/x-ndjson", cancel.Token);
        output.WriteLine($"{pattern}: {batch.Records} records, {batch.Valid} valid, {batch.Invalid} invalid");
        Assert.Equal(3, batch.Records);
        await ExpectHealthyAsync();
    }

    [Fact]
    public async Task Truncated_lying_and_oversized_data_files_get_a_coded_answer_and_change_no_schema()
    {
        var before = await SchemasAsync();
        var parquet = await ParquetFileAsync();
        var files = new List<(string What, string ContentType, byte[] Body)>
        {
            ("Parquet cut in half", "application/vnd.apache.parquet", parquet[..(parquet.Length / 2)]),
            ("Parquet without its last byte", "application/vnd.apache.parquet", parquet[..^1]),
            ("Parquet whose footer claims 2 GB", "application/vnd.apache.parquet", LyingFooter(parquet, int.MaxValue)),
            ("Parquet whose footer claims more than the file", "application/vnd.apache.parquet", LyingFooter(parquet, parquet.Length)),
            ("Parquet magic only", "application/vnd.apache.parquet", "PAR1PAR1"u8.ToArray()),
            ("Parquet of random bytes", "application/vnd.apache.parquet", [.. "PAR1"u8, .. RandomBytes(4096), .. "PAR1"u8]),
            ("an empty Parquet body", "application/vnd.apache.parquet", []),
            ("CSV with an unterminated quote", "text/csv", Encoding.UTF8.GetBytes("invoice_id,amount\n\"INV-1,3\nINV-2,4\n")),
            ("CSV with more cells than columns", "text/csv", Encoding.UTF8.GetBytes("invoice_id,amount\nINV-1,3,4,5\n")),
            ("CSV with no header", "text/csv", []),
            ("CSV over the batch limit", "text/csv", Encoding.UTF8.GetBytes("invoice_id,amount\n" + string.Concat(Enumerable.Repeat("INV-1,3\n", MaxBatchBytes / 8 + 10)))),
            ("NDJSON cut inside a record", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"invoice_id\":\"INV-1\",\"amount\":3}\n{\"invoice_id\":\"INV-2\",\"amo")),
            ("NDJSON of invalid UTF-8", "application/x-ndjson", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D, 0x0A]),
            ("NDJSON 10,000 levels deep", "application/x-ndjson", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000) + "\n")),
            ("NDJSON over the batch limit", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"invoice_id\":\"" + new string('x', MaxBatchBytes) + "\"}\n")),
        };
        var answers = new List<Answer>();
        foreach (var (what, contentType, body) in files)
        {
            using var admin = Server.Client();
            var run = await admin.StartRunAsync(new StartRunRequest(Seed.PipelineId));
            var answer = await Answer.SendAsync(Admin, HttpMethod.Post, $"v1/runs/{run.RunId}/batches", Answer.Bytes(body, contentType));
            answers.Add(answer with { Request = $"{what}: {answer.Request}" });
        }
        output.WriteLine(string.Join('\n', answers));
        // A file that cannot be read is refused whole (422, 413); one that reads is answered record by record.
        Assert.All(answers, answer => Assert.True(answer.IsCoded4xx || answer.Status == 200, answer.ToString()));
        Assert.Contains(answers, answer => answer is { Status: 413, Code: "REQ-1002" });
        Assert.Contains(answers, answer => answer is { Status: 422, Code: "PIPE-1002" });

        await SendWithLyingContentLengthAsync();
        await ExpectHealthyAsync();
        Assert.Equal(before, await SchemasAsync());
    }

    /// <summary>A request that promises more body than it sends and hangs up, and one that sends more than it promised.</summary>
    private async Task SendWithLyingContentLengthAsync()
    {
        using var admin = Server.Client();
        var run = await admin.StartRunAsync(new StartRunRequest(Seed.PipelineId));
        foreach (var (declared, sent) in new[] { (500_000, 100), (10, 5_000) })
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(Server.BaseAddress.Host, Server.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST /v1/runs/{run.RunId}/batches HTTP/1.1\r\nHost: {Server.BaseAddress.Authority}\r\nAuthorization: Bearer {RegistryServer.AdminToken}\r\n"
                + $"Content-Type: application/x-ndjson\r\nContent-Length: {declared}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"invoice_id\":\"INV-1\"}\n", sent / 23 + 1)))[..sent]);
            await stream.FlushAsync();
            socket.Client.Shutdown(SocketShutdown.Send);
            var buffer = new byte[4096];
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                var read = await stream.ReadAsync(buffer, cancel.Token);
                output.WriteLine($"Content-Length {declared}, sent {sent}: {Encoding.ASCII.GetString(buffer, 0, Math.Min(read, 80)).Split('\r')[0]}");
            }
            catch (IOException e)
            {
                output.WriteLine($"Content-Length {declared}, sent {sent}: the server closed the connection ({e.InnerException?.Message ?? e.Message})");
            }
        }
    }

    private async Task ExpectHealthyAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"v1/schema/{Seed.Published}")).StatusCode);
    }

    private async Task<string> SchemasAsync() =>
        await Admin.GetStringAsync($"v1/schema/{Seed.Subject}/versions") + await Admin.GetStringAsync("v1/pipelines");

    private sealed record InvoiceRow(string invoice_id, double amount);

    private static async Task<byte[]> ParquetFileAsync()
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(Enumerable.Range(1, 200).Select(i => new InvoiceRow($"INV-{i}", i)), stream);
        return stream.ToArray();
    }

    /// <summary>The file with its footer length (the four bytes before the closing magic) replaced.</summary>
    private static byte[] LyingFooter(byte[] parquet, int footerLength)
    {
        var copy = parquet.ToArray();
        BitConverter.TryWriteBytes(copy.AsSpan(copy.Length - 8, 4), footerLength);
        return copy;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20261123).NextBytes(bytes);
        return bytes;
    }
}
