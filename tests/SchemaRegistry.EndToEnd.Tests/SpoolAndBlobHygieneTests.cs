using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// What records pass through on local disk and what a crash leaves: the spool lives under the data folder, owner-only
/// from the start, and start-up empties it; temporary blob files of interrupted writes are removed at start-up; an
/// export carries the definition files of published versions only.
/// </summary>
public sealed class SpoolAndBlobHygieneTests : IDisposable
{
    private const string Admin = "sr_hygiene_admin_token_0123456789abcdef";
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory _dir = new();

    private Dictionary<string, string> Environment => new() { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_up_removes_a_crash_s_leftovers_and_a_batch_spools_owner_only()
    {
        // What a SIGKILL mid-batch leaves: a world-readable spool folder with records, and a half-written blob.
        var spool = Path.Combine(_dir.Path, "data", "spool");
        var leftover = Path.Combine(spool, "spool-0123456789abcdef");
        Directory.CreateDirectory(leftover);
        File.SetUnixFileMode(spool, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(leftover, "records.ndjson"), """{"card":"4111 1111 1111 1111"}""" + "\n");
        var blobFolder = Path.Combine(_dir.Path, "data", "blobs", "quarantine", "finance", "gdp", "invoice", "2026", "01", "01", "r1");
        Directory.CreateDirectory(blobFolder);
        var temporary = Path.Combine(blobFolder, "batch-000001-0a1b2c3d.ndjson~" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(temporary, "half a record");
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddHours(-2));

        await using var server = await ServerProcess.StartAsync(_dir.Path, Environment);
        Assert.False(Directory.Exists(leftover), "the spool leftover survived the start-up");
        Assert.False(File.Exists(temporary), "the temporary blob file survived the start-up");
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(spool));

        // A batch held open half-way: its spool folder and files exist, and only their owner may read them.
        using var http = AdminHttp(server);
        var (upload, body) = await StartHeldBatchAsync(server, http, "hygiene-1");
        var files = await WaitForSpoolFilesAsync(spool);
        var folder = Assert.Single(Directory.GetDirectories(spool));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        Assert.All(files, f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
        body.Resume.SetResult();
        using var response = await upload;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
    }

    [Fact]
    public async Task A_server_killed_mid_batch_leaves_its_spool_and_the_next_start_up_removes_it()
    {
        var spool = Path.Combine(_dir.Path, "data", "spool");
        await using (var server = await ServerProcess.StartAsync(_dir.Path, Environment))
        {
            using var http = AdminHttp(server);
            var (upload, body) = await StartHeldBatchAsync(server, http, "killed-1");
            await WaitForSpoolFilesAsync(spool);

            await server.KillAsync();
            body.Resume.SetResult();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => upload.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.NotEmpty(Directory.GetFiles(spool, "*", SearchOption.AllDirectories));
        }

        await using (var restarted = await ServerProcess.StartAsync(_dir.Path, Environment))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
            Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "data", "blobs"), "*~*", SearchOption.AllDirectories));
            using var admin = new RegistryClient(restarted.Url, Admin);
            var run = await admin.GetRunAsync("killed-1");
            Assert.Equal(0, run.Counts.Batches);
        }
    }

    [Fact]
    public async Task An_export_carries_no_definition_of_a_version_that_never_published()
    {
        await using var server = await ServerProcess.StartAsync(_dir.Path, Environment);
        using var admin = new RegistryClient(server.Url, Admin);
        foreach (var version in new[] { "v1.0", "v1.1" })
        {
            await admin.RegisterAsync(new RegisterSchemaRequest($"finance.gdp.invoice:{version}", "finance-data",
                Payload: JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone()));
        }
        await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "hygiene test");

        // A publish of v1.1 that crashed after writing its definition, a definition with no version at all, and a
        // write cut short: none of them is part of the registry.
        var definitions = Path.Combine(_dir.Path, "data", "blobs", "schemas", "finance", "gdp", "invoice");
        await File.WriteAllTextAsync(Path.Combine(definitions, "v1.1.json"), """{"fqid":"finance.gdp.invoice:v1.1"}""");
        await File.WriteAllTextAsync(Path.Combine(definitions, "v7.0.json"), """{"fqid":"finance.gdp.invoice:v7.0"}""");
        await File.WriteAllTextAsync(Path.Combine(definitions, "v1.0.json~" + Guid.NewGuid().ToString("N")), "half");

        var export = await Schemareg.RunAsync(_dir.Path,
            new Dictionary<string, string> { ["SCHEMAREG_URL"] = server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin }, "export", "backup.ndjson.gz");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(["schemas/finance/gdp/invoice/v1.0.json"], await BlobKeysAsync(Path.Combine(_dir.Path, "backup.ndjson.gz")));
    }

    private static HttpClient AdminHttp(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return http;
    }

    /// <summary>Starts run <paramref name="runId"/> on a published schema and sends it a batch that pauses half-way.</summary>
    private static async Task<(Task<HttpResponseMessage> Upload, PausingStream Body)> StartHeldBatchAsync(ServerProcess server, HttpClient http, string runId)
    {
        using var admin = new RegistryClient(server.Url, Admin);
        await admin.RegisterAsync(new RegisterSchemaRequest("finance.gdp.invoice:v1.0", "finance-data",
            Payload: JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""").RootElement.Clone()));
        await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "hygiene test");
        await admin.RegisterPipelineAsync(new PipelineRequest("invoices", "gdp", "finance.gdp.invoice:latest", "pre_and_post", "quarantine", "finance-data"));
        await admin.StartRunAsync(new StartRunRequest("invoices", runId));

        var body = new PausingStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":\"{i}\",\"extra\":1}}\n"))));
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var upload = http.PostAsync($"v1/runs/{runId}/batches", content);
        await body.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (upload, body);
    }

    private static async Task<List<string>> WaitForSpoolFilesAsync(string spool)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var files = Directory.GetFiles(spool, "*", SearchOption.AllDirectories);
            if (files.Length >= 2)
            {
                return [.. files];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no spool files appeared under {spool}");
    }

    /// <summary>The distinct keys of an archive's blobs part.</summary>
    private static async Task<List<string>> BlobKeysAsync(string archive)
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var keys = new List<string>();
        var inBlobs = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                inBlobs = root.TryGetProperty("part", out var part) && part.GetString() == "blobs";
            }
            else if (inBlobs && root[0].GetString() is { } key && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }
}
