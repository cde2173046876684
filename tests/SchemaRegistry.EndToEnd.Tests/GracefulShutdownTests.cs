using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// <c>schemareg serve</c> stopped by SIGTERM (systemd, Kubernetes): it takes no new connection, lets a batch upload in
/// flight finish within Registry:DrainTimeoutSeconds or drops it whole when the drain runs out, and exits 0.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const string Admin = "sr_shutdown_admin_token_0123456789abcd";
    private const int Records = 20_000;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_batch_upload_in_flight_when_SIGTERM_arrives_completes_and_the_server_exits_0()
    {
        await using (var server = await ServerProcess.StartAsync(_dir.Path, Environment()))
        {
            var (upload, body) = await StartHeldBatchAsync(server, "drained-1");

            var exit = server.TerminateAsync(TimeSpan.FromSeconds(60));
            await WaitUntilRefusingConnectionsAsync(server);
            // Held past the two seconds after which System.CommandLine would end a process on SIGTERM by itself (143).
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.False(server.HasExited, "the server ended with a request in flight");
            body.Resume.SetResult();
            using var response = await upload.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.True(await exit == 0, server.Output);
            Assert.Contains("Stopping: no new connections", server.Output, StringComparison.Ordinal);
        }

        await using var restarted = await ServerProcess.StartAsync(_dir.Path, Environment());
        using var admin = new RegistryClient(restarted.Url, Admin);
        var run = await admin.GetRunAsync("drained-1");
        Assert.Equal(1, run.Counts.Batches);
        Assert.Equal(Records, run.Counts.Records);
    }

    [Fact]
    public async Task An_upload_still_incomplete_when_the_drain_runs_out_is_dropped_whole_and_the_server_exits_0()
    {
        var environment = Environment();
        environment["SCHEMAREG__Registry__DrainTimeoutSeconds"] = "1";
        await using (var server = await ServerProcess.StartAsync(_dir.Path, environment))
        {
            var (upload, body) = await StartHeldBatchAsync(server, "cut-1");

            Assert.True(await server.TerminateAsync(TimeSpan.FromSeconds(60)) == 0, server.Output);
            body.Resume.SetResult();
            var refused = await Record.ExceptionAsync(async () =>
            {
                using var response = await upload.WaitAsync(TimeSpan.FromSeconds(60));
                Assert.False(response.IsSuccessStatusCode, "the server answered success for a batch it had not read whole");
            });
            Assert.True(refused is null or HttpRequestException, refused?.ToString());
        }

        await using var restarted = await ServerProcess.StartAsync(_dir.Path, Environment());
        using var admin = new RegistryClient(restarted.Url, Admin);
        var run = await admin.GetRunAsync("cut-1");
        Assert.Equal(0, run.Counts.Batches);
        Assert.Equal(0, run.Counts.Records);
        var quarantine = Path.Combine(_dir.Path, "data", "blobs", "quarantine");
        Assert.False(Directory.Exists(quarantine) && Directory.EnumerateFiles(quarantine, "*", SearchOption.AllDirectories).Any(), "a dropped batch left quarantine files");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_dir.Path, "data", "spool")));
    }

    private static Dictionary<string, string> Environment() => new() { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };

    /// <summary>Starts run <paramref name="runId"/> and sends it a batch (half of its records invalid) that pauses half-way.</summary>
    private static async Task<(Task<HttpResponseMessage> Upload, PausingStream Body)> StartHeldBatchAsync(ServerProcess server, string runId)
    {
        using (var admin = new RegistryClient(server.Url, Admin))
        {
            await admin.RegisterAsync(new RegisterSchemaRequest("finance.gdp.invoice:v1.0", "finance-data",
                Payload: JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""").RootElement.Clone()));
            await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "shutdown test");
            await admin.RegisterPipelineAsync(new PipelineRequest("invoices", "gdp", "finance.gdp.invoice:latest", "pre_and_post", "quarantine", "finance-data"));
            await admin.StartRunAsync(new StartRunRequest("invoices", runId));
        }
        var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(90) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        var body = new PausingStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, Records).Select(i =>
            i % 2 == 0 ? $"{{\"id\":\"{i}\"}}\n" : $"{{\"id\":\"{i}\",\"extra\":1}}\n"))));
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var upload = SendAsync(http, $"v1/runs/{runId}/batches", content);
        await body.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (upload, body);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, HttpContent content)
    {
        using (http)
        {
            return await http.PostAsync(path, content);
        }
    }

    /// <summary>A new connection is refused once the server has begun its drain.</summary>
    private static async Task WaitUntilRefusingConnectionsAsync(ServerProcess server)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var probe = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(2) };
            try
            {
                using var _ = await probe.GetAsync("healthz");
            }
            catch (HttpRequestException)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the server kept taking new connections after SIGTERM");
    }
}
