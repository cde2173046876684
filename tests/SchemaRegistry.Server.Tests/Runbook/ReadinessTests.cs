using System.Net;
using System.Text.Json;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// <c>/readyz</c> checks the blob store as well as the database: a replica whose volume is gone or whose S3 does not
/// answer cannot store a published definition or a quarantine, so it is taken out of the load balancer (503).
/// </summary>
public sealed class ReadinessTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(RegistryServer server)
    {
        using var anonymous = server.Http(null);
        var response = await anonymous.GetAsync("readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void AssertBody(JsonElement body, string status, bool database, bool blobStore)
    {
        Assert.Equal((status, database, blobStore),
            (body.GetProperty("status").GetString(), body.GetProperty("database").GetBoolean(), body.GetProperty("blob_store").GetBoolean()));
        // The verdicts only: anyone may call it, so it names no path, host or bucket.
        Assert.Equal(3, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task A_file_blob_store_whose_directory_is_removed_makes_the_replica_unready_until_it_is_back()
    {
        using var dir = new TempDirectory();
        var blobs = Path.Combine(dir.Path, "blobs");
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Registry:Blobs"] = "file:" + blobs });
        var (status, body) = await ReadyAsync(server);
        Assert.Equal(HttpStatusCode.OK, status);
        AssertBody(body, "ready", database: true, blobStore: true);

        Directory.Delete(blobs, recursive: true);
        (status, body) = await ReadyAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        AssertBody(body, "unavailable", database: true, blobStore: false);
        Assert.False(Directory.Exists(blobs), "the probe must not re-create a missing volume");

        Directory.CreateDirectory(blobs);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(server)).Status);
        Assert.Empty(Directory.GetFiles(blobs));
    }

    [Fact]
    public async Task An_s3_blob_store_that_does_not_answer_makes_the_replica_unready()
    {
        var closed = $"s3://schemareg-down?endpoint=http://127.0.0.1:{FreePort()}&access_key=k&secret_key=s&path_style=true";
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Registry:Blobs"] = closed });
        var (status, body) = await ReadyAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        AssertBody(body, "unavailable", database: true, blobStore: false);
    }

    [Fact]
    public async Task An_s3_blob_store_that_answers_is_ready()
    {
        var url = Environment.GetEnvironmentVariable("SCHEMAREG_TEST_S3") is { Length: > 0 } s3 ? s3
            : throw new InvalidOperationException("SCHEMAREG_TEST_S3 is not set: run scripts/test, which starts s3rver on loopback.");
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var prefixed = $"{url[..query].TrimEnd('/')}/readyz-{Guid.NewGuid():N}{url[query..]}";
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["Registry:Blobs"] = prefixed });
        var (status, body) = await ReadyAsync(server);
        Assert.Equal(HttpStatusCode.OK, status);
        AssertBody(body, "ready", database: true, blobStore: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
