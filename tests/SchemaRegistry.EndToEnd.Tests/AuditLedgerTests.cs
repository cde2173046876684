using System.Text.Json;
using Microsoft.Data.Sqlite;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The governance ledger through the CLI against a running server: every change has its entry with who and why,
/// `schemareg audit verify` recomputes the hash chain, and a row edited directly in the database is caught.
/// </summary>
public sealed class AuditLedgerTests : IAsyncLifetime
{
    private const string Admin = "sr_audit_admin_token_0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<Schemareg.Result> Run(params string[] args) =>
        await Schemareg.RunAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin }, args);

    [Fact]
    public async Task Every_change_is_in_the_ledger_and_a_tampered_row_is_caught_by_verify()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.json"),
            """{"fqid":"finance.gdp.invoice:v1.0","owner":"finance-data","payload":{"type":"object"}}""");
        Assert.Equal(0, (await Run("schema", "register", "invoice.json")).ExitCode);
        Assert.Equal(0, (await Run("schema", "publish", "finance.gdp.invoice:v1.0", "--force", "--reason", "hotfix for INC-42")).ExitCode);
        Assert.Equal(0, (await Run("keys", "create", "--name", "ops", "--role", "ops-engineer")).ExitCode);

        var list = await Run("audit", "list", "--target", "finance.gdp.invoice:v1.0", "-o", "json");
        var entries = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["SchemaRegistered", "SchemaPublished"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("hotfix for INC-42", entries[1].GetProperty("reason").GetString());
        Assert.Equal("schema-admin", entries[1].GetProperty("role").GetString());
        var all = JsonDocument.Parse((await Run("audit", "list", "-o", "json")).Stdout).RootElement.EnumerateArray().ToList();
        Assert.Contains(all, e => e.GetProperty("action").GetString() == "KeyCreated");

        var intact = await Run("audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Stderr);
        Assert.Contains("chain intact", intact.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("audit", "export", "ledger.ndjson")).ExitCode);
        Assert.Equal(0, (await Run("audit", "verify", "--file", "ledger.ndjson")).ExitCode);

        // Quietly rewrite history: the reason of the forced publish.
        var tampered = entries[1].GetProperty("sequence").GetInt64();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, "data", "registry.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE audit_log SET reason = 'routine' WHERE sequence = $s";
            update.Parameters.AddWithValue("$s", tampered);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var broken = await Run("audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"broken at entry {tampered}", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("was changed", broken.Stderr, StringComparison.Ordinal);
    }
}
