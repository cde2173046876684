using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// When every schema-admin key is lost anyway (revoked or expired; here revoked directly in the database), a start
/// with <c>SCHEMAREG_ADMIN_TOKEN</c> recovers one, with a warning and a <c>KeyRecovered</c> event and ledger entry;
/// while an admin key is active, a token that is not one is ignored with a warning, never silently.
/// </summary>
public sealed class AdminRecoveryTests
{
    private const string First = "sr_recovery_first_token_0123456789abcdef";
    private const string Second = "sr_recovery_second_token_0123456789abcdef";
    private const string Third = "sr_recovery_third_token_0123456789abcdef";

    [Fact]
    public async Task The_admin_token_recovers_an_admin_key_only_when_none_is_active()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartAsync(dir.Path, Token(First)))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.Url, First));
        }
        await RevokeEveryKeyAsync(dir.Path);

        // The same token: its key comes back.
        await using (var server = await ServerProcess.StartAsync(dir.Path, Token(First)))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.Url, First));
            Assert.Contains("re-activated schema-admin key key_admin", server.Output, StringComparison.Ordinal);
        }
        await RevokeEveryKeyAsync(dir.Path);

        // A new token: a new recovery key; the old token stays revoked.
        await using (var server = await ServerProcess.StartAsync(dir.Path, Token(Second)))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.Url, Second));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(server.Url, First));
            Assert.Contains("created schema-admin key key_recovery_", server.Output, StringComparison.Ordinal);
        }

        // An admin key is active: another token is ignored, and the log says so.
        await using var last = await ServerProcess.StartAsync(dir.Path, Token(Third));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(last.Url, Third));
        Assert.Contains("SCHEMAREG_ADMIN_TOKEN is ignored", last.Output, StringComparison.Ordinal);
        using var admin = Client(last.Url, Second);
        var recovered = (await EventFeed.ReadAllAsync(admin)).Where(e => e.GetProperty("type").GetString() == "KeyRecovered").ToList();
        Assert.Equal("keys/key_admin", recovered[0].GetProperty("subject").GetString());
        Assert.StartsWith("keys/key_recovery_", recovered[1].GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, recovered.Count);
        var ledger = (await EventFeed.ReadLedgerAsync(admin)).Where(e => e.GetProperty("action").GetString() == "KeyRecovered").ToList();
        Assert.Equal(recovered.Select(e => e.GetProperty("sequence").GetInt64()), ledger.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.All(ledger, e => Assert.Equal("recovery", e.GetProperty("principal").GetString()));
    }

    private static Dictionary<string, string> Token(string token) => new() { ["SCHEMAREG_ADMIN_TOKEN"] = token };

    /// <summary>Every admin key lost: what an operator finds after a lost race of an older version, or a hand edit.</summary>
    private static async Task RevokeEveryKeyAsync(string directory)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(directory, "data", "registry.db")};Pooling=False");
        await db.OpenAsync();
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE revoked_at IS NULL";
        update.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(await update.ExecuteNonQueryAsync() >= 1);
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri url, string token)
    {
        using var http = Client(url, token);
        using var response = await http.GetAsync("v1/keys");
        return response.StatusCode;
    }

    private static HttpClient Client(Uri url, string token)
    {
        var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
