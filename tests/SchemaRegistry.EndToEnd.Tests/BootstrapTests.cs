using System.Net;
using System.Net.Http.Headers;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

public sealed class BootstrapTests
{
    [Fact]
    public async Task First_start_creates_an_admin_key_prints_it_once_and_keeps_it_private()
    {
        using var dir = new TempDirectory();
        string secret;
        await using (var server = await ServerProcess.StartAsync(dir.Path, null))
        {
            var tokenFile = Path.Combine(dir.Path, "data", "admin.token");
            secret = (await File.ReadAllTextAsync(tokenFile)).Trim();
            Assert.StartsWith("sr_", secret, StringComparison.Ordinal);
            Assert.Contains(secret, server.Output, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            Assert.True(File.Exists(Path.Combine(dir.Path, "data", "registry.db")));
            Assert.Equal(HttpStatusCode.OK, (await Get(server.Url, secret, "v1/subjects")).StatusCode);
        }
        await using (var again = await ServerProcess.StartAsync(dir.Path, null))
        {
            Assert.DoesNotContain("Admin API key", again.Output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await Get(again.Url, secret, "v1/subjects")).StatusCode);
        }
    }

    [Fact]
    public async Task Data_dir_database_and_blobs_options_choose_where_things_live()
    {
        using var dir = new TempDirectory();
        var db = Path.Combine(dir.Path, "meta", "reg.sqlite");
        var blobs = Path.Combine(dir.Path, "objects");
        await using var server = await ServerProcess.StartAsync(dir.Path, null,
            "--data-dir", Path.Combine(dir.Path, "state"), "--database", $"sqlite:{db}", "--blobs", $"file:{blobs}");
        Assert.True(File.Exists(db));
        Assert.True(File.Exists(Path.Combine(dir.Path, "state", "admin.token")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "data")));
    }

    [Fact]
    public async Task Migrate_creates_the_schema_once()
    {
        using var dir = new TempDirectory();
        var first = await Schemareg.RunAsync(dir.Path, null, "migrate", "--database", "sqlite:reg.db");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied migrations: 1, 2, 3, 4, 5, 6, 7, 8", first.Stdout, StringComparison.Ordinal);
        var second = await Schemareg.RunAsync(dir.Path, null, "migrate", "--database", "sqlite:reg.db");
        Assert.Equal((0, "The database is up to date."), (second.ExitCode, second.Stdout.Trim()));
    }

    private static async Task<HttpResponseMessage> Get(Uri url, string token, string path)
    {
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(path);
    }
}
