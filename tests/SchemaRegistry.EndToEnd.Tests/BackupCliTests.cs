using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// `schemareg export` against a running server and `schemareg import` into a new store, as an operator runs them:
/// the restored store serves with the same keys and its ledger verifies; a second import and a damaged archive
/// are refused with their codes; only schema-admin may export.
/// </summary>
public sealed class BackupCliTests : IAsyncLifetime
{
    private const string Admin = "sr_backup_admin_token_0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private Task<Schemareg.Result> Run(ServerProcess server, string token, params string[] args) =>
        Schemareg.RunAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = server.Url.ToString(), ["SCHEMAREG_TOKEN"] = token }, args);

    [Fact]
    public async Task Export_then_import_restores_a_registry_that_serves_and_verifies()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            """{"fqid":"finance.gdp.invoice:v1.0","owner":"finance-data","payload":{"type":"object"}}""");
        Assert.Equal(0, (await Run(_server, Admin, "schema", "register", "invoice.json")).ExitCode);
        Assert.Equal(0, (await Run(_server, Admin, "schema", "publish", "finance.gdp.invoice:v1.0", "--force", "--reason", "backup drill")).ExitCode);

        var export = await Run(_server, Admin, "export", "backup.ndjson.gz");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains("Exported the registry to", export.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "backup.ndjson.gz.partial")));

        string[] target = ["--database", "sqlite:restored/registry.db", "--blobs", "file:restored/blobs"];
        var import = await Schemareg.RunAsync(_dir.Path, null, ["import", "backup.ndjson.gz", .. target]);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains("the ledger's chain holds", import.Stdout, StringComparison.Ordinal);

        var again = await Schemareg.RunAsync(_dir.Path, null, ["import", "backup.ndjson.gz", .. target]);
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("error BAK-1002:", again.Stderr, StringComparison.Ordinal);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "backup.ndjson.gz"));
        bytes[bytes.Length / 3] ^= 0x20;
        await File.WriteAllBytesAsync(Path.Combine(_dir.Path, "damaged.ndjson.gz"), bytes);
        var damaged = await Schemareg.RunAsync(_dir.Path, null, "import", "damaged.ndjson.gz", "--database", "sqlite:other/registry.db", "--blobs", "file:other/blobs");
        Assert.Equal(2, damaged.ExitCode);
        Assert.StartsWith("error BAK-1001:", damaged.Stderr, StringComparison.Ordinal);

        // The restored store, served: the original admin secret works, the version and the ledger are there.
        await using var restored = await ServerProcess.StartAsync(_dir.Path, null, target);
        var get = await Run(restored, Admin, "schema", "get", "finance.gdp.invoice:v1.0", "-o", "json");
        Assert.True(get.ExitCode == 0, get.Stderr);
        Assert.Contains("\"published\"", get.Stdout, StringComparison.Ordinal);
        var verify = await Run(restored, Admin, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("chain intact", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_needs_schema_admin()
    {
        var ops = await Run(_server, Admin, "keys", "create", "--name", "ops", "--role", "ops-engineer", "-o", "json");
        var secret = System.Text.Json.JsonDocument.Parse(ops.Stdout).RootElement.GetProperty("secret").GetString()!;

        var refused = await Run(_server, secret, "export", "backup.ndjson.gz");
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("error AUTH-1002:", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "backup.ndjson.gz")));
    }
}
